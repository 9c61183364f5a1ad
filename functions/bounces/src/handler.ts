import { cognitoIdentityAdmin } from '@peopleplan/auth';
import { BounceConfig, loadConfig } from '@peopleplan/config';
import { TenantCredentialsProvider, tenantDocClients } from '@peopleplan/db';
import { createLogger, type Logger } from '@peopleplan/observability';
import { type BounceDeps, markUndeliverable } from './mark-undeliverable.js';
import { recordBounce } from './record-bounce.js';
import { SesEmailEvent } from './ses-event.js';

const logger = createLogger('peopleplan-bounces');

function build(): BounceDeps {
  const config = loadConfig(BounceConfig);
  return {
    identity: cognitoIdentityAdmin(config.AWS_REGION, config.USER_POOL_ID),
    // Each council through its own tenant session: this function's role reaches no council partition.
    docFor: tenantDocClients({
      region: config.AWS_REGION,
      credentials: TenantCredentialsProvider.fromConfig(config),
      logger,
    }),
    tableName: config.TABLE_NAME,
  };
}

/**
 * SES bounce and complaint events for the stage's configuration set (alert emails and Cognito's own mail),
 * through an EventBridge rule (infra/lib/stacks/jobs-stack.ts). An event that does not parse, or a council
 * that could not be marked, fails the invocation: EventBridge's retries, then the dead-letter queue and
 * its alarm, make sure someone looks at it.
 */
export function createHandler(deps: () => BounceDeps, log: Logger = logger) {
  let built: BounceDeps | undefined;
  return async (event: unknown): Promise<{ addresses: number; marked: number }> => {
    const parsed = SesEmailEvent.safeParse(event);
    if (!parsed.success) {
      log.error('not an SES bounce or complaint event', { issues: parsed.error.issues });
      throw new Error('Unexpected event: not an SES bounce or complaint');
    }
    built ??= deps();
    const addresses = recordBounce(parsed.data, log);
    const marked = await markUndeliverable(built, addresses, log);
    for (const m of marked) log.warn('member address marked undeliverable', { ...m });
    return { addresses: addresses.length, marked: marked.length };
  };
}

export const handler = createHandler(build);
