/**
 * `npm run bench dashboard`: the council dashboard next to the DynamoDB reads it needs, on a DynamoDB
 * Local started here: 10 plans × 500 actions, each plan with a closed reporting period. The raw side
 * sends the same reads directly (membership check, plan list, each plan's board, themes and last
 * closed period, then the listed items by key), so the ratio is what the API adds: token check,
 * routing, judging, JSON. Then every plan gets ten times as many progress updates again, and the
 * dashboard is timed once more: it reads boards, not plans, so its time should not move. Beside
 * them, for comparison, the dashboard as it was read before issue 19 (every plan whole).
 */
import { randomUUID } from 'node:crypto';
import { BatchWriteCommand, type BatchWriteCommandOutput } from '@aws-sdk/lib-dynamodb';
import { buildDashboard, countDashboard, type PlanData } from '@peopleplan/core';
import { councilPk, dashboardBoards, listedDisplay, sk } from '@peopleplan/db';
import type { BenchResult } from './run.js';
import { type BenchWorld, benchWorld, COUNCIL, sideBySide } from './support/world.js';

const PLANS = 10;
const ACTIONS = 500;
const TODAY = '2013-10-15';
const RUNS = 15;
const MID_YEAR = {
  key: 'mid-year-2013-14',
  label: 'Mid-year 2013-14',
  kind: 'mid-year' as const,
  start: '2013-04-01',
  end: '2013-09-30',
  asOf: '2013-09-30',
};

/** Each plan's mid-year closed, so the dashboard reads a snapshot for direction of travel. */
async function closePeriods(w: BenchWorld) {
  const rags = ['green', 'amber', 'red'] as const;
  for (const p of w.plans) {
    const entries = Object.fromEntries(
      (await w.raw.boards.states(p.id)).actions.map((a, i) => [
        a.id,
        { status: a.status, rag: rags[i % rags.length]! },
      ]),
    );
    await w.raw.snapshots.close(p.id, MID_YEAR, entries);
  }
}

/** `times` more progress updates on every action that has any (written as the repositories do). */
async function addUpdates(w: BenchWorld, times: number): Promise<number> {
  const pk = councilPk(COUNCIL);
  const items: Record<string, unknown>[] = [];
  for (const p of w.plans) {
    const existing = await w.raw.store.queryAllRaw(sk.planChildren(p.id), ['update']);
    for (const u of existing) {
      for (let k = 0; k < times; k++) {
        const id = randomUUID().replace(/-/g, '').slice(0, 26).toUpperCase();
        const { PK: _pk, SK: _sk, ...rest } = u;
        items.push({ ...rest, id, PK: pk, SK: sk.update(p.id, String(u.actionId), id) });
      }
    }
  }
  // Eight writers at once, 25 items a request: seeding takes seconds, not minutes.
  let next = 0;
  const writer = async () => {
    for (let i = next; i < items.length; i = next) {
      next += 25;
      let left: Record<string, unknown>[] | undefined = items.slice(i, i + 25);
      while (left?.length) {
        const r: BatchWriteCommandOutput = await w.rawDoc.send(
          new BatchWriteCommand({
            RequestItems: { [w.tableName]: left.map((Item) => ({ PutRequest: { Item } })) },
          }),
        );
        left = r.UnprocessedItems?.[w.tableName]?.map((x) => x.PutRequest!.Item!);
      }
    }
  };
  await Promise.all(Array.from({ length: 8 }, writer));
  return items.length;
}

/** How the dashboard read before issue 19, for comparison: every plan whole, then judged. */
async function fromWholePlans(w: BenchWorld, rules: Parameters<typeof buildDashboard>[2]) {
  await w.raw.council.withMember('does-not-matter');
  const plans = await w.raw.plans.listAll();
  const whole: PlanData[] = await Promise.all(
    plans.map(async (p) => {
      const [tree, last] = await Promise.all([w.raw.plans.tree(p.id), w.raw.snapshots.latest(p.id)]);
      const rags = last && Object.fromEntries(Object.entries(last.entries).map(([id, e]) => [id, e.rag]));
      return { ...tree, ...(last && rags && { lastPeriod: { label: last.label, rags } }) };
    }),
  );
  return JSON.stringify(buildDashboard(whole, TODAY, rules));
}

export async function run(): Promise<BenchResult[]> {
  const w = await benchWorld({ plans: PLANS, actions: ACTIONS });
  try {
    await closePeriods(w);
    const app = await w.app(false);
    const headers = { authorization: `Bearer ${w.token}` };
    let body = '';
    const api = async () => {
      const r = await app.request(`/api/v1/councils/${COUNCIL}/dashboard`, { headers });
      body = await r.text();
      if (r.status !== 200) throw new Error(`dashboard answered ${r.status}: ${body.slice(0, 200)}`);
    };
    // Which items the lists name depends on judging, not on reading: found once, then read each time.
    const council = await w.raw.council.get();
    const { listed } = countDashboard(await dashboardBoards(w.raw), TODAY, council.ragRules);
    const raw = async () => {
      await w.raw.council.withMember('does-not-matter');
      await dashboardBoards(w.raw);
      await listedDisplay(w.raw, listed);
    };
    const [apiMs, rawMs] = (await sideBySide([api, raw], RUNS)) as [number, number];
    const answer = JSON.parse(body) as { plans: unknown[]; overdue: unknown[] };
    if (answer.plans.length !== PLANS) throw new Error(`the dashboard showed ${answer.plans.length} plans`);
    // Both ways must answer the same, or the comparison below means nothing.
    if ((await fromWholePlans(w, council.ragRules)) !== body) throw new Error('whole plans differ');
    const [wholeMs] = (await sideBySide([() => fromWholePlans(w, council.ragRules)], 5, 1)) as [number];

    const updatesBefore = w.plans.reduce((n, p) => n + p.updates, 0);
    const added = await addUpdates(w, 10);
    // The raw reads again beside it: if they moved too, the machine's load did, not the dashboard.
    const [apiAfterMs, rawAfterMs] = (await sideBySide([api, raw], RUNS)) as [number, number];
    const [wholeAfterMs] = (await sideBySide([() => fromWholePlans(w, council.ragRules)], 5, 1)) as [number];
    const inputs = `${PLANS} plans × ${ACTIONS} actions`;
    return [
      { name: `dashboard: API ms (${inputs}, ${listed.length} listed)`, value: apiMs, unit: 'ms' },
      { name: 'dashboard: raw reads ms (membership, boards, listed items)', value: rawMs, unit: 'ms' },
      { name: 'dashboard: API time / raw reads it needs', value: apiMs / rawMs, unit: 'x', goal: '≤ 1.3' },
      {
        name: `dashboard: API ms with 10× updates (${updatesBefore} + ${added})`,
        value: apiAfterMs,
        unit: 'ms',
      },
      { name: 'dashboard: raw reads ms with 10× updates', value: rawAfterMs, unit: 'ms' },
      {
        name: 'dashboard: time with 10× updates / time before',
        value: apiAfterMs / apiMs,
        unit: 'x',
        goal: '≤ 1.1',
      },
      { name: 'dashboard read from whole plans (before issue 19) ms', value: wholeMs, unit: 'ms' },
      { name: 'the same with 10× updates ms', value: wholeAfterMs, unit: 'ms' },
    ];
  } finally {
    await w.stop();
  }
}
