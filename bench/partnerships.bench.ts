/**
 * Partnership overview speed: 12 consenting councils × 300 actions each on a DynamoDB Local started
 * here. The overview (consent checks, every shared plan read through each council's session, councils
 * in parallel) is timed against the same per-council dashboard reads done one council after another,
 * as a partner would get by opening each council's dashboard in turn. Goal: ratio ≤ 0.5.
 */
import { BatchWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { buildDashboard, DEFAULT_RAG_RULES, type Partnership } from '@peopleplan/core';
import {
  ConsentRepo,
  CouncilData,
  createDocClient,
  dueIndexAttributes,
  newId,
  PartnershipsRepo,
  planIndexAttributes,
  provisionCouncil,
  sk,
  TenantStore,
  tenantContext,
} from '@peopleplan/db';
import { ensureTable } from '@peopleplan/db/create-table';
import { startDynamoDbLocal } from '@peopleplan/devstack';
import { buildOverview, loadSharedCouncils } from '@peopleplan/partnerships';
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

/** One plan's items as the repositories write them: theme, actions with a milestone and an update each. */
function planItems(councilId: string, p: number): Array<Record<string, unknown>> {
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
  for (let i = 0; i < ACTIONS_PER_PLAN; i++) {
    const actionId = newId();
    const status = STATUSES[i % STATUSES.length]!;
    const due = day(60 + ((i * 7) % 360));
    const open = status !== 'completed';
    const at = `${day((i * 3) % 160)}T10:00:00.000Z`;
    items.push({
      PK: pk,
      SK: sk.action(planId, actionId),
      type: 'action',
      id: actionId,
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
      ...dueIndexAttributes(councilId, actionId, due, open),
    });
    const msId = newId();
    const msDue = day(30 + ((i * 11) % 330));
    const baseline = i % 5 === 0 ? day(20 + ((i * 11) % 330)) : msDue;
    items.push({
      PK: pk,
      SK: sk.milestone(planId, actionId, msId),
      type: 'milestone',
      id: msId,
      planId,
      actionId,
      linkedActionIds: [],
      ref: 'A',
      title: `Milestone for action ${i + 1}`,
      due: date(msDue),
      baselineDue: date(baseline),
      status: open ? 'on-track' : 'completed',
      ...stamp,
      ...dueIndexAttributes(councilId, msId, msDue, open),
    });
    items.push({
      PK: pk,
      SK: sk.update(planId, actionId, newId()),
      type: 'update',
      id: newId(),
      planId,
      actionId,
      authorSub: 'bench',
      authorName: 'Officer',
      at,
      period: at.slice(0, 7),
      narrative: 'Progress as planned. The next step is agreed with the service leads and reported monthly.',
      status,
    });
  }
  return items;
}

async function batchWrite(doc: DynamoDBDocumentClient, items: Array<Record<string, unknown>>) {
  const chunks: Array<Array<Record<string, unknown>>> = [];
  for (let i = 0; i < items.length; i += 25) chunks.push(items.slice(i, i + 25));
  for (const chunk of chunks) {
    let pending: Array<{ PutRequest: { Item: Record<string, unknown> } }> = chunk.map((Item) => ({
      PutRequest: { Item },
    }));
    while (pending.length) {
      const r = await doc.send(new BatchWriteCommand({ RequestItems: { [TABLE]: pending } }));
      pending = (r.UnprocessedItems?.[TABLE] as typeof pending | undefined) ?? [];
    }
  }
}

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
      for (let p = 0; p < PLANS_PER_COUNCIL; p++) await batchWrite(doc, planItems(councilId, p));
    }),
  );
  for (let c = 0; c < COUNCILS; c++) {
    const councilId = `bench-c${c + 1}`;
    await directory.invite('bench-shared-service', councilId, SEEDER);
    const admin = new TenantStore(doc, TABLE, tenantContext(councilId, 'admin', SEEDER));
    await new ConsentRepo(admin).change('bench-shared-service', { status: 'granted', scope: 'all' });
  }
  return (await directory.get('bench-shared-service'))!;
}

/** What the council dashboard route does for one council (functions/api/src/routes/council.ts). */
async function councilDashboard(doc: DynamoDBDocumentClient, councilId: string) {
  const data = new CouncilData(doc, TABLE, tenantContext(councilId, 'viewer', READER));
  const council = await data.council.get();
  const plans = [];
  let cursor: string | undefined;
  do {
    const page = await data.plans.list(cursor ? { cursor } : {});
    plans.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  const trees = await Promise.all(
    plans.filter((p) => p.status !== 'archived').map((p) => data.plans.tree(p.id)),
  );
  return buildDashboard(trees, TODAY, council.ragRules ?? DEFAULT_RAG_RULES);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function run(): Promise<BenchResult[]> {
  const ddb = await startDynamoDbLocal();
  try {
    const doc = createDocClient({ endpoint: ddb.endpoint });
    await ensureTable(doc as never, TABLE);
    const partnership = await seed(doc);
    const source = { tableName: TABLE, directory: doc, readFor: async () => doc };

    const overview = async () => {
      const councils = await loadSharedCouncils(source, partnership, READER);
      return buildOverview(partnership, councils, TODAY);
    };
    const sequential = async () => {
      const out = [];
      for (const councilId of partnership.memberCouncilIds) out.push(await councilDashboard(doc, councilId));
      return out;
    };

    // Both must see the same data, or the comparison means nothing.
    const o = await overview();
    const s = await sequential();
    const seqActions = s.reduce((n, d) => n + d.plans.reduce((m, p) => m + p.total, 0), 0);
    if (
      o.councils.length !== COUNCILS ||
      o.totals.actions !== COUNCILS * PLANS_PER_COUNCIL * ACTIONS_PER_PLAN
    ) {
      throw new Error(`overview saw ${o.councils.length} councils, ${o.totals.actions} actions`);
    }
    if (seqActions !== o.totals.actions) throw new Error(`sequential saw ${seqActions} actions`);

    // Alternate the two so that drift in the emulator (JIT, GC) hits both alike.
    const tOverview: number[] = [];
    const tSequential: number[] = [];
    for (let i = 0; i < 7; i++) {
      let t = performance.now();
      await overview();
      tOverview.push(performance.now() - t);
      t = performance.now();
      await sequential();
      tSequential.push(performance.now() - t);
    }
    const ov = median(tOverview);
    const seq = median(tSequential);
    return [
      {
        name: `overview, ${COUNCILS} councils × ${PLANS_PER_COUNCIL * ACTIONS_PER_PLAN} actions (median of 7)`,
        value: ov,
        unit: 'ms',
      },
      { name: 'same dashboards one council after another (median of 7)', value: seq, unit: 'ms' },
      { name: 'overview / sequential dashboards', value: ov / seq, unit: 'ratio', goal: '≤ 0.5' },
    ];
  } finally {
    await ddb.stop();
  }
}
