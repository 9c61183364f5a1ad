import { decodeSearchEntry, type SearchDoc, type SearchKind, searchEntryName } from '@peopleplan/core';
import { type CouncilData, EVENTUAL, SEARCH_SHARDS, SearchIndexRepo, type SearchShard } from '@peopleplan/db';
import MiniSearch, { type SearchResult } from 'minisearch';

/**
 * Search across a council's plans, themes, actions, milestones, people and progress updates
 * (docs/architecture.md, "Search"). The council's search shards are read into MiniSearch and kept in
 * this process, per council, with the version of each shard seen; each search reads the shards'
 * stamps (a few bytes each) and re-reads only shards that changed since. Everything goes through the
 * caller's council session, so a search reaches that council's partition and nothing else.
 */

export interface SearchHit {
  kind: SearchKind;
  id: string;
  title: string;
  ref?: string;
  planId?: string;
  planTitle?: string;
  actionId?: string;
  actionRef?: string;
  actionTitle?: string;
  /** A progress update's date. */
  date?: string;
  /** A stretch of the item's text around the first word that matched (plain text). */
  snippet?: string;
  /** The words of the item that matched (a prefix or near spelling finds whole words). */
  matched: string[];
  score: number;
}

export interface SearchAnswer {
  query: string;
  items: SearchHit[];
  /** Hits in all, before `limit`. */
  total: number;
  /** False while the council's index is still being built (data from before search: run the repair). */
  complete: boolean;
}

interface Indexed {
  id: string;
  kind: SearchKind;
  title: string;
  ref: string;
  text: string;
}

interface CouncilIndex {
  /** The stamp version each shard was read at, and its entries. */
  shards: Map<number, { seen: number; entries: Map<string, string> }>;
  docs: Map<string, SearchDoc>;
  mini: MiniSearch<Indexed>;
}

/** Councils whose index this process keeps (least recently searched first out). */
const MAX_COUNCILS = 20;
/** More changed shards than this are read in one query instead of one by one. */
const READ_ALL_ABOVE = 8;
const KIND_BOOST: Record<SearchKind, number> = {
  plan: 1.6,
  theme: 1.4,
  action: 1.3,
  milestone: 1.2,
  person: 1.2,
  update: 1,
};

const cache = new Map<string, CouncilIndex>();
const inFlight = new Map<string, Promise<CouncilIndex>>();

function newIndex(): CouncilIndex {
  return {
    shards: new Map(),
    docs: new Map(),
    mini: new MiniSearch<Indexed>({
      fields: ['title', 'ref', 'text'],
      storeFields: [],
      searchOptions: {
        boost: { title: 3, ref: 2 },
        prefix: true,
        fuzzy: (term) => (term.length > 4 ? 0.2 : false),
        combineWith: 'AND',
      },
    }),
  };
}

const indexed = (key: string, d: SearchDoc): Indexed => ({
  id: key,
  kind: d.kind,
  title: d.title,
  ref: d.ref ?? '',
  text: d.text ?? '',
});

/** Bring one shard of the index to what was read: add, replace or drop the entries that differ. */
function applyShard(index: CouncilIndex, shard: SearchShard, seen: number): void {
  const before = index.shards.get(shard.n)?.entries ?? new Map<string, string>();
  const after = new Map(shard.entries);
  for (const key of before.keys()) {
    if (after.has(key)) continue;
    index.mini.discard(key);
    index.docs.delete(key);
  }
  for (const [key, value] of after) {
    if (before.get(key) === value) continue;
    const doc = decodeSearchEntry(key, value);
    if (before.has(key)) index.mini.discard(key);
    index.docs.delete(key);
    if (!doc) continue;
    index.mini.add(indexed(key, doc));
    index.docs.set(key, doc);
  }
  index.shards.set(shard.n, { seen, entries: after });
}

const FIRST_SET = Array.from({ length: SEARCH_SHARDS }, (_, n) => n);

