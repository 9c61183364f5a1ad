import { SendMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import type { DigestSink } from '@peopleplan/alerts';

/**
 * In AWS a digest is "sent" once it is on the notifier's queue: SQS keeps it, the notifier retries
 * failed SES sends and a message that keeps failing lands in the dead-letter queue (which alarms).
 */
export function sqsSink(sqs: SQSClient, queueUrl: string): DigestSink {
  return {
    async deliver(email) {
      const r = await sqs.send(
        new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: JSON.stringify(email) }),
      );
      return { messageId: r.MessageId ?? '' };
    },
  };
}
