import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { ActionRow, PersonRow } from '../lib/responses.js';
import { ActionSummary } from './action-summary.js';

const action = (leads: ActionRow['leads']) =>
  ({
    id: 'a1',
    planId: 'p1',
    themeId: 't1',
    ref: '1.1',
    title: 'Run the staff survey',
    leads,
    crossRefs: [],
    unplaced: [],
    status: 'not-started',
    rag: { rag: 'grey', reasons: [], overridden: false },
  }) as unknown as ActionRow;
const person = (id: string, name: string) => ({ id, name }) as unknown as PersonRow;
/** The summary's text, tags dropped. */
const text = (a: ActionRow, people?: PersonRow[]) =>
  renderToStaticMarkup(<ActionSummary action={a} people={people} />).replace(/<[^>]+>/g, ' ');

describe('ActionSummary leads', () => {
  const people = [person('p1', 'Ed Ellis'), person('p2', 'Priya Shah')];

  it('names who a role label points at in the directory', () => {
    const a = action([{ role: 'accountable', label: 'Head of HR', personId: 'p1' }]);
    expect(text(a, people)).toContain('Head of HR (Ed Ellis)');
  });

  it('does not repeat a name the label already gives', () => {
    const a = action([
      { role: 'accountable', label: 'Priya Shah', personId: 'p2' },
      { role: 'accountable', label: 'OD Manager (Priya Shah)', personId: 'p2' },
    ]);
    const t = text(a, people);
    expect(t).toContain('Priya Shah, OD Manager (Priya Shah)');
    expect(t).not.toContain('(Priya Shah) (Priya Shah)');
  });

  it('keeps the label alone while the directory is not known, and says when a lead is not in it', () => {
    expect(text(action([{ role: 'accountable', label: 'Head of HR', personId: 'p1' }]))).not.toContain('(');
    const t = text(action([{ role: 'accountable', label: 'Reward Lead' }]), people);
    expect(t).toContain('Reward Lead (not in the directory)');
  });
});
