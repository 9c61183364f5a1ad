import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { councilPk, sk } from '@peopleplan/db';
import type { AlertLine } from './model.js';

/**
 * The alert record of one (item, stage, due) for one recipient, in the council's partition:
 * `ALERT#<item>#<stage>#<due>#TO#<recipient>`. The (item, stage, due) prefix is the design's key;
 * the recipient suffix lets a lead and an escalation recipient (or a weekly reader) be told separately.
 */
export const alertSk = (l: Pick<AlertLine, 'itemId' | 'stage' | 'keyDate' | 'recipient'>) =>
  `${sk.alert(l.itemId, l.stage, l.keyDate)}#TO#${l.recipient.key}`;

export type ClaimResult = 'claimed' | 'taken';

/**
 * reserve → send → mark sent. A reservation is a conditional put that succeeds only if nobody has the
 * record, or the record is a failed send, or a reservation older than `staleAfterMs` (a run that crashed
 * between reserving and sending). A crash after sending but before marking can resend that one digest
 * once after `staleAfterMs`: at-least-once, never silently lost.
 */
export class AlertLedger {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly runId: string,
    private readonly staleAfterMs: number,
    private readonly now: () => Date,
  ) {}

  async claim(l: AlertLine): Promise<ClaimResult> {
    const now = this.now();
    try {
      await this.doc.send(
        new PutCommand({
          TableName: this.tableName,
          Item: {
            PK: councilPk(l.councilId),
            SK: alertSk(l),
            type: 'alert',
            state: 'reserved',
            runId: this.runId,
            reservedAt: now.toISOString(),
            stage: l.stage,
            itemId: l.itemId,
            itemType: l.itemType,
            planId: l.planId,
            actionId: l.actionId,
            keyDate: l.keyDate,
            recipientKey: l.recipient.key,
            email: l.recipient.email,
          },
          ConditionExpression:
            'attribute_not_exists(PK) OR #state = :failed OR (#state = :reserved AND reservedAt < :stale)',
          ExpressionAttributeNames: { '#state': 'state' },
          ExpressionAttributeValues: {
            ':failed': 'failed',
            ':reserved': 'reserved',
            ':stale': new Date(now.getTime() - this.staleAfterMs).toISOString(),
          },
        }),
      );
      return 'claimed';
    } catch (e) {
      if (e instanceof ConditionalCheckFailedException) return 'taken';
      throw e;
    }
  }

  async mark(
    l: AlertLine,
    outcome: { state: 'sent'; messageId: string } | { state: 'failed'; error: string },
  ) {
    await this.doc.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: { PK: councilPk(l.councilId), SK: alertSk(l) },
        UpdateExpression:
          outcome.state === 'sent'
            ? 'SET #state = :state, sentAt = :at, messageId = :info'
            : 'SET #state = :state, failedAt = :at, lastError = :info',
        // Only the run holding the reservation records its outcome.
        ConditionExpression: 'runId = :run',
        ExpressionAttributeNames: { '#state': 'state' },
        ExpressionAttributeValues: {
          ':state': outcome.state,
          ':at': this.now().toISOString(),
          ':info': outcome.state === 'sent' ? outcome.messageId : outcome.error.slice(0, 1000),
          ':run': this.runId,
        },
      }),
    );
  }

  /** A re-baseline alert has been delivered to everyone it concerns: take it out of the outbox. */
  async outboxDone(councilId: string, outboxSk: string, state: 'sent' | 'skipped') {
    await this.doc.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: { PK: councilPk(councilId), SK: outboxSk },
        UpdateExpression: 'SET outboxState = :s, doneAt = :at REMOVE DUEPK, DUESK',
        ExpressionAttributeValues: { ':s': state, ':at': this.now().toISOString() },
      }),
    );
  }
}
