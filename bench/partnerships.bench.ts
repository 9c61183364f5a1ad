/**
 * Partnership overview speed: 12 consenting councils × 300 actions each (two plans of 150, each with a
 * closed reporting period) on a DynamoDB Local started here. The overview (consent checked now, each
 * shared plan's board and last closed period read through the council's own session, councils in
 * parallel) is timed against the council dashboard's own reads (`councilDashboard`, the route's code)
 * done one council after another, as a partner would get by opening each dashboard in turn. Goal:
 * ratio ≤ 0.5. Alongside: the overview with councils one at a time (what parallel fetching alone
 * buys on this machine) and counted from the plans' items as before boards (what boards buy).
 */
import { BatchWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Action, Milestone, Partnership } from '@peopleplan/core';
import { buildDashboard, type Dashboard } from '@peopleplan/core';
import {
  boardShardItems,
  ConsentRepo,
  CouncilData,
  councilDashboard,
  createDocClient,
  dueIndexAttributes,
  newId,
  PartnershipsRepo,
  partnerReaders,
  planIndexAttributes,
  provisionCouncil,
  sk,
  TenantStore,
  tenantContext,
} from '@peopleplan/db';
import { ensureTable } from '@peopleplan/db/create-table';
import { startDynamoDbLocal } from '@peopleplan/devstack';
import {
  buildOverview,
  loadCouncilBoards,
  loadSharedCouncils,
  type PartnershipOverview,
  type PartnershipSource,
} from '@peopleplan/partnerships';
import type { BenchResult } from './run.js';

const COUNCILS = 12;
const PLANS_PER_COUNCIL = 2;
const ACTIONS_PER_PLAN = 150;
const TODAY = '2026-06-15';
const TABLE = 'bench-partnerships';
const SEEDER = { sub: 'system:bench', name: 'Bench' };
const READER = { sub: 'bench-partner', name: 'Bench partner' };
const STATUSES = ['not-started', 'on-track', 'at-risk', 'off-track', 'completed', 'ongoing'] as const;

