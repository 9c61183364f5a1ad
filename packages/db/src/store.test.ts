import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { TenantStore } from './store.js';
import { tenantContext } from './tenant.js';

/** A client whose transactions are cancelled with these reasons, one call at a time, then succeed. */
function client(failures: string[][]) {
  const calls: unknown[] = [];
  const doc = {
    send: async (command: unknown) => {
      calls.push(command);
      const codes = failures[calls.length - 1];
      if (codes) {
        throw new TransactionCanceledException({
          message: 'Transaction cancelled',
          $metadata: {},
          CancellationReasons: codes.map((Code) => ({ Code })),
        });
      }
      return {};
    },
  } as unknown as DynamoDBDocumentClient;
  const store = new TenantStore(doc, 't', tenantContext('harrow', 'editor', { sub: 'u', name: 'U' }));
  return { store, calls };
}

const put = (store: TenantStore) => [store.putNew('PERSON#1', 'person', { id: '1' })];

describe('TenantStore.transact', () => {
  it('tries again when another transaction held an item, and writes once it is free', async () => {
    const { store, calls } = client([['None', 'TransactionConflict'], ['TransactionConflict']]);
    await store.transact(put(store), [], 'person');
    expect(calls).toHaveLength(3);
    // The same request each time: the same audit event id, so nothing is written twice.
    expect(JSON.stringify(calls[0])).toBe(JSON.stringify(calls[2]));
  });

  it('gives up with a 409 after four tries', async () => {
    const busy = Array.from({ length: 10 }, () => ['TransactionConflict']);
    const { store, calls } = client(busy);
    await expect(store.transact(put(store), [], 'person')).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringMatching(/being changed by someone else right now/),
    });
    expect(calls).toHaveLength(4);
  });

  it('never retries a failed condition: that is a stale version, answered 409 at once', async () => {
    const { store, calls } = client([['ConditionalCheckFailed', 'TransactionConflict']]);
    await expect(store.transact(put(store), [], 'person')).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringMatching(/changed by someone else, or no longer exists/),
    });
    expect(calls).toHaveLength(1);
  });
});
