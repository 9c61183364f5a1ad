/**
 * Marks that let a removal or a move see what was added while it read (docs/architecture.md, "What may
 * be removed"): a theme is marked by every write that puts an action in it, an action by every child
 * added under it (actions.ts `childAdded`). A mark is a storage attribute holding a fresh id: no new
 * version, so nobody editing the item is refused for it, and the write that must see nothing added since
 * it read requires the mark unchanged.
 */
import { andCondition, writeOf } from './conditions.js';
import { newId } from './ids.js';
import { type STORAGE_ATTRIBUTES, sk } from './keys.js';
import type { TenantStore, TransactItem } from './store.js';

/** The storage attribute an action is marked with whenever a milestone or sub-action is added under it. */
export const CHILD_MARK = 'lastChildAdded' satisfies (typeof STORAGE_ATTRIBUTES)[number];

/** The storage attribute a theme is marked with whenever an action is added to it or moved into it. */
export const THEME_MARK = 'lastActionAdded' satisfies (typeof STORAGE_ATTRIBUTES)[number];

/**
 * A check that the theme exists which also marks it, in the transaction that adds an action to it or
 * moves one into it: a removal of the theme that read its actions before (and so not this one) is then
 * refused (plans.ts `removeTheme`). A fresh id each time, not the action's: an action moved out and back
 * in while the removal read must change the mark too.
 */
export function actionAddedTo(store: TenantStore, planId: string, themeId: string): TransactItem {
  return markWith(store, sk.theme(planId, themeId), THEME_MARK, { condition: 'attribute_exists(PK)' });
}

/**
 * The update that marks the item at `sortKey` with its `name` mark (`mark`, else a fresh id), on
 * `condition` (with its `values`): every write that marks an item (a theme, a parent action, a person
 * newly named: references.ts) is this one. `returnOld` gives the item back when the condition fails, for
 * the refusal to name it.
 */
export function markWith(
  store: TenantStore,
  sortKey: string,
  name: string,
  opts: { condition: string; mark?: string; values?: Record<string, unknown>; returnOld?: boolean },
): TransactItem {
  return {
    Update: {
      TableName: store.tableName,
      Key: { PK: store.pk, SK: sortKey },
      UpdateExpression: 'SET #mark = :mark',
      ConditionExpression: opts.condition,
      ExpressionAttributeNames: { '#mark': name },
      ExpressionAttributeValues: { ':mark': opts.mark ?? newId(), ...opts.values },
      ...(opts.returnOld ? { ReturnValuesOnConditionCheckFailure: 'ALL_OLD' as const } : {}),
    },
  };
}

/**
 * The Put, Delete or Update, on condition also that the item's `name` mark is still `mark` as read
 * (undefined: still unmarked). A Put of the whole item drops the mark (it is read without it), and moves
 * the version on, which every such write also requires: so a mark dropped is never mistaken for one
 * unchanged. An Update leaves the mark as it was (a progress update's write: actions.ts `latestUpdateWrite`).
 */
export function markUnchanged(item: TransactItem, name: string, mark: unknown): TransactItem {
  if (!writeOf(item).write.ConditionExpression) throw new Error('markUnchanged: a conditional write only');
  return mark === undefined
    ? andCondition(item, 'attribute_not_exists(#mark)', { '#mark': name })
    : andCondition(item, '#mark = :mark', { '#mark': name }, { ':mark': mark });
}
