import { addDays, lightFormat, parseISO } from 'date-fns';
import { periodWords } from './reporting-periods.js';

/** A period as its updates are counted: the names an update may be filed under, and its days. */
export interface UpdatePeriod {
  /** Every name the period goes by: its label, its key, the plan's reporting points within it. */
  names: readonly string[];
  /** Its days (inclusive civil dates; no start: from the first). None known: only a filed update counts. */
  days?: { start?: string | undefined; end: string } | undefined;
}

/** What an update says of itself: the period it was filed under, if any, and the day it was written. */
export interface UpdateFiling {
  period?: string | undefined;
  /** Civil date it was written, where the council is. */
  date: string;
}

/**
 * Whether an update speaks for a period. One filed under a period belongs to that period alone, however
 * late it was written (a Q2 update written in October is Q2's, never Q3's as well); one filed under none
 * goes by the day it was written. The reports ("without an update this period") and the update round
 * ("left to update") both ask this, so they count the same actions.
 */
export function updatesFor(period: UpdatePeriod): (update: UpdateFiling) => boolean {
  const names = new Set(period.names.map(periodWords).filter(Boolean));
  const { days } = period;
  return (u) => {
    const filed = u.period?.trim();
    if (filed) return names.has(periodWords(filed));
    if (!days) return false;
    return (days.start === undefined || u.date >= days.start) && u.date <= days.end;
  };
}

/**
 * One of a plan's reporting periods as its updates are counted: the days from the one before it (the
 * day after that one's date; the first has no start) to its own date. Undefined when none is `value`.
 */
export function reportingPeriodOfUpdates(
  periods: ReadonlyArray<{ value: string; label: string; date: string }>,
  value: string,
): UpdatePeriod | undefined {
  const sorted = [...periods].sort((a, b) => a.date.localeCompare(b.date));
  const at = sorted.findIndex((p) => p.value === value);
  const p = sorted[at];
  if (!p) return undefined;
  const before = sorted[at - 1];
  const start = before ? lightFormat(addDays(parseISO(before.date), 1), 'yyyy-MM-dd') : undefined;
  return { names: [p.value, p.label], days: { start, end: p.date } };
}
