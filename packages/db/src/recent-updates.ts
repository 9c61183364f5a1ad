import {
  type Action,
  addRecentUpdate,
  DomainError,
  type FiledUpdate,
  type ProgressUpdate,
  type RecentUpdates,
  recentUpdatesOf,
} from '@peopleplan/core';
import { andCondition } from './conditions.js';
import { nowIso } from './ids.js';
import { sk } from './keys.js';
import type { TenantStore, TransactItem } from './store.js';
import { nextVersion } from './versioning.js';

/**
 * An update's change to its action's recent updates (core recent-updates.ts), as parts of an update
 * expression on the action. Entries are set and removed one by one, by update id, with no condition on
 * the action's version: updates appended at once each add their own entry and none is lost
 * (docs/architecture.md, section 3, "Writes").
 */
export interface RecentChange {
  /** The summary after the change, as read before it. */
  after: RecentUpdates;
  sets: string[];
  removes: string[];
  condition: string;
  names: Record<string, string>;
  values: Record<string, unknown>;
}

const NAMES = { '#ru': 'recentUpdates' };

/**
 * The change `update` makes. An action kept before the summary was has none: it is made from the
 * action's whole history, once, and written only if still absent (a racing update that made it first
 * refuses this one, which is tried again with the summary it wrote).
 */
export async function recentChange(
  store: TenantStore,
  action: Action,
  update: ProgressUpdate,
): Promise<RecentChange> {
  if (action.recentUpdates) {
    const { after, entry, remove } = addRecentUpdate(action.recentUpdates, update);
    const names: Record<string, string> = { ...NAMES, '#ruNew': update.id };
    remove.forEach((id, i) => {
      names[`#ruOld${i}`] = id;
    });
    return {
      after,
      sets: ['#ru.#ruNew = :ruNew'],
      removes: remove.map((_, i) => `#ru.#ruOld${i}`),
      // A nested entry can be set only in a map that exists.
      condition: 'attribute_exists(#ru)',
      names,
      values: { ':ruNew': entry },
    };
  }
  // No latest update: no update yet (each first moves it), so no history to read on a new action's first.
  const history = !action.latestUpdate
    ? []
    : await store.queryAll<FiledUpdate>(sk.updatePrefix(action.planId, action.id), {
        types: ['update'],
        attributes: ['id', 'at', 'period', 'corrects'],
      });
  const after = recentUpdatesOf([...history.filter((u) => u.id !== update.id), update]);
  return {
    after,
    sets: ['#ru = :ru'],
    removes: [],
    condition: 'attribute_not_exists(#ru)',
    names: NAMES,
    values: { ':ru': after },
  };
}

/**
 * The change added to the action's own Update in `items` (ActionsRepo `latestUpdateWrite`, whose first
 * item it is): a transaction may write an item once only.
 */
export function withRecentChange(items: TransactItem[], change: RecentChange): TransactItem[] {
  const [first, ...rest] = items;
  const u = first?.Update;
  if (!u?.UpdateExpression?.startsWith('SET ')) throw new Error('expected the action’s update first');
  const [set, remove] = u.UpdateExpression.split(' REMOVE ');
  const removes = [...(remove ? [remove] : []), ...change.removes];
  const UpdateExpression = `${set}, ${change.sets.join(', ')}${removes.length ? ` REMOVE ${removes.join(', ')}` : ''}`;
  return [andCondition(first!, change.condition, change.names, change.values, { UpdateExpression }), ...rest];
}

/**
 * The change alone, for an update that joins the history only, written by `transact` with the update's
 * own items. It makes a new version: an edit of the action read before it is then refused (it would put
 * the old summary back), as one read before an update that moves the action is. Refused because another
 * update made the summary of an action kept before it first, it is tried again with that summary.
 */
export async function joinRecentUpdates(
  store: TenantStore,
  action: Action,
  update: ProgressUpdate,
  transact: (recentWrite: TransactItem) => Promise<void>,
): Promise<Action> {
  for (let read = action; ; ) {
    const change = await recentChange(store, read, update);
    try {
      await transact(recentChangeWrite(store, read, change));
      return nextVersion(read, { recentUpdates: change.after });
    } catch (e) {
      if (!(e instanceof DomainError && e.code === 'conflict')) throw e;
      const again = await store.get<Action>(sk.action(read.planId, read.id));
      // Anything else (the period closed, the action removed) is for the caller to say.
      if (!again || Boolean(again.recentUpdates) === Boolean(read.recentUpdates)) throw e;
      read = again;
    }
  }
}

/** The change on its own: the action's version and time moved on with it. */
function recentChangeWrite(store: TenantStore, action: Action, change: RecentChange): TransactItem {
  const write: TransactItem = {
    Update: {
      TableName: store.tableName,
      Key: { PK: store.pk, SK: sk.action(action.planId, action.id) },
      UpdateExpression: 'SET version = version + :ruOne, updatedAt = :ruAt',
      ConditionExpression: 'attribute_exists(PK)',
      ExpressionAttributeValues: { ':ruOne': 1, ':ruAt': nowIso() },
    },
  };
  return withRecentChange([write], change)[0]!;
}
