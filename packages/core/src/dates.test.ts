import { differenceInCalendarDays, parseISO } from 'date-fns';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CalendarDate,
  CalendarMonth,
  civilDateAt,
  DateRange,
  daysBetween,
  isCalendarDate,
  startOfLondonDay,
} from './dates.js';

const day = fc
  .integer({ min: -20_000, max: 40_000 })
  .map((n) => new Date(Date.UTC(2000, 0, 1) + n * 86_400_000).toISOString().slice(0, 10));

describe('daysBetween', () => {
  it('is date-fns’ calendar-day difference, for any two dates (clock changes and leap years included)', () => {
    fc.assert(
      fc.property(day, day, (a, b) => {
        expect(daysBetween(a, b)).toBe(differenceInCalendarDays(parseISO(b), parseISO(a)));
      }),
      { numRuns: 2000 },
    );
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2026-12-01', '2026-11-30')).toBe(-1);
  });
});

describe('CalendarDate: real dates only', () => {
  it('accepts days that exist, leap days included', () => {
    for (const d of ['2026-12-01', '2024-02-29', '2000-02-29', '1900-01-01', '2199-12-31'])
      expect(CalendarDate.safeParse(d).success, d).toBe(true);
  });
  it('refuses impossible days, months and years, and anything that is not a date', () => {
    for (const d of [
      '2026-11-31',
      '2026-02-29',
      '1900-02-29',
      '2026-02-30',
      '2026-13-01',
      '2026-00-10',
      '0000-01-01',
      '2200-01-01',
      '2026-1-01',
      '2026-12-01T00:00:00Z',
      '',
      'next tuesday',
    ])
      expect(CalendarDate.safeParse(d).success, d).toBe(false);
    expect(isCalendarDate(20261201)).toBe(false);
  });
  it('agrees with date-fns on every day of a span of years', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1900, max: 2199 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 31 }),
        (y, m, d) => {
          const s = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
          const real = new Date(Date.UTC(y, m - 1, d)).getUTCDate() === d;
          expect(isCalendarDate(s)).toBe(real);
        },
      ),
      { numRuns: 3000 },
    );
  });
  it('reads months and ranges the same way', () => {
    expect(CalendarMonth.safeParse('2026-11').success).toBe(true);
    expect(CalendarMonth.safeParse('0000-01').success).toBe(false);
    expect(CalendarMonth.safeParse('2026-13').success).toBe(false);
    expect(DateRange.parse('2026-02-01..2026-02-28')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(DateRange.safeParse('2026-02-30..2026-13-45').success).toBe(false);
    expect(DateRange.safeParse('2026-03-01..2026-02-01').success).toBe(false);
  });
  it('refuses to count days to an impossible date instead of answering NaN', () => {
    expect(() => daysBetween('2026-12-01', '2026-11-31')).toThrow(RangeError);
  });
});

describe('startOfLondonDay', () => {
  it('is midnight GMT in winter and 23:00 UTC the day before in summer', () => {
    expect(new Date(startOfLondonDay('2026-01-15')).toISOString()).toBe('2026-01-15T00:00:00.000Z');
    expect(new Date(startOfLondonDay('2026-07-01')).toISOString()).toBe('2026-06-30T23:00:00.000Z');
    // The days the clocks change: both begin at the previous offset's midnight.
    expect(new Date(startOfLondonDay('2026-03-29')).toISOString()).toBe('2026-03-29T00:00:00.000Z');
    expect(new Date(startOfLondonDay('2026-10-25')).toISOString()).toBe('2026-10-24T23:00:00.000Z');
  });
});

describe('civilDateAt', () => {
  it('gives the London date an instant falls on, across the clock changes', () => {
    expect(civilDateAt('2026-09-30T23:30:00Z')).toBe('2026-10-01'); // 00:30 BST
    expect(civilDateAt('2026-12-31T23:30:00Z')).toBe('2026-12-31'); // GMT
    expect(civilDateAt('2026-10-25T00:30:00+01:00')).toBe('2026-10-25');
    expect(civilDateAt(Date.parse('2026-03-29T00:59:59Z'))).toBe('2026-03-29');
  });

  it('uses the time zone it is given', () => {
    expect(civilDateAt('2026-06-01T03:00:00Z', 'America/New_York')).toBe('2026-05-31');
    expect(civilDateAt('2026-06-01T03:00:00Z', 'UTC')).toBe('2026-06-01');
  });

  it('refuses what is not an instant', () => {
    expect(() => civilDateAt('not a time')).toThrow(RangeError);
  });
});
