/**
 * Calendar arithmetic for UK council plans: months, meteorological seasons, financial years
 * (1 April–31 March) and their quarters. All date maths goes through date-fns; dates are civil
 * dates (local midnight), formatted as `YYYY-MM-DD`.
 */
import type { Precision } from '@peopleplan/core';
import { addDays, addMonths, isExists, isValid, lastDayOfMonth, lastDayOfYear } from 'date-fns';

/** A stretch of time a written timescale stands for; `hi` is what a deadline means. */
export interface Span {
  lo: Date;
  hi: Date;
  precision: Precision;
}

/** Years outside this window are not read as dates (they would not format as `YYYY`, or are typos). */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2199;

export const inYearRange = (y: number) => Number.isInteger(y) && y >= MIN_YEAR && y <= MAX_YEAR;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
/** `YYYY-MM-DD` of a civil date (date-fns' format is far slower for this one fixed shape). */
export const iso = (d: Date): string =>
  `${pad(d.getFullYear(), 4)}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;

/** Reads a strict `YYYY-MM-DD`; anything else (including 2014-02-30) is undefined. */
export function fromIso(s: string | undefined): Date | undefined {
  const m = s === undefined ? null : /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return undefined;
  return dayDate(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** A real calendar day, or undefined (31 February, month 13, year 12345). */
export function dayDate(y: number, month: number, d: number): Date | undefined {
  if (!inYearRange(y) || !isExists(y, month - 1, d)) return undefined;
  const date = new Date(y, month - 1, d);
  return isValid(date) ? date : undefined;
}

export function daySpan(y: number, month: number, d: number): Span | undefined {
  const date = dayDate(y, month, d);
  return date && { lo: date, hi: date, precision: 'day' };
}

export function monthSpan(y: number, month: number): Span | undefined {
  if (!inYearRange(y) || month < 1 || month > 12) return undefined;
  const lo = new Date(y, month - 1, 1);
  return { lo, hi: lastDayOfMonth(lo), precision: 'month' };
}

export function yearSpan(y: number): Span | undefined {
  if (!inYearRange(y)) return undefined;
  const lo = new Date(y, 0, 1);
  return { lo, hi: lastDayOfYear(lo), precision: 'year' };
}

/** Three whole months from `month` of year `y`, e.g. a season or a quarter. */
function threeMonths(y: number, month: number, precision: Precision): Span | undefined {
  if (!inYearRange(y) || !inYearRange(y + 1)) return undefined;
  const lo = new Date(y, month - 1, 1);
  return { lo, hi: lastDayOfMonth(addMonths(lo, 2)), precision };
}

export type Season = 'spring' | 'summer' | 'autumn' | 'winter';
const SEASON_START: Record<Season, number> = { spring: 3, summer: 6, autumn: 9, winter: 12 };

/** Meteorological seasons; winter `y` runs December `y` to February `y + 1`. */
export const seasonSpan = (y: number, season: Season) => threeMonths(y, SEASON_START[season], 'season');

/** Financial year starting 1 April of `startYear` (2013 → 2013-14). */
export function fySpan(startYear: number): Span | undefined {
  if (!inYearRange(startYear) || !inYearRange(startYear + 1)) return undefined;
  const lo = new Date(startYear, 3, 1);
  return { lo, hi: addDays(addMonths(lo, 12), -1), precision: 'financial-year' };
}

/**
 * A span of years written "2023-2027" or "2004 – 2008", in a deadline cell or a plan's title alike:
 * UK public bodies plan in financial years, so it runs from 1 April of the first year to 31 March of
 * the last (2023-2027 = 1 April 2023 – 31 March 2027). Two consecutive years ("2013-14", "2013-2014")
 * are one financial year. This is the one place the rule is written.
 */
export function yearRangeSpan(first: number, last: number): Span | undefined {
  if (last <= first) return undefined;
  const lo = fySpan(first);
  const hi = fySpan(last - 1);
  return lo && hi ? { lo: lo.lo, hi: hi.hi, precision: 'financial-year' } : undefined;
}

/**
 * Quarter `q` (1–4). With `calendar` false, `year` is the financial year's start year and Q1 is
 * April–June; with `calendar` true, Q1 is January–March of `year`.
 */
export function quarterSpan(year: number, q: number, calendar: boolean): Span | undefined {
  const first = calendar ? new Date(year, 0, 1) : new Date(year, 3, 1);
  const lo = addMonths(first, 3 * (q - 1));
  return threeMonths(lo.getFullYear(), lo.getMonth() + 1, 'quarter');
}

/** The financial year start year a date falls in. */
export const fyStartYearOf = (d: Date) => (d.getMonth() >= 3 ? d.getFullYear() : d.getFullYear() - 1);

export const fyLabel = (startYear: number) =>
  `${startYear}-${String((startYear + 1) % 100).padStart(2, '0')}`;

/** `financialYearOf('2014-03-31')` → `'2013-14'`. Throws a RangeError on a malformed date. */
export function financialYearOf(date: string | Date): string {
  const d = typeof date === 'string' ? fromIso(date) : date;
  if (!d || !isValid(d)) throw new RangeError(`not a date: ${String(date)}`);
  return fyLabel(fyStartYearOf(d));
}

/** Start year of a financial-year label: '2013-14', '2013/14', '2013/2014', 'FY13/14', '2005/6'. */
export function parseFinancialYear(label: string): number | undefined {
  const m = /^\s*(?:fy\s*)?(\d{4}|\d{2})\s*[-/–]\s*(\d{4}|\d{2}|\d)\s*$/i.exec(label);
  if (!m) return undefined;
  const a = m[1]!;
  const b = m[2]!;
  const start = a.length === 4 ? Number(a) : 2000 + Number(a);
  const end = Number(b);
  const consecutive =
    b.length === 4
      ? end === start + 1
      : (a.length === 4 || b.length === 2) && end === (start + 1) % 10 ** b.length;
  return consecutive && fySpan(start) ? start : undefined;
}

function fyOrThrow(label: string): Span {
  const start = parseFinancialYear(label);
  const span = start === undefined ? undefined : fySpan(start);
  if (!span) throw new RangeError(`not a financial year: ${label}`);
  return span;
}

/** `fyStart('2013-14')` → `'2013-04-01'`. */
export const fyStart = (label: string) => iso(fyOrThrow(label).lo);
/** `fyEnd('2013-14')` → `'2014-03-31'`. */
export const fyEnd = (label: string) => iso(fyOrThrow(label).hi);

/**
 * A written year as a full year. Two-digit years take the century that puts them nearest
 * `refYear` (the plan's period); with no reference they are read as 20yy.
 */
export function fullYear(digits: string, refYear?: number): number {
  const n = Number(digits.replace(/^'/, ''));
  if (digits.replace(/^'/, '').length !== 2) return n;
  if (refYear === undefined) return 2000 + n;
  const century = Math.floor(refYear / 100) * 100;
  const candidates = [century - 100 + n, century + n, century + 100 + n];
  return candidates.reduce((best, y) => (Math.abs(y - refYear) < Math.abs(best - refYear) ? y : best));
}
