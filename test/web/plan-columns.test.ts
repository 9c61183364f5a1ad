import { describe, expect, it } from 'vitest';
import { type ColumnAction, columnsFor } from '../../web/src/lib/plan-columns.js';

const due = { text: 'End of March 2027', kind: 'date' as const, due: '2027-03-31' };
const action = (id: string, more: Partial<ColumnAction> = {}): ColumnAction => ({ id, leads: [], ...more });
const headings = (...args: Parameters<typeof columnsFor>) => columnsFor(...args).map((c) => c.heading);

describe('columnsFor: the columns a plan table shows', () => {
  it('adds a due column, before progress, when a kind without one has dated actions', () => {
    const shown = headings('people-strategy', [
      action('a', { outcome: 'Fewer vacancies', currentPosition: 'Adverts drafted' }),
      action('b', { due }),
    ]);
    expect(shown).toEqual(['Ref', 'What we’ll do', 'Status', 'To achieve what', 'Due', 'Progress']);
  });

  it('shows a column only when some action has a value for it', () => {
    // Nothing but titles: the action, its reference and its status.
    expect(headings('people-strategy', [action('a'), action('b', { outcome: '  ' })])).toEqual([
      'Ref',
      'What we’ll do',
      'Status',
    ]);
    // Milestones when one action has any; leads of a role when some lead has that role.
    const peer = headings(
      'peer-review',
      [action('a', { leads: [{ role: 'strategic', label: 'GM (HR)' }] }), action('b', { due })],
      (id) => id === 'a',
    );
    expect(peer).toEqual(['Ref', 'Challenge', 'Status', 'Strategic lead', 'Deadline']);
    expect(
      headings(
        'people-strategy',
        [action('a', { leads: [{ role: 'responsible', label: 'HR' }] })],
        () => true,
      ),
    ).toEqual(['Ref', 'What we’ll do', 'Status', 'Milestones', 'Lead']);
  });

  it('calls an action’s leads "Lead" and its milestones "Milestones", whatever the kind', () => {
    const full = action('a', {
      leads: [{ role: 'responsible', label: 'HR' }],
      outcome: 'x',
      currentPosition: 'y',
      constraints: 'z',
      measureOfSuccess: 'w',
      due,
      start: due,
    });
    for (const kind of ['people-strategy', 'best-value-review', 'business-plan', 'iip-assessment'] as const) {
      const shown = headings(kind, [full], () => true);
      expect(shown, kind).toContain('Lead');
      expect(shown, kind).not.toContain('Who');
      expect(shown, kind).not.toContain('Responsibility');
      expect(shown, kind).not.toContain('Corporate actions by year');
    }
    expect(headings('people-strategy', [full], () => true)).toContain('Milestones');
  });
});
