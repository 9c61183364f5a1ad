import { loadConfig, NotifierConfig } from '@peopleplan/config';
import { createSesMailer } from '@peopleplan/mail';
import { createLogger } from '@peopleplan/observability';
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { createNotifier } from './notifier.js';

const logger = createLogger('peopleplan-notifier');
let notify: ((e: SQSEvent) => Promise<SQSBatchResponse>) | undefined;

export const handler = async (event: SQSEvent): Promise<SQSBatchResponse> => {
  const config = loadConfig(NotifierConfig);
  if (!config.SENDER_EMAIL) {
    // No verified sender configured: keep every message (retries, then the DLQ) rather than drop it.
    logger.error('SENDER_EMAIL is not set: alert emails cannot be sent');
    return { batchItemFailures: event.Records.map((r) => ({ itemIdentifier: r.messageId })) };
  }
  notify ??= createNotifier({
    mailer: createSesMailer({
      from: config.SENDER_EMAIL,
      configurationSet: config.SES_CONFIGURATION_SET,
      region: config.AWS_REGION,
    }),
    logger,
  });
  return notify(event);
};
