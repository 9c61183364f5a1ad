import { join } from 'node:path';
import {
  type AlertRunWiring,
  fileFailureLog,
  londonToday,
  mailerSink,
  memoryFailureLog,
  runAlerts,
} from '@peopleplan/alerts';
import { createInboxApp, type MailCatcher, startMailCatcher } from '@peopleplan/devstack';
import { createSmtpMailer, withRetry } from '@peopleplan/mail';
import type { Logger } from '@peopleplan/observability';
import { Cron } from 'croner';
import type { Hono } from 'hono';

export const ALERT_SENDER = 'PeoplePlan alerts <alerts@peopleplan.local>';

export interface LocalAlerts {
  catcher: MailCatcher;
  inbox: Hono;
  stop(): Promise<void>;
}

/**
 * The local stack's email side: the mail catcher (SMTP on loopback, kept in .data/mail), its inbox page,
 * and the alert job on the AWS schedule (07:00 Europe/London) plus a once-a-minute delivery of
 * re-baseline alerts saved with milestone changes.
 */
export async function startLocalAlerts(opts: {
  wiring: AlertRunWiring;
  webBaseUrl: string;
  dataDir?: string | undefined;
  logger: Logger;
}): Promise<LocalAlerts> {
  const catcher = await startMailCatcher(opts.dataDir ? { dir: join(opts.dataDir, 'mail') } : {});
  const mailer = withRetry(createSmtpMailer({ port: catcher.port, from: ALERT_SENDER }), { attempts: 3 });
  const failureLog = opts.dataDir
    ? fileFailureLog(join(opts.dataDir, 'alert-failures.jsonl'))
    : memoryFailureLog();
  const run = async (outboxOnly: boolean) => {
    try {
      const { job: r, partner: p } = await runAlerts(opts.wiring, {
        today: londonToday(),
        webBaseUrl: opts.webBaseUrl,
        sink: mailerSink(mailer),
        failureLog,
        outboxOnly,
        partnerDigests: !outboxOnly,
      });
      if (!outboxOnly || r.emails.length)
        opts.logger.info('alert run', {
          outboxOnly,
          status: r.status,
          emailsSent: r.emailsSent,
          emailsFailed: r.emailsFailed,
        });
      for (const problem of r.problems) opts.logger.error('alert run problem', { ...problem });
      if (p?.considered) opts.logger.info('partner digests', { ...p });
    } catch (e) {
      opts.logger.error('alert run failed', e as Error);
    }
  };
  // `protect` skips a tick while the previous run is still going.
  const daily = new Cron('0 7 * * *', { timezone: 'Europe/London', protect: true }, () => run(false));
  const outbox = new Cron('* * * * *', { protect: true }, () => run(true));
  return {
    catcher,
    inbox: createInboxApp(catcher),
    stop: async () => {
      daily.stop();
      outbox.stop();
      await mailer.close?.();
      await catcher.stop();
    },
  };
}
