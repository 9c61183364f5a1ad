import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import {
  type Action,
  type ActionState,
  actionState,
  decodeActionState,
  decodeMilestoneState,
  encodeActionState,
  encodeMilestoneState,
  type Milestone,
  type MilestoneState,
  milestoneState,
} from '@peopleplan/core';
import type { ReadConsistency } from './consistency.js';
import { boardShard, sk } from './keys.js';
import type { Item, TenantStore, TransactItem } from './store.js';
import { TABLE } from './table.js';

/**
 * A plan's board: for every action and milestone, the short entry its counts need (status, due,
 * baseline, override, last activity; see @peopleplan/core board.ts), in `TABLE.boardShards` items
 * under `BOARD#<p>#<n>`. Every write of an action or milestone sets its entry in the same
 * transaction, so the board is never behind. Combined views (the partnership overview) count a plan
 * from these few items instead of reading hundreds of actions; what changes with the date (overdue,
 * due soon, stale, RAG) is judged at read time, so a board never goes stale overnight.
 *
 * A shard is `complete` once the whole plan has been written into it (plan create, import, repair).
 * Plans written before boards existed have none, or only shards holding entries written since;
 * readers then count from the items (same answer, slower) until `repair` completes the board.
 */
export interface PlanBoard {
  actions: ActionState[];
  milestones: MilestoneState[];
}

export const BOARD_SHARDS = TABLE.boardShards;

// action-removal.ts names entries by these too (it is loaded on demand and imports nothing from here).
const ACTION_PREFIX = 'a_';
const MILESTONE_PREFIX = 'm_';
const entryName = (kind: 'action' | 'milestone', id: string) =>
  (kind === 'action' ? ACTION_PREFIX : MILESTONE_PREFIX) + id;

export interface BoardEntry {
  kind: 'action' | 'milestone';
  id: string;
  value: string;
}

/** What an action's board entry is made from (core `actionState`), and the plan it is on. */
export type BoardFacts = Parameters<typeof actionState>[0] & Pick<Action, 'planId'>;

export const actionEntry = (a: BoardFacts): BoardEntry => ({
  kind: 'action',
  id: a.id,
  value: encodeActionState(actionState(a)),
});

export const milestoneEntry = (m: Milestone): BoardEntry => ({
  kind: 'milestone',
  id: m.id,
  value: encodeMilestoneState(milestoneState(m)),
});

/**
 * The updates that set these entries on their plan's board: one per shard touched (a transaction may
 * not name an item twice). Unconditional: the entity's own write carries the version check.
 */
export function boardUpdates(
  store: TenantStore,
  planId: string,
  entries: readonly BoardEntry[],
): TransactItem[] {
  const byShard = new Map<number, BoardEntry[]>();
  for (const e of entries) {
    const n = boardShard(e.id);
    byShard.set(n, [...(byShard.get(n) ?? []), e]);
  }
  return [...byShard].map(([n, list]) => {
    const { names, values, sets } = shardAttributes(planId, n, list);
    return {
      Update: {
        TableName: store.tableName,
        Key: { PK: store.pk, SK: sk.board(planId, n) },
        UpdateExpression: `SET ${sets.join(', ')}`,
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
      },
    };
  });
}

/** A new plan's whole board, one complete item per shard (sort key and attributes), for a Put each. */
export function boardShardItems(
  planId: string,
  actions: readonly Action[],
  milestones: readonly Milestone[],
): Array<{ sortKey: string; item: Item }> {
  const shards = Array.from({ length: BOARD_SHARDS }, (_, n) => ({
    sortKey: sk.board(planId, n),
    item: { planId, shard: n, complete: true } as Item,
  }));
  for (const e of [...actions.map(actionEntry), ...milestones.map(milestoneEntry)]) {
    shards[boardShard(e.id)]!.item[entryName(e.kind, e.id)] = e.value;
  }
  return shards;
}

/** What an action's board entry is made from, as attributes to read (`actionState`). */
export const ACTION_STATE_ATTRIBUTES = [
  'id',
  'planId',
  'status',
  'due.due',
  'due.kind',
  'due.recurrence',
  'ragOverride.rag',
  'latestUpdate.at',
  'createdAt',
  'parentId',
  'themeId',
  'baselineDue.due',
] as const;

/** What counting a plan reads from its actions and milestones when it has no complete board. */
const STATE_ATTRIBUTES = [...ACTION_STATE_ATTRIBUTES, 'actionId'] as const;

/** Entries written per update when repairing: keeps each update expression well under 4 KB. */
const REPAIR_BATCH = 80;

export class BoardsRepo {
  constructor(private readonly store: TenantStore) {}

  /**
   * The plan's board, or undefined when it is not complete or holds an entry it cannot read (then
   * readers count from the items, and `repair` mends it). Strong unless `read` says otherwise:
   * combined views read it eventually (consistency.ts).
   */
  async read(planId: string, read?: ReadConsistency): Promise<PlanBoard | undefined> {
    const shards = await this.shards(planId, read);
    if (shards.length < BOARD_SHARDS || shards.some((s) => s.complete !== true)) return undefined;
    const out: PlanBoard = { actions: [], milestones: [] };
    try {
      for (const [name, value] of shards.flatMap(entriesOf)) {
        if (name.startsWith(ACTION_PREFIX)) {
          out.actions.push(decodeActionState(name.slice(ACTION_PREFIX.length), value));
        } else {
          out.milestones.push(decodeMilestoneState(name.slice(MILESTONE_PREFIX.length), value));
        }
      }
    } catch {
      return undefined;
    }
    return out;
  }

  private shards(planId: string, read?: ReadConsistency) {
    return this.store.queryAll<Item>(sk.boardPrefix(planId), { types: ['board'], ...read });
  }

