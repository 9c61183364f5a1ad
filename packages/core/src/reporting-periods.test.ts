import { describe, expect, it } from 'vitest';
import { canMovePlan } from './plan-status.js';
import {
  currentPeriod,
  findPeriod,
  periodToUpdate,
  reportingPeriods,
  reportingPointsWithin,
  samePeriodName,
} from './reporting-periods.js';

const uk = (today: string) => ({ financialYearStartMonth: 4, today });

describe('reporting periods', () => {
  it('are the plan’s own reporting points, in date order, when it has some', () => {
    const periods = reportingPeriods(
      {
        period: {},
        reportingPoints: [
          { label: 'Year-end 2026-27', date: '2027-03-31' },
          { label: 'Mid-year 2026-27', date: '2026-09-30' },
        ],
      },
      uk('2026-11-16'),
    );
    expect(periods.map((p) => p.value)).toEqual(['Mid-year 2026-27', 'Year-end 2026-27']);
    expect(currentPeriod(periods, '2026-11-16')?.value).toBe('Year-end 2026-27');
    expect(currentPeriod(periods, '2027-06-01')?.value).toBe('Year-end 2026-27');
  });

  it('file an update by default under the period still being gathered, else the one in progress', () => {
    const periods = reportingPeriods({ period: {}, reportingPoints: [] }, uk('2026-12-06'));
    const none = () => false;
    // October and November: mid-year (30 September) is still being gathered until it is closed.
    expect(periodToUpdate(periods, '2026-11-20', none)?.value).toBe('Mid-year 2026-27');
    expect(periodToUpdate(periods, '2026-11-20', (p) => p.value === 'Mid-year 2026-27')?.value).toBe(
      'Year-end 2026-27',
    );
    // From December, the period in progress, closed or not: December's work is not September's.
    expect(periodToUpdate(periods, '2026-12-06', none)?.value).toBe('Year-end 2026-27');
    expect(periodToUpdate(periods, '2027-01-15', none)?.value).toBe('Year-end 2026-27');
    // On the reporting day itself, that period is the one in progress.
    expect(periodToUpdate(periods, '2026-09-30', none)?.value).toBe('Mid-year 2026-27');
  });

  it('move on sooner for quarterly points, and never default to a closed period', () => {
    const quarters = reportingPeriods(
      {
        period: {},
        reportingPoints: [
          { label: 'Q1 2026-27', date: '2026-06-30' },
          { label: 'Q2 2026-27', date: '2026-09-30' },
          { label: 'Q3 2026-27', date: '2026-12-31' },
        ],
      },
      uk('2026-09-29'),
    );
    const none = () => false;
    // The day before Q2 is reported, Q2 (Q1's gathering ended half way to Q2).
    expect(periodToUpdate(quarters, '2026-09-29', none)?.value).toBe('Q2 2026-27');
    expect(periodToUpdate(quarters, '2026-07-20', none)?.value).toBe('Q1 2026-27');
    // Q2 closed early: Q3.
    expect(periodToUpdate(quarters, '2026-09-29', (p) => p.value === 'Q2 2026-27')?.value).toBe('Q3 2026-27');
  });

  it('are mid-year and year-end of each financial year the plan covers, when it has none', () => {
    const periods = reportingPeriods(
      { period: { start: '2004-04-01', end: '2008-03-31' }, reportingPoints: [] },
      uk('2026-11-16'),
    );
    expect(periods.map((p) => `${p.value} ${p.date}`)).toEqual([
      'Mid-year 2004-05 2004-09-30',
      'Year-end 2004-05 2005-03-31',
      'Mid-year 2005-06 2005-09-30',
      'Year-end 2005-06 2006-03-31',
      'Mid-year 2006-07 2006-09-30',
      'Year-end 2006-07 2007-03-31',
      'Mid-year 2007-08 2007-09-30',
      'Year-end 2007-08 2008-03-31',
    ]);
  });

  it('cover last, this and next financial year for a plan with no dates, and at most twelve years', () => {
    const undated = reportingPeriods({ period: {}, reportingPoints: [] }, uk('2026-11-16'));
    expect(undated.map((p) => p.value)).toEqual([
      'Mid-year 2025-26',
      'Year-end 2025-26',
      'Mid-year 2026-27',
      'Year-end 2026-27',
      'Mid-year 2027-28',
      'Year-end 2027-28',
    ]);
    const long = reportingPeriods(
      { period: { start: '1950-04-01', end: '2150-03-31' }, reportingPoints: [] },
      uk('2026-11-16'),
    );
    expect(long).toHaveLength(24);
    expect(long.at(-1)?.value).toBe('Year-end 2027-28');
  });

  it('find a period however it is written, and nothing else', () => {
    const periods = reportingPeriods(
      { period: { start: '2006-04-01' }, reportingPoints: [] },
      uk('2007-10-15'),
    );
    expect(findPeriod(periods, 'year-end 2006-07')?.value).toBe('Year-end 2006-07');
    expect(findPeriod(periods, 'year-end-2006-07')?.value).toBe('Year-end 2006-07');
    expect(findPeriod(periods, 'next tuesday')).toBeUndefined();
    expect(findPeriod(periods, ' ')).toBeUndefined();
  });
});

