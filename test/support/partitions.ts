import { type DynamoDBDocumentClient, QueryCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';

/** One partition as `SK → item` (JSON with sorted keys), read straight from the table. */
export type PartitionState = Map<string, string>;

const stable = (v: unknown): string =>
  JSON.stringify(v, (_k, x) =>
    x && typeof x === 'object' && !Array.isArray(x)
      ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : x instanceof Set
        ? [...x].sort()
        : x,
  );

export async function readPartition(
  doc: DynamoDBDocumentClient,
  tableName: string,
  pk: string,
): Promise<PartitionState> {
  const out: PartitionState = new Map();
  let start: Record<string, unknown> | undefined;
  do {
    const page = await doc.send(
      new QueryCommand({
        TableName: tableName,
        KeyConditionExpression: 'PK = :pk',
        ExpressionAttributeValues: { ':pk': pk },
        ConsistentRead: true,
        ...(start ? { ExclusiveStartKey: start } : {}),
      }),
    );
    for (const item of page.Items ?? []) out.set(String(item.SK), stable(item));
    start = page.LastEvaluatedKey;
  } while (start);
  return out;
}

export interface PartitionDiff {
  added: string[];
  removed: string[];
  changed: string[];
}

export function diffPartition(before: PartitionState, after: PartitionState): PartitionDiff {
  const added = [...after.keys()].filter((k) => !before.has(k));
  const removed = [...before.keys()].filter((k) => !after.has(k));
  const changed = [...after.keys()].filter((k) => before.has(k) && before.get(k) !== after.get(k));
  return { added, removed, changed };
}

export const isEmptyDiff = (d: PartitionDiff) => !d.added.length && !d.removed.length && !d.changed.length;

/** Every partition key in the table (a small test table: a scan of the keys alone). */
export async function partitionKeys(doc: DynamoDBDocumentClient, tableName: string): Promise<Set<string>> {
  const out = new Set<string>();
  let start: Record<string, unknown> | undefined;
  do {
    const page = await doc.send(
      new ScanCommand({
        TableName: tableName,
        ProjectionExpression: 'PK',
        ConsistentRead: true,
        ...(start ? { ExclusiveStartKey: start } : {}),
      }),
    );
    for (const item of page.Items ?? []) out.add(String(item.PK));
    start = page.LastEvaluatedKey;
  } while (start);
  return out;
}
