import {
  type DynamoDBDocumentClient,
  GetCommand,
  QueryCommand,
  type QueryCommandInput,
  type TransactWriteCommandInput,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { DomainError, forbidden, unprocessable } from '@peopleplan/core';
import {
  batchDeleteAll,
  batchGetAll,
  deleteEachIf,
  putAllIfAbsent,
  putIfCondition,
  queryAllPages,
} from './batches.js';
import { andCondition } from './conditions.js';
import { consistentRead, type ReadConsistency } from './consistency.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import { addProjection, entityOf, stored } from './item-shape.js';
import { assertItemFits, MAX_TRANSACTION_BYTES, transactionSize } from './item-size.js';
import { councilPk, sk } from './keys.js';
import { NOT_ARCHIVED } from './plan-archived.js';
import { TABLE } from './table.js';
import type { TenantContext } from './tenant.js';
import { auditItem, sendTransaction } from './transactions.js';

export type Item = Record<string, unknown>;
export { entityOf };

export type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

export interface Page<T> {
  items: T[];
  nextCursor?: string | undefined;
}

export interface AuditInput {
  operation: 'create' | 'update' | 'delete' | 'append' | 'import' | 'grant' | 'revoke';
  entityType: string;
  entityId: string;
  planId?: string | undefined;
  before?: unknown;
  after?: unknown;
}

/** DynamoDB allows at most 100 items in one transaction. */
export const MAX_TRANSACTION_ITEMS = 100;

const mb = (n: number) => `${(n / 1_000_000).toFixed(2)} MB`;

/**
 * All reads and writes for one council, through one partition key taken from the TenantContext.
 * Writes go through `transact`, which always adds the audit event and maps condition failures to 409.
 * Reads are strongly consistent unless the caller passes `{ consistent: false }` (`EVENTUAL`): which
 * reads may, and why, is in consistency.ts.
 */
export class TenantStore {
  readonly pk: string;

  constructor(
    readonly doc: DynamoDBDocumentClient,
    readonly tableName: string,
    readonly ctx: TenantContext,
  ) {
    this.pk = councilPk(ctx.councilId);
  }

  async get<T>(sortKey: string, read?: ReadConsistency): Promise<T | undefined> {
    const item = await this.getRaw(sortKey, read);
    return item ? entityOf<T>(item) : undefined;
  }

  async getRaw(sortKey: string, read?: ReadConsistency): Promise<Item | undefined> {
    const r = await this.doc.send(
      new GetCommand({
        TableName: this.tableName,
        Key: { PK: this.pk, SK: sortKey },
        ConsistentRead: consistentRead(read),
      }),
    );
    return r.Item;
  }

  /**
   * An item inside a plan, only if the plan is visible: an import writes a plan's items before its
   * header, which goes last (imports.ts), so items of a plan without a header are not there yet. One
   * round trip for both.
   */
  async getInVisiblePlan<T>(sortKey: string, planId: string, read?: ReadConsistency): Promise<T | undefined> {
    const found = await this.getMany([sortKey, sk.plan(planId)], read);
    const item = found.get(sortKey);
    return item && found.has(sk.plan(planId)) ? entityOf<T>(item) : undefined;
  }

  /**
   * Several items by sort key, 100 per request, following unprocessed keys: a map from sort key to the
   * raw item (absent keys are left out). For jobs that read many things by key once. The requests of
   * 100 go out together. `attributes` keeps only those (paths such as `due.due`; the sort key is
   * always kept, to match items to keys).
   */
  async getMany(
    sortKeys: readonly string[],
    opts: ReadConsistency & { attributes?: readonly string[] } = {},
  ): Promise<Map<string, Item>> {
    const out = new Map<string, Item>();
    const unique = [...new Set(sortKeys)];
    const chunks: string[][] = [];
    for (let i = 0; i < unique.length; i += 100) chunks.push(unique.slice(i, i + 100));
    await Promise.all(chunks.map((chunk) => this.batchGet(chunk, opts, out)));
    return out;
  }

  private async batchGet(
    sortKeys: readonly string[],
    opts: ReadConsistency & { attributes?: readonly string[] },
    out: Map<string, Item>,
  ): Promise<void> {
    const request: {
      ConsistentRead: boolean;
      ProjectionExpression?: string;
      ExpressionAttributeNames?: Record<string, string>;
    } = { ConsistentRead: consistentRead(opts) };
    if (opts.attributes) addProjection(request, ['SK', ...opts.attributes]);
    const keys = sortKeys.map((SK) => ({ PK: this.pk, SK }));
    for (const item of await batchGetAll(this.doc, this.tableName, keys, request))
      out.set(String(item.SK), item);
  }

  /**
   * A put of derived or bookkeeping data (no audit: it records nobody's change), only if `condition`
   * holds. Answers false when it does not.
   */
  async putIf(
    sortKey: string,
    type: string,
    item: Item,
    condition: string,
    values: Item = {},
    names?: Record<string, string>,
  ): Promise<boolean> {
    this.assertCanWrite();
    assertItemFits(item, type);
    return putIfCondition(this.doc, {
      TableName: this.tableName,
      Item: { ...item, PK: this.pk, SK: sortKey, type },
      ConditionExpression: condition,
      ...(Object.keys(values).length ? { ExpressionAttributeValues: values } : {}),
      ...(names ? { ExpressionAttributeNames: names } : {}),
    });
  }

  /** One page of items whose sort key starts with `prefix`, optionally of given types. */
  async queryPage<T>(
    prefix: string,
    opts: ReadConsistency & { types?: string[]; limit?: number; cursor?: string; newestFirst?: boolean } = {},
  ): Promise<Page<T>> {
    const input: QueryCommandInput = {
      TableName: this.tableName,
      ...this.prefixCondition(prefix),
      ConsistentRead: consistentRead(opts),
      Limit: opts.limit,
      ScanIndexForward: !opts.newestFirst,
      ExclusiveStartKey: decodeCursor(opts.cursor, {
        attributes: ['PK', 'SK'],
        partition: { attribute: 'PK', value: this.pk },
        sort: { attribute: 'SK', prefix },
      }),
    };
    this.addTypeFilter(input, opts.types);
    const r = await this.doc.send(new QueryCommand(input));
    return {
      items: (r.Items ?? []).map((i) => entityOf<T>(i)),
      nextCursor: encodeCursor(r.LastEvaluatedKey),
    };
  }

  /**
   * Every item under `prefix` (follows pagination): for reading one plan or one action whole.
   * `attributes` (paths such as `due.due`) keeps only those, for reads that need a few facts per item.
   */
  async queryAll<T>(
    prefix: string,
    opts: ReadConsistency & { types?: string[]; attributes?: readonly string[] } = {},
  ): Promise<Array<T & { type: string }>> {
    const input: QueryCommandInput = {
      TableName: this.tableName,
      ...this.prefixCondition(prefix),
      ConsistentRead: consistentRead(opts),
    };
    this.addTypeFilter(input, opts.types);
    if (opts.attributes) addProjection(input, ['type', ...opts.attributes]);
    return (await queryAllPages(this.doc, input)).map((i) => {
      // entityOf answers a fresh object: the type is added to it rather than copied again.
      const entity = entityOf<T & { type: string }>(i);
      entity.type = String(i.type);
      return entity;
    });
  }

  /**
   * The council's whole partition, a page at a time (storage attributes kept): for exporting or
   * erasing a council without holding it all in memory.
   */
  async *partitionPages(pageSize = 500, read?: ReadConsistency): AsyncGenerator<Item[]> {
    let start: Record<string, unknown> | undefined;
    do {
      const r = await this.doc.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: 'PK = :pk',
          ExpressionAttributeValues: { ':pk': this.pk },
          ConsistentRead: consistentRead(read),
          Limit: pageSize,
          ExclusiveStartKey: start,
        }),
      );
      if (r.Items?.length) yield r.Items;
      start = r.LastEvaluatedKey;
    } while (start);
  }

  /** Delete these items of the council's partition (offboarding: no audit, the partition goes whole). */
  async deleteKeys(sortKeys: readonly string[]): Promise<void> {
    this.assertCanWrite();
    await batchDeleteAll(
      this.doc,
      this.tableName,
      sortKeys.map((SK) => ({ PK: this.pk, SK })),
    );
  }

  /** Every raw item (storage attributes kept) under `prefix`, optionally of given types. */
  async queryAllRaw(prefix: string, types?: string[], read?: ReadConsistency): Promise<Item[]> {
    const input: QueryCommandInput = {
      TableName: this.tableName,
      ...this.prefixCondition(prefix),
      ConsistentRead: consistentRead(read),
    };
    this.addTypeFilter(input, types);
    return queryAllPages(this.doc, input);
  }

  /** Every raw item of the per-council index between two sort keys (inclusive), following pages. */
  async queryCouncilIndexAll(from: string, to: string): Promise<Item[]> {
    return queryAllPages(this.doc, {
      TableName: this.tableName,
      IndexName: TABLE.indexes.council.name,
      KeyConditionExpression: '#pk = :pk AND #sk BETWEEN :from AND :to',
      ExpressionAttributeNames: {
        '#pk': TABLE.indexes.council.partitionKey,
        '#sk': TABLE.indexes.council.sortKey,
      },
      ExpressionAttributeValues: { ':pk': this.pk, ':from': from, ':to': to },
    });
  }

  /** Query the per-council index (its partition key is this council's too). */
  async queryCouncilIndex<T>(
    from: string,
    to: string,
    opts: { limit?: number; cursor?: string; newestFirst?: boolean } = {},
  ): Promise<Page<T>> {
    const ix = TABLE.indexes.council;
    const r = await this.doc.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: ix.name,
        KeyConditionExpression: `${ix.partitionKey} = :pk AND ${ix.sortKey} BETWEEN :from AND :to`,
        ExpressionAttributeValues: { ':pk': this.pk, ':from': from, ':to': to },
        Limit: opts.limit,
        ScanIndexForward: !opts.newestFirst,
        ExclusiveStartKey: decodeCursor(opts.cursor, {
          attributes: ['PK', 'SK', ix.partitionKey, ix.sortKey],
          partition: { attribute: ix.partitionKey, value: this.pk },
          sort: { attribute: ix.sortKey, from, to },
        }),
      }),
    );
    return {
      items: (r.Items ?? []).map((i) => entityOf<T>(i)),
      nextCursor: encodeCursor(r.LastEvaluatedKey),
    };
  }

  /**
   * Sort keys starting with `prefix`, as a range: from the prefix to the prefix followed by the
   * highest character (key parts are ASCII). In AWS it reads exactly what `begins_with` reads;
   * DynamoDB Local answers `begins_with` by scanning the whole partition but a range from its index,
   * so a council's many progress updates would slow every local read of its boards and themes.
   */
  private prefixCondition(prefix: string) {
    return {
      KeyConditionExpression: 'PK = :pk AND SK BETWEEN :prefix AND :prefixEnd',
      ExpressionAttributeValues: { ':pk': this.pk, ':prefix': prefix, ':prefixEnd': `${prefix}\u{10FFFF}` },
    };
  }

  private addTypeFilter(input: QueryCommandInput, types: string[] | undefined) {
    if (!types?.length) return;
    const names = types.map((_, i) => `:t${i}`);
    input.FilterExpression = `#type IN (${names.join(', ')})`;
    input.ExpressionAttributeNames = { ...input.ExpressionAttributeNames, '#type': 'type' };
    types.forEach((t, i) => {
      (input.ExpressionAttributeValues as Item)[`:t${i}`] = t;
    });
  }

  /** A Put of a new item: fails (409) if the key exists. */
  putNew(sortKey: string, type: string, entity: object, extra: Item = {}): TransactItem {
    return {
      Put: {
        TableName: this.tableName,
        Item: { ...stored(entity), ...extra, PK: this.pk, SK: sortKey, type },
        ConditionExpression: 'attribute_not_exists(PK)',
      },
    };
  }

  /** A Put replacing an item only if it still has `expectedVersion` (optimistic concurrency). */
  putVersioned(
    sortKey: string,
    type: string,
    entity: object,
    expectedVersion: number,
    extra: Item = {},
  ): TransactItem {
    return {
      Put: {
        TableName: this.tableName,
        Item: { ...stored(entity), ...extra, PK: this.pk, SK: sortKey, type },
        ConditionExpression: 'attribute_exists(PK) AND version = :v',
        ExpressionAttributeValues: { ':v': expectedVersion },
      },
    };
  }

  /** An unconditional put (for items with no version, e.g. a locator). */
  put(sortKey: string, type: string, entity: object, condition?: string): TransactItem {
    return {
      Put: {
        TableName: this.tableName,
        Item: { ...stored(entity), PK: this.pk, SK: sortKey, type },
        ...(condition ? { ConditionExpression: condition } : {}),
      },
    };
  }

  /** A delete only while the item is at `version`: removing what someone has just changed is a 409. */
  deleteVersioned(sortKey: string, version: number): TransactItem {
    return {
      Delete: {
        TableName: this.tableName,
        Key: { PK: this.pk, SK: sortKey },
        ConditionExpression: 'version = :v',
        ExpressionAttributeValues: { ':v': version },
      },
    };
  }

  /** A check that an item exists (e.g. the plan an action is added to) within a transaction. */
  conditionExists(sortKey: string): TransactItem {
    return {
      ConditionCheck: {
        TableName: this.tableName,
        Key: { PK: this.pk, SK: sortKey },
        ConditionExpression: 'attribute_exists(PK)',
      },
    };
  }

  /**
   * A check, within a transaction, that the plan exists and is not archived: an archived plan is the
   * council's record and nothing in it changes (docs/architecture.md, section 6). Checked with the
   * write, not only read before it, so a plan archived meanwhile refuses the write (409 `plan-archived`).
   */
  conditionPlanWritable(planId: string): TransactItem {
    return {
      ConditionCheck: {
        TableName: this.tableName,
        Key: { PK: this.pk, SK: sk.plan(planId) },
        ...NOT_ARCHIVED,
        ConditionExpression: `attribute_exists(PK) AND ${NOT_ARCHIVED.ConditionExpression}`,
      },
    };
  }

  /** A write of the plan header itself, only while the plan is not archived (conditionPlanWritable). */
  unlessArchived(put: TransactItem): TransactItem {
    const { ConditionExpression, ExpressionAttributeNames, ExpressionAttributeValues } = NOT_ARCHIVED;
    return andCondition(
      { Put: put.Put! },
      ConditionExpression,
      ExpressionAttributeNames,
      ExpressionAttributeValues,
      { ReturnValuesOnConditionCheckFailure: 'ALL_OLD' },
    );
  }

  /**
   * One update of derived data outside a transaction, with no audit event: it records nobody's
   * change (e.g. completing a plan's board from its items).
   */
  async update(
    sortKey: string,
    expression: string,
    names: Record<string, string>,
    values: Item,
    only?: { condition: string; values: Item },
  ) {
    this.assertCanWrite();
    await this.doc.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: { PK: this.pk, SK: sortKey },
        UpdateExpression: expression,
        ...(Object.keys(names).length ? { ExpressionAttributeNames: names } : {}),
        ExpressionAttributeValues: { ...values, ...only?.values },
        ...(only && { ConditionExpression: only.condition }),
      }),
    );
  }

  /**
   * Two bookkeeping items that point at each other, written together only if neither exists (no audit:
   * e.g. an alert-link token and its back-reference). False when either already exists.
   */
  async putPairIfAbsent(
    a: { sortKey: string; type: string; item: Item },
    b: { sortKey: string; type: string; item: Item },
  ): Promise<boolean> {
    this.assertCanWrite();
    return putAllIfAbsent(
      this.doc,
      this.tableName,
      [a, b].map((x) => ({ ...x.item, PK: this.pk, SK: x.sortKey, type: x.type })),
    );
  }

  /**
   * Delete these items, each only if the given import wrote it (cleaning up an abandoned import
   * commit). Items that are gone already, or were written by anything else, are left alone.
   */
  async deleteIfImportedBy(sortKeys: readonly string[], importId: string): Promise<void> {
    this.assertCanWrite();
    await deleteEachIf(
      this.doc,
      this.tableName,
      sortKeys.map((SK) => ({ PK: this.pk, SK })),
      { ConditionExpression: 'importId = :imp', ExpressionAttributeValues: { ':imp': importId } },
    );
  }

  assertCanWrite(): void {
    if (this.ctx.role === 'viewer' || this.ctx.role === 'partner-reader') throw forbidden();
  }

  /**
   * Write items and their audit events in one transaction. A failed condition becomes a 409 whose
   * message says what was stale; nothing is written. A change whose size the person decides (an action
   * with many sub-actions) says in `tooLarge` why it is refused (422) when it needs more items than one
   * transaction holds: counted here, on exactly what would be sent, before anything is.
   */
  async transact(
    items: TransactItem[],
    audits: AuditInput[],
    what = 'item',
    tooLarge?: string,
  ): Promise<void> {
    this.assertCanWrite();
    const all = [...items, ...audits.map((a) => auditItem(this, a))];
    if (all.length > MAX_TRANSACTION_ITEMS) {
      if (tooLarge) throw unprocessable(tooLarge);
      throw new Error(`transaction too large: ${all.length} items`);
    }
    for (const t of items) if (t.Put?.Item) assertItemFits(t.Put.Item, what);
    // Over DynamoDB's 4 MB a transaction, said as a change too large (422, 413), before anything is sent.
    const bytes = transactionSize(all);
    if (bytes > MAX_TRANSACTION_BYTES) {
      if (tooLarge) throw unprocessable(tooLarge);
      throw new DomainError(
        'payload-too-large',
        `This change is too large to save in one go (${mb(bytes)}; at most ${mb(MAX_TRANSACTION_BYTES)})`,
      );
    }
    await sendTransaction(this.doc, all, what);
  }
}
