/**
 * Alert job read cost and time: 100 councils × 2,000 milestones (200,000, plus their actions; locators
 * are left out to seed faster), 1% due or overdue, in a fresh in-memory DynamoDB Local started here.
 */
import { ALERT_JOB_ACTOR, type AlertJobOptions, mailerSink, runAlertJob } from '@peopleplan/alerts';
import { CouncilData, countingDocClient, createDocClient, DueIndexRepo, tenantContext } from '@peopleplan/db';
import { ensureTable } from '@peopleplan/db/create-table';
import { startDynamoDbLocal, startMailCatcher } from '@peopleplan/devstack';
import { createSmtpMailer } from '@peopleplan/mail';
import { seedSynthetic } from '../test/support/synthetic-alerts.js';
import type { BenchResult } from './run.js';

const COUNCILS = Number(process.env.BENCH_COUNCILS ?? 100);
const PER_COUNCIL = 2_000;
const TODAY = '2026-03-10';

export async function run(): Promise<BenchResult[]> {
  const db = await startDynamoDbLocal();
  const catcher = await startMailCatcher();
  try {
    const raw = createDocClient({ endpoint: db.endpoint });
    const tableName = 'bench-alerts';
    await ensureTable(raw as never, tableName);
    const t0 = performance.now();
    const seeded = await seedSynthetic(raw, tableName, {
      councils: COUNCILS,
      milestonesPerCouncil: PER_COUNCIL,
      dueEvery: 100,
      today: TODAY,
      locators: false,
    });
    const seedMs = performance.now() - t0;
    const counting = countingDocClient(raw);
    const base: AlertJobOptions = {
      dueIndex: new DueIndexRepo(counting.doc, tableName),
      council: async (c) =>
        new CouncilData(counting.doc, tableName, tenantContext(c, 'system', ALERT_JOB_ACTOR)).alerts,
      today: TODAY,
      webBaseUrl: 'https://peopleplan.example',
      staleProgress: 'never',
    };

    const d0 = performance.now();
    const dry = await runAlertJob({ ...base, dryRun: true });
    const dryMs = performance.now() - d0;
    const dryReads = { ...counting.counts };

    counting.reset();
    const s0 = performance.now();
    const sent = await runAlertJob({
      ...base,
      sink: mailerSink(createSmtpMailer({ port: catcher.port, from: 'alerts@peopleplan.local' })),
    });
    const sendMs = performance.now() - s0;

    counting.reset();
    const again = await runAlertJob({
      ...base,
      sink: mailerSink(createSmtpMailer({ port: catcher.port, from: 'a@b' })),
    });

    const perAlerted = (n: number) => n / Math.max(1, dry.itemsAlerted);
    return [
      { name: 'milestones in the table', value: seeded.milestones, unit: 'items' },
      { name: 'milestones due or overdue (1%)', value: seeded.due, unit: 'items' },
      { name: 'items alerted', value: dry.itemsAlerted, unit: 'items' },
      { name: 'due-index items read', value: dryReads.dueIndexItems, unit: 'items' },
      {
        name: 'due-index items read per item alerted',
        value: perAlerted(dryReads.dueIndexItems),
        unit: 'ratio',
        goal: '≤ 1.5',
      },
      {
        name: 'all items read per item alerted (settings, plans, actions, people too)',
        value: perAlerted(dryReads.dueIndexItems + dryReads.otherItems),
        unit: 'ratio',
      },
      { name: 'job time, dry run', value: Math.round(dryMs), unit: 'ms' },
      { name: 'job time, sending to the mail catcher', value: Math.round(sendMs), unit: 'ms' },
      { name: 'emails sent (one digest per lead)', value: sent.emailsSent, unit: 'emails' },
      { name: 'emails sent by a second run the same day', value: again.emailsSent, unit: 'emails' },
      { name: 'seeding time (BatchWrite)', value: Math.round(seedMs), unit: 'ms' },
    ];
  } finally {
    await catcher.stop();
    await db.stop();
  }
}
