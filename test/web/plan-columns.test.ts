import { describe, expect, it } from 'vitest';
import { columnsFor, PLAN_COLUMNS } from '../../web/src/lib/plan-columns.js';

const due = { text: 'End of March 2027', kind: 'date' as const, due: '2027-03-31' };

describe('columnsFor: the columns a plan table shows', () => {
  it('adds a due column, before progress and status, when a kind without one has dated actions', () => {
    const headings = columnsFor('people-strategy', [{}, { due }]).map((c) => c.heading);
    expect(headings.slice(-3)).toEqual(['Due', 'Progress', 'Status']);
  });

  it('keeps the kind’s own columns when they show the dates, or nothing is dated', () => {
    expect(columnsFor('business-plan', [{ due }])).toBe(PLAN_COLUMNS['business-plan']);
    expect(columnsFor('people-strategy', [{}])).toBe(PLAN_COLUMNS['people-strategy']);
  });
});
