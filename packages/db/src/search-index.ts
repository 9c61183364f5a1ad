import {
  actionSearchDoc,
  encodeSearchDoc,
  isSearchEntryName,
  milestoneSearchDoc,
  type Plan,
  personSearchDoc,
  planSearchDoc,
  type SearchDoc,
  searchEntryName,
  themeSearchDoc,
  updateSearchDoc,
} from '@peopleplan/core';
import type { ReadConsistency } from './consistency.js';
import { searchShard, sk } from './keys.js';
import type { Item, TenantStore, TransactItem } from './store.js';
import { TABLE } from './table.js';

/**
 * The council's search index in DynamoDB (docs/architecture.md, "Search"): `TABLE.searchShards` items
 * `SEARCH#nn` a year (keys.ts searchShard), each holding the compact text (core search-docs.ts) of the
 * items whose id hashes to it,
 * one attribute per item, and beside each a small stamp `SEARCHSTAMP#nn` with the shard's version. Every
 * write of a searchable item sets its entry and bumps both in the same transaction; a search reads the
 * stamps (a few bytes each) and re-reads only the shards whose version it has not seen.
 * A stamp marked `complete` says its shard holds every item (a new council's do from the start;
 * `rebuild` completes those of a council whose data predates search). Only the first set's are marked:
 * a later year's shards are made by the writes that keep the index.
 */

export const SEARCH_SHARDS = TABLE.searchShards;

export interface SearchShard {
  n: number;
  v: number;
  entries: Array<[string, string]>;
}

export interface SearchStamp {
  v: number;
  complete: boolean;
}

/** Entries set per update when filling: keeps each update expression well under 4 KB. */
const BATCH = 60;

const byShard = (docs: readonly SearchDoc[]) => {
  const out = new Map<number, SearchDoc[]>();
  for (const d of docs) {
    const n = searchShard(d.id);
    out.set(n, [...(out.get(n) ?? []), d]);
  }
  return out;
};

/** The update of one shard setting these entries, and of its stamp. */
function shardUpdates(store: TenantStore, n: number, docs: readonly SearchDoc[], ifMissing = false) {
  const names: Record<string, string> = { '#type': 'type', '#n': 'n', '#v': 'v' };
  const values: Item = { ':type': 'search-shard', ':n': n, ':one': 1 };
  const sets = ['#type = :type', '#n = :n'];
  docs.forEach((d, i) => {
    names[`#e${i}`] = searchEntryName(d.kind, d.id);
    values[`:e${i}`] = encodeSearchDoc(d);
    sets.push(ifMissing ? `#e${i} = if_not_exists(#e${i}, :e${i})` : `#e${i} = :e${i}`);
  });
  const update = (SK: string, expression: string, n: Record<string, string>, v: Item) => ({
    Update: {
      TableName: store.tableName,
      Key: { PK: store.pk, SK },
      UpdateExpression: expression,
      ExpressionAttributeNames: n,
      ExpressionAttributeValues: v,
    },
  });
  return [
    update(sk.searchShard(n), `SET ${sets.join(', ')} ADD #v :one`, names, values),
    update(
      sk.searchStamp(n),
      'SET #type = :type ADD #v :one',
      { '#type': 'type', '#v': 'v' },
      { ':type': 'search-stamp', ':one': 1 },
    ),
  ];
}

/**
 * The writes that keep the index up to date with these items (one shard and its stamp per shard
 * touched), leaving out those whose entry is what it was (`before`), so an edit of a field search
 * does not read costs nothing.
 */
export function searchWrites(
  store: TenantStore,
  docs: readonly SearchDoc[],
  before: readonly SearchDoc[] = [],
): TransactItem[] {
  const was = new Map(before.map((d) => [searchEntryName(d.kind, d.id), encodeSearchDoc(d)]));
  const changed = docs.filter((d) => was.get(searchEntryName(d.kind, d.id)) !== encodeSearchDoc(d));
  return [...byShard(changed)].flatMap(([n, list]) => shardUpdates(store, n, list));
}

/**
 * The writes that set some entries and take others out of the index (a person merged into another:
 * people-merge.ts), one update per shard touched (a transaction may not touch an item twice) and its
 * stamp, so searches re-read it.
 */
export function searchChanges(
  store: TenantStore,
  change: { set: readonly SearchDoc[]; remove: ReadonlyArray<Pick<SearchDoc, 'kind' | 'id'>> },
): TransactItem[] {
  const shards = new Map<number, { set: SearchDoc[]; remove: string[] }>();
  const at = (id: string) => {
    const n = searchShard(id);
    if (!shards.has(n)) shards.set(n, { set: [], remove: [] });
    return shards.get(n)!;
  };
  for (const d of change.set) at(d.id).set.push(d);
  for (const d of change.remove) at(d.id).remove.push(searchEntryName(d.kind, d.id));
  return [...shards].flatMap(([n, { set, remove }]) => {
    const names: Record<string, string> = { '#type': 'type', '#n': 'n', '#v': 'v' };
    const values: Item = { ':type': 'search-shard', ':n': n, ':one': 1 };
    const sets = ['#type = :type', '#n = :n'];
    set.forEach((d, i) => {
      names[`#s${i}`] = searchEntryName(d.kind, d.id);
      values[`:s${i}`] = encodeSearchDoc(d);
      sets.push(`#s${i} = :s${i}`);
    });
    remove.forEach((e, i) => {
      names[`#r${i}`] = e;
    });
    const removes = remove.length ? ` REMOVE ${remove.map((_, i) => `#r${i}`).join(', ')}` : '';
    return [
      {
        Update: {
          TableName: store.tableName,
          Key: { PK: store.pk, SK: sk.searchShard(n) },
          UpdateExpression: `SET ${sets.join(', ')}${removes} ADD #v :one`,
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: values,
        },
      },
      {
        Update: {
          TableName: store.tableName,
          Key: { PK: store.pk, SK: sk.searchStamp(n) },
          UpdateExpression: 'SET #type = :type ADD #v :one',
          ExpressionAttributeNames: { '#type': 'type', '#v': 'v' },
          ExpressionAttributeValues: { ':type': 'search-stamp', ':one': 1 },
        },
      },
    ];
  });
}