const stamp = { version: 1, createdAt: '2026-01-05T09:00:00.000Z', updatedAt: '2026-01-05T09:00:00.000Z' };
const day = (n: number) => new Date(Date.UTC(2026, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);
const date = (due: string) => ({ text: due, kind: 'date' as const, due, precision: 'day' as const });

/**
 * One plan's items as the repositories write them: header, theme, actions with a milestone and an
 * update each, and the plan's board. Returns the actions too, for closing a period on them.
 */
function planItems(councilId: string, p: number) {
  const planId = newId();
  const pk = `C#${councilId}`;
  const themeId = newId();
  const items: Array<Record<string, unknown>> = [
    {
      PK: pk,
      SK: sk.plan(planId),
      type: 'plan',
      id: planId,
      councilId,
      title: `${councilId} plan ${p + 1}`,
      kind: p === 0 ? 'people-strategy' : 'business-plan',
      period: {},
      status: 'active',
      reviewCadence: 'quarterly',
      reportingPoints: [],
      sections: [],
      unplaced: [],
      ...stamp,
      ...planIndexAttributes(councilId, planId),
    },
    {
      PK: pk,
      SK: sk.theme(planId, themeId),
      type: 'theme',
      id: themeId,
      planId,
      ref: '1',
      title: 'Theme',
      order: 0,
      ...stamp,
    },
  ];
  const actions: Action[] = [];
  const milestones: Milestone[] = [];
  for (let i = 0; i < ACTIONS_PER_PLAN; i++) {
    const status = STATUSES[i % STATUSES.length]!;
    const due = day(60 + ((i * 7) % 360));
    const open = status !== 'completed';
    const at = `${day((i * 3) % 160)}T10:00:00.000Z`;
    const action: Action = {
      id: newId(),
      planId,
      themeId,
      ref: String(i + 1),
      title: `Action ${i + 1}: deliver part ${i + 1} of the workforce programme`,
      currentPosition: 'Work is under way with the service leads; a report goes to the next management team.',
      leads: [{ role: 'responsible', label: i % 2 ? 'GM (HR)' : 'Head of Paid Service' }],
      status,
      due: date(due),
      crossRefs: [],
      unplaced: [],
      order: i,
      latestUpdate: { id: newId(), at, authorName: 'Officer', status, narrative: 'Progress as planned.' },
      ...stamp,
    };
    const msDue = day(30 + ((i * 11) % 330));
    const milestone: Milestone = {
      id: newId(),
      planId,
      actionId: action.id,
      linkedActionIds: [],
      ref: 'A',
      title: `Milestone for action ${i + 1}`,
      due: date(msDue),
      baselineDue: date(i % 5 === 0 ? day(20 + ((i * 11) % 330)) : msDue),
      status: open ? 'on-track' : 'completed',
      ...stamp,
    };
    actions.push(action);
    milestones.push(milestone);
    items.push(
      {
        ...action,
        PK: pk,
        SK: sk.action(planId, action.id),
        type: 'action',
        ...dueIndexAttributes(councilId, action.id, due, open),
      },
      {
        ...milestone,
        PK: pk,
        SK: sk.milestone(planId, action.id, milestone.id),
        type: 'milestone',
        ...dueIndexAttributes(councilId, milestone.id, msDue, open),
      },
      {
        PK: pk,
        SK: sk.update(planId, action.id, newId()),
        type: 'update',
        id: newId(),
        planId,
        actionId: action.id,
        authorSub: 'bench',
        authorName: 'Officer',
        at,
        period: at.slice(0, 7),
        narrative:
          'Progress as planned. The next step is agreed with the service leads and reported monthly.',
        status,
      },
    );
  }
  for (const b of boardShardItems(planId, actions, milestones))
    items.push({ ...b.item, PK: pk, SK: b.sortKey, type: 'board' });
  return { planId, items, actions };
}

async function batchWrite(doc: DynamoDBDocumentClient, items: Array<Record<string, unknown>>) {
  for (let i = 0; i < items.length; i += 25) {
    let pending: Array<{ PutRequest: { Item: Record<string, unknown> } }> = items
      .slice(i, i + 25)
      .map((Item) => ({ PutRequest: { Item } }));
    while (pending.length) {
      const r = await doc.send(new BatchWriteCommand({ RequestItems: { [TABLE]: pending } }));
      pending = (r.UnprocessedItems?.[TABLE] as typeof pending | undefined) ?? [];
    }
  }
}

/** The period every plan has closed: what both dashboards measure direction of travel against. */
const MAY = {
  key: '2026-05',
  label: 'May 2026',
  kind: 'month' as const,
  start: '2026-05-01',
  end: '2026-05-31',
  asOf: '2026-05-31',
};

async function seed(doc: DynamoDBDocumentClient): Promise<Partnership> {
  const directory = new PartnershipsRepo(doc, TABLE);
  await directory.create({
    id: 'bench-shared-service',
    name: 'Bench shared service',
    leadCouncilId: 'bench-c1',
  });
  await Promise.all(
    Array.from({ length: COUNCILS }, async (_, c) => {
      const councilId = `bench-c${c + 1}`;
      await provisionCouncil(doc, TABLE, { id: councilId, name: `Bench council ${c + 1}` });
      const editor = new CouncilData(doc, TABLE, tenantContext(councilId, 'editor', SEEDER));
      for (let p = 0; p < PLANS_PER_COUNCIL; p++) {
        const { planId, items, actions } = planItems(councilId, p);
        await batchWrite(doc, items);
        const rags = ['green', 'amber', 'red'] as const;
        const entries = Object.fromEntries(
          actions.map((a, i) => [a.id, { status: a.status, rag: rags[i % rags.length]! }]),
        );
        await editor.snapshots.close(planId, MAY, entries);
      }
    }),
  );
  for (let c = 0; c < COUNCILS; c++) {
    const councilId = `bench-c${c + 1}`;
    await directory.invite('bench-shared-service', councilId, SEEDER);
    // The seeder is no member: a system actor (an admin's consent needs their member record).
    const admin = new TenantStore(doc, TABLE, tenantContext(councilId, 'system', SEEDER));
    await new ConsentRepo(admin).change('bench-shared-service', { status: 'granted', scope: 'all' });
  }
  return (await directory.get('bench-shared-service'))!;
}

/** The council dashboard route for one council: its own reads and maths (`councilDashboard`). */
async function dashboardOf(doc: DynamoDBDocumentClient, councilId: string): Promise<Dashboard> {
  const data = new CouncilData(doc, TABLE, tenantContext(councilId, 'viewer', READER));
  const council = await data.council.get();
  return (await councilDashboard(data, { today: TODAY, rules: council.ragRules })).dashboard;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** The figures every way of counting must agree on, or the timings compare different work. */
function figures(o: PartnershipOverview) {
  const { actions, overdue, slipping, stale, dueSoon, travel } = o.totals;
  return { councils: o.councils.length, actions, overdue, slipping, stale, dueSoon, worse: travel.worse };
}

export async function run(): Promise<BenchResult[]> {
  const ddb = await startDynamoDbLocal();
  try {
    const doc = createDocClient({ endpoint: ddb.endpoint });
    await ensureTable(doc as never, TABLE);
    const partnership = await seed(doc);
    const source = (concurrency?: number): PartnershipSource => ({
      directory: new PartnershipsRepo(doc, TABLE),
      readerFor: partnerReaders(async () => doc, TABLE),
      concurrency,
    });

    const overview = async (concurrency?: number) =>
      buildOverview(partnership, await loadCouncilBoards(source(concurrency), partnership, READER), TODAY);
    const oneByOne = () => overview(1);
    // How the overview counted before boards: every shared plan's actions and milestones read and judged.
    const fromItems = async () => {
      const councils = await loadSharedCouncils(source(), partnership, READER);
      return councils.map((c) => buildDashboard(c.plans, TODAY, c.ragRules));
    };
    const sequential = async () => {
      const out: Dashboard[] = [];
      for (const councilId of partnership.memberCouncilIds) out.push(await dashboardOf(doc, councilId));
      return out;
    };

    // Every way must see the same plans and count them the same, or the comparison means nothing.
    const o = await overview();
    const want = { councils: COUNCILS, actions: COUNCILS * PLANS_PER_COUNCIL * ACTIONS_PER_PLAN };
    if (o.councils.length !== want.councils || o.totals.actions !== want.actions) {
      throw new Error(`overview saw ${JSON.stringify(figures(o))}, want ${JSON.stringify(want)}`);
    }
    if (JSON.stringify(figures(await oneByOne())) !== JSON.stringify(figures(o))) {
      throw new Error('the overview counted differently one council at a time');
    }
    const dashboards = await sequential();
    const sum = (f: (d: Dashboard) => number) => dashboards.reduce((n, d) => n + f(d), 0);
    const fromDashboards = {
      actions: sum((d) => d.plans.reduce((m, p) => m + p.total, 0)),
      overdue: sum((d) => d.overdue.length),
      slipping: sum((d) => d.slipping.length),
      stale: sum((d) => d.stale.length),
      dueSoon: sum((d) => d.dueSoon.length),
      worse: sum((d) => d.plans.reduce((m, p) => m + (p.travel?.counts.worse ?? 0), 0)),
    };
    const { councils: _c, ...fromOverview } = figures(o);
    if (JSON.stringify(fromDashboards) !== JSON.stringify(fromOverview)) {
      throw new Error(
        `dashboards ${JSON.stringify(fromDashboards)} ≠ overview ${JSON.stringify(fromOverview)}`,
      );
    }
    if (fromOverview.worse === 0 || fromOverview.overdue === 0) throw new Error('the data exercises nothing');

    // Interleaved, so that drift in the emulator (JIT, GC) hits every variant alike.
    const runs = {
      overview: [] as number[],
      oneByOne: [] as number[],
      fromItems: [] as number[],
      sequential: [] as number[],
    };
    const variants: Array<[keyof typeof runs, () => Promise<unknown>]> = [
      ['overview', () => overview()],
      ['oneByOne', oneByOne],
      ['fromItems', fromItems],
      ['sequential', sequential],
    ];
    for (let i = 0; i < 7; i++) {
      for (const [name, fn] of variants) {
        const t = performance.now();
        await fn();
        runs[name].push(performance.now() - t);
      }
    }
    const m = Object.fromEntries(Object.entries(runs).map(([k, v]) => [k, median(v)])) as Record<
      keyof typeof runs,
      number
    >;
    return [
      {
        name: `overview, ${COUNCILS} councils × ${PLANS_PER_COUNCIL * ACTIONS_PER_PLAN} actions (median of 7)`,
        value: m.overview,
        unit: 'ms',
      },
      { name: 'the same dashboards, one council after another', value: m.sequential, unit: 'ms' },
      {
        name: 'overview / sequential dashboards',
        value: m.overview / m.sequential,
        unit: 'ratio',
        goal: '≤ 0.5',
      },
      {
        name: 'overview, councils one at a time / in parallel',
        value: m.oneByOne / m.overview,
        unit: 'ratio',
      },
      { name: 'overview counted from the plans’ items (before boards)', value: m.fromItems, unit: 'ms' },
      { name: 'from items / from boards', value: m.fromItems / m.overview, unit: 'ratio' },
    ];
  } finally {
    await ddb.stop();
  }
}
