import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

export interface ReadCounts {
  /** Items returned by queries on the cross-council due index. */
  dueIndexItems: number;
  /** Items returned by any other query or get (settings, plans, people, alert records…). */
  otherItems: number;
  queries: number;
  /** Read capacity units DynamoDB reported (where it reports them). */
  consumedRead: number;
}

/**
 * A DynamoDB client that counts what it reads: tests and the bench assert on item counts, not time.
 * Wraps `send` only; every other method is the real client's.
 */
export function countingDocClient(
  doc: DynamoDBDocumentClient,
  dueIndexName = 'due',
): { doc: DynamoDBDocumentClient; counts: ReadCounts; reset(): void } {
  const counts: ReadCounts = { dueIndexItems: 0, otherItems: 0, queries: 0, consumedRead: 0 };
  const wrapped = Object.create(doc) as DynamoDBDocumentClient;
  const send = doc.send.bind(doc) as (cmd: unknown) => Promise<Record<string, unknown>>;
  (wrapped as unknown as { send: typeof send }).send = async (cmd: unknown) => {
    const out = await send(cmd);
    const input = (cmd as { input?: Record<string, unknown> }).input ?? {};
    const name = (cmd as { constructor: { name: string } }).constructor.name;
    const cc = out.ConsumedCapacity as
      | { CapacityUnits?: number }
      | Array<{ CapacityUnits?: number }>
      | undefined;
    for (const c of Array.isArray(cc) ? cc : cc ? [cc] : []) counts.consumedRead += c.CapacityUnits ?? 0;
    if (name === 'QueryCommand' || name === 'ScanCommand') {
      counts.queries++;
      const n = (out.Items as unknown[] | undefined)?.length ?? 0;
      if (input.IndexName === dueIndexName) counts.dueIndexItems += n;
      else counts.otherItems += n;
    } else if (name === 'GetCommand') {
      if (out.Item) counts.otherItems++;
    } else if (name === 'BatchGetCommand') {
      for (const items of Object.values((out.Responses as Record<string, unknown[]>) ?? {}))
        counts.otherItems += items.length;
    }
    return out;
  };
  return {
    doc: wrapped,
    counts,
    reset: () => Object.assign(counts, { dueIndexItems: 0, otherItems: 0, queries: 0, consumedRead: 0 }),
  };
}