/** A new council's stamps, complete: it has nothing to index yet. */
export function newCouncilSearchStamps(store: TenantStore): TransactItem[] {
  return Array.from({ length: SEARCH_SHARDS }, (_, n) =>
    store.putNew(sk.searchStamp(n), 'search-stamp', { v: 0, complete: true }),
  );
}

export class SearchIndexRepo {
  constructor(private readonly store: TenantStore) {}

  /**
   * Every shard's stamp (its version and whether it is complete): a few bytes each, one query.
   * Searches read them eventually: a stamp a moment old only means a change is noticed on the next
   * search. The shards themselves are read strongly (consistency.ts): a search keeps what it read as
   * of the stamp's version, so a shard read older than its stamp would be kept until it changed again.
   */
  async stamps(read?: ReadConsistency): Promise<Map<number, SearchStamp>> {
    const items = await this.store.queryAllRaw(sk.searchStampPrefix(), ['search-stamp'], read);
    return new Map(
      items.map((i) => [
        Number(String(i.SK).slice(sk.searchStampPrefix().length)),
        { v: Number(i.v ?? 0), complete: i.complete === true },
      ]),
    );
  }

  /** These shards (all of them when not said), whole. */
  async shards(ns?: readonly number[]): Promise<SearchShard[]> {
    const items = ns
      ? [...(await this.store.getMany(ns.map((n) => sk.searchShard(n)))).values()]
      : await this.store.queryAllRaw(sk.searchShardPrefix(), ['search-shard']);
    return items.map((i) => ({
      n: Number(i.n),
      v: Number(i.v ?? 0),
      entries: Object.entries(i).filter(
        (e): e is [string, string] => isSearchEntryName(e[0]) && typeof e[1] === 'string',
      ),
    }));
  }

  /**
   * Set entries outside a transaction (bookkeeping, no audit): for an import, whose items are written
   * in several transactions and found only once its plan's own entry lands with its header.
   * `ifMissing` keeps any entry an edit wrote meanwhile (rebuilding alongside edits).
   */
  async write(docs: readonly SearchDoc[], opts: { ifMissing?: boolean } = {}): Promise<void> {
    for (const [n, list] of byShard(docs)) {
      for (let i = 0; i < list.length; i += BATCH) {
        const [shard, stamp] = shardUpdates(this.store, n, list.slice(i, i + BATCH), opts.ifMissing);
        for (const u of [shard!, stamp!]) {
          const { Key, UpdateExpression, ExpressionAttributeNames, ExpressionAttributeValues } = u.Update;
          await this.store.update(
            Key.SK,
            UpdateExpression,
            ExpressionAttributeNames,
            ExpressionAttributeValues,
          );
        }
      }
    }
  }

  /**
   * Index everything the council has (a repair, safe alongside edits: entries already there are kept)
   * and mark every shard complete. Returns how many items it indexed.
   */
  async rebuild(): Promise<number> {
    this.store.assertCanWrite();
    const docs = await this.allDocs();
    await this.write(docs, { ifMissing: true });
    for (let n = 0; n < SEARCH_SHARDS; n++) {
      await this.store.update(
        sk.searchStamp(n),
        'SET #type = :type, #complete = :t ADD #v :one',
        { '#type': 'type', '#complete': 'complete', '#v': 'v' },
        { ':type': 'search-stamp', ':t': true, ':one': 1 },
      );
    }
    return docs.length;
  }

  /** Every searchable item of the council, as search docs (a whole read: repairs only). */
  private async allDocs(): Promise<SearchDoc[]> {
    const plans = await this.store.queryCouncilIndexAll('PLAN#', 'PLAN#~');
    const out: SearchDoc[] = [];
    for (const raw of plans) {
      const plan = raw as unknown as Plan;
      out.push(planSearchDoc(plan));
      const items = await this.store.queryAll<Item>(sk.planChildren(plan.id), {
        types: ['theme', 'action', 'milestone', 'update'],
      });
      for (const { type, ...i } of items) {
        const e = i as never;
        if (type === 'theme') out.push(themeSearchDoc(e));
        else if (type === 'action') out.push(actionSearchDoc(e));
        else if (type === 'milestone') out.push(milestoneSearchDoc(e));
        else out.push(updateSearchDoc(e));
      }
    }
    const people = await this.store.queryAll<Item>('PERSON#', { types: ['person'] });
    // A person merged into another is a record, not someone to find (people-merge.ts).
    for (const { type: _t, ...p } of people) if (!p.mergedInto) out.push(personSearchDoc(p as never));
    return out;
  }
}
