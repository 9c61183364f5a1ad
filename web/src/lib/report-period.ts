import type { ReportingPeriods, ReportPeriodChoice } from './responses.js';

/** Which report period stands for a reporting point ending the same day: a quarter first, a month last. */
const KIND_RANK: Record<ReportPeriodChoice['kind'], number> = {
  quarter: 0,
  'mid-year': 1,
  'year-end': 1,
  month: 2,
};

/**
 * The report period the reports page opens on. A plan with its own reporting points: the report period
 * ending on the date of the point updates are being gathered for (`current`, core `periodToUpdate`), a
 * quarter rather than a mid-year or year-end, either rather than a month. Otherwise, or when no report
 * period ends that day: the latest mid-year or year-end that has ended (what a committee asks for next),
 * else the newest period. `choices` are newest first, as the API lists them.
 */
export function defaultReportPeriod(
  choices: readonly ReportPeriodChoice[],
  reporting: Pick<ReportingPeriods, 'items' | 'current'> | undefined,
): ReportPeriodChoice | undefined {
  const point = reporting?.items.find((p) => p.fromPlan && p.value === reporting.current);
  const ending = point
    ? choices.filter((p) => p.end === point.date).sort((a, b) => KIND_RANK[a.kind] - KIND_RANK[b.kind])[0]
    : undefined;
  return (
    ending ??
    choices.find((p) => !p.running && (p.kind === 'mid-year' || p.kind === 'year-end')) ??
    choices[0]
  );
}