async function refreshed(data: CouncilData): Promise<{ index: CouncilIndex; complete: boolean }> {
  const repo = new SearchIndexRepo(data.store);
  const stamps = await repo.stamps(EVENTUAL);
  const councilId = data.ctx.councilId;
  // One refresh of a council at a time in this process: searches meanwhile wait for it.
  const running = inFlight.get(councilId);
  if (running) await running.catch(() => undefined);
  const index = cache.get(councilId) ?? newIndex();
  // The first set of shards always, and every later year's set that has a stamp (db keys.ts searchShardSet).
  const known = new Set([...FIRST_SET, ...stamps.keys(), ...index.shards.keys()]);
  const changed = [...known].filter((n) => index.shards.get(n)?.seen !== (stamps.get(n)?.v ?? 0));
  if (changed.length) {
    const work = (async () => {
      const shards = await repo.shards(changed.length > READ_ALL_ABOVE ? undefined : changed);
      const byN = new Map(shards.map((s) => [s.n, s]));
      for (const n of changed) {
        applyShard(index, byN.get(n) ?? { n, v: 0, entries: [] }, stamps.get(n)?.v ?? 0);
      }
      return index;
    })();
    inFlight.set(councilId, work);
    try {
      await work;
    } finally {
      inFlight.delete(councilId);
    }
  }
  cache.delete(councilId);
  cache.set(councilId, index);
  while (cache.size > MAX_COUNCILS) cache.delete(cache.keys().next().value as string);
  // A later year's shards are made by the writes that keep the index, so they are as complete as the
  // first set was when they began: the first set's stamps say it (a rebuild marks them).
  const complete = FIRST_SET.every((n) => stamps.get(n)?.complete === true);
  return { index, complete };
}

/** The text around the first matched word, on word boundaries where it can. */
function snippetOf(doc: SearchDoc, terms: string[], width = 140): string | undefined {
  const text = doc.text ?? '';
  if (!text) return undefined;
  const lower = text.toLowerCase();
  const at = Math.min(...terms.map((t) => lower.indexOf(t)).filter((i) => i >= 0), Number.POSITIVE_INFINITY);
  if (!Number.isFinite(at) || text.length <= width) return text.length <= width ? text : text.slice(0, width);
  const start = Math.max(0, at - Math.floor(width / 3));
  const from = start === 0 ? 0 : text.indexOf(' ', start) + 1 || start;
  const slice = text.slice(from, from + width);
  return `${from > 0 ? '…' : ''}${slice}${from + width < text.length ? '…' : ''}`;
}

function hitOf(index: CouncilIndex, r: SearchResult, doc: SearchDoc): SearchHit {
  const plan = doc.planId ? index.docs.get(searchEntryName('plan', doc.planId)) : undefined;
  const action = doc.actionId ? index.docs.get(searchEntryName('action', doc.actionId)) : undefined;
  const snippet = snippetOf(doc, r.terms);
  return {
    kind: doc.kind,
    id: doc.id,
    title: doc.title,
    ...(doc.ref && { ref: doc.ref }),
    ...(doc.planId && doc.kind !== 'person' && { planId: doc.planId }),
    ...(plan && doc.kind !== 'plan' && doc.kind !== 'person' && { planTitle: plan.title }),
    ...(doc.actionId && { actionId: doc.actionId }),
    ...(action?.ref && { actionRef: action.ref }),
    ...(action && { actionTitle: action.title }),
    ...(doc.date && { date: doc.date }),
    ...(snippet && { snippet }),
    matched: r.terms,
    score: Math.round(r.score * 1000) / 1000,
  };
}

/**
 * Search the council: every word must match (a word's start, or a near spelling for longer words),
 * titles weigh most, then refs; ranked by relevance. Items of a plan not yet visible (an import in
 * progress) are not found.
 */
export async function searchCouncil(
  data: CouncilData,
  query: string,
  opts: { limit?: number; kinds?: readonly SearchKind[] } = {},
): Promise<SearchAnswer> {
  const { index, complete } = await refreshed(data);
  const kinds = opts.kinds?.length ? new Set(opts.kinds) : undefined;
  const visible = (d: SearchDoc) =>
    (!d.planId || index.docs.has(searchEntryName('plan', d.planId))) && (!kinds || kinds.has(d.kind));
  const results = index.mini.search(query, {
    boostDocument: (key) => KIND_BOOST[index.docs.get(key as string)?.kind ?? 'update'],
    filter: (r) => {
      const d = index.docs.get(r.id as string);
      return d !== undefined && visible(d);
    },
  });
  const items = results
    .slice(0, opts.limit ?? 20)
    .map((r) => hitOf(index, r, index.docs.get(r.id as string) as SearchDoc));
  return { query, items, total: results.length, complete };
}

/** Forget every council's index (tests, and a process that must re-read everything). */
export function clearSearchCache(): void {
  cache.clear();
}
