import { conflict, normaliseRef, sameRef } from '@peopleplan/core';
import { sk } from './keys.js';
import type { TenantStore, TransactItem } from './store.js';

/**
 * Refs are how a plan and its committee papers name an action ("3.3"): an action added or renumbered by
 * hand may not take a ref another action of the plan has (two "3.3"s in a report cannot be told apart).
 * An import keeps the refs the document gave, even repeated ones. Look-alike refs ("3.3" with a
 * zero-width space) are the same ref (core order.ts `normaliseRef`).
 *
 * Reading the plan's actions alone would let two people who give the same ref at the same moment both
 * through (each read before the other wrote). So a ref given by hand is also claimed: one item per plan
 * and ref, written in the action's own transaction on condition that nobody else took it since it was
 * read. An action removed or renumbered lets its claim go in the same transaction; a claim left stale all
 * the same (by an older release) is taken over, on condition that it is still the stale one read. Claims
 * never decide alone: the actions do (a stale claim blocks nothing, and imported refs have none).
 */
export async function claimActionRef(
  store: TenantStore,
  planId: string,
  ref: string | undefined,
  /** The action taking the ref (new or renumbered). */
  actionId: string,
  /** The action being renumbered, and the ref it has: kept as it is, it is neither checked nor claimed. */
  except?: { id: string; ref: string },
): Promise<TransactItem[]> {
  if (!ref?.trim() || (except?.ref && sameRef(except.ref, ref))) return [];
  const key = claimKey(planId, ref);
  // The claim is read before the actions: a claim taken after this read fails the condition below, and
  // one taken before it comes with its action, which the read of the actions then finds.
  const held = await store.getRaw(key);
  await assertActionRefFree(store, planId, ref, except);
  return [
    {
      Put: {
        TableName: store.tableName,
        Item: { PK: store.pk, SK: key, type: REF_CLAIM, planId, ref: normaliseRef(ref), actionId },
        ConditionExpression: held ? '#action = :held' : 'attribute_not_exists(PK)',
        ...(held && {
          ExpressionAttributeNames: { '#action': 'actionId' },
          ExpressionAttributeValues: { ':held': held.actionId },
        }),
        // The claim as it stands comes back with a failure, so the 409 can name the ref (plan-archived.ts).
        ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
      },
    },
    ...(except ? await releasedClaim(store, { ...except, planId }) : []),
  ];
}

/** The plan's claim on a ref, keyed as `sameRef` compares refs. */
const claimKey = (planId: string, ref: string) =>
  sk.refClaim(planId, encodeURIComponent(normaliseRef(ref).toLowerCase()));

/** The Delete of the claim an action holds on its ref, if it holds one: it goes with the action or its ref. */
export async function releasedClaim(
  store: TenantStore,
  action: { id: string; planId: string; ref?: string | undefined },
): Promise<TransactItem[]> {
  if (!action.ref?.trim()) return [];
  const key = claimKey(action.planId, action.ref);
  if ((await store.getRaw(key))?.actionId !== action.id) return [];
  return [
    {
      Delete: {
        TableName: store.tableName,
        Key: { PK: store.pk, SK: key },
        ConditionExpression: '#action = :me',
        ExpressionAttributeNames: { '#action': 'actionId' },
        ExpressionAttributeValues: { ':me': action.id },
      },
    },
  ];
}

/** The type of a ref's claim item (plan-archived.ts words a failed one). */
const REF_CLAIM = 'ref-claim';

async function assertActionRefFree(
  store: TenantStore,
  planId: string,
  ref: string,
  except?: { id: string; ref: string },
): Promise<void> {
  const actions = await store.queryAll<{ id: string; ref?: string; title: string }>(
    `${sk.planChildren(planId)}ACTION#`,
    { types: ['action'], attributes: ['id', 'ref', 'title'] },
  );
  const taken = actions.find((a) => a.id !== except?.id && a.ref && sameRef(a.ref, ref));
  if (taken) {
    throw conflict(
      `${ref.trim()} is already the ref of “${taken.title}” in this plan: give this action another ref.`,
    );
  }
}

/**
 * The ref a milestone added by hand gets when none is given, as imported ones have: its action's ref and
 * the next free number ("3.1.M2"). None when the action has no ref or the ref would not fit (20 characters).
 */
export function nextMilestoneRef(actionRef: string, taken: readonly string[]): string | undefined {
  if (!actionRef.trim()) return undefined;
  const used = new Set(taken.map((r) => normaliseRef(r).toLowerCase()));
  for (let n = 1; n <= taken.length + 1; n++) {
    const ref = `${actionRef.trim()}.M${n}`;
    if (ref.length > 20) return undefined;
    if (!used.has(ref.toLowerCase())) return ref;
  }
  return undefined;
}
