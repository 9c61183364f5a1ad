import { civilDateAt } from './dates.js';
import type { RecentUpdate } from './entities.js';
import { type UpdatePeriod, updatesFor } from './update-period.js';

/**
 * How many effective updates an action keeps the filing of (`Action.recentUpdates`): enough that a late
 * update, or a correction, never hides the one filed for the period being gathered, and small enough to
 * keep the action item small. Writers that raced may leave a few more; the next update trims them.
 */
export const RECENT_UPDATES = 12;

export type RecentUpdates = Record<string, RecentUpdate>;

/** What the summary needs of an update: its id, when it was written, its period, what it corrects. */
export interface FiledUpdate {
  id: string;
  at: string;
  period?: string | undefined;
  corrects?: string | undefined;
}

const filing = (u: FiledUpdate): RecentUpdate => ({
  ...(u.period !== undefined ? { period: u.period } : {}),
  at: u.at,
});

/** Newest first: by the time written, then by id (ids are in the order they were made). */
const newestFirst = ([a, x]: [string, RecentUpdate], [b, y]: [string, RecentUpdate]) =>
  y.at.localeCompare(x.at) || b.localeCompare(a);

/** The ids beyond the newest `keep`. */
const beyond = (summary: RecentUpdates, keep: number): string[] =>
  Object.entries(summary)
    .sort(newestFirst)
    .slice(keep)
    .map(([id]) => id);

/**
 * The summary of a whole history (an action kept before the summary was): its effective updates, the
 * newest RECENT_UPDATES. A corrected update is replaced by its correction, as a report reads them.
 */
export function recentUpdatesOf(history: readonly FiledUpdate[]): RecentUpdates {
  const corrected = new Set(history.map((u) => u.corrects).filter(Boolean));
  const all: RecentUpdates = {};
  for (const u of history) if (!corrected.has(u.id)) all[u.id] = filing(u);
  for (const id of beyond(all, RECENT_UPDATES)) delete all[id];
  return all;
}

/**
 * One update added to the summary: the summary after, and the change that makes it (its entry set, the
 * entries removed: the one it corrects and those past the bound), which a write can apply without
 * reading the summary again, so updates written at once all stay.
 */
export function addRecentUpdate(
  summary: RecentUpdates,
  update: FiledUpdate,
): { after: RecentUpdates; entry: RecentUpdate; remove: string[] } {
  const entry = filing(update);
  const others: RecentUpdates = { ...summary };
  delete others[update.id];
  const remove: string[] = [];
  // Removed even when not read here: the corrected one may have been summarised since (a no-op if not).
  if (update.corrects) {
    delete others[update.corrects];
    remove.push(update.corrects);
  }
  // The update added always stays: the others make room for it.
  for (const id of beyond(others, RECENT_UPDATES - 1)) {
    delete others[id];
    remove.push(id);
  }
  const after = { ...others, [update.id]: entry };
  return { after, entry, remove };
}

/**
 * Whether any of the updates summarised speaks for the period, by core's rule (`updatesFor`: one filed
 * under a period is that period's alone; one filed under none goes by the day it was written).
 */
export function updatedInPeriod(summary: RecentUpdates, period: UpdatePeriod, timeZone?: string): boolean {
  const speaksFor = updatesFor(period);
  return Object.values(summary).some((u) =>
    speaksFor({ period: u.period, date: civilDateAt(u.at, timeZone) }),
  );
}
