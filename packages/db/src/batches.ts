import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  BatchGetCommand,
  BatchWriteCommand,
  DeleteCommand,
  type DynamoDBDocumentClient,
  PutCommand,
  type PutCommandInput,
  QueryCommand,
  type QueryCommandInput,
  TransactWriteCommand,
} from '@aws-sdk/lib-dynamodb';

type Key = { PK: string; SK: string };
const pause = (attempt: number) => new Promise((res) => setTimeout(res, 50 * 2 ** attempt));

/** Up to 100 items by key in one BatchGet, following unprocessed keys with backoff (DynamoDB may throttle). */
export async function batchGetAll(
  doc: DynamoDBDocumentClient,
  tableName: string,
  keys: Key[],
  request: {
    ConsistentRead: boolean;
    ProjectionExpression?: string;
    ExpressionAttributeNames?: Record<string, string>;
  },
): Promise<Record<string, unknown>[]> {
  const out: Record<string, unknown>[] = [];
  let pending = keys;
  for (let attempt = 0; pending.length > 0; attempt++) {
    const r = await doc.send(
      new BatchGetCommand({
        RequestItems: { [tableName]: { ...request, Keys: pending } },
        ReturnConsumedCapacity: 'TOTAL',
      }),
    );
    out.push(...(r.Responses?.[tableName] ?? []));
    pending = (r.UnprocessedKeys?.[tableName]?.Keys ?? []) as Key[];
    if (pending.length && attempt > 8) throw new Error('DynamoDB kept returning unprocessed keys');
    if (pending.length) await pause(attempt);
  }
  return out;
}

/** Deletes these keys, 25 per BatchWrite, following unprocessed deletes with backoff. */
export async function batchDeleteAll(
  doc: DynamoDBDocumentClient,
  tableName: string,
  keys: Key[],
): Promise<void> {
  for (let i = 0; i < keys.length; i += 25) {
    let requests = keys.slice(i, i + 25).map((Key) => ({ DeleteRequest: { Key } }));
    for (let attempt = 0; requests.length; attempt++) {
      const r = await doc.send(new BatchWriteCommand({ RequestItems: { [tableName]: requests } }));
      requests = (r.UnprocessedItems?.[tableName] ?? []) as typeof requests;
      if (requests.length && attempt > 8) throw new Error('DynamoDB kept returning unprocessed deletes');
      if (requests.length) await pause(attempt);
    }
  }
}

/** Deletes each key only if `condition` holds for it; the others (gone, or not ours) are left alone. */
export async function deleteEachIf(
  doc: DynamoDBDocumentClient,
  tableName: string,
  keys: Key[],
  condition: { ConditionExpression: string; ExpressionAttributeValues: Record<string, unknown> },
): Promise<void> {
  for (const Key of keys) {
    try {
      await doc.send(new DeleteCommand({ TableName: tableName, Key, ...condition }));
    } catch (e) {
      if (!(e instanceof ConditionalCheckFailedException)) throw e;
    }
  }
}

/** Every item a query finds, following its pages. */
export async function queryAllPages(
  doc: DynamoDBDocumentClient,
  input: Omit<QueryCommandInput, 'ExclusiveStartKey'>,
): Promise<Record<string, unknown>[]> {
  const out: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const r = await doc.send(new QueryCommand({ ...input, ExclusiveStartKey: start }));
    out.push(...(r.Items ?? []));
    start = r.LastEvaluatedKey;
  } while (start);
  return out;
}

/** Puts these items together, only if none of them exists yet; false when any does. */
export async function putAllIfAbsent(
  doc: DynamoDBDocumentClient,
  tableName: string,
  items: Record<string, unknown>[],
): Promise<boolean> {
  const put = (Item: Record<string, unknown>) => ({
    Put: { TableName: tableName, Item, ConditionExpression: 'attribute_not_exists(PK)' },
  });
  try {
    await doc.send(new TransactWriteCommand({ TransactItems: items.map(put) }));
    return true;
  } catch (e) {
    if (e instanceof TransactionCanceledException) return false;
    throw e;
  }
}

/** A put that happens only if its condition holds: false when it does not. */
export async function putIfCondition(doc: DynamoDBDocumentClient, input: PutCommandInput): Promise<boolean> {
  try {
    await doc.send(new PutCommand(input));
    return true;
  } catch (e) {
    if (e instanceof ConditionalCheckFailedException) return false;
    throw e;
  }
}
