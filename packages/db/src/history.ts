import { QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import type { AuditEvent } from '@peopleplan/core';
import { encodeTime } from 'ulid';
import { historyAttributes } from './audit-change.js';
import { consistentRead, type ReadConsistency } from './consistency.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import { historyPrefix, sk } from './keys.js';
import { entityOf, type Item, type Page, type TenantStore } from './store.js';
import { TABLE } from './table.js';

/**
 * The history of every item, and the council's audit trail filtered (docs/architecture.md, "History
 * of every item"). Audit events carry `CPK = C#<council>`, `CSK = HIST#<subject>#<event id>` in the
 * council index, so one item's events are one query; the trail by date is a range of `AUDIT#<ulid>`
 * (event ids are ULIDs: their first ten characters are the time). Filters other than those are
 * applied by DynamoDB after reading, so a page is filled by reading on until it is full or the range
 * ends; its cursor is the last event returned.
 */

export interface TrailFilter extends ReadConsistency {
  /** Only events by this user (`actorSub`). */
  actor?: string | undefined;
  /** Only events in this item's history (a plan, action, milestone, person…). */
  item?: string | undefined;
  /** Epoch milliseconds, inclusive. */
  fromMs?: number | undefined;
  /** Epoch milliseconds, exclusive. */
  toMs?: number | undefined;
  cursor?: string | undefined;
  limit?: number | undefined;
}

const DEFAULT_LIMIT = 50;
/** Reads one page may take while filtering, so a sparse filter cannot keep a request going for long. */
const MAX_READS = 20;
/** The last ULID of a millisecond sorts before this suffix; the first of it after the bare time. */
const AFTER_ALL = '~';

const timeBound = (ms: number | undefined, fallback: string) =>
  ms === undefined ? fallback : encodeTime(Math.max(0, Math.min(ms, 2 ** 48 - 1)), 10);

export class HistoryRepo {
  constructor(private readonly store: TenantStore) {}

  /** Every event in one item's history, newest first. */
  async of(
    subjectId: string,
    opts: ReadConsistency & { cursor?: string; limit?: number } = {},
  ): Promise<Page<AuditEvent>> {
    return this.trail({ item: subjectId, ...opts });
  }

  /** The council's audit trail, newest first, filtered by person, item and time. */
  async trail(f: TrailFilter): Promise<Page<AuditEvent>> {
    const from = timeBound(f.fromMs, '');
    // The bound is exclusive: every id of the millisecond before it sorts below `<time>` + '~'.
    const to = f.toMs === undefined ? AFTER_ALL : `${timeBound(f.toMs - 1, '')}${AFTER_ALL}`;
    const ix = TABLE.indexes.council;
    const onIndex = f.item !== undefined;
    const prefix = onIndex ? historyPrefix(f.item!) : 'AUDIT#';
    const [pkName, skName] = onIndex ? [ix.partitionKey, ix.sortKey] : ['PK', 'SK'];
    const range = { from: `${prefix}${from}`, to: `${prefix}${to}` };
    const input: QueryCommandInput = {
      TableName: this.store.tableName,
      ...(onIndex && { IndexName: ix.name }),
      KeyConditionExpression: '#pk = :pk AND #sk BETWEEN :from AND :to',
      ExpressionAttributeNames: { '#pk': pkName, '#sk': skName },
      ExpressionAttributeValues: { ':pk': this.store.pk, ':from': range.from, ':to': range.to },
      ScanIndexForward: false,
      // The council index is eventually consistent whatever is asked.
      ...(!onIndex && { ConsistentRead: consistentRead(f) }),
    };
    if (f.actor !== undefined) {
      input.FilterExpression = '#actor = :actor';
      input.ExpressionAttributeNames!['#actor'] = 'actorSub';
      input.ExpressionAttributeValues![':actor'] = f.actor;
    }
    const keys = onIndex ? ['PK', 'SK', pkName, skName] : ['PK', 'SK'];
    let start = decodeCursor(f.cursor, {
      attributes: keys,
      partition: { attribute: pkName, value: this.store.pk },
      sort: { attribute: skName, ...range },
    });
    const limit = f.limit ?? DEFAULT_LIMIT;
    let items: Item[] = [];
    for (let reads = 0; reads < MAX_READS && items.length < limit; reads++) {
      const need = limit - items.length;
      // A filter drops events after reading: read more per round trip than the page still needs.
      const Limit = f.actor === undefined ? need : Math.max(need, 100);
      const r = await this.store.doc.send(new QueryCommand({ ...input, Limit, ExclusiveStartKey: start }));
      items.push(...(r.Items ?? []));
      start = r.LastEvaluatedKey;
      if (!start) break;
    }
    const more = start !== undefined || items.length > limit;
    items = items.slice(0, limit);
    const last = items.at(-1);
    // A page that stopped short of the range's end continues after its last event (or after what
    // was read, when the filter kept nothing of it).
    const next = !more ? undefined : last ? Object.fromEntries(keys.map((k) => [k, last[k]])) : start;
    return { items: items.map((i) => entityOf<AuditEvent>(i)), nextCursor: encodeCursor(next) };
  }

  /**
   * Index events written before they carried history attributes (a repair; no audit of its own).
   * Returns how many were indexed.
   */
  async backfill(): Promise<number> {
    const events = await this.store.queryAllRaw('AUDIT#', ['audit']);
    let n = 0;
    for (const e of events) {
      if (e.CSK) continue;
      const attrs = historyAttributes(this.store.ctx.councilId, e as never, String(e.id));
      if (!attrs.CSK) continue;
      await this.store.update(
        sk.audit(String(e.id)),
        'SET CPK = :cpk, CSK = :csk',
        {},
        { ':cpk': attrs.CPK, ':csk': attrs.CSK },
        { condition: 'attribute_exists(PK)', values: {} },
      );
      n++;
    }
    return n;
  }
}
