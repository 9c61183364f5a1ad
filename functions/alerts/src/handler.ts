import { SQSClient } from '@aws-sdk/client-sqs';
import { londonToday, runAlerts } from '@peopleplan/alerts';
import { AlertJobConfig, loadConfig } from '@peopleplan/config';
import { createDocClient, TenantCredentialsProvider, tenantDocClients } from '@peopleplan/db';
import { createLogger } from '@peopleplan/observability';
import { z } from 'zod';
import { sqsSink } from './sqs-sink.js';

/** EventBridge Scheduler's input: `{source: 'schedule'}` daily; `mode: 'outbox'` for a frequent re-baseline run. */
const JobEvent = z
  .object({ mode: z.enum(['daily', 'outbox']).default('daily'), today: z.iso.date().optional() })
  .catch({ mode: 'daily' });

const logger = createLogger('peopleplan-alerts');

function build() {
  const config = loadConfig(AlertJobConfig);
  return {
    config,
    sqs: new SQSClient({ region: config.AWS_REGION }),
    wiring: {
      tableName: config.TABLE_NAME,
      // The job's own role: the due index and the partnership directory, nothing of any council.
      own: createDocClient({ region: config.AWS_REGION }),
      // Each council through its own tenant (read-write) or partner-reader (read) session.
      docFor: tenantDocClients({
        region: config.AWS_REGION,
        credentials: TenantCredentialsProvider.fromConfig(config),
        logger,
      }),
    },
  };
}
let deps: ReturnType<typeof build> | undefined;

export const handler = async (
  event: unknown,
): Promise<{ status: string; emailsSent: number; emailsFailed: number; problems: number }> => {
  deps ??= build();
  const e = JobEvent.parse(event ?? {});
  const { job, partner } = await runAlerts(deps.wiring, {
    today: e.today ?? londonToday(),
    webBaseUrl: deps.config.WEB_BASE_URL,
    sink: sqsSink(deps.sqs, deps.config.NOTIFY_QUEUE_URL),
    outboxOnly: e.mode === 'outbox',
    partnerDigests: e.mode !== 'outbox',
    log: (line) => logger.info(line),
  });
  const { emails: _e, problems, ...summary } = job;
  logger.info('alert run finished', { ...summary, partner });
  // A council or item the run could not handle: named for an operator; every other email still went.
  for (const p of problems) logger.error('alert run problem', { ...p });
  // Nobody at all could be told about these: an operator must see them.
  for (const u of job.unreachable) logger.error('alert nobody can receive', { ...u });
  return {
    status: job.status,
    emailsSent: job.emailsSent,
    emailsFailed: job.emailsFailed,
    problems: problems.length,
  };
};
