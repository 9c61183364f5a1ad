/**
 * `npm run bench api`: the API next to its database, measured side by side in one run on a DynamoDB
 * Local started here. Each API figure is set against the raw DynamoDB reads the same request needs
 * (the membership check included), so the ratio is what the API adds: token check, routing,
 * validation, judging, JSON.
 */

import type { BenchResult } from './run.js';
import { benchWorld, COUNCIL, sideBySide } from './support/world.js';

const ACTIONS = 500;
const CONCURRENCY = 50;
const REQUESTS = 2000;

const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))]!;

/** Runs `total` calls with `concurrency` in flight; returns calls per second and the latencies. */
async function load(call: (i: number) => Promise<unknown>, total: number, concurrency: number) {
  const latencies: number[] = [];
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) {
        const i = next++;
        const s = performance.now();
        await call(i);
        latencies.push(performance.now() - s);
      }
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  latencies.sort((a, b) => a - b);
  return { perSecond: total / seconds, p50: pct(latencies, 50), p99: pct(latencies, 99) };
}

export async function run(): Promise<BenchResult[]> {
  const w = await benchWorld({ plans: 2, actions: ACTIONS });
  try {
    const app = await w.app(false);
    const evaluated = await w.app(true);
    const headers = { authorization: `Bearer ${w.token}` };
    const get = async (a: typeof app, path: string) => {
      const r = await a.request(`/api/v1/councils/${COUNCIL}${path}`, { headers });
      if (r.status !== 200)
        throw new Error(`${path} answered ${r.status}: ${(await r.text()).slice(0, 200)}`);
      return r.arrayBuffer();
    };
    const member = async () => w.raw.council.withMember('does-not-matter');
    const plan = w.plans[0]!;

    // One plan read whole: the route's reads are the membership check and the plan's one query.
    const [contentsMs, rawContentsMs, evaluatedMs] = (await sideBySide(
      [
        () => get(app, `/plans/${plan.id}/contents`),
        async () => {
          await member();
          return w.raw.plans.tree(plan.id);
        },
        () => get(evaluated, `/plans/${plan.id}/contents`),
      ],
      15,
    )) as [number, number, number];

    // Mixed small reads, 50 at a time: a plan header, an action, a milestone, a plan's themes, people.
    const routes: Array<[string, () => Promise<unknown>]> = [
      [`/plans/${plan.id}`, () => w.raw.plans.get(plan.id)],
      // An action's page rates it from the plan's board (services ratings.ts): the board is one of its reads.
      [
        `/actions/${plan.actionIds[7]}`,
        async () => Promise.all([w.raw.actions.get(plan.actionIds[7]!), w.raw.boards.read(plan.id)]),
      ],
      [`/milestones/${plan.milestoneIds[3]}`, () => w.raw.milestones.get(plan.milestoneIds[3]!)],
      [`/plans/${plan.id}/themes`, () => w.raw.plans.listThemes(plan.id)],
      ['/people', () => w.raw.people.list()],
    ];
    const apiCall = (i: number) => get(app, routes[i % routes.length]![0]);
    const rawCall = async (i: number) => {
      await member();
      return routes[i % routes.length]![1]();
    };
    // Warmed alike, then run in turns (api, raw, api, raw): whichever ran first would otherwise pay for
    // DynamoDB Local's JVM warming up. Each figure is the better of its two turns.
    await load(apiCall, REQUESTS / 4, CONCURRENCY);
    await load(rawCall, REQUESTS / 4, CONCURRENCY);
    const turns = {
      api: [] as Awaited<ReturnType<typeof load>>[],
      raw: [] as Awaited<ReturnType<typeof load>>[],
    };
    for (let t = 0; t < 2; t++) {
      turns.api.push(await load(apiCall, REQUESTS, CONCURRENCY));
      turns.raw.push(await load(rawCall, REQUESTS, CONCURRENCY));
    }
    const best = (xs: Awaited<ReturnType<typeof load>>[]) =>
      xs.reduce((a, b) => (b.perSecond > a.perSecond ? b : a));
    const apiLoad = best(turns.api);
    const rawLoad = best(turns.raw);
    return [
      { name: `plan contents: API ms (${ACTIONS} actions)`, value: contentsMs, unit: 'ms' },
      { name: 'plan contents: raw Query ms (membership + plan query)', value: rawContentsMs, unit: 'ms' },
      {
        name: 'plan contents: API time / raw Query',
        value: contentsMs / rawContentsMs,
        unit: 'x',
        goal: '≤ 1.3',
      },
      { name: 'iam evaluation: API time with / without', value: evaluatedMs / contentsMs, unit: 'x' },
      {
        name: `api: requests per second at concurrency ${CONCURRENCY}`,
        value: apiLoad.perSecond,
        unit: '/s',
      },
      { name: `api: p50 at concurrency ${CONCURRENCY}`, value: apiLoad.p50, unit: 'ms' },
      { name: `api: p99 at concurrency ${CONCURRENCY}`, value: apiLoad.p99, unit: 'ms' },
      { name: `raw: reads per second at concurrency ${CONCURRENCY}`, value: rawLoad.perSecond, unit: '/s' },
      {
        name: `api: throughput at concurrency ${CONCURRENCY} / raw DynamoDB reads at concurrency ${CONCURRENCY}`,
        value: apiLoad.perSecond / rawLoad.perSecond,
        unit: 'x',
        goal: '≥ 0.7',
      },
    ];
  } finally {
    await w.stop();
  }
}
