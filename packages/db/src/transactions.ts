import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { conflict } from '@peopleplan/core';
import { auditChange, historyAttributes } from './audit-change.js';
import { newId, nowIso } from './ids.js';
import { sk } from './keys.js';
import { cancellation } from './plan-archived.js';
import type { AuditInput, TenantStore, TransactItem } from './store.js';

/** Tries of a transaction that collides with another one in flight (not with a changed version). */
const TRANSACTION_ATTEMPTS = 4;

/** The audit event a write carries in its own transaction: who, when, and what changed. */
export function auditItem(store: TenantStore, a: AuditInput): TransactItem {
  const id = newId();
  const { ctx } = store;
  return store.putNew(
    sk.audit(id),
    'audit',
    {
      id,
      councilId: ctx.councilId,
      at: nowIso(),
      actorSub: ctx.actor.sub,
      actorName: ctx.actor.name,
      ...auditChange(a),
    },
    historyAttributes(ctx.councilId, a, id),
  );
}

/**
 * One transaction, sent until it lands: a collision with another transaction in flight is tried again
 * (nothing was written, every condition is checked again); a failed condition is said in words
 * (`cancellation`: 409, `plan-archived` for an archived plan).
 */
export async function sendTransaction(
  doc: DynamoDBDocumentClient,
  items: TransactItem[],
  what: string,
): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await doc.send(new TransactWriteCommand({ TransactItems: items }));
      return;
    } catch (e) {
      if (!(e instanceof TransactionCanceledException)) throw e;
      const verdict = cancellation(e.CancellationReasons ?? [], what);
      if (verdict === 'retry' && attempt < TRANSACTION_ATTEMPTS) {
        await new Promise((r) => setTimeout(r, attempt * 25 + Math.random() * 50));
        continue;
      }
      if (verdict === 'retry')
        throw conflict(`The ${what} is being changed by someone else right now. Try again.`);
      if (verdict) throw verdict;
      throw e;
    }
  }
}
