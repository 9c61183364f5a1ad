import { reportingPeriodOfUpdates, updatedInPeriod } from '@peopleplan/core';
import { plural } from './format.js';
import type { ReportingPeriods } from './responses.js';

type Filing = { period?: string | undefined; at: string };

/**
 * Whether an action is already updated for the period chosen: whether any of its recent effective updates
 * is for it, by core's rule, as the reports count "without an update this period" from the whole history
 * (one filed under a period is that period's alone; one filed under none goes by the day it was written,
 * in the plan's stretch before the period's date). A late update for an earlier period, or a correction,
 * filed after this period's update leaves it updated. An action kept before its recent updates were has
 * only its latest update to go by.
 */
export function updatedFor(
  periods: ReportingPeriods | undefined,
  value: string,
  action: { latestUpdate?: Filing | undefined; recentUpdates?: Record<string, Filing> | undefined },
): boolean {
  if (!value) return false;
  const summary = action.recentUpdates ?? (action.latestUpdate ? { latest: action.latestUpdate } : {});
  const period = (periods && reportingPeriodOfUpdates(periods.items, value)) ?? { names: [value] };
  return updatedInPeriod(summary, period);
}

/**
 * What an update round counts, so that its status, its "Action n of m" and its list agree: the actions
 * in the round are those still to update, and those updated in this round (they stay counted as it goes
 * on); actions already up to date before it began (updated for the period chosen) are listed after them
 * and said apart.
 */
export interface RoundCounts<A> {
  inRound: A[];
  already: A[];
  /** In the round and not yet updated. */
  left: number;
}

export function roundCounts<A extends { id: string }>(
  actions: readonly A[],
  done: (a: A) => boolean,
  savedHere: readonly string[],
): RoundCounts<A> {
  const before = (a: A) => done(a) && !savedHere.includes(a.id);
  const inRound = actions.filter((a) => !before(a));
  return {
    inRound,
    already: actions.filter(before),
    left: inRound.filter((a) => !done(a)).length,
  };
}

/** "2 actions left to update, of 3. 1 other action is already up to date." */
export function roundStatus({ inRound, already, left }: RoundCounts<unknown>): string {
  if (!inRound.length)
    return `${already.length === 1 ? 'The only action is' : `All ${already.length} actions are`} already up to date.`;
  const main = left
    ? `${plural(left, 'action')} left to update, of ${inRound.length}.`
    : inRound.length === 1
      ? 'The action is updated.'
      : `All ${inRound.length} actions updated.`;
  const others = already.length
    ? ` ${plural(already.length, 'other action')} ${already.length === 1 ? 'is' : 'are'} already up to date.`
    : '';
  return main + others;
}
