import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  type DynamoDBDocumentClient,
  GetCommand,
  QueryCommand,
  type QueryCommandInput,
  TransactWriteCommand,
  type TransactWriteCommandInput,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { conflict, forbidden } from '@peopleplan/core';
import { decodeCursor, encodeCursor } from './cursor.js';
import { newId, nowIso } from './ids.js';
import { councilPk, STORAGE_ATTRIBUTES, sk } from './keys.js';
import { TABLE } from './table.js';
import type { TenantContext } from './tenant.js';

export type Item = Record<string, unknown>;
type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

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

/** Tries of a transaction that collides with another one in flight (not with a changed version). */
const TRANSACTION_ATTEMPTS = 4;

/** Drop storage attributes (keys, index keys, type) so callers see the entity only. */
export function entityOf<T>(item: Item): T {
  const out: Item = { ...item };
  for (const k of STORAGE_ATTRIBUTES) delete out[k];
  return out as T;
}

/**
 * Keep only these attributes (dotted paths reach into maps) in a query's answer. Every name goes
 * through ExpressionAttributeNames, so reserved words such as `status` need no care.
 */
export function addProjection(input: QueryCommandInput, attributes: readonly string[]): void {
  const names: Record<string, string> = { ...input.ExpressionAttributeNames };
  input.ProjectionExpression = attributes
    .map((a) =>
      a
        .split('.')
        .map((part) => {
          names[`#${part}`] = part;
          return `#${part}`;
        })
        .join('.'),
    )
    .join(', ');
  input.ExpressionAttributeNames = names;
}

/**
 * All reads and writes for one council, through one partition key taken from the TenantContext.
 * Writes go through `transact`, which always adds the audit event and maps condition failures to 409.
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

  async get<T>(sortKey: string): Promise<T | undefined> {
    const item = await this.getRaw(sortKey);
    return item ? entityOf<T>(item) : undefined;
  }

  async getRaw(sortKey: string): Promise<Item | undefined> {
    const r = await this.doc.send(
      new GetCommand({ TableName: this.tableName, Key: { PK: this.pk, SK: sortKey }, ConsistentRead: true }),
    );
    return r.Item;
  }

  /** One page of items whose sort key starts with `prefix`, optionally of given types. */
  async queryPage<T>(
    prefix: string,
    opts: { types?: string[]; limit?: number; cursor?: string; newestFirst?: boolean } = {},
  ): Promise<Page<T>> {
    const input: QueryCommandInput = {
      TableName: this.tableName,
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
      ExpressionAttributeValues: { ':pk': this.pk, ':prefix': prefix },
      ConsistentRead: true,
      Limit: opts.limit,
      ScanIndexForward: !opts.newestFirst,
      ExclusiveStartKey: decodeCursor(opts.cursor, 'PK', this.pk),
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
    opts: { types?: string[]; attributes?: readonly string[] } = {},
  ): Promise<Array<T & { type: string }>> {
    const out: Array<T & { type: string }> = [];
    let start: Record<string, unknown> | undefined;
    do {
      const input: QueryCommandInput = {
        TableName: this.tableName,
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
        ExpressionAttributeValues: { ':pk': this.pk, ':prefix': prefix },
        ConsistentRead: true,
        ExclusiveStartKey: start,
      };
      this.addTypeFilter(input, opts.types);
      if (opts.attributes) addProjection(input, ['type', ...opts.attributes]);
      const r = await this.doc.send(new QueryCommand(input));
      for (const i of r.Items ?? []) out.push({ ...entityOf<T>(i), type: String(i.type) });
      start = r.LastEvaluatedKey;
    } while (start);
    return out;
  }

  /** Query the per-council index (its partition key is this council's too). */
  async queryCouncilIndex<T>(
    from: string,
    to: string,
    opts: { limit?: number; cursor?: string } = {},
  ): Promise<Page<T>> {
    const ix = TABLE.indexes.council;
    const r = await this.doc.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: ix.name,
        KeyConditionExpression: `${ix.partitionKey} = :pk AND ${ix.sortKey} BETWEEN :from AND :to`,
        ExpressionAttributeValues: { ':pk': this.pk, ':from': from, ':to': to },
        Limit: opts.limit,
        ExclusiveStartKey: decodeCursor(opts.cursor, ix.partitionKey, this.pk),
      }),
    );
    return {
      items: (r.Items ?? []).map((i) => entityOf<T>(i)),
      nextCursor: encodeCursor(r.LastEvaluatedKey),
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
        Item: { ...entity, ...extra, PK: this.pk, SK: sortKey, type },
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
        Item: { ...entity, ...extra, PK: this.pk, SK: sortKey, type },
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
        Item: { ...entity, PK: this.pk, SK: sortKey, type },
        ...(condition ? { ConditionExpression: condition } : {}),
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

  private auditItem(a: AuditInput): TransactItem {
    const id = newId();
    return this.putNew(sk.audit(id), 'audit', {
      id,
      councilId: this.ctx.councilId,
      at: nowIso(),
      actorSub: this.ctx.actor.sub,
      actorName: this.ctx.actor.name,
      ...a,
    });
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
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: { ...values, ...only?.values },
        ...(only && { ConditionExpression: only.condition }),
      }),
    );
  }

  assertCanWrite(): void {
    if (this.ctx.role === 'viewer' || this.ctx.role === 'partner-reader') throw forbidden();
  }

  /**
   * Write items and their audit events in one transaction. A failed condition becomes a 409 whose
   * message says what was stale; nothing is written.
   */
  async transact(items: TransactItem[], audits: AuditInput[], what = 'item'): Promise<void> {
    this.assertCanWrite();
    const all = [...items, ...audits.map((a) => this.auditItem(a))];
    if (all.length > MAX_TRANSACTION_ITEMS) throw new Error(`transaction too large: ${all.length} items`);
    for (let attempt = 1; ; attempt++) {
      try {
        await this.doc.send(new TransactWriteCommand({ TransactItems: all }));
        return;
      } catch (e) {
        if (!(e instanceof TransactionCanceledException)) throw e;
        const reasons = e.CancellationReasons ?? [];
        if (reasons.some((r) => r.Code === 'ConditionalCheckFailed')) {
          throw conflict(
            `The ${what} was changed by someone else, or no longer exists. Reload it and try again.`,
          );
        }
        if (reasons.some((r) => r.Code === 'TransactionConflict')) {
          // Another transaction held one of the items (two edits in one plan share a board shard).
          // Nothing was written and every condition is checked again, so trying again is safe.
          if (attempt < TRANSACTION_ATTEMPTS) {
            await new Promise((r) => setTimeout(r, attempt * 25 + Math.random() * 50));
            continue;
          }
          throw conflict(`The ${what} is being changed by someone else right now. Try again.`);
        }
        throw e;
      }
    }
  }
}
