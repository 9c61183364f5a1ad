import { type IsoDate, MAX_YEAR, MIN_YEAR } from '@peopleplan/core';
import { addMonths, endOfMonth, format, isValid, parseISO, startOfMonth, subDays } from 'date-fns';

/**
 * Reporting periods on the council's financial year (UK: 1 April start, configurable).
 * All dates are civil dates (`YYYY-MM-DD`); date-fns works on them as local midnights, which is
 * safe because every value both enters and leaves as a civil date.
 */

export type ReportPeriodKind = 'mid-year' | 'year-end' | 'month' | 'quarter';

export interface FinancialYear {
  /** `2013-14`; a calendar-year FY (January start) is just `2013`. */
  label: string;
  /** Calendar year the FY starts in. */
  startYear: number;
  start: IsoDate;
  end: IsoDate;
}

export interface ReportPeriod {
  kind: ReportPeriodKind;
  /** Human label: `Mid-year 2013-14`, `Year-end 2013-14`, `May 2013`, `Q1 2013-14`. */
  label: string;
  /** Inclusive civil dates. */
  start: IsoDate;
  end: IsoDate;
  /** The period in the request's own syntax, safe for file names: `mid-year-2013-14`, `2013-05`, `2013-Q1`. */
  key: string;
  financialYear: FinancialYear;
  /**
   * Keys under which indicator targets and actuals for this period are written
   * (`PeriodValue.period`), most specific first, already normalised with `normalisePeriodKey`.
   */
  valueKeys: string[];
}

export class PeriodError extends Error {
  override name = 'PeriodError';
}

const DATE = 'yyyy-MM-dd';
const toIso = (d: Date): IsoDate => format(d, DATE);

function parseDate(value: IsoDate | Date, what: string): Date {
  const d = typeof value === 'string' ? parseISO(value) : value;
  if (!isValid(d)) throw new PeriodError(`${what} is not a valid date: ${String(value)}`);
  return d;
}

function checkStartMonth(m: number): void {
  if (!Number.isInteger(m) || m < 1 || m > 12)
    throw new PeriodError(`financial year start month must be 1-12`);
}

function fyLabel(startYear: number, startMonth: number): string {
  if (startMonth === 1) return String(startYear);
  return `${startYear}-${String((startYear + 1) % 100).padStart(2, '0')}`;
}

/** Periods name real years a plan can sensibly cover (`0000-01` is not a month anyone reports on). */
function checkYear(year: number): void {
  if (!Number.isInteger(year) || year < MIN_YEAR || year >= MAX_YEAR)
    throw new PeriodError(`the year ${year} is outside ${MIN_YEAR}–${MAX_YEAR - 1}`);
}

/** The financial year that starts in `startYear`. */
export function financialYearStarting(startYear: number, startMonth = 4): FinancialYear {
  checkStartMonth(startMonth);
  checkYear(startYear);
  const start = new Date(startYear, startMonth - 1, 1);
  return {
    label: fyLabel(startYear, startMonth),
    startYear,
    start: toIso(start),
    end: toIso(subDays(addMonths(start, 12), 1)),
  };
}

/** The financial year containing `date`. */
export function financialYearOf(date: IsoDate | Date, startMonth = 4): FinancialYear {
  checkStartMonth(startMonth);
  const d = parseDate(date, 'date');
  const startYear = d.getMonth() + 1 >= startMonth ? d.getFullYear() : d.getFullYear() - 1;
  return financialYearStarting(startYear, startMonth);
}

/** Parses `2013-14`, `2013/14`, `2013/2014` or (January-start years) `2013` into the FY's start year. */
function parseFyLabel(text: string, startMonth: number): number {
  const m = /^(\d{4})(?:[-/](\d{2}|\d{4}))?$/.exec(text);
  if (!m) throw new PeriodError(`not a financial year: ${text} (expected e.g. 2013-14)`);
  const y = Number(m[1]);
  if (m[2] === undefined) {
    if (startMonth !== 1)
      throw new PeriodError(`not a financial year: ${text} (expected e.g. ${y}-${(y + 1) % 100})`);
    return y;
  }
  const end = Number(m[2]);
  if ((m[2].length === 2 ? end !== (y + 1) % 100 : end !== y + 1) || startMonth === 1) {
    throw new PeriodError(`not a financial year: ${text}`);
  }
  return y;
}

/**
 * Normalises the way plans write period keys so `2013/2014`, `2013/14` and `2013-14` match, as do
 * `2013-14 q1` and `2013/14 Q1`.
 */
export function normalisePeriodKey(text: string): string {
  return text
    .trim()
    .replace(/\s+/g, ' ')
    .toUpperCase()
    .replace(/\b(\d{4})[-/](\d{4})\b/, (_, a: string, b: string) =>
      Number(b) === Number(a) + 1 ? `${a}-${b.slice(2)}` : `${a}-${b}`,
    )
    .replace(/\b(\d{4})\/(\d{2})\b/, '$1-$2');
}

export interface ResolveOptions {
  /** Month the financial year starts (1-12); UK councils: 4 (April). */
  financialYearStartMonth?: number;
}

const MONTH_RE = /^(\d{4})-(0[1-9]|1[0-2])$/;
const QUARTER_RE = /^(\d{4})(?:-(\d{2}))?-?Q([1-4])$/i;
// `mid-year-2013-14` is the period's own key, so keys round-trip (closed periods are named by key).
const POINT_RE = /^(mid-year|year-end)(?:[: -](.+))?$/i;

