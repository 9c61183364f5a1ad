import { type DynamoDBDocumentClient, QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { ALERT_OUTBOX_PARTITION, TABLE } from '@peopleplan/db';
import type { DueItem } from './model.js';

type Raw = Record<string, unknown>;

async function queryAll(doc: DynamoDBDocumentClient, input: QueryCommandInput): Promise<Raw[]> {
  const out: Raw[] = [];
  let start: Raw | undefined;
  do {
    const r = await doc.send(new QueryCommand({ ...input, ExclusiveStartKey: start }));
    out.push(...((r.Items ?? []) as Raw[]));
    start = r.LastEvaluatedKey as Raw | undefined;
  } while (start);
  return out;
}

const councilOf = (pk: unknown) => String(pk).replace(/^C#/, '');

export function toDueItem(raw: Raw): DueItem | undefined {
  if (raw.type !== 'action' && raw.type !== 'milestone') return undefined;
  return {
    councilId: councilOf(raw.PK),
    type: raw.type,
    id: String(raw.id),
    planId: String(raw.planId),
    actionId: String(raw.type === 'action' ? raw.id : raw.actionId),
    ref: String(raw.ref ?? ''),
    title: String(raw.title ?? ''),
    due: raw.due as DueItem['due'],
    baselineDue: raw.baselineDue as DueItem['baselineDue'],
    status: raw.status as DueItem['status'],
    leads: raw.leads as DueItem['leads'],
    latestUpdate: raw.latestUpdate as DueItem['latestUpdate'],
    createdAt: String(raw.createdAt ?? ''),
  };
}

/**
 * Everything open and due on or before `horizon`, across councils: one query per due-index shard.
 * The index is sparse (open, dated items only), so this reads what is due or overdue and nothing else.
 */
export async function readDueIndex(
  doc: DynamoDBDocumentClient,
  tableName: string,
  horizon: string,
): Promise<DueItem[]> {
  const ix = TABLE.indexes.due;
  const shards = Array.from({ length: TABLE.dueShards }, (_, i) => `DUE#${i}`);
  const pages = await Promise.all(
    shards.map((pk) =>
      queryAll(doc, {
        TableName: tableName,
        IndexName: ix.name,
        KeyConditionExpression: '#pk = :pk AND #sk <= :to',
        ExpressionAttributeNames: { '#pk': ix.partitionKey, '#sk': ix.sortKey },
        // `~` sorts after `#C#…`, so every item due on the horizon day itself is included.
        ExpressionAttributeValues: { ':pk': pk, ':to': `${horizon}#~` },
        ReturnConsumedCapacity: 'TOTAL',
      }),
    ),
  );
  return pages.flat().flatMap((r) => toDueItem(r) ?? []);
}

/** Items one council has due in (from, to]: extends the window for a council with a longer due-soon. */
export async function readCouncilDue(
  doc: DynamoDBDocumentClient,
  tableName: string,
  councilId: string,
  after: string,
  to: string,
): Promise<DueItem[]> {
  const ix = TABLE.indexes.council;
  const raws = await queryAll(doc, {
    TableName: tableName,
    IndexName: ix.name,
    KeyConditionExpression: '#pk = :pk AND #sk BETWEEN :from AND :to',
    ExpressionAttributeNames: { '#pk': ix.partitionKey, '#sk': ix.sortKey },
    ExpressionAttributeValues: { ':pk': `C#${councilId}`, ':from': `DUE#${after}#~`, ':to': `DUE#${to}#~` },
  });
  return raws.flatMap((r) => toDueItem(r) ?? []);
}

export interface OutboxEntry {
  councilId: string;
  sk: string;
  milestoneId: string;
  planId: string;
  actionId: string;
  due: string;
  previousDue?: string | undefined;
  baselineDue?: string | undefined;
}

/** Re-baseline alerts saved with the milestone change and not yet delivered. */
export async function readOutbox(doc: DynamoDBDocumentClient, tableName: string): Promise<OutboxEntry[]> {
  const ix = TABLE.indexes.due;
  const raws = await queryAll(doc, {
    TableName: tableName,
    IndexName: ix.name,
    KeyConditionExpression: '#pk = :pk',
    ExpressionAttributeNames: { '#pk': ix.partitionKey },
    ExpressionAttributeValues: { ':pk': ALERT_OUTBOX_PARTITION },
  });
  return raws.map((r) => ({
    councilId: councilOf(r.PK),
    sk: String(r.SK),
    milestoneId: String(r.itemId),
    planId: String(r.planId),
    actionId: String(r.actionId),
    due: String(r.due),
    previousDue: r.previousDue as string | undefined,
    baselineDue: r.baselineDue as string | undefined,
  }));
}

/** A council's plan headers (through the council index) and, per plan, its actions (for stale progress). */
export async function readCouncilPlans(doc: DynamoDBDocumentClient, tableName: string, councilId: string) {
  const ix = TABLE.indexes.council;
  return queryAll(doc, {
    TableName: tableName,
    IndexName: ix.name,
    KeyConditionExpression: '#pk = :pk AND #sk BETWEEN :from AND :to',
    ExpressionAttributeNames: { '#pk': ix.partitionKey, '#sk': ix.sortKey },
    ExpressionAttributeValues: { ':pk': `C#${councilId}`, ':from': 'PLAN#', ':to': 'PLAN#~' },
  });
}

export async function readPlanActions(
  doc: DynamoDBDocumentClient,
  tableName: string,
  councilId: string,
  planId: string,
): Promise<DueItem[]> {
  const raws = await queryAll(doc, {
    TableName: tableName,
    KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
    FilterExpression: '#type = :action',
    ExpressionAttributeNames: { '#type': 'type' },
    ExpressionAttributeValues: {
      ':pk': `C#${councilId}`,
      ':prefix': `PLAN#${planId}#ACTION#`,
      ':action': 'action',
    },
  });
  return raws.flatMap((r) => toDueItem(r) ?? []);
}
