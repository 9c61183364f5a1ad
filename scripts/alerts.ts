/**
 * `npm run alerts -- --today YYYY-MM-DD [--dry-run] [--outbox-only] [--stale]`: the alert job on demand,
 * against the local stack's DynamoDB (found through .data/local-stack.json while `npm start` runs, else
 * a DynamoDB Local started here on .data/dynamodb). Email goes to the local mail catcher. Ends with the
 * line `N emails sent`.
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

import { fileFailureLog, londonToday, mailerSink, runAlerts } from '@peopleplan/alerts';
import { isCalendarDate } from '@peopleplan/core';
import { type MailCatcher, startMailCatcher } from '@peopleplan/devstack';
import { localIamClients } from '@peopleplan/iam-local';
import { createSmtpMailer, withRetry } from '@peopleplan/mail';
import { ALERT_SENDER } from './local-alerts.js';
import { type LocalDynamo, localDynamo } from './local-dynamo.js';

const REPO_ROOT = join(import.meta.dirname, '..');
const DATA = join(REPO_ROOT, '.data');

const { values } = parseArgs({
  options: {
    today: { type: 'string' },
    'dry-run': { type: 'boolean', default: false },
    'outbox-only': { type: 'boolean', default: false },
    stale: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (values.help) {
  console.log('npm run alerts -- [--today YYYY-MM-DD] [--dry-run] [--outbox-only] [--stale]');
  process.exit(0);
}
const today = values.today ?? londonToday();
if (!isCalendarDate(today)) {
  console.error(`--today must be a real date as YYYY-MM-DD, got "${today}"`);
  process.exit(2);
}
const dryRun = values['dry-run'];

let db: LocalDynamo | undefined;
let ownCatcher: MailCatcher | undefined;
try {
  db = await localDynamo(DATA, (line) => console.log(line));
  const { endpoint, tableName, stack } = db;
  let smtpPort = stack?.smtpPort;
  const webBaseUrl = stack?.url ?? `http://127.0.0.1:${process.env.PORT ?? 3000}`;
  if (stack) console.log(`Mail goes to the running stack's inbox, ${stack.mailUrl}`);
  if (!dryRun && smtpPort === undefined) {
    // Kept in .data/mail, so the inbox shows these messages when `npm start` next runs.
    ownCatcher = await startMailCatcher({ dir: join(DATA, 'mail') });
    smtpPort = ownCatcher.port;
    console.log('Mail goes to .data/mail (open the inbox at /dev/mail after `npm start`)');
  }
  const mailer = smtpPort
    ? withRetry(createSmtpMailer({ port: smtpPort, from: ALERT_SENDER }), {
        attempts: 3,
        onRetry: (n, e) => console.log(`  retrying (${n}): ${(e as Error).message}`),
      })
    : undefined;

  console.log(`Alert run for ${today}${dryRun ? ' (dry run: nothing is reserved or sent)' : ''}`);
  // The same path as the Lambda: the job's own role for the due index, each council through a tenant
  // session assumed from it, every command checked against the IAM policies (packages/iam-local).
  const job = await localIamClients({ endpoint, role: 'alerts' });
  const { job: result, partner } = await runAlerts(
    { tableName, own: job.own, docFor: job.docFor },
    {
      today,
      webBaseUrl,
      dryRun,
      outboxOnly: values['outbox-only'],
      staleProgress: values.stale ? 'always' : 'mondays',
      ...(mailer ? { sink: mailerSink(mailer) } : {}),
      // Mondays: partner readers' weekly "what slipped across the partnership" digest.
      partnerDigests: true,
      failureLog: fileFailureLog(join(DATA, 'alert-failures.jsonl')),
    },
  );
  await mailer?.close?.();

  const r = result;
  if (partner?.considered) {
    console.log(
      `Partnership weekly digests: ${partner.sent} sent, ${partner.alreadySent} already sent this week`,
    );
  }
  const sentTotal = r.emailsSent + (partner?.sent ?? 0);
  console.log(
    `Read ${r.read.dueIndexItems} due-index items and ${r.read.outboxItems} re-baseline alerts` +
      (r.read.staleCheckedActions
        ? `; checked ${r.read.staleCheckedActions} actions for stale progress`
        : ''),
  );
  console.log(
    `${r.itemsAlerted} items need alerts (${r.lines} item-recipient pairs): ${r.alreadySent} already sent earlier, ` +
      `${r.held} held for weekly digests, ${r.optedOut} due-soon reminders opted out`,
  );
  for (const e of r.emails) {
    const mark = e.outcome === 'sent' ? 'sent' : e.outcome === 'dry-run' ? 'would send' : 'FAILED';
    console.log(
      `  ${mark.padEnd(10)} ${e.to.padEnd(34)} ${e.items} item(s)  ${e.subject}${e.error ? `  (${e.error})` : ''}`,
    );
  }
  for (const u of r.unreachable)
    console.log(
      `  NOBODY TOLD  ${u.councilId}: ${u.title} – ${u.reason} (no plan owner or admin with an email)`,
    );
  if (r.emailsFailed)
    console.log(`${r.emailsFailed} emails failed: kept in .data/alert-failures.jsonl and retried next run`);
  for (const p of r.problems) console.log(`  PROBLEM  ${p.councilId} ${p.itemId}: ${p.problem}`);
  if (r.status === 'partial')
    console.log(
      `Partial run: ${r.problems.length} problem(s) above were skipped; every other email was worked out and sent`,
    );
  if (dryRun) console.log(`${r.emails.length} emails would be sent`);
  console.log(`${sentTotal} emails sent`);
  // 1: some email failed to send (retried next run); 3: a partial run (problems named above).
  process.exitCode = r.emailsFailed || partner?.failed ? 1 : r.status === 'partial' ? 3 : 0;
} finally {
  await ownCatcher?.stop();
  await db?.stop();
}
