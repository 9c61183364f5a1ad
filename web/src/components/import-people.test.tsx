import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ImportPeople } from './import-people.js';

const render = (leads: Parameters<typeof ImportPeople>[0]['people']['leads']) =>
  renderToStaticMarkup(
    <ImportPeople people={{ leads, suggestions: [] }} directory={[]} answers={{}} setAnswers={() => {}} />,
  );

describe('ImportPeople', () => {
  it('says why a lead named after someone who has left is new, tied to the choice of who leads', () => {
    const html = render([
      { label: 'Head of Talent', actions: 2, left: { name: 'Dana Leaver', leftOn: '2026-09-30' } },
    ]);
    expect(html).toContain('1 of 1 leads are not in the people directory or have left the council.');
    expect(html).toContain(
      '<div class="govuk-hint" id="lead-0-left">Dana Leaver left the council on 30 September 2026 and leads nothing new: choose who leads these actions now.</div>',
    );
    expect(html).toContain('aria-describedby="lead-0-left"');
    expect(html).toContain('Add “Head of Talent” as a new person, to check');
    expect(html).toContain('takes the lead’s words as their label');
  });

  it('says nothing of leavers when no lead is one', () => {
    const html = render([{ label: 'Head of HR', actions: 1 }]);
    expect(html).toContain('1 of 1 leads are not in the people directory.');
    expect(html).not.toContain('left the council');
    expect(html).not.toContain('aria-describedby');
    expect(
      render([{ label: 'Head of HR', actions: 1, person: { id: 'p', name: 'Ed Ellis', via: 'directory' } }]),
    ).not.toContain('takes the lead’s words');
  });
});
