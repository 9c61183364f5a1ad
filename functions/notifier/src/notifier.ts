import type { Mailer } from '@peopleplan/mail';
import type { Logger } from '@peopleplan/observability';
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { z } from 'zod';

/** What the alert job puts on the queue: one rendered digest. */
export const QueuedEmail = z.object({
  to: z.email(),
  subject: z.string().min(1).max(998),
  text: z.string(),
  html: z.string(),
});

/**
 * Sends each queued digest. A message that fails (bad body, SES refusal, throttling) is reported as a
 * batch item failure: SQS offers it again, and after the queue's maxReceiveCount it goes to the DLQ.
 */
export function createNotifier(deps: { mailer: Mailer; logger: Logger }) {
  return async (event: SQSEvent): Promise<SQSBatchResponse> => {
    const failures: SQSBatchResponse['batchItemFailures'] = [];
    for (const record of event.Records) {
      try {
        const email = QueuedEmail.parse(JSON.parse(record.body));
        const { messageId } = await deps.mailer.send(email);
        deps.logger.info('alert email sent', { sqsMessageId: record.messageId, messageId });
      } catch (e) {
        deps.logger.error('alert email not sent; will be retried', {
          sqsMessageId: record.messageId,
          receiveCount: record.attributes?.ApproximateReceiveCount,
          error: e instanceof Error ? e.message : String(e),
        });
        failures.push({ itemIdentifier: record.messageId });
      }
    }
    return { batchItemFailures: failures };
  };
}
