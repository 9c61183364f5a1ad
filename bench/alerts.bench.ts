/**
 * Alert job read cost and time: 100 councils × 2,000 milestones (200,000, plus their actions; locators
 * are left out to seed faster), 1% due or overdue, in a fresh in-memory DynamoDB Local started here.
 * The same run on 10 councils (another table) shows whether an alerted item's cost grows with the
 * number of councils: the job must read the due index by date, never council by council.
 */
import { ALERT_JOB_ACTOR, type AlertJobOptions, mailerSink, runAlertJob } from '@peopleplan/alerts';
import {
  alertsOf,
  CouncilData,
  countingDocClient,
  createDocClient,
  DueIndexRepo,
  SecretLinksRepo,
  tenantContext,
} from '@peopleplan/db';
import { ensureTable } from '@peopleplan/db/create-table';
import { startDynamoDbLocal, startMailCatcher } from '@peopleplan/devstack';
import { createSmtpMailer } from '@peopleplan/mail';
import { seedSynthetic } from '../test/support/synthetic-alerts.js';
import type { BenchResult } from './run.js';

const COUNCILS = Number(process.env.BENCH_COUNCILS ?? 100);
const PER_COUNCIL = 2_000;
const TODAY = '2026-03-10';

/** A table of `councils` synthetic councils, and the alert job's options reading it through a counter. */
async function world(raw: ReturnType<typeof createDocClient>, councils: number) {
  const tableName = `bench-alerts-${councils}`;
  await ensureTable(raw as never, tableName);
  const seeded = await seedSynthetic(raw, tableName, {
    councils,
    milestonesPerCouncil: PER_COUNCIL,
    dueEvery: 100,
    today: TODAY,
    locators: false,
  });
  const counting = countingDocClient(raw);
  // Preference links in the emails: their lookups, as the job keeps them (packages/alerts run.ts).
  const links = new SecretLinksRepo(counting.doc, tableName);
  const base: AlertJobOptions = {
    dueIndex: new DueIndexRepo(counting.doc, tableName),
    council: async (c) =>
      alertsOf(
        new CouncilData(counting.doc, tableName, tenantContext(c, 'system', ALERT_JOB_ACTOR)),
      ).withSecretLinks(links),
    today: TODAY,
    webBaseUrl: 'https://peopleplan.example',
    staleProgress: 'never',
  };
  return { seeded, counting, base };
}

/** Every item a dry run reads (due index, settings, plans, actions, people) per item it alerts. */
async function readsPerAlerted(w: Awaited<ReturnType<typeof world>>) {
  w.counting.reset();
  const dry = await runAlertJob({ ...w.base, dryRun: true });
  return (w.counting.counts.dueIndexItems + w.counting.counts.otherItems) / Math.max(1, dry.itemsAlerted);
}

export async function run(): Promise<BenchResult[]> {
  const db = await startDynamoDbLocal();
  const catcher = await startMailCatcher();
  try {
    const raw = createDocClient({ endpoint: db.endpoint });
    const SMALL = Math.max(1, Math.round(COUNCILS / 10));
    const small = await world(raw, SMALL);
    const t0 = performance.now();
    const big = await world(raw, COUNCILS);
    const seedMs = performance.now() - t0;
    const { seeded, counting, base } = big;
    const [perSmall, perBig] = [await readsPerAlerted(small), await readsPerAlerted(big)];
    counting.reset();

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
      {
        name: `alerts: reads per alerted item, ${COUNCILS} councils`,
        value: perBig,
        unit: 'items',
      },
      {
        name: `alerts: reads per alerted item, ${SMALL} councils`,
        value: perSmall,
        unit: 'items',
      },
      {
        name: `alerts: reads per alerted item, ${COUNCILS} councils / ${SMALL} councils`,
        value: perBig / perSmall,
        unit: 'x',
        goal: '≤ 1.1',
      },
    ];
  } finally {
    await catcher.stop();
    await db.stop();
  }
}
