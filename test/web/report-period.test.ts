import { describe, expect, it } from 'vitest';
import { defaultReportPeriod } from '../../web/src/lib/report-period.js';
import type { ReportPeriodChoice } from '../../web/src/lib/responses.js';

const choice = (
  key: string,
  kind: ReportPeriodChoice['kind'],
  start: string,
  end: string,
  running = false,
): ReportPeriodChoice => ({ key, label: key, kind, start, end, running, closed: false });

// As the API lists them on 6 December 2026, newest first: mid-year and year-end, quarters, months.
const choices = [
  choice('year-end-2026-27', 'year-end', '2026-04-01', '2027-03-31', true),
  choice('mid-year-2026-27', 'mid-year', '2026-04-01', '2026-09-30'),
  choice('2026-Q3', 'quarter', '2026-10-01', '2026-12-31', true),
  choice('2026-Q2', 'quarter', '2026-07-01', '2026-09-30'),
  choice('2026-Q1', 'quarter', '2026-04-01', '2026-06-30'),
  choice('2026-12', 'month', '2026-12-01', '2026-12-31', true),
  choice('2026-11', 'month', '2026-11-01', '2026-11-30'),
  choice('2026-09', 'month', '2026-09-01', '2026-09-30'),
];

const point = (value: string, date: string) => ({ value, label: value, date, fromPlan: true, closed: false });
const quarterly = [
  point('Q1 2026-27', '2026-06-30'),
  point('Q2 2026-27', '2026-09-30'),
  point('Q3 2026-27', '2026-12-31'),
];

describe('the period the reports page opens on', () => {
  it('is, with no reporting points of the plan’s own, the latest mid-year or year-end that has ended', () => {
    const usual = {
      items: [
        {
          value: 'Mid-year 2026-27',
          label: 'Mid-year 2026-27',
          date: '2026-09-30',
          fromPlan: false,
          closed: false,
        },
      ],
      current: 'Mid-year 2026-27',
    };
    expect(defaultReportPeriod(choices, usual)?.key).toBe('mid-year-2026-27');
    expect(defaultReportPeriod(choices, undefined)?.key).toBe('mid-year-2026-27');
  });

  it('is the quarter ending on the date of the point updates are gathered for', () => {
    expect(defaultReportPeriod(choices, { items: quarterly, current: 'Q3 2026-27' })?.key).toBe('2026-Q3');
    // A quarter before a month or a mid-year that end the same day.
    expect(defaultReportPeriod(choices, { items: quarterly, current: 'Q2 2026-27' })?.key).toBe('2026-Q2');
  });

  it('prefers a mid-year or year-end to a month, and takes a month when nothing else ends that day', () => {
    const noQuarters = choices.filter((p) => p.kind !== 'quarter');
    expect(defaultReportPeriod(noQuarters, { items: quarterly, current: 'Q2 2026-27' })?.key).toBe(
      'mid-year-2026-27',
    );
    const monthly = { items: [point('November', '2026-11-30')], current: 'November' };
    expect(defaultReportPeriod(choices, monthly)?.key).toBe('2026-11');
  });

  it('falls back to the usual rule when no report period ends on the point’s date, or none is current', () => {
    const odd = { items: [point('Autumn review', '2026-11-15')], current: 'Autumn review' };
    expect(defaultReportPeriod(choices, odd)?.key).toBe('mid-year-2026-27');
    expect(defaultReportPeriod(choices, { items: quarterly })?.key).toBe('mid-year-2026-27');
    expect(defaultReportPeriod([], { items: quarterly, current: 'Q3 2026-27' })).toBeUndefined();
  });
});
