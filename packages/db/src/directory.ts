import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import {
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { type CouncilStatus, conflict, notFound } from '@peopleplan/core';
import { newId, nowIso } from './ids.js';
import { directory } from './keys.js';
import { SecretLinksRepo } from './secret-links.js';

/**
 * The service's own records, outside every council's partition: the council directory, the operators
 * and the operators' audit trail. Read and written with the functions' own credentials; no tenant
 * session may reach them, and the operator's routes read nothing else (never a council's plans).
 */
export interface CouncilEntry {
  id: string;
  name: string;
  status: CouncilStatus | 'deleted';
  financialYearStartMonth: number;
  createdAt: string;
  createdBy: string;
  /** Counts the operator may see (never what is in the plans). */
  counts: { members: number; plans: number };
  version: number;
  updatedAt: string;
}

export interface OperatorRecord {
  sub: string;
  email: string;
  name: string;
}

export interface OperatorAuditEvent {
  id: string;
  at: string;
  actorSub: string;
  actorName: string;
  operation:
    | 'create-council'
    | 'suspend'
    | 'reactivate'
    | 'delete-council'
    | 'create-partnership'
    | 'add-operator'
    | 'add-reader'
    | 'remove-reader';
  target: string;
  detail?: unknown;
}

type Raw = Record<string, unknown>;
const strip = <T>(item: Raw | undefined): T | undefined => {
  if (!item) return undefined;
  const { PK: _p, SK: _s, type: _t, ...rest } = item;
  return rest as T;
};

export class DirectoryRepo {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  /** Calendar-feed and alert-link lookups (`S#…`): service records too, on the same client. */
  get secretLinks(): SecretLinksRepo {
    return new SecretLinksRepo(this.doc, this.tableName);
  }

  async council(id: string): Promise<CouncilEntry | undefined> {
    const r = await this.doc.send(
      new GetCommand({ TableName: this.tableName, Key: directory.councilKey(id), ConsistentRead: true }),
    );
    return strip<CouncilEntry>(r.Item);
  }

  /** Every council in the directory (a few hundred at most: one partition, paged through). */
  async councils(): Promise<CouncilEntry[]> {
    const out: CouncilEntry[] = [];
    let start: Raw | undefined;
    do {
      const r = await this.doc.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: 'PK = :pk AND begins_with(SK, :p)',
          ExpressionAttributeValues: { ':pk': directory.councilsPk, ':p': directory.councilPrefix },
          ExclusiveStartKey: start,
        }),
      );
      for (const i of r.Items ?? []) out.push(strip<CouncilEntry>(i)!);
      start = r.LastEvaluatedKey;
    } while (start);
    return out.sort((a, b) => a.name.localeCompare(b.name));
  }

  /** A new council's entry; 409 when the id is taken (also by a deleted council: ids are never reused). */
  async addCouncil(entry: Omit<CouncilEntry, 'version' | 'updatedAt' | 'counts'>): Promise<CouncilEntry> {
    const full: CouncilEntry = {
      ...entry,
      counts: { members: 0, plans: 0 },
      version: 1,
      updatedAt: entry.createdAt,
    };
    try {
      await this.doc.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { ...full, ...directory.councilKey(entry.id), type: 'council-entry' },
          ConditionExpression: 'attribute_not_exists(PK)',
        }),
      );
    } catch (e) {
      if (e instanceof ConditionalCheckFailedException)
        throw conflict(`A council with the id "${entry.id}" already exists`);
      throw e;
    }
    return full;
  }

  /** A council's status; once `deleted`, it holds nothing, so its counts are nought. */
  async setStatus(id: string, status: CouncilEntry['status']): Promise<CouncilEntry> {
    const erased = status === 'deleted';
    try {
      const r = await this.doc.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: directory.councilKey(id),
          UpdateExpression: `SET #s = :s, version = version + :one, updatedAt = :at${erased ? ', counts = :none' : ''}`,
          ConditionExpression: 'attribute_exists(PK)',
          ExpressionAttributeNames: { '#s': 'status' },
          ExpressionAttributeValues: {
            ':s': status,
            ':one': 1,
            ':at': nowIso(),
            ...(erased && { ':none': { members: 0, plans: 0 } }),
          },
          ReturnValues: 'ALL_NEW',
        }),
      );
      return strip<CouncilEntry>(r.Attributes)!;
    } catch (e) {
      if (e instanceof ConditionalCheckFailedException) throw notFound('Council');
      throw e;
    }
  }

  /** Keep a count in step with a change made in the council (members added or removed, plans made). */
  async count(id: string, field: keyof CouncilEntry['counts'], delta: number): Promise<void> {
    await this.doc
      .send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: directory.councilKey(id),
          UpdateExpression: 'SET counts.#f = if_not_exists(counts.#f, :zero) + :d',
          ConditionExpression: 'attribute_exists(PK)',
          ExpressionAttributeNames: { '#f': field },
          ExpressionAttributeValues: { ':d': delta, ':zero': 0 },
        }),
      )
      .catch((e: unknown) => {
        // A council made before the directory existed has no entry: nothing to count.
        if (!(e instanceof ConditionalCheckFailedException)) throw e;
      });
  }

  async operator(sub: string): Promise<OperatorRecord | undefined> {
    const r = await this.doc.send(
      new GetCommand({ TableName: this.tableName, Key: directory.operatorKey(sub), ConsistentRead: true }),
    );
    return strip<OperatorRecord>(r.Item);
  }

  async putOperator(o: OperatorRecord): Promise<void> {
    await this.doc.send(
      new PutCommand({
        TableName: this.tableName,
        Item: { ...o, ...directory.operatorKey(o.sub), type: 'operator' },
      }),
    );
  }

  async audit(e: Omit<OperatorAuditEvent, 'id' | 'at'>): Promise<OperatorAuditEvent> {
    const event: OperatorAuditEvent = { id: newId(), at: nowIso(), ...e };
    await this.doc.send(
      new PutCommand({
        TableName: this.tableName,
        Item: { ...event, ...directory.auditKey(event.id), type: 'operator-audit' },
        ConditionExpression: 'attribute_not_exists(PK)',
      }),
    );
    return event;
  }

  async auditTrail(limit = 100): Promise<OperatorAuditEvent[]> {
    const r = await this.doc.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'PK = :pk',
        ExpressionAttributeValues: { ':pk': directory.auditPk },
        ScanIndexForward: false,
        Limit: limit,
      }),
    );
    return (r.Items ?? []).map((i) => strip<OperatorAuditEvent>(i)!);
  }
}
