import {
  addDays,
  addMonths,
  addYears,
  differenceInCalendarDays,
  lightFormat,
  parseISO,
  subDays,
} from 'date-fns';
import type { Plan } from './entities.js';

/**
 * The reporting periods a plan offers: what a progress update is filed under, chosen from a list and
 * never typed (an update's period decides which report it speaks for). A plan's own reporting points
 * when it has any; otherwise the usual two a year, mid-year and year-end, for each financial year the
 * plan covers (the council's financial year, UK: 1 April).
 */
export interface ReportingPeriod {
  /** What an update stores: the reporting point's name ("Mid-year 2026-27"). */
  value: string;
  label: string;
  /** The day the period is reported at (yyyy-mm-dd). */
  date: string;
  /** From the plan's own reporting points (else the usual mid-year and year-end). */
  fromPlan: boolean;
}

export interface PeriodOptions {
  /** Month the financial year starts (1–12). */
  financialYearStartMonth: number;
  today: string;
}

/** At most this many financial years of usual periods: a plan's whole life, or the years around today. */
const MAX_YEARS = 12;

const iso = (d: Date) => lightFormat(d, 'yyyy-MM-dd');

function fyStartYear(date: string, startMonth: number): number {
  const d = parseISO(date);
  return d.getMonth() + 1 >= startMonth ? d.getFullYear() : d.getFullYear() - 1;
}

function fyLabel(startYear: number, startMonth: number): string {
  return startMonth === 1
    ? String(startYear)
    : `${startYear}-${String((startYear + 1) % 100).padStart(2, '0')}`;
}

function usualPeriods(startYear: number, startMonth: number): ReportingPeriod[] {
  const start = new Date(startYear, startMonth - 1, 1);
  const label = fyLabel(startYear, startMonth);
  return [
    { value: `Mid-year ${label}`, date: iso(subDays(addMonths(start, 6), 1)) },
    { value: `Year-end ${label}`, date: iso(subDays(addYears(start, 1), 1)) },
  ].map((p) => ({ ...p, label: p.value, fromPlan: false }));
}

export function reportingPeriods(
  plan: Pick<Plan, 'reportingPoints' | 'period'>,
  opts: PeriodOptions,
): ReportingPeriod[] {
  if (plan.reportingPoints.length) {
    return [...plan.reportingPoints]
      .sort((a, b) => a.date.localeCompare(b.date))
      .map((p) => ({ value: p.label, label: p.label, date: p.date, fromPlan: true }));
  }
  const m = opts.financialYearStartMonth;
  const now = fyStartYear(opts.today, m);
  const { start, end } = plan.period;
  let first = start ? fyStartYear(start, m) : Math.min(end ? fyStartYear(end, m) : now, now - 1);
  let last = end ? fyStartYear(end, m) : Math.max(first, now + 1);
  if (first > last) [first, last] = [last, first];
  if (last - first >= MAX_YEARS) {
    // A very long period offers the years nearest today (up to the next one).
    last = Math.min(last, Math.max(first + MAX_YEARS - 1, now + 1));
    first = last - MAX_YEARS + 1;
  }
  const out: ReportingPeriod[] = [];
  for (let y = first; y <= last; y++) out.push(...usualPeriods(y, m));
  return out;
}

/** The period in progress: the first reported at or after today, else the last. */
export function currentPeriod(
  periods: readonly ReportingPeriod[],
  today: string,
): ReportingPeriod | undefined {
  return periods.find((p) => p.date >= today) ?? periods.at(-1);
}

/**
 * How long after a period's reporting date its updates are still gathered, at most: two months (a
 * council gathers its mid-year updates in October and November). Longer, and December's updates (on Q3's
 * work) were filed by default under the mid-year, frozen into September's report when it closed late.
 */
const GATHERING_DAYS = 61;

/**
 * The period an update is filed under by default: the one last reported before today while its report
 * is still being gathered (not closed, and reported within the last two months: councils collect mid-year
 * updates in October and November), else the one in progress. The update round, the update forms and
 * the reports page then speak of the same period.
 */
