import { describe, expect, it } from 'vitest';
import { dueOn, nthOccurrence, occurrenceOn, repeatOf } from './occurrence.js';

describe('repeating deadlines', () => {
  it('are due on the first occurrence until it has passed', () => {
    expect(occurrenceOn('2026-04-30', 'annual', '2026-01-10')).toBe('2026-04-30');
    expect(occurrenceOn('2026-04-30', 'annual', '2026-04-30')).toBe('2026-04-30');
  });

  it('move on to the next occurrence the day after one passes, never counting as late', () => {
    expect(occurrenceOn('2026-04-30', 'annual', '2026-05-01')).toBe('2027-04-30');
    expect(occurrenceOn('2026-04-30', 'annual', '2026-12-06')).toBe('2027-04-30');
    expect(occurrenceOn('2026-04-30', 'biennial', '2027-05-01')).toBe('2028-04-30');
  });

  it('keep quarter ends on quarter ends, counted from the first each time', () => {
    const quarters = [1, 2, 3, 4].map((n) => nthOccurrence('2026-06-30', 'quarterly', n));
    expect(quarters).toEqual(['2026-09-30', '2026-12-31', '2027-03-31', '2027-06-30']);
    expect(occurrenceOn('2026-06-30', 'quarterly', '2026-10-01')).toBe('2026-12-31');
    expect(occurrenceOn('2026-06-30', 'six-monthly', '2026-07-01')).toBe('2026-12-31');
  });

  it('keep a day that is not a month end, or the month end when the month is shorter', () => {
    expect(nthOccurrence('2026-01-15', 'monthly', 1)).toBe('2026-02-15');
    expect(nthOccurrence('2026-01-31', 'monthly', 1)).toBe('2026-02-28');
    expect(nthOccurrence('2026-01-31', 'monthly', 2)).toBe('2026-03-31');
    expect(nthOccurrence('2027-01-29', 'monthly', 1)).toBe('2027-02-28');
    expect(nthOccurrence('2027-01-29', 'monthly', 2)).toBe('2027-03-29');
    expect(occurrenceOn('2024-02-29', 'annual', '2024-03-01')).toBe('2025-02-28');
  });

  it('count weeks and fortnights in days', () => {
    expect(occurrenceOn('2026-11-06', 'weekly', '2026-12-06')).toBe('2026-12-11');
    expect(occurrenceOn('2026-11-06', 'weekly', '2026-12-04')).toBe('2026-12-04');
    expect(occurrenceOn('2026-11-06', 'fortnightly', '2026-12-06')).toBe('2026-12-18');
    // Across the clocks going back (25 October 2026), a week is still seven calendar days.
    expect(occurrenceOn('2026-10-20', 'weekly', '2026-10-28')).toBe('2026-11-03');
  });

  it('take a school term as four months', () => {
    expect(occurrenceOn('2026-07-22', 'termly', '2026-08-01')).toBe('2026-11-22');
  });

  it('reach a date many years on in one step, whatever the start', () => {
    expect(occurrenceOn('2010-03-31', 'quarterly', '2026-12-06')).toBe('2026-12-31');
    expect(occurrenceOn('2010-03-31', 'monthly', '2026-12-06')).toBe('2026-12-31');
    expect(occurrenceOn('2010-03-15', 'monthly', '2026-12-16')).toBe('2027-01-15');
  });

  it('judge only a recurring timescale by its occurrence; every other deadline by its own date', () => {
    const quarterly = {
      text: 'Quarterly',
      kind: 'recurring' as const,
      recurrence: 'quarterly' as const,
      due: '2026-06-30',
    };
    expect(repeatOf(quarterly)).toBe('quarterly');
    expect(dueOn(quarterly, '2026-12-06')).toBe('2026-12-31');
    expect(dueOn({ ...quarterly, kind: 'date' }, '2026-12-06')).toBe('2026-06-30');
    expect(dueOn({ kind: 'recurring', recurrence: 'quarterly' }, '2026-12-06')).toBeUndefined();
    expect(dueOn({ due: '2026-06-30' }, '2026-12-06')).toBe('2026-06-30');
    expect(dueOn(undefined, '2026-12-06')).toBeUndefined();
    // A repeat whose frequency is not known stays on the date given.
    expect(dueOn({ ...quarterly, recurrence: undefined }, '2026-12-06')).toBe('2026-06-30');
  });

  it('judges a repeat it does not know (stored before it was checked) by its first date, never throwing', () => {
    expect(occurrenceOn('2026-06-30', 'sometimes' as never, '2026-12-06')).toBe('2026-06-30');
  });
});
