import { addDays, lightFormat, parseISO } from 'date-fns';
import { periodWords } from './reporting-periods.js';

/** A period as its updates are counted: the names an update may be filed under, and its days. */
export interface UpdatePeriod {
  /** Every name the period goes by: its label, its key, the plan's reporting points within it. */
  names: readonly string[];
  /** Its days (inclusive civil dates; no start: from the first). None known: only a filed update counts. */
  days?: { start?: string | undefined; end: string } | undefined;
  /**
   * Longer periods that take this one in (a quarter's half-year and year): an update filed under one speaks
   * for this period when written in its days, or after them when this period is that one's last stretch
   * (a late year-end return is Q4's too). Councils without quarterly points file under the half-year or
   * the year, yet their committees read quarters.
   */
  within?: ReadonlyArray<{ names: readonly string[]; end: string }> | undefined;
}

/**
 * What the importer files a plan's own progress column under (`to-entities.ts`): filed under no reporting
 * period, so it counts by its date, as docs/architecture.md (Import) says.
 */
export const IMPORTED_PERIOD = 'imported';

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
  const within = (period.within ?? []).map((w) => ({
    names: new Set(w.names.map(periodWords).filter(Boolean)),
    lastStretch: days !== undefined && w.end === days.end,
  }));
  const inDays = (date: string) =>
    days !== undefined && (days.start === undefined || date >= days.start) && date <= days.end;
  return (u) => {
    const filed = u.period?.trim();
    if (!filed || filed === IMPORTED_PERIOD) return inDays(u.date);
    const words = periodWords(filed);
    if (names.has(words)) return true;
    const longer = within.find((w) => w.names.has(words));
    if (!longer) return false;
    return inDays(u.date) || (longer.lastStretch && days !== undefined && u.date > days.end);
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
