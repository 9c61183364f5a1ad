import { addDays, addMonths, lastDayOfMonth } from 'date-fns';
import { daysBetween } from './dates.js';
import type { Recurrence, Timescale } from './timescale.js';

/**
 * Repeating deadlines ("Quarterly", "Annually each April", "31 August (annually)"). A recurring
 * timescale keeps the first occurrence as its `due`, as the plan gave it; what every judgement reads
 * (rating, overdue, due soon, alerts, reports as at a date) is the occurrence current on that date:
 * the first one on or after it. So a yearly return due each April is due next April once this
 * April has passed, never "eight months late" (docs/architecture.md, "Repeating deadlines").
 */
const STEP: Record<Recurrence, { days: number } | { months: number }> = {
  weekly: { days: 7 },
  fortnightly: { days: 14 },
  monthly: { months: 1 },
  // Three school terms a year: taken as every four months from the first date given.
  termly: { months: 4 },
  quarterly: { months: 3 },
  'six-monthly': { months: 6 },
  annual: { months: 12 },
  biennial: { months: 24 },
};

// Local-time dates throughout, as date-fns works: `new Date(y, m - 1, d)` is that civil day's midnight.
// (date-fns `format` and `parseISO` are left out: the web app's first page loads this module.)
const toDate = (date: string) =>
  new Date(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
const pad = (n: number) => String(n).padStart(2, '0');
const iso = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;

/**
 * The occurrence `n` steps after `first`, counted from `first` each time so that nothing drifts. A
 * month's last day stays its month's last day (30 June, 30 September, 31 December, 31 March); another
 * day is kept, or is the month's last when the month is shorter (31 January → 28 February → 31 March).
 */
/** How far apart a repeat's occurrences are: a number of days, or of months. */
export const repeatStep = (every: Recurrence): { days: number } | { months: number } => STEP[every];

export function nthOccurrence(first: string, every: Recurrence, n: number): string {
  const step = STEP[every];
  const start = toDate(first);
  if ('days' in step) return iso(addDays(start, n * step.days));
  const moved = addMonths(start, n * step.months);
  return iso(start.getTime() === lastDayOfMonth(start).getTime() ? lastDayOfMonth(moved) : moved);
}

/** The occurrence current on `on`: the first on or after it (`first` itself until it has passed). */
export function occurrenceOn(first: string, every: Recurrence | undefined, on: string): string {
  const step = every ? STEP[every] : undefined;
  // A repeat not known here (data stored before its value was checked) is judged by its first date.
  if (!every || !step || first >= on) return first;
  if ('days' in step) return nthOccurrence(first, every, Math.ceil(daysBetween(first, on) / step.days));
  // An estimate that is never past the answer (its month is not after `on`'s), then step on.
  const months =
    (Number(on.slice(0, 4)) - Number(first.slice(0, 4))) * 12 +
    (Number(on.slice(5, 7)) - Number(first.slice(5, 7)));
  let n = Math.max(0, Math.floor(months / step.months));
  let d = nthOccurrence(first, every, n);
  while (d < on) d = nthOccurrence(first, every, ++n);
  return d;
}

/** What judging a deadline needs of it: a whole Timescale fits, and so does a bare `{ due }`. */
export type DueFacts = Pick<Timescale, 'due'> & Partial<Pick<Timescale, 'kind' | 'recurrence'>>;

/** How often a deadline repeats; undefined for one that does not. */
export const repeatOf = (
  t: Partial<Pick<Timescale, 'kind' | 'recurrence'>> | undefined,
): Recurrence | undefined => (t?.kind === 'recurring' ? t.recurrence : undefined);

/** The due date to judge a deadline by on `on`: its own, or for a repeating one the current occurrence. */
export function dueOn(t: DueFacts | undefined, on: string): string | undefined {
  const due = t?.due;
  return due ? occurrenceOn(due, repeatOf(t), on) : undefined;
}

/** Days past the deadline on `on` (negative: still to come); undefined without a date. */
export function lateBy(t: DueFacts | undefined, on: string): number | undefined {
  const due = dueOn(t, on);
  return due === undefined ? undefined : daysBetween(due, on);
}

/** The deadline with its current occurrence on `on` as its due (for showing it): unchanged if it does not repeat. */
export function atOccurrence<T extends DueFacts>(t: T, on: string): T;
export function atOccurrence<T extends DueFacts>(t: T | undefined, on: string): T | undefined;
export function atOccurrence<T extends DueFacts>(t: T | undefined, on: string): T | undefined {
  const due = dueOn(t, on);
  return t && due !== t.due ? { ...t, due } : t;
}
