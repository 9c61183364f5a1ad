import type { TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
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
import { boardShard, sk } from './keys.js';
import type { Item, TenantStore } from './store.js';
import { TABLE } from './table.js';

type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/**
 * A plan's board: for every action and milestone, the short entry its counts need (status, due,
 * baseline, override, last activity; see @peopleplan/core board.ts), in `TABLE.boardShards` items
 * under `PLAN#<p>#BOARD#<n>`. Every write of an action or milestone sets its entry in the same
 * transaction, so the board is never behind. Combined views (the partnership overview) count a plan
 * from these few items instead of reading hundreds of actions; what changes with the date (overdue,
 * due soon, stale, RAG) is judged at read time, so a board never goes stale overnight.
 *
 * A shard is `complete` once the whole plan has been written into it (plan create, import, rebuild).
 * Plans written before boards existed have none, or only shards holding entries written since;
 * readers then count from the items (same answer, slower) until `rebuild` completes the board.
 */
export interface PlanBoard {
  actions: ActionState[];
  milestones: MilestoneState[];
}

export const BOARD_SHARDS = TABLE.boardShards;

const ACTION_PREFIX = 'a_';
const MILESTONE_PREFIX = 'm_';
const entryName = (kind: 'action' | 'milestone', id: string) =>
  (kind === 'action' ? ACTION_PREFIX : MILESTONE_PREFIX) + id;

export interface BoardEntry {
  kind: 'action' | 'milestone';
  id: string;
  value: string;
}

export const actionEntry = (a: Action): BoardEntry => ({
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
    const names: Record<string, string> = { '#type': 'type', '#plan': 'planId', '#shard': 'shard' };
    const values: Item = { ':type': 'board', ':plan': planId, ':shard': n };
    const sets = list.map((e, i) => {
      names[`#e${i}`] = entryName(e.kind, e.id);
      values[`:e${i}`] = e.value;
      return `#e${i} = :e${i}`;
    });
    return {
      Update: {
        TableName: store.tableName,
        Key: { PK: store.pk, SK: sk.board(planId, n) },
        UpdateExpression: `SET ${sets.join(', ')}, #type = :type, #plan = :plan, #shard = :shard`,
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

/** What counting a plan reads from its actions and milestones when it has no complete board. */
const STATE_ATTRIBUTES = [
  'id',
  'status',
  'due.due',
  'baselineDue.due',
  'ragOverride.rag',
  'latestUpdate.at',
  'createdAt',
] as const;

/** Entries written per update when rebuilding: keeps each update expression well under 4 KB. */
const REBUILD_BATCH = 80;

export class BoardsRepo {
  constructor(private readonly store: TenantStore) {}

  /** The plan's board, or undefined when it is not complete (see `rebuild`). */
  async read(planId: string): Promise<PlanBoard | undefined> {
    const shards = await this.store.queryAll<Item>(sk.boardPrefix(planId), { types: ['board'] });
    if (shards.length < BOARD_SHARDS || shards.some((s) => s.complete !== true)) return undefined;
    const out: PlanBoard = { actions: [], milestones: [] };
    for (const shard of shards) {
      for (const [name, value] of Object.entries(shard)) {
        if (typeof value !== 'string') continue;
        if (name.startsWith(ACTION_PREFIX)) {
          out.actions.push(decodeActionState(name.slice(ACTION_PREFIX.length), value));
        } else if (name.startsWith(MILESTONE_PREFIX)) {
          out.milestones.push(decodeMilestoneState(name.slice(MILESTONE_PREFIX.length), value));
        }
      }
    }
    return out;
  }

  /** The same facts read from the plan's actions and milestones themselves (a few attributes each). */
  async fromItems(planId: string): Promise<PlanBoard> {
    const items = await this.store.queryAll<Action & Milestone>(sk.planChildren(planId), {
      types: ['action', 'milestone'],
      attributes: STATE_ATTRIBUTES,
    });
    const out: PlanBoard = { actions: [], milestones: [] };
    for (const { type, ...i } of items) {
      if (type === 'action') out.actions.push(actionState(i as Action));
      else out.milestones.push(milestoneState(i as Milestone));
    }
    return out;
  }

  /** The board when complete, else the same facts from the items: always the plan as it is now. */
  async states(planId: string): Promise<PlanBoard & { from: 'board' | 'items' }> {
    const board = await this.read(planId);
    return board ? { ...board, from: 'board' } : { ...(await this.fromItems(planId)), from: 'items' };
  }

  /**
   * Complete a plan's board from its items (plans written before boards existed). Safe alongside
   * edits: an entry is only filled in where none exists, and every edit writes its own entry, so a
   * value read here can never replace a newer one. Shards are marked complete last; an interrupted
   * rebuild just leaves the board incomplete for the next one. Returns false if there was nothing to do.
   */
  async rebuild(planId: string): Promise<boolean> {
    this.store.assertCanWrite();
    if (await this.read(planId)) return false;
    const { actions, milestones } = await this.fromItems(planId);
    const entries: Array<BoardEntry & { shard: number }> = [
      ...actions.map((a) => ({ kind: 'action' as const, id: a.id, value: encodeActionState(a) })),
      ...milestones.map((m) => ({ kind: 'milestone' as const, id: m.id, value: encodeMilestoneState(m) })),
    ].map((e) => ({ ...e, shard: boardShard(e.id) }));
    for (let n = 0; n < BOARD_SHARDS; n++) {
      const mine = entries.filter((e) => e.shard === n);
      for (let i = 0; i === 0 || i < mine.length; i += REBUILD_BATCH) {
        const batch = mine.slice(i, i + REBUILD_BATCH);
        const last = i + REBUILD_BATCH >= mine.length;
        const names: Record<string, string> = { '#type': 'type', '#plan': 'planId', '#shard': 'shard' };
        const values: Item = { ':type': 'board', ':plan': planId, ':shard': n };
        const sets = batch.map((e, k) => {
          names[`#e${k}`] = entryName(e.kind, e.id);
          values[`:e${k}`] = e.value;
          return `#e${k} = if_not_exists(#e${k}, :e${k})`;
        });
        if (last) {
          values[':complete'] = true;
          names['#complete'] = 'complete';
        }
        await this.store.update(
          sk.board(planId, n),
          `SET ${[...sets, '#type = :type', '#plan = :plan', '#shard = :shard', ...(last ? ['#complete = :complete'] : [])].join(', ')}`,
          names,
          values,
        );
      }
    }
    return true;
  }
}
