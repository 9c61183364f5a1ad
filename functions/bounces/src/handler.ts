import { createLogger } from '@peopleplan/observability';
import { recordBounce } from './record-bounce.js';
import { SesEmailEvent } from './ses-event.js';

const logger = createLogger('peopleplan-bounces');

/**
 * SES bounce and complaint events for the alert emails' configuration set, through an EventBridge rule
 * (infra/lib/stacks/jobs-stack.ts). An event that does not parse fails the invocation: EventBridge's
 * retries, then the dead-letter queue and its alarm, make sure someone looks at it.
 */
export const handler = async (event: unknown): Promise<{ addresses: number }> => {
  const parsed = SesEmailEvent.safeParse(event);
  if (!parsed.success) {
    logger.error('not an SES bounce or complaint event', { issues: parsed.error.issues });
    throw new Error('Unexpected event: not an SES bounce or complaint');
  }
  return { addresses: recordBounce(parsed.data, logger).length };
};
