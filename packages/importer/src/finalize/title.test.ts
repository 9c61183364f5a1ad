import { describe, expect, it } from 'vitest';
import { readCover, readMeta } from './title.js';

const cover = (...lines: string[]) => readCover(lines.map((text, i) => ({ text, where: `line ${i + 1}` })));

describe('readCover: the plan’s title', () => {
  it('takes the plan’s own name over the organisation’s above it', () => {
    const c = cover(
      'Testshire County Council',
      'Workforce Strategy Action Plan 2026–2029',
      'Our people, our future.',
    );
    expect(c.title).toBe('Workforce Strategy Action Plan 2026–2029');
    // The organisation's name is kept with the cover.
    expect(c.rest).toContain('Testshire County Council');
  });

  it('leaves the page number off a title that a PDF’s running header ends with', () => {
    expect(cover('Recruitment Action Plan 2026/27          Page 2 of 9', 'Ref Action Lead').title).toBe(
      'Recruitment Action Plan 2026/27',
    );
  });

  it('takes the plan’s own name over a page’s short heading above it', () => {
    const c = cover('Our commitments', 'Belonging in the NHS road map', 'Select each commitment below.');
    expect(c.title).toBe('Belonging in the NHS road map');
    expect(c.rest).toContain('Our commitments');
    // A short name of its own, with its year, is a title: what follows does not take its place.
    expect(cover('Our People 2026', 'Action plan for managers').title).toBe('Our People 2026');
    expect(cover('Introduction', 'Why we need to change').title).toBe('Introduction');
  });

  it('takes the plan’s own name past a web page’s navigation under the organisation’s', () => {
    const c = cover(
      'Northshire County Council',
      'Home',
      'Council and democracy',
      'Agenda item',
      'Issue - meetings',
      'Agenda item',
      'Workforce Strategy Action Plan - Quarter 2 update',
    );
    expect(c.title).toBe('Workforce Strategy Action Plan - Quarter 2 update');
    // A sentence between them is the page's content: the organisation's name stays the title.
    expect(
      cover(
        'Northshire County Council',
        'Home',
        'We are recruiting across all our services this year',
        'Pay Policy Statement',
      ).title,
    ).toBe('Northshire County Council');
  });

  it('keeps the first line when nothing after it names a plan', () => {
    expect(cover('London Borough of Harrow', 'Introduction by the Chief Executive').title).toBe(
      'London Borough of Harrow',
    );
    expect(cover('HR Business Plan 2013-14', 'Kent County Council').title).toBe('HR Business Plan 2013-14');
  });
});

describe('readCover: a committee paper’s own labels are not the plan’s title', () => {
  it.each([
    [
      ['Agenda Item 6(b) – Appendix 2', 'Workforce Strategy Action Plan 2025-28'],
      'Workforce Strategy Action Plan 2025-28',
    ],
    [
      ['AGENDA ITEM NO. 7', 'Workforce Strategy Action Plan 2025-28'],
      'Workforce Strategy Action Plan 2025-28',
    ],
    [['Agenda item 5 – Workforce Strategy Action Plan 2025-28'], 'Workforce Strategy Action Plan 2025-28'],
    [['Appendix B – People Strategy Action Plan 2025-2028'], 'People Strategy Action Plan 2025-2028'],
  ])('%j is titled "%s"', (lines, title) => expect(cover(...lines).title).toBe(title));
});

describe('readCover: a protective marking is how to handle the paper, never its title', () => {
  it.each([
    'OFFICIAL',
    'OFFICIAL-SENSITIVE',
    'OFFICIAL SENSITIVE',
    'Official – Sensitive',
    'OFFICIAL-SENSITIVE [PERSONAL]',
    'NOT PROTECTIVELY MARKED',
    'Classification: OFFICIAL',
  ])('"%s" above the plan’s name', (marking) =>
    expect(cover(marking, 'Workforce Strategy Action Plan 2026-2028').title).toBe(
      'Workforce Strategy Action Plan 2026-2028',
    ),
  );

  it('a title that starts as one is still a title', () =>
    expect(cover('Official Workforce Plan 2026').title).toBe('Official Workforce Plan 2026'));
});

describe('readMeta: who owns the plan, from its cover', () => {
  it.each([
    ['Owner: Head of HR & OD', 'Head of HR & OD'],
    // The next fields of a document-control line run on once its spacing is gone.
    ['Owner: Head of HR & OD Version 2.1 Last updated 3 November 2026', 'Head of HR & OD'],
    [
      'Document owner: Head of Organisational Development; approved by Cabinet',
      'Head of Organisational Development',
    ],
    // A sentence after the owner is about the plan.
    [
      'Plan owner: Sarah Jones, Assistant Director People. This plan is reviewed each quarter by CMT.',
      'Sarah Jones, Assistant Director People',
    ],
    // A cover's row kept as a table's text: the label's cell, then the value's.
    ['Document owner | Head of HR', 'Head of HR'],
    ['Responsible director | Director of Resources', 'Director of Resources'],
    // Said in a sentence, as a closing paragraph does.
    ['The plan owner is the Director of People.', 'Director of People'],
    [
      'The strategy owner is Sarah Jones, Assistant Director People.',
      'Sarah Jones, Assistant Director People',
    ],
  ])('%s', (line, owner) => expect(readMeta([line]).ownerLabel).toBe(owner));

  it('takes no owner from a paragraph about the plan', () => {
    const long = `Owner: ${'the whole workforce and every manager who '.repeat(4)}leads a team`;
    expect(readMeta([long]).ownerLabel).toBeUndefined();
  });
});