export function periodToUpdate(
  periods: readonly ReportingPeriod[],
  today: string,
  isClosed: (p: ReportingPeriod) => boolean,
): ReportingPeriod | undefined {
  const ended = periods.filter((p) => p.date < today);
  const last = ended.at(-1);
  const next = periods[ended.length];
  const days = (from: string, to: string) => differenceInCalendarDays(parseISO(to), parseISO(from));
  // Gathered for two months at most, and for no more than half the way to the next reporting date (a
  // quarterly or monthly plan moves on sooner).
  const window = Math.min(
    GATHERING_DAYS,
    next && last ? Math.floor(days(last.date, next.date) / 2) : GATHERING_DAYS,
  );
  if (last && !isClosed(last) && days(last.date, today) <= window) return last;
  const current = currentPeriod(periods, today);
  // The period in progress is closed (closed early): the next open one, else the latest open before it.
  if (!current || !isClosed(current)) return current;
  const at = periods.indexOf(current);
  return (
    periods.slice(at + 1).find((p) => !isClosed(p)) ??
    periods
      .slice(0, at)
      .reverse()
      .find((p) => !isClosed(p)) ??
    current
  );
}

const squash = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');

/**
 * The offered period a request names, however it is spaced or cased (`year-end 2006-07`, and the
 * reports' own key `year-end-2006-07`, both name "Year-end 2006-07"); undefined when none matches.
 */
export function findPeriod(periods: readonly ReportingPeriod[], asked: string): ReportingPeriod | undefined {
  const want = squash(asked);
  return want ? periods.find((p) => squash(p.value) === want) : undefined;
}

/** A year in a period's name: "2026", "2026-27". */
const YEAR_IN_NAME = /\b(19|20)\d\d\b/;

/**
 * A period's name as a set of words, whatever their order or the dates in brackets: "Q1 2026-27 (April–
 * June 2026)", "Q1 2026-27" and "2026-27 Q1" are one period; "mid-year:2026-27" and "Mid-year 2026-27" too.
 * Brackets are left out only when the rest of the name says the year: in "Q1 (2025-26)" and "Q1 (2026-27)",
 * a plan's points a year apart, the brackets are all that tells them apart.
 */
export const periodWords = (s: string) => {
  const unbracketed = s.replace(/\([^)]*\)/g, ' ');
  return ((YEAR_IN_NAME.test(unbracketed) ? unbracketed : s).toLowerCase().match(/[a-z0-9]+/g) ?? [])
    .sort()
    .join(' ');
};
export const samePeriodName = (a: string, b: string) => periodWords(a) === periodWords(b);

/**
 * How long after a report period ends a reporting point may still be reported on with it: a council often
 * names its points by the meeting that hears them ("Cabinet, 8 October"), a few weeks after the period.
 */
const MEETING_GRACE_DAYS = 42;

/**
 * The plan's own reporting points (their names) that a report period covers. Each point reports on a
 * stretch: from the day after the point before (the first point's from the plan's start) to its date. A
 * report period covers a point whose stretch starts within it, more than half of whose days are within it,
 * and which is dated by the period's end or up to six weeks after it (a meeting hearing the period; for a
 * period shorter than twelve weeks, up to half its length after it). An
 * update filed under one speaks for that report, and closing the period closes them: the mid-year (April–
 * September) covers Q1 and Q2, and a point "Cabinet 8 October" reporting from April; the second quarter
 * covers Q2 but not that point (it reports on April too); September alone covers no quarter, so closing
 * September's report still takes Q2's updates for the mid-year.
 */
export function reportingPointsWithin(
  points: ReadonlyArray<{ label: string; date: string }> | undefined,
  start: string,
  end: string,
  planStart?: string,
): string[] {
  const sorted = [...(points ?? [])].sort((a, b) => a.date.localeCompare(b.date));
  const day = (s: string) => parseISO(s);
  // Six weeks, but no more than half the period: September's monthly report is not heard in November.
  const grace = Math.min(
    MEETING_GRACE_DAYS,
    Math.floor((differenceInCalendarDays(day(end), day(start)) + 1) / 2),
  );
  const lastDay = iso(addDays(day(end), grace));
  return sorted
    .filter((p, i) => {
      if (p.date < start || p.date > lastDay) return false;
      const before = sorted[i - 1];
      const from = before ? iso(addDays(day(before.date), 1)) : planStart;
      if (from === undefined) return p.date <= end;
      if (from < start || from > end) return false;
      const inPeriod = differenceInCalendarDays(day(p.date < end ? p.date : end), day(from)) + 1;
      const all = differenceInCalendarDays(day(p.date), day(from)) + 1;
      return inPeriod * 2 > all;
    })
    .map((p) => p.label);
}