  /** The same facts read from the plan's actions and milestones themselves (a few attributes each). */
  async fromItems(planId: string, read?: ReadConsistency): Promise<PlanBoard> {
    const items = await this.store.queryAll<Action & Milestone>(sk.planChildren(planId), {
      types: ['action', 'milestone'],
      attributes: STATE_ATTRIBUTES,
      ...read,
    });
    const out: PlanBoard = { actions: [], milestones: [] };
    for (const { type, ...i } of items) {
      if (type === 'action') out.actions.push(actionState(i as Action));
      else out.milestones.push(milestoneState(i as Milestone));
    }
    return out;
  }

  /**
   * The board when complete, else the same facts from the items: always the plan as it is now. An
   * incomplete board is not mended here: a read may be a viewer's, through a read-only session, and
   * `npm run boards` mends it (dashboard-data.ts says why).
   */
  async states(planId: string, read?: ReadConsistency): Promise<PlanBoard & { from: 'board' | 'items' }> {
    const board = await this.read(planId, read);
    return board ? { ...board, from: 'board' } : { ...(await this.fromItems(planId, read)), from: 'items' };
  }

  /**
   * Make a plan's board say what its items say: fill in missing entries, correct wrong ones (a board
   * written by hand, or edits made by a release from before boards), mark every shard complete.
   * Safe alongside edits, because the board is read before the items and every write is conditional
   * on what that read saw: an entry that an edit changed meanwhile is newer than anything read here,
   * so the condition fails and the edit's entry stays. Returns what it did (all zero: nothing to do);
   * with `dryRun`, what it would do, writing nothing.
   */
  async repair(
    planId: string,
    opts: { dryRun?: boolean } = {},
  ): Promise<{ added: number; corrected: number; completed: number }> {
    if (!opts.dryRun) this.store.assertCanWrite();
    const shards = await this.shards(planId);
    const { actions, milestones } = await this.fromItems(planId);
    const current = new Map(shards.flatMap(entriesOf));
    const wanted = [
      ...actions.map((a) => ({ kind: 'action' as const, id: a.id, value: encodeActionState(a) })),
      ...milestones.map((m) => ({ kind: 'milestone' as const, id: m.id, value: encodeMilestoneState(m) })),
    ];
    const missing = wanted.filter((e) => !current.has(entryName(e.kind, e.id)));
    const wrong = wanted.filter((e) => {
      const now = current.get(entryName(e.kind, e.id));
      return now !== undefined && now !== e.value;
    });
    if (opts.dryRun) {
      const complete = shards.filter((x) => x.complete === true).length;
      return { added: missing.length, corrected: wrong.length, completed: BOARD_SHARDS - complete };
    }
    // Missing entries in batches: `if_not_exists` leaves any an edit has written since.
    for (let n = 0; n < BOARD_SHARDS; n++) {
      const mine = missing.filter((e) => boardShard(e.id) === n);
      for (let i = 0; i < mine.length; i += REPAIR_BATCH) {
        const batch = mine.slice(i, i + REPAIR_BATCH);
        const { names, values, sets } = shardAttributes(planId, n, batch, { ifMissing: true });
        await this.store.update(sk.board(planId, n), `SET ${sets.join(', ')}`, names, values);
      }
    }
    // Wrong entries one at a time, each only if it still holds the value read above.
    let corrected = 0;
    for (const e of wrong) {
      const name = entryName(e.kind, e.id);
      try {
        await this.store.update(
          sk.board(planId, boardShard(e.id)),
          'SET #e = :v',
          { '#e': name },
          { ':v': e.value },
          {
            condition: '#e = :was',
            values: { ':was': current.get(name) },
          },
        );
        corrected++;
      } catch (err) {
        if (!(err instanceof ConditionalCheckFailedException)) throw err;
      }
    }
    let completed = 0;
    for (let n = 0; n < BOARD_SHARDS; n++) {
      if (shards.find((s) => s.shard === n)?.complete === true) continue;
      const { names, values, sets } = shardAttributes(planId, n);
      names['#complete'] = 'complete';
      values[':complete'] = true;
      await this.store.update(
        sk.board(planId, n),
        `SET ${[...sets, '#complete = :complete'].join(', ')}`,
        names,
        values,
      );
      completed++;
    }
    return { added: missing.length, corrected, completed };
  }
}

/** A shard item's board entries, as [attribute name, encoded entry]. */
function entriesOf(shard: Item): Array<[string, string]> {
  return Object.entries(shard).filter(
    (e): e is [string, string] =>
      typeof e[1] === 'string' && (e[0].startsWith(ACTION_PREFIX) || e[0].startsWith(MILESTONE_PREFIX)),
  );
}

/**
 * An update of one shard: the attributes every write sets (so a shard first made by an update is well
 * formed) and these entries, each kept as it is when `ifMissing` and it already exists.
 */
function shardAttributes(
  planId: string,
  n: number,
  entries: readonly BoardEntry[] = [],
  opts: { ifMissing?: boolean } = {},
) {
  const names: Record<string, string> = { '#type': 'type', '#plan': 'planId', '#shard': 'shard' };
  const values: Item = { ':type': 'board', ':plan': planId, ':shard': n };
  const sets = ['#type = :type', '#plan = :plan', '#shard = :shard'];
  entries.forEach((e, k) => {
    names[`#e${k}`] = entryName(e.kind, e.id);
    values[`:e${k}`] = e.value;
    sets.push(opts.ifMissing ? `#e${k} = if_not_exists(#e${k}, :e${k})` : `#e${k} = :e${k}`);
  });
  return { names, values, sets };
}
