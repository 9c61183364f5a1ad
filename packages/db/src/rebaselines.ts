import type { Rebaseline, Timescale } from '@peopleplan/core';

/** What a re-baseline needs of an action or a milestone. */
interface Dated {
  due?: Timescale | undefined;
  rebaselines?: Rebaseline[] | undefined;
  updatedAt: string;
}

/** The current due moved to a later date (a re-baseline once past the first committed date). */
export const movedLater = (before: Pick<Dated, 'due'>, after: Pick<Dated, 'due'>): boolean =>
  Boolean(after.due?.due && before.due?.due && after.due.due > before.due.due);

/**
 * `after` with this move of its due later kept, with the reason given and who moved it: the last 100, an
 * action's as a milestone's.
 */
export function withRebaseline<T extends Dated>(
  before: T,
  after: T,
  reason: string | undefined,
  by: string,
): T {
  const entry: Rebaseline = {
    ...(before.due ? { from: before.due } : {}),
    to: after.due!,
    ...(reason ? { reason } : {}),
    by,
    at: after.updatedAt,
  };
  return { ...after, rebaselines: [...(after.rebaselines ?? []), entry].slice(-100) };
}
