import { describe, expect, it } from 'vitest';
import { repairStoredEntity } from './stored.js';

const base = { id: 'x', title: 'T', status: 'not-started', version: 1 };

describe('repairStoredEntity: stored items with impossible dates are made safe, not fatal', () => {
  it('keeps a sound item as it is (the same object)', () => {
    const item = { ...base, due: { text: 'March 2027', kind: 'date', due: '2027-03-31' } };
    expect(repairStoredEntity('action', item)).toBe(item);
  });

  it('turns an impossible milestone date into the same words, unparsed, and says what was wrong', () => {
    const item = {
      ...base,
      due: { text: 'end of Nov', kind: 'date', due: '2026-11-31', precision: 'day' },
      baselineDue: { text: 'end of Nov', kind: 'date', due: '2026-11-31' },
      completedOn: '2026-02-30',
    };
    const r = repairStoredEntity('milestone', item) as typeof item & { dataProblems: string[] };
    expect(r.due).toEqual({
      text: 'end of Nov',
      kind: 'unparsed',
      note: expect.stringContaining('2026-11-31'),
    });
    expect(r.baselineDue.kind).toBe('unparsed');
    expect(r).not.toHaveProperty('completedOn');
    expect(r.dataProblems).toEqual([
      'due: the stored due date "2026-11-31" is not a real date',
      'baselineDue: the stored due date "2026-11-31" is not a real date',
      'completedOn: the stored date "2026-02-30" is not a real date',
    ]);
    expect(item.due.due).toBe('2026-11-31'); // the input is not changed
  });

  it('drops a plan’s impossible period ends and reporting points, naming each', () => {
    const plan = {
      ...base,
      period: { label: 'x', start: '2026-02-30', end: '2026-13-45' },
      approval: { by: 'Cabinet', date: '2026-04-01' },
      reportingPoints: [
        { label: 'Mid-year', date: '2026-09-30' },
        { label: 'Year-end', date: '2027-02-31' },
      ],
    };
    const r = repairStoredEntity('plan', plan) as typeof plan & { dataProblems: string[] };
    expect(r.period).toEqual({ label: 'x' });
    expect(r.approval).toBe(plan.approval);
    expect(r.reportingPoints).toEqual([{ label: 'Mid-year', date: '2026-09-30' }]);
    expect(r.dataProblems).toHaveLength(3);
    // The stored item is not changed.
    expect(plan.period.start).toBe('2026-02-30');
    expect(plan.reportingPoints).toHaveLength(2);
  });

  it('leaves other item types alone', () => {
    const item = { at: 'whenever' };
    expect(repairStoredEntity('audit', item)).toBe(item);
  });
});
