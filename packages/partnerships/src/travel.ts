import { type Action, deriveRag, type Rag, type RagRules, TRAVEL_RANK } from '@peopleplan/core';
import type { UpdateMark } from './types.js';

/** Direction of travel of one action since a date. `unknown`: its state on that date is not on record. */
export type Travel = 'improved' | 'same' | 'worse' | 'new' | 'unknown';
export type TravelCounts = Record<Travel, number>;

/** The rank is core's, shared with reports and dashboards. */
export { TRAVEL_RANK };

export const emptyTravel = (): TravelCounts => ({ improved: 0, same: 0, worse: 0, new: 0, unknown: 0 });

export function compareRag(previous: Rag, current: Rag): Exclude<Travel, 'new' | 'unknown'> {
  const d = TRAVEL_RANK[current] - TRAVEL_RANK[previous];
  return d < 0 ? 'improved' : d > 0 ? 'worse' : 'same';
}

/**
 * An action's RAG on `since` comes from its progress history: the last update on or before that day
 * (its RAG as reported, or derived from its status then). An action created after `since` is new. One
 * with no update either side of `since` has not changed status. One whose only updates came later had a
 * state on `since` that is not recorded in its history: counted as unknown rather than guessed.
 */
export function actionTravel(
  action: Pick<Action, 'status' | 'due' | 'ragOverride' | 'createdAt'>,
  updates: readonly UpdateMark[],
  since: string,
  today: string,
  rules: RagRules,
): Travel {
  const current = deriveRag(
    { status: action.status, due: action.due, override: action.ragOverride },
    today,
    rules,
  );
  if (action.createdAt.slice(0, 10) > since) return 'new';
  let before: UpdateMark | undefined;
  let later = false;
  for (const u of updates) {
    if (u.at.slice(0, 10) <= since) {
      if (!before || u.at > before.at) before = u;
    } else later = true;
  }
  if (before) {
    const then = before.rag ?? deriveRag({ status: before.status, due: action.due }, since, rules).rag;
    return compareRag(then, current.rag);
  }
  if (later) return 'unknown';
  const then = deriveRag(
    { status: action.status, due: action.due, override: action.ragOverride },
    since,
    rules,
  );
  return compareRag(then.rag, current.rag);
}
