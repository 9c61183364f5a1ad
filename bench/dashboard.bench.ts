/**
 * `npm run bench dashboard`: the council dashboard next to the DynamoDB reads it needs, on a DynamoDB
 * Local started here: 10 plans × 500 actions, each plan with a closed reporting period. The raw side
 * sends the same reads directly (membership check, plan list, each plan's board, themes and last
 * closed period, then the listed items by key), so the ratio is what the API adds: token check,
 * routing, judging, JSON. A second council of the same plans with ten times as many progress updates
 * again is timed in turn with the first: the dashboard reads boards, not plans, so its time should
 * not move. Beside them, for comparison, the dashboard as it was read before issue 19 (every plan
 * whole).
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
  // The directorates a head of service can narrow to, named as the API lists them (db dashboard-data.ts).
  const directorates = [
    ...new Set(whole.flatMap((t) => (t.plan.directorate?.trim() ? [t.plan.directorate.trim()] : []))),
  ];
  return JSON.stringify({
    ...buildDashboard(whole, TODAY, rules),
    directorates: directorates.sort((a, b) => a.localeCompare(b, 'en')),
  });
}

/** A world's dashboard through the API, and the raw reads it needs (`listed` found once, by judging). */
async function dashboardOf(w: BenchWorld) {
  await closePeriods(w);
  const app = await w.app(false);
  const headers = { authorization: `Bearer ${w.token}` };
  const council = await w.raw.council.get();
  const { listed } = countDashboard(await dashboardBoards(w.raw), TODAY, council.ragRules);
  const api = async () => {
    const r = await app.request(`/api/v1/councils/${COUNCIL}/dashboard`, { headers });
    const body = await r.text();
    if (r.status !== 200) throw new Error(`dashboard answered ${r.status}: ${body.slice(0, 200)}`);
    return body;
  };
  const raw = async () => {
    await w.raw.council.withMember('does-not-matter');
    await dashboardBoards(w.raw);
    await listedDisplay(w.raw, listed);
  };
  // Both ways must answer the same, or the comparison with the whole-plan read means nothing.
  const body = await api();
  if ((JSON.parse(body) as { plans: unknown[] }).plans.length !== PLANS) throw new Error('plans missing');
  if ((await fromWholePlans(w, council.ragRules)) !== body) throw new Error('whole plans differ');
  return { api, raw, whole: () => fromWholePlans(w, council.ragRules), listed: listed.length };
}

export async function run(): Promise<BenchResult[]> {
  // Two councils of the same plans, each on its own DynamoDB Local; the second then gets ten times
  // its progress updates again. Timed in turn (a, b, a, b…), so the machine's load hits both alike.
  const [w, more] = await Promise.all([
    benchWorld({ plans: PLANS, actions: ACTIONS }),
    benchWorld({ plans: PLANS, actions: ACTIONS }),
  ]);
  try {
    const added = await addUpdates(more, 10);
    const [a, b] = [await dashboardOf(w), await dashboardOf(more)];
    // All four in one interleaved run: each emulator gets the same warm-up and the same load.
    const [apiMs, rawMs, afterMs, rawAfterMs] = (await sideBySide([a.api, a.raw, b.api, b.raw], RUNS, 5)) as [
      number,
      number,
      number,
      number,
    ];
    const [wholeMs, wholeAfterMs] = (await sideBySide([a.whole, b.whole], 5, 1)) as [number, number];
    const updates = w.plans.reduce((n, p) => n + p.updates, 0);
    return [
      {
        name: `dashboard: API ms (${PLANS} plans × ${ACTIONS} actions, ${updates} updates, ${a.listed} listed)`,
        value: apiMs,
        unit: 'ms',
      },
      { name: 'dashboard: raw reads ms (membership, boards, listed items)', value: rawMs, unit: 'ms' },
      { name: 'dashboard: API time / raw reads it needs', value: apiMs / rawMs, unit: 'x', goal: '≤ 1.3' },
      { name: `dashboard: API ms with ${updates} + ${added} updates`, value: afterMs, unit: 'ms' },
      { name: 'dashboard: raw reads ms with them', value: rawAfterMs, unit: 'ms' },
      {
        name: 'dashboard: time with 10× updates / time before',
        value: afterMs / apiMs,
        unit: 'x',
        goal: '≤ 1.1',
      },
      { name: 'dashboard read from whole plans (before issue 19) ms', value: wholeMs, unit: 'ms' },
      { name: 'the same with 10× updates ms', value: wholeAfterMs, unit: 'ms' },
    ];
  } finally {
    await Promise.all([w.stop(), more.stop()]);
  }
}
