import { randomUUID } from 'node:crypto';
import { DeleteTableCommand } from '@aws-sdk/client-dynamodb';
import { createDocClient, PartnershipsRepo } from '@peopleplan/db';
import { DEMO_COUNCILS, DEMO_PARTNERSHIP } from '@peopleplan/devstack';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type LocalStack, startLocalStack } from '../../scripts/local-stack.js';
import { localClient } from '../support/dynamo.js';

/** The demo partnership as `npm start` serves it: real HTTP, real tokens, seeded demo data. */
describe('demo partnership on the local stack', () => {
  let stack: LocalStack;
  const tableName = `t-${randomUUID()}`;
  const P = `/api/v1/partnerships/${DEMO_PARTNERSHIP.id}`;

  const get = async (path: string, email = 'partner@hr-shared-service.demo') => {
    const token = await stack.idp.tokenFor(email);
    const res = await fetch(`${stack.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
    return { status: res.status, body: (await res.json()) as any };
  };

  beforeAll(async () => {
    stack = await startLocalStack({ port: 0, dynamoEndpoint: inject('dynamoEndpoint'), tableName });
  }, 300_000);
  afterAll(async () => {
    await stack?.stop();
    await localClient().send(new DeleteTableCommand({ TableName: tableName }));
  });

  it('shows the partner reader Harrow and East Herts, with their seeded plans, and no other council', async () => {
    const r = await get(`${P}/overview`);
    expect(r.status).toBe(200);
    const names = Object.fromEntries(DEMO_COUNCILS.map((c) => [c.id, c.name]));
    expect(r.body.councils.map((c: { councilId: string }) => c.councilId).sort()).toEqual(
      [...DEMO_PARTNERSHIP.memberCouncilIds].sort(),
    );
    for (const row of r.body.councils) {
      expect(row.councilName).toBe(names[row.councilId]);
      expect(row.actions).toBeGreaterThan(0);
      expect(row.sharedPlans.length).toBeGreaterThan(0);
    }
    const json = JSON.stringify(r.body);
    for (const other of DEMO_COUNCILS.filter(
      (c) => !(DEMO_PARTNERSHIP.memberCouncilIds as readonly string[]).includes(c.id),
    )) {
      expect(json).not.toContain(other.id);
      expect(json).not.toContain(other.name);
    }

    const harrow = r.body.councils.find((c: { councilId: string }) => c.councilId === 'harrow');
    const plan = await get(`${P}/councils/harrow/plans/${harrow.sharedPlans[0].planId}`);
    expect(plan.status).toBe(200);
    expect(plan.body.actions.length).toBe(harrow.actions);

    const milestones = await get(`${P}/milestones`);
    expect(milestones.status).toBe(200);
    // East Herts' peer review keeps its deadlines on actions: its overdue actions are listed too.
    const eastHertsActions = milestones.body.items.filter(
      (i: { councilId: string; kind: string }) => i.councilId === 'east-herts' && i.kind === 'action',
    );
    expect(eastHertsActions.length).toBeGreaterThanOrEqual(15);
    const kind = harrow.sharedPlans[0].kind;
    expect(kind).toBe('people-strategy');
    const cmp = await get(`${P}/compare?kind=${kind}`);
    // Side by side: both councils have a people strategy in the demo, with theme rows that line up.
    expect(cmp.body.plans.map((p: { councilId: string }) => p.councilId).sort()).toEqual([
      'east-herts',
      'harrow',
    ]);
    expect(cmp.body.themeRows.filter((r: { cells: unknown[] }) => r.cells.every(Boolean)).length).toBe(5);
  });

  it('lets each member’s admin see the consent the demo granted, and keeps other councils out', async () => {
    const consents = await get('/api/v1/councils/east-herts/partnerships', 'admin@east-herts.demo');
    expect(consents.body.items).toMatchObject([
      { partnershipId: DEMO_PARTNERSHIP.id, status: 'granted', scope: 'all' },
    ]);
    expect((await get(`${P}/overview`, 'admin@kent.demo')).status).toBe(404);
  });

  it('registers the demo partner reader for the weekly digest', async () => {
    const doc = createDocClient({ endpoint: stack.dynamoEndpoint });
    const readers = await new PartnershipsRepo(doc, tableName).readers(DEMO_PARTNERSHIP.id);
    expect(readers.map((r) => [r.email, r.weeklyDigest])).toEqual([['partner@hr-shared-service.demo', true]]);
    expect(await new PartnershipsRepo(doc, tableName).ids()).toEqual([DEMO_PARTNERSHIP.id]);
  });
});
