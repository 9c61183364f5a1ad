import { BatchGetCommand, type DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Action, Council, Membership, Person, Plan } from '@peopleplan/core';
import { councilPk, sk } from '@peopleplan/db';
import { chunks } from './concurrency.js';

type Raw = Record<string, unknown>;
const keyOf = (pk: string, s: string) => `${pk}|${s}`;

/**
 * Reads councils, plans, actions and people by key, 100 at a time, each at most once per run: the
 * job's reads beyond the due index grow with the distinct things that are due, not with the table.
 */
export class Directory {
  private readonly cache = new Map<string, Raw | null>();
  private readonly admins = new Map<string, Membership[]>();

  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async load(keys: Array<{ councilId: string; sk: string }>): Promise<void> {
    const missing = [
      ...new Map(
        keys
          .map((k) => ({ PK: councilPk(k.councilId), SK: k.sk }))
          .filter((k) => !this.cache.has(keyOf(k.PK, k.SK)))
          .map((k) => [keyOf(k.PK, k.SK), k]),
      ).values(),
    ];
    for (const batch of chunks(missing, 100)) {
      let request: Array<{ PK: string; SK: string }> = batch;
      for (let attempt = 0; request.length > 0; attempt++) {
        const r = await this.doc.send(
          new BatchGetCommand({
            RequestItems: { [this.tableName]: { Keys: request } },
            ReturnConsumedCapacity: 'TOTAL',
          }),
        );
        for (const item of (r.Responses?.[this.tableName] ?? []) as Raw[])
          this.cache.set(keyOf(String(item.PK), String(item.SK)), item);
        request = (r.UnprocessedKeys?.[this.tableName]?.Keys ?? []) as typeof request;
        if (request.length && attempt > 8) throw new Error('DynamoDB kept returning unprocessed keys');
        if (request.length) await new Promise((res) => setTimeout(res, 50 * 2 ** attempt));
      }
      for (const k of batch) if (!this.cache.has(keyOf(k.PK, k.SK))) this.cache.set(keyOf(k.PK, k.SK), null);
    }
  }

  private get<T>(councilId: string, s: string): T | undefined {
    return (this.cache.get(keyOf(councilPk(councilId), s)) ?? undefined) as T | undefined;
  }

  council = (c: string) => this.get<Council>(c, sk.council());
  plan = (c: string, planId: string) => this.get<Plan>(c, sk.plan(planId));
  action = (c: string, planId: string, actionId: string) => this.get<Action>(c, sk.action(planId, actionId));
  person = (c: string, personId: string) => this.get<Person>(c, sk.person(personId));
  raw = (c: string, s: string) => this.get<Raw>(c, s);

  /** A council's admins: the last resort for an alert nobody else can be told about. */
  async councilAdmins(councilId: string): Promise<Membership[]> {
    const cached = this.admins.get(councilId);
    if (cached) return cached;
    const r = await this.doc.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :m)',
        FilterExpression: '#role = :admin',
        ExpressionAttributeNames: { '#role': 'role' },
        ExpressionAttributeValues: { ':pk': councilPk(councilId), ':m': 'MEMBER#', ':admin': 'admin' },
      }),
    );
    const admins = (r.Items ?? []) as Membership[];
    this.admins.set(councilId, admins);
    return admins;
  }
}
