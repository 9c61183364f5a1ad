import { SQSClient } from '@aws-sdk/client-sqs';
import { londonToday, runAlertJob, sendPartnerDigests } from '@peopleplan/alerts';
import { loadConfig } from '@peopleplan/config';
import { createDocClient } from '@peopleplan/db';
import { createLogger, METRIC } from '@peopleplan/observability';
import { createMetrics, MetricUnit } from '@peopleplan/observability/metrics';
import { z } from 'zod';
import { sqsSink } from './sqs-sink.js';

/** Matches the environment infra/lib/stacks/jobs-stack.ts gives the alert job. */
const AlertJobConfig = z.object({
  STAGE: z.string().default('local'),
  TABLE_NAME: z.string().min(1),
  NOTIFY_QUEUE_URL: z.url(),
  WEB_BASE_URL: z.url(),
  AWS_REGION: z.string().default('eu-west-2'),
});

/** EventBridge Scheduler's input: `{source: 'schedule'}` daily; `mode: 'outbox'` for a frequent re-baseline run. */
const JobEvent = z
  .object({ mode: z.enum(['daily', 'outbox']).default('daily'), today: z.iso.date().optional() })
  .catch({ mode: 'daily' });

const logger = createLogger('peopleplan-alerts');
const metrics = createMetrics('peopleplan-alerts');
let deps:
  | { config: z.infer<typeof AlertJobConfig>; sqs: SQSClient; doc: ReturnType<typeof createDocClient> }
  | undefined;

export const handler = async (event: unknown): Promise<{ emailsSent: number; emailsFailed: number }> => {
  deps ??= (() => {
    const config = loadConfig(AlertJobConfig);
    return {
      config,
      sqs: new SQSClient({ region: config.AWS_REGION }),
      doc: createDocClient({ region: config.AWS_REGION }),
    };
  })();
  const e = JobEvent.parse(event ?? {});
  const result = await runAlertJob({
    doc: deps.doc,
    tableName: deps.config.TABLE_NAME,
    today: e.today ?? londonToday(),
    webBaseUrl: deps.config.WEB_BASE_URL,
    sink: sqsSink(deps.sqs, deps.config.NOTIFY_QUEUE_URL),
    outboxOnly: e.mode === 'outbox',
    log: (line) => logger.info(line),
  });
  const { emails: _e, ...summary } = result;
  logger.info('alert run finished', { ...summary });
  metrics.addMetric(METRIC.alertEmailsQueued, MetricUnit.Count, result.emailsSent);
  if (e.mode !== 'outbox') {
    // Mondays: partner readers' weekly digest (consenting councils only; idempotent per week).
    const partner = await sendPartnerDigests({
      doc: deps.doc,
      tableName: deps.config.TABLE_NAME,
      today: e.today ?? londonToday(),
      webBaseUrl: deps.config.WEB_BASE_URL,
      sink: sqsSink(deps.sqs, deps.config.NOTIFY_QUEUE_URL),
    });
    logger.info('partner digests', { ...partner });
    // Heartbeat: only a daily run that got this far (the five-minute outbox runs never count), so the
    // "did not run" alarm (infra/lib/stacks/jobs-stack.ts) fires when the daily run is missing or fails.
    metrics.addMetric(METRIC.alertJobCompleted, MetricUnit.Count, 1);
  }
  metrics.publishStoredMetrics();
  // Nobody at all could be told about these: an operator must see them.
  for (const u of result.unreachable) logger.error('alert nobody can receive', { ...u });
  return { emailsSent: result.emailsSent, emailsFailed: result.emailsFailed };
};
