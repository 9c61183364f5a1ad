import { describe, expect, it } from 'vitest';
import { leadChoices, matches } from '../../web/src/components/plan-filters.js';

describe('the plan page’s lead filter', () => {
  const actions = [
    { leads: [{ label: 'Aisha Khan', personId: 'p1' }] },
    { leads: [{ label: 'A. Khan', personId: 'p1' }] },
    { leads: [{ label: 'Aisha Khan', personId: 'p1' }, { label: 'L&D Team' }] },
    { leads: [{ label: 'Mark Bennett (Head of OD)', personId: 'p2' }] },
  ];

  it('offers each person once, however the plan wrote them, and labels matched to no one as written', () => {
    expect(leadChoices(actions)).toEqual([
      { value: 'person:p1', text: 'Aisha Khan (also A. Khan)' },
      { value: 'L&D Team', text: 'L&D Team' },
      { value: 'person:p2', text: 'Mark Bennett (Head of OD)' },
    ]);
  });

  it('finds every action a person leads under any of their labels', () => {
    type Row = Parameters<typeof matches>[0];
    const f = { status: '', lead: 'person:p1', theme: '', due: '' };
    const plan = {} as Parameters<typeof matches>[2];
    expect(actions.map((a) => matches(a as unknown as Row, f, plan, '2026-12-06', []))).toEqual([
      true,
      true,
      true,
      false,
    ]);
    // An address saved before people were matched still filters by the label.
    expect(matches(actions[1] as unknown as Row, { ...f, lead: 'A. Khan' }, plan, '2026-12-06', [])).toBe(
      true,
    );
  });
});
