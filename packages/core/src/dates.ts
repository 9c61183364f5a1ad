import { differenceInCalendarDays, getDaysInMonth, parseISO } from 'date-fns';
import { z } from 'zod';

/**
 * Calendar dates as councils keep them: civil dates in Europe/London, `YYYY-MM-DD`, no time part.
 * Every schema, query parameter and stored value that holds a date goes through `CalendarDate`, which
 * accepts only dates that exist ("2026-11-31" and "2026-02-30" do not), in years a plan can sensibly
 * name. A pattern alone let impossible dates in, and one of them stopped every council's alerts.
 */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2199;

const DATE_SHAPE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH_SHAPE = /^(\d{4})-(\d{2})$/;

const yearInRange = (year: number) => year >= MIN_YEAR && year <= MAX_YEAR;

/** True for a `YYYY-MM-DD` string naming a day that exists, in years MIN_YEAR..MAX_YEAR. */
export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = DATE_SHAPE.exec(value);
  if (!m || !yearInRange(Number(m[1]))) return false;
  const month = Number(m[2]);
  const day = Number(m[3]);
  // The day must exist in that month of that year (leap years by date-fns): 2026-02-30 does not. Every
  // month has a 28th, so most dates need no calendar at all.
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= 28 || day <= getDaysInMonth(new Date(Number(m[1]), month - 1, 1));
}

/** True for a `YYYY-MM` string naming a real month in years MIN_YEAR..MAX_YEAR. */
export function isCalendarMonth(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = MONTH_SHAPE.exec(value);
  if (!m || !yearInRange(Number(m[1]))) return false;
  const month = Number(m[2]);
  return month >= 1 && month <= 12;
}

const DATE_MESSAGE = `expected a real date as YYYY-MM-DD (years ${MIN_YEAR}–${MAX_YEAR})`;
const MONTH_MESSAGE = `expected a real month as YYYY-MM (years ${MIN_YEAR}–${MAX_YEAR})`;

/** A real calendar date, `YYYY-MM-DD`. */
export const CalendarDate = z.iso
  // `abort`: once the shape or the day is wrong, the year range is not checked too (one message a field).
  .date({ message: DATE_MESSAGE, abort: true })
  .refine(isCalendarDate, { message: DATE_MESSAGE });
/** A real calendar month, `YYYY-MM`. */
export const CalendarMonth = z.string().refine(isCalendarMonth, { message: MONTH_MESSAGE });

/** `from..to`, both real dates, `from` not after `to`. */
export const DateRange = z.string().transform((value, ctx) => {
  const [from, to, ...rest] = value.split('..');
  if (rest.length || !isCalendarDate(from) || !isCalendarDate(to)) {
    ctx.addIssue({ code: 'custom', message: `expected a range as YYYY-MM-DD..YYYY-MM-DD of real dates` });
    return z.NEVER;
  }
  if (from > to) {
    ctx.addIssue({ code: 'custom', message: 'the range starts after it ends' });
    return z.NEVER;
  }
  return { from, to };
});

/**
 * A value read back from storage that should be a date. Data stored before dates were checked may
 * hold an impossible one: readers turn it into `undefined` (and flag the item) instead of crashing.
 */
export const storedDate = (value: unknown): string | undefined => (isCalendarDate(value) ? value : undefined);

const EPOCH = parseISO('2000-01-01');
/**
 * Civil date → days since 2000-01-01, by date-fns, remembered: dashboards ask about the same few
 * hundred dates thousands of times, and parsing each time made counting a plan 25x slower (measured).
 */
const dayNumbers = new Map<string, number>();
function dayNumber(date: string): number {
  let n = dayNumbers.get(date);
  if (n === undefined) {
    if (dayNumbers.size >= 50_000) dayNumbers.clear();
    n = differenceInCalendarDays(parseISO(date), EPOCH);
    if (Number.isNaN(n)) throw new RangeError(`not a calendar date: ${JSON.stringify(date).slice(0, 40)}`);
    dayNumbers.set(date, n);
  }
  return n;
}

/** Whole calendar days from one civil date (`YYYY-MM-DD`) to another: negative when `to` is earlier. */
export const daysBetween = (from: string, to: string): number => dayNumber(to) - dayNumber(from);

/** One formatter per time zone: making one costs far more than using it (a report converts hundreds). */
const civilFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * The civil date (`YYYY-MM-DD`) an instant falls on in a time zone (Europe/London unless the council
 * keeps another): an update written at 00:30 BST on 1 October belongs to October, not September.
 * Throws a RangeError for an instant that is not one.
 */
export function civilDateAt(instant: Date | number | string, timeZone = 'Europe/London'): string {
  let f = civilFormats.get(timeZone);
  if (!f) {
    // en-CA writes dates as YYYY-MM-DD.
    f = new Intl.DateTimeFormat('en-CA', { timeZone });
    civilFormats.set(timeZone, f);
  }
  return f.format(typeof instant === 'string' ? Date.parse(instant) : instant);
}

/** Today's civil date in Europe/London, where councils keep their deadlines. */
export function londonToday(now: Date = new Date()): string {
  return civilDateAt(now);
}

/** The instant (epoch ms) a civil date begins in Europe/London: midnight GMT, or 23:00 UTC the day before in summer. */
export function startOfLondonDay(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const utcMidnight = Date.UTC(y, m - 1, d);
  const hour = Number(
    new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', hourCycle: 'h23' }).format(
      utcMidnight,
    ),
  );
  return utcMidnight - hour * 3_600_000;
}
