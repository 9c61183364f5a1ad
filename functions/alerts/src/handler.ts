import { SQSClient } from '@aws-sdk/client-sqs';
import { londonToday, runAlerts } from '@peopleplan/alerts';
import { AlertJobConfig, loadConfig } from '@peopleplan/config';
import { createDocClient, TenantCredentialsProvider, tenantDocClients } from '@peopleplan/db';
import { createLogger, METRIC } from '@peopleplan/observability';
import { createMetrics, MetricUnit } from '@peopleplan/observability/metrics';
import { z } from 'zod';
import { sqsSink } from './sqs-sink.js';

/** EventBridge Scheduler's input: `{source: 'schedule'}` daily; `mode: 'outbox'` for a frequent re-baseline run. */
const JobEvent = z
  .object({ mode: z.enum(['daily', 'outbox']).default('daily'), today: z.iso.date().optional() })
  .catch({ mode: 'daily' });

const logger = createLogger('peopleplan-alerts');
const metrics = createMetrics('peopleplan-alerts');

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
  try {
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
    metrics.addMetric(METRIC.alertEmailsQueued, MetricUnit.Count, job.emailsSent + (partner?.sent ?? 0));
    // A council or item the run could not handle: named for an operator, counted (and alarmed on)
    // as handled errors; every other email still went.
    for (const p of problems) logger.error('alert run problem', { ...p });
    if (problems.length) metrics.addMetric(METRIC.handledError, MetricUnit.Count, problems.length);
    // Nobody at all could be told about these: an operator must see them.
    for (const u of job.unreachable) logger.error('alert nobody can receive', { ...u });
    // Heartbeat: only a daily run that got this far (the five-minute outbox runs never count), so the
    // "did not run" alarm (infra/lib/stacks/jobs-stack.ts) fires when the daily run is missing or fails.
    if (e.mode !== 'outbox') metrics.addMetric(METRIC.alertJobCompleted, MetricUnit.Count, 1);
    return {
      status: job.status,
      emailsSent: job.emailsSent,
      emailsFailed: job.emailsFailed,
      problems: problems.length,
    };
  } finally {
    metrics.publishStoredMetrics();
  }
};