/**
 * Resolves a period request relative to `reference` (normally today):
 * - `mid-year` — first six months of the FY containing `reference` (Apr–Sep for an April start);
 * - `year-end` — the whole FY containing `reference`;
 * - `mid-year:2013-14`, `year-end:2012-13` — the same for a named FY (a year-end report is usually
 *   written after the year has ended, so the caller names it);
 * - `YYYY-MM` — that calendar month;
 * - `YYYY-Qn` or `YYYY-YY-Qn` — quarter n of the FY starting in YYYY (Q1 = Apr–Jun for an April start).
 */
export function resolvePeriod(
  spec: string,
  reference: IsoDate | Date,
  options: ResolveOptions = {},
): ReportPeriod {
  const startMonth = options.financialYearStartMonth ?? 4;
  checkStartMonth(startMonth);
  const text = spec.trim();

  const point = POINT_RE.exec(text);
  if (point) {
    const kind = point[1]!.toLowerCase() as 'mid-year' | 'year-end';
    const fy = point[2]
      ? financialYearStarting(parseFyLabel(point[2].trim(), startMonth), startMonth)
      : financialYearOf(reference, startMonth);
    const start = parseISO(fy.start);
    const end = kind === 'mid-year' ? toIso(subDays(addMonths(start, 6), 1)) : fy.end;
    return {
      kind,
      label: `${kind === 'mid-year' ? 'Mid-year' : 'Year-end'} ${fy.label}`,
      start: fy.start,
      end,
      key: `${kind}-${fy.label}`,
      financialYear: fy,
      // Mid-year is read against the half-year figure if a plan has one, else the Q2 figure.
      valueKeys: (kind === 'mid-year'
        ? [`${fy.label} H1`, `${fy.label} Q2`]
        : [fy.label, `${fy.label} Q4`]
      ).map(normalisePeriodKey),
    };
  }

  const month = MONTH_RE.exec(text);
  if (month) {
    checkYear(Number(month[1]));
    const first = new Date(Number(month[1]), Number(month[2]) - 1, 1);
    const fy = financialYearOf(first, startMonth);
    return {
      kind: 'month',
      label: format(first, 'MMMM yyyy'),
      start: toIso(startOfMonth(first)),
      end: toIso(endOfMonth(first)),
      key: text,
      financialYear: fy,
      valueKeys: [text],
    };
  }

  const quarter = QUARTER_RE.exec(text);
  if (quarter) {
    const fyText = quarter[2] ? `${quarter[1]}-${quarter[2]}` : quarter[1]!;
    const startYear = quarter[2] ? parseFyLabel(fyText, startMonth) : Number(quarter[1]);
    const fy = financialYearStarting(startYear, startMonth);
    const n = Number(quarter[3]);
    const first = addMonths(parseISO(fy.start), (n - 1) * 3);
    const last = endOfMonth(addMonths(first, 2));
    return {
      kind: 'quarter',
      label: `Q${n} ${fy.label} (${format(first, 'MMMM')}–${format(last, 'MMMM yyyy')})`,
      start: toIso(first),
      end: toIso(last),
      key: `${startYear}-Q${n}`,
      financialYear: fy,
      valueKeys: [normalisePeriodKey(`${fy.label} Q${n}`)],
    };
  }

  throw new PeriodError(
    `unknown period "${spec}": expected mid-year, year-end, mid-year:YYYY-YY, year-end:YYYY-YY, YYYY-MM or YYYY-Qn`,
  );
}

/** Quarter `n` of the FY as a period, for callers that step through a year. */
export function quarterOf(date: IsoDate | Date, options: ResolveOptions = {}): ReportPeriod {
  const startMonth = options.financialYearStartMonth ?? 4;
  const d = parseDate(date, 'date');
  const fy = financialYearOf(d, startMonth);
  const monthsIn = (d.getFullYear() - fy.startYear) * 12 + d.getMonth() - (startMonth - 1);
  return resolvePeriod(`${fy.startYear}-Q${Math.floor(monthsIn / 3) + 1}`, d, options);
}

/** The period immediately before this one, of the same kind (for direction-of-travel snapshots). */
export function previousPeriod(period: ReportPeriod, options: ResolveOptions = {}): ReportPeriod {
  const startMonth = options.financialYearStartMonth ?? 4;
  const start = parseISO(period.start);
  switch (period.kind) {
    case 'month':
      return resolvePeriod(format(addMonths(start, -1), 'yyyy-MM'), start, options);
    case 'quarter':
      return quarterOf(addMonths(start, -3), options);
    case 'mid-year':
    case 'year-end': {
      const prior = financialYearStarting(period.financialYear.startYear - 1, startMonth);
      return resolvePeriod(`${period.kind}:${prior.label}`, start, options);
    }
  }
}

/**
 * The longer periods that take a quarter or a month in (its quarter, half-year and year), each with its
 * names and days: updates filed under one speak for it by their day (core `updatesFor`). None for a
 * half-year or a year: the update round files under those, and it counts them as a report does.
 */
export function enclosingPeriods(
  period: ReportPeriod,
): Array<{ kind: ReportPeriodKind; names: string[]; start: IsoDate; end: IsoDate }> {
  if (period.kind !== 'quarter' && period.kind !== 'month') return [];
  const fy = period.financialYear;
  const options = { financialYearStartMonth: parseISO(fy.start).getMonth() + 1 };
  const longer = [
    ...(period.kind === 'month' ? [quarterOf(period.start, options)] : []),
    resolvePeriod(`mid-year:${fy.label}`, fy.start, options),
    resolvePeriod(`year-end:${fy.label}`, fy.start, options),
  ].filter((p) => p.start <= period.start && period.end <= p.end);
  return longer.map((p) => ({
    kind: p.kind,
    names: [p.key, p.label, ...(p.kind === 'quarter' ? p.valueKeys : [])],
    start: p.start,
    end: p.end,
  }));
}
