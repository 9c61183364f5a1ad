/**
 * Why a transaction was cancelled, as the caller should hear it. Archived plans are read-only
 * (docs/architecture.md, section 6): the condition that keeps them, and how its failure reads.
 */
import { conflict, planArchived, unprocessable } from '@peopleplan/core';

/** The condition that keeps an archived plan as it is; the failing item comes back to say why. */
export const NOT_ARCHIVED = {
  ConditionExpression: '#planStatus <> :archived',
  ExpressionAttributeNames: { '#planStatus': 'status' },
  ExpressionAttributeValues: { ':archived': 'archived' },
  ReturnValuesOnConditionCheckFailure: 'ALL_OLD' as const,
};

/** Values in a cancellation reason may come raw (`{ S: 'plan' }`) or already unmarshalled. */
const textOf = (v: unknown): unknown => (v && typeof v === 'object' && 'S' in v ? v.S : v);

/** A condition failed on a plan header that is archived: the write touched an archived plan. */
export function isArchivedPlan(r: { Code?: string | undefined; Item?: Record<string, unknown> | undefined }) {
  return (
    r.Code === 'ConditionalCheckFailed' &&
    textOf(r.Item?.type) === 'plan' &&
    textOf(r.Item?.status) === 'archived'
  );
}

/** A condition failed on a ref's claim (refs.ts): another action took the ref since it was read. */
function claimedRef(r: { Code?: string | undefined; Item?: Record<string, unknown> | undefined }) {
  if (r.Code !== 'ConditionalCheckFailed' || textOf(r.Item?.type) !== 'ref-claim') return undefined;
  return String(textOf(r.Item?.ref) ?? '');
}

/**
 * A condition failed on a person a write newly names (references.ts `namedMarks`): they were marked as
 * left, or merged into someone else, since the write read them. Said as the check before it says it.
 */
function goneMeanwhile(r: { Code?: string | undefined; Item?: Record<string, unknown> | undefined }) {
  if (r.Code !== 'ConditionalCheckFailed' || textOf(r.Item?.type) !== 'person') return undefined;
  const name = String(textOf(r.Item?.name) ?? 'This person');
  if (r.Item?.mergedInto || r.Item?.mergingInto)
    return unprocessable(`${name} was merged into another person a moment ago: choose that person instead.`);
  if (r.Item?.leftOn)
    return unprocessable(`${name} has just been marked as left: choose someone still here.`);
  return undefined;
}

/**
 * A cancelled transaction's reasons in words: a failed condition is a 409 (`plan-archived` when it was an
 * archived plan's header); a collision with another transaction in flight may be tried again ('retry':
 * nothing was written and every condition is checked again); anything else is not ours to explain.
 */
export function cancellation(
  reasons: Array<{ Code?: string | undefined; Item?: Record<string, unknown> | undefined }>,
  what: string,
): Error | 'retry' | undefined {
  if (reasons.some((r) => r.Code === 'ConditionalCheckFailed')) {
    if (reasons.some(isArchivedPlan)) return planArchived();
    const gone = reasons.map(goneMeanwhile).find((e) => e !== undefined);
    if (gone) return gone;
    const ref = reasons.map(claimedRef).find((r) => r !== undefined);
    if (ref !== undefined) {
      return conflict(
        `${ref} was given to another action of this plan a moment ago: give this action another ref.`,
      );
    }
    return conflict(`The ${what} was changed by someone else, or no longer exists. Reload it and try again.`);
  }
  // Another transaction held one of the items (two edits in one plan share a board shard).
  if (reasons.some((r) => r.Code === 'TransactionConflict')) return 'retry';
  return undefined;
}
