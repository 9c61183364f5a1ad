import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { buildDashboard, type Dashboard, type PlanData } from '@peopleplan/core';
import { BOARD_SHARDS, boardShard, CouncilData, councilPk, sk, tenantContext } from '@peopleplan/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorld, TODAY, type World } from '../support/world.js';

/**
 * The council dashboard is counted from plan boards and reads only the listed items' display fields
 * (packages/db dashboard-data.ts). It must answer exactly what it answered when it read every plan
 * whole: this builds it that way too, on the seeded test world and after edits, and compares.
 */
describe('the dashboard from boards is the dashboard from whole plans', () => {
  let world: World;
  let data: CouncilData;
  const C = 'harrow';
  const base = `/api/v1/councils/${C}`;
  const editor = `editor@${C}.test`;
  const date = (due: string) => ({ text: due, kind: 'date', due, precision: 'day' });

  const ok = async (method: string, path: string, body?: unknown, as = editor) => {
    const r = await world.api.call(method, path, { as, ...(body === undefined ? {} : { body }) });
    if (r.status >= 300) throw new Error(`${method} ${path}: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  };

  /** The dashboard as the route built it before boards: every plan read whole (dashboardPlans). */
  async function fromWholePlans(days: number): Promise<Dashboard> {
    const council = await data.council.get();
    const plans = (await data.plans.listAll()).filter((p) => p.status !== 'archived');
    const whole: PlanData[] = await Promise.all(
      plans.map(async (p) => {
        const [tree, last] = await Promise.all([data.plans.tree(p.id), data.snapshots.latest(p.id)]);
        const rags = last && Object.fromEntries(Object.entries(last.entries).map(([id, e]) => [id, e.rag]));
        return { ...tree, ...(last && rags && { lastPeriod: { label: last.label, rags } }) };
      }),
    );
    // And the directorates the plans name, for the page's choice (db dashboard-data.ts).
    const directorates = [
      ...new Set(plans.flatMap((p) => (p.directorate?.trim() ? [p.directorate.trim()] : []))),
    ];
    return {
      ...buildDashboard(whole, TODAY, council.ragRules, { dueSoonDays: days }),
      directorates: directorates.sort((a, b) => a.localeCompare(b, 'en')),
    };
  }

  async function expectSame(): Promise<Dashboard> {
    let body: Dashboard | undefined;
    for (const days of [30, 60, 365]) {
      body = (await ok('GET', `${base}/dashboard?days=${days}`, undefined, `viewer@${C}.test`)) as Dashboard;
      // Same items in the same order: compared as the JSON the web receives.
      expect(JSON.stringify(body)).toBe(JSON.stringify(await fromWholePlans(days)));
    }
    return body!;
  }

  const boardFrom = async (planId: string) => (await data.boards.states(planId)).from;

  beforeAll(async () => {
    world = await createWorld();
    data = new CouncilData(
      world.api.doc,
      world.api.tableName,
      tenantContext(C, 'system', { sub: 'system:test', name: 'Test' }),
    );
  }, 120_000);
  afterAll(async () => {
    await world?.api.drop();
  });

  it('on the seeded world', async () => {
    const d = await expectSame();
    expect(d.plans.length).toBeGreaterThan(0);
    for (const p of world.ids[C].plan) expect(await boardFrom(p)).toBe('board');
  });

  it('with every list filled, sub-actions, a second theme and no theme', async () => {
    const planId = world.ids[C].plan[0]!;
    const second = await ok('POST', `${base}/plans/${planId}/themes`, { ref: '2', title: 'Second theme' });
    const themeId = world.ids[C].theme[0]!;
    const lead = [{ role: 'responsible', label: 'Head of HR' }];
    const made: string[] = [];
    for (const [n, due, theme] of [
      [1, '2026-10-01', themeId],
      [2, '2026-10-01', second.id],
      [3, '2026-12-01', undefined],
      [4, '2027-06-30', second.id],
    ] as const) {
      const a = await ok('POST', `${base}/plans/${planId}/actions`, {
        ref: `9.${n}`,
        title: `Extra action ${n}`,
        leads: lead,
        due: date(due),
        ...(theme && { themeId: theme }),
      });
      made.push(a.id);
      await ok('POST', `${base}/actions/${a.id}/milestones`, {
        ref: 'A',
        title: `Step ${n}`,
        due: date(due),
      });
    }
    // A sub-action (rolls up into its parent) and an overridden RAG.
    await ok('POST', `${base}/plans/${planId}/actions`, {
      ref: '9.1.1',
      title: 'Sub-action',
      parentId: made[0],
      themeId,
      due: date('2026-09-01'),
    });
    const a4 = await ok('GET', `${base}/actions/${made[3]}`);
    await ok('PATCH', `${base}/actions/${made[3]}`, {
      version: a4.version,
      ragOverride: { rag: 'amber', reason: 'Funding not yet agreed' },
    });
    const d = await expectSame();
    expect(d.overdue.length).toBeGreaterThan(2);
    expect(d.dueSoon.length).toBeGreaterThan(0);
    expect(d.plans.find((p) => p.planId === planId)!.themes.map((t) => t.title)).toContain('No theme');
  });

  it('after an action moves theme with its sub-actions', async () => {
    const planId = world.ids[C].plan[0]!;
    const contents = await ok('GET', `${base}/plans/${planId}/contents`);
    const parent = contents.actions.find((a: { title: string }) => a.title === 'Extra action 1');
    const second = contents.themes.find((t: { title: string }) => t.title === 'Second theme');
    await ok('PATCH', `${base}/actions/${parent.id}`, { version: parent.version, themeId: second.id });
    const d = await expectSame();
    const themes = d.plans.find((p) => p.planId === planId)!.themes;
    // The parent and its sub-action now count under the second theme.
    expect(themes.find((t) => t.themeId === second.id)!.total).toBe(4);
    const back = await ok('GET', `${base}/actions/${parent.id}`);
    await ok('PATCH', `${base}/actions/${parent.id}`, { version: back.version, themeId: null });
    await expectSame();
  });

  it('after progress updates and a re-baselined milestone', async () => {
    const actionId = world.ids[C].action[1]!;
    await ok('POST', `${base}/actions/${actionId}/updates`, { narrative: 'Behind', status: 'at-risk' });
    const msId = world.ids[C].milestone[1]!;
    const m = await ok('GET', `${base}/milestones/${msId}`);
    await ok('PATCH', `${base}/milestones/${msId}`, {
      version: m.version,
      due: date('2027-02-28'),
      rebaselineReason: 'Supplier delayed',
    });
    const d = await expectSame();
    expect(d.slipping.map((i) => i.id)).toContain(msId);
  });

  it('when a board is incomplete (an entry in an older shape), counted from items until repaired', async () => {
    const planId = world.ids[C].plan[0]!;
    const actionId = world.ids[C].action[0]!;
    // The entry as a release before theme counts wrote it: six fields, no theme.
    await world.api.doc.send(
      new UpdateCommand({
        TableName: world.api.tableName,
        Key: { PK: councilPk(C), SK: sk.board(planId, boardShard(actionId)) },
        UpdateExpression: 'SET #e = :v',
        ExpressionAttributeNames: { '#e': `a_${actionId}` },
        ExpressionAttributeValues: { ':v': 'on-track||||2026-11-01|' },
      }),
    );
    expect(await boardFrom(planId)).toBe('items');
    await expectSame();
    expect(await data.boards.repair(planId)).toEqual({ added: 0, corrected: 1, completed: 0 });
    expect(await boardFrom(planId)).toBe('board');
    await expectSame();
    expect(BOARD_SHARDS).toBeGreaterThan(1);
  });
});
