import { describe, expect, it } from 'vitest';
import { reportingPeriodOfUpdates, updatesFor } from './update-period.js';

describe('updatesFor: which updates speak for a period', () => {
  const q3 = updatesFor({
    names: ['Q3 2026-27 (October–December 2026)'],
    days: { start: '2026-10-01', end: '2026-12-31' },
  });

  it('gives an update filed under a period to that period alone, whatever day it was written', () => {
    expect(q3({ period: 'Q2 2026-27', date: '2026-10-20' })).toBe(false);
    expect(q3({ period: '2026-27 q3', date: '2027-01-09' })).toBe(true);
  });

  it('goes by the day for an update filed under no period', () => {
    expect(q3({ date: '2026-10-20' })).toBe(true);
    expect(q3({ period: ' ', date: '2026-10-20' })).toBe(true);
    expect(q3({ date: '2026-09-30' })).toBe(false);
    // Days unknown: only a filed update can be placed.
    expect(updatesFor({ names: ['Q3'] })({ date: '2026-10-20' })).toBe(false);
  });

  it('counts the plan’s imported progress by its date: filed under no reporting period', () => {
    // A dated progress log ("15/06/26 – supplier chosen") imported in December is history of June.
    expect(q3({ period: 'imported', date: '2026-11-15' })).toBe(true);
    expect(q3({ period: 'imported', date: '2026-06-15' })).toBe(false);
  });

  it('counts an update filed under the half-year or year that takes the quarter in, by its day', () => {
    // A council with no quarterly points files under the year-end; its committee reads Q3 and Q4.
    const inYear = (q: { start: string; end: string }) =>
      updatesFor({
        names: ['Q'],
        days: q,
        within: [{ names: ['Year-end 2026-27', 'year-end-2026-27'], end: '2027-03-31' }],
      });
    const q3y = inYear({ start: '2026-10-01', end: '2026-12-31' });
    const q4y = inYear({ start: '2027-01-01', end: '2027-03-31' });
    expect(q3y({ period: 'Year-end 2026-27', date: '2026-12-07' })).toBe(true);
    expect(q4y({ period: 'Year-end 2026-27', date: '2026-12-07' })).toBe(false);
    // A late year-end return is the last quarter's, never an earlier one's.
    expect(q4y({ period: 'year-end-2026-27', date: '2027-04-20' })).toBe(true);
    expect(q3y({ period: 'Year-end 2026-27', date: '2027-04-20' })).toBe(false);
    // Another year's, or a period that does not take the quarter in, never counts.
    expect(q3y({ period: 'Year-end 2025-26', date: '2026-12-07' })).toBe(false);
    expect(q3y({ period: 'Mid-year 2026-27', date: '2026-12-07' })).toBe(false);
  });

  it('counts a plan’s reporting period from the day after the one before it to its own date', () => {
    const periods = [
      { value: 'Q3', label: 'Q3', date: '2026-12-31' },
      { value: 'Q2', label: 'Q2', date: '2026-09-30' },
    ];
    expect(reportingPeriodOfUpdates(periods, 'Q3')).toEqual({
      names: ['Q3', 'Q3'],
      days: { start: '2026-10-01', end: '2026-12-31' },
    });
    expect(reportingPeriodOfUpdates(periods, 'Q2')?.days).toEqual({ start: undefined, end: '2026-09-30' });
    expect(reportingPeriodOfUpdates(periods, 'Q4')).toBeUndefined();
  });
});