describe('plan status', () => {
  it('moves draft → active → closed, reopens, and never leaves archived', () => {
    expect(canMovePlan('draft', 'active')).toBe(true);
    expect(canMovePlan('active', 'closed')).toBe(true);
    expect(canMovePlan('closed', 'active')).toBe(true);
    expect(canMovePlan('active', 'draft')).toBe(false);
    expect(canMovePlan('draft', 'closed')).toBe(false);
    expect(canMovePlan('archived', 'active')).toBe(false);
    expect(canMovePlan('active', 'archived')).toBe(false);
  });
});

describe('samePeriodName: an update’s period against a closed one', () => {
  it.each([
    ['Q1 2026-27 (April–June 2026)', 'Q1 2026-27'],
    ['Q1 2026-27 (April–June 2026)', '2026-27 Q1'],
    ['mid-year:2026-27', 'Mid-year 2026-27'],
    ['Year-end 2026-27', 'year end 2026-27'],
  ])('%s is %s', (closed, asked) => expect(samePeriodName(closed, asked)).toBe(true));

  it.each([
    ['Q1 2026-27 (April–June 2026)', 'Q2 2026-27'],
    ['Mid-year 2026-27', 'Mid-year 2027-28'],
    // A plan's own points a year apart, told apart only by their brackets.
    ['Q1 (2025-26)', 'Q1 (2026-27)'],
    ['Q1 (April–June 2026)', 'Q1 (April–June 2027)'],
  ])('%s is not %s', (closed, asked) => expect(samePeriodName(closed, asked)).toBe(false));
});

describe('reportingPointsWithin: the points a report period covers', () => {
  const points = [
    { label: 'Q1', date: '2026-06-30' },
    { label: 'Q2', date: '2026-09-30' },
    { label: 'Q3', date: '2026-12-31' },
  ];
  it.each([
    ['the mid-year covers Q1 and Q2', '2026-04-01', '2026-09-30', ['Q1', 'Q2']],
    ['the second quarter covers Q2', '2026-07-01', '2026-09-30', ['Q2']],
    ['September alone covers no quarter', '2026-09-01', '2026-09-30', []],
    ['April to June covers Q1, from the plan’s start', '2026-04-01', '2026-06-30', ['Q1']],
  ])('%s', (_what, start, end, want) =>
    expect(reportingPointsWithin(points, start, end, '2026-04-01')).toEqual(want),
  );

  // Points named by the meeting that hears them, a few weeks after the period they report on.
  const meetings = [
    { label: 'Cabinet 8 October', date: '2026-10-08' },
    { label: 'Cabinet 14 January', date: '2027-01-14' },
    { label: 'Cabinet 10 April', date: '2027-04-10' },
  ];
  it.each([
    [
      'the mid-year covers the October meeting, reporting from April',
      '2026-04-01',
      '2026-09-30',
      ['Cabinet 8 October'],
    ],
    ['the second quarter does not: that meeting reports on April too', '2026-07-01', '2026-09-30', []],
    ['the third quarter covers the January meeting', '2026-10-01', '2026-12-31', ['Cabinet 14 January']],
    [
      'the year covers all three, April’s meeting hearing its last quarter',
      '2026-04-01',
      '2027-03-31',
      meetings.map((m) => m.label),
    ],
    ['October alone covers none', '2026-10-01', '2026-10-31', []],
    ['the first quarter covers none: October is too long after it', '2026-04-01', '2026-06-30', []],
  ])('%s', (_what, start, end, want) =>
    expect(reportingPointsWithin(meetings, start, end, '2026-04-01')).toEqual(want),
  );

  it('gives a month’s report half a month for its meeting, a longer period six weeks', () => {
    const panel = [
      { label: 'Early September', date: '2026-09-05' },
      { label: 'Panel 20 October', date: '2026-10-20' },
    ];
    expect(reportingPointsWithin(panel, '2026-09-01', '2026-09-30', '2026-04-01')).toEqual([]);
    expect(reportingPointsWithin(panel, '2026-07-01', '2026-09-30', '2026-04-01')).toEqual([
      'Panel 20 October',
    ]);
  });
});
