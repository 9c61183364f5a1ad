import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { freshTable } from '../../../test/support/dynamo.js';
import { createDocClient } from './client.js';
import { CouncilData } from './council-data.js';
import { provisionCouncil } from './provisioning.js';
import { TABLE } from './table.js';
import { tenantContext } from './tenant.js';

const PLAN = {
  title: 'Plan',
  kind: 'business-plan' as const,
  period: {},
  status: 'active' as const,
  reviewCadence: 'quarterly' as const,
  reportingPoints: [],
  sections: [],
  themes: [],
};
const june = { text: 'June 2027', kind: 'date' as const, due: '2027-06-30', precision: 'month' as const };

describe('repositories on DynamoDB Local', () => {
  const doc = createDocClient({ endpoint: inject('dynamoEndpoint') });
  let tableName: string;
  let drop: () => Promise<void>;
  let harrow: CouncilData;

  beforeAll(async () => {
    const t = await freshTable();
    tableName = t.tableName;
    drop = t.drop;
    await provisionCouncil(doc, tableName, { id: 'harrow', name: 'Harrow' });
    harrow = new CouncilData(
      doc,
      tableName,
      tenantContext('harrow', 'editor', { sub: 'u1', name: 'Editor' }),
    );
  });
  afterAll(() => drop());

  const dueIndex = async () => {
    const ix = TABLE.indexes.due;
    const out: Record<string, unknown>[] = [];
    for (let shard = 0; shard < TABLE.dueShards; shard++) {
      const r = await doc.send(
        new QueryCommand({
          TableName: tableName,
          IndexName: ix.name,
          KeyConditionExpression: 'DUEPK = :pk',
          ExpressionAttributeValues: { ':pk': `DUE#${shard}` },
        }),
      );
      out.push(...(r.Items ?? []));
    }
    return out;
  };

  it('keeps only open, dated items in the sparse due index', async () => {
    const { plan } = await harrow.plans.create({ ...PLAN, title: 'P' });
    const dated = await harrow.actions.create(plan.id, {
      ref: '1',
      title: 'Dated',
      leads: [],
      status: 'on-track',
      due: june,
      crossRefs: [],
    });
    await harrow.actions.create(plan.id, {
      ref: '2',
      title: 'Undated',
      leads: [],
      status: 'on-track',
      crossRefs: [],
    });
    const ms = await harrow.milestones.create(dated.id, {
      ref: 'A',
      title: 'M',
      due: june,
      linkedActionIds: [],
      status: 'not-started',
    });

    let ids = (await dueIndex()).map((i) => i.id);
    expect(ids.sort()).toEqual([dated.id, ms.id].sort());
    const entry = (await dueIndex()).find((i) => i.id === ms.id)!;
    expect(entry.DUESK).toBe(`2027-06-30#C#harrow#${ms.id}`);

    await harrow.milestones.update(ms.id, { version: ms.version, status: 'completed' });
    ids = (await dueIndex()).map((i) => i.id);
    expect(ids).toEqual([dated.id]);
    const completed = await harrow.milestones.get(ms.id);
    expect(completed.completedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('clears a field sent as null: an action’s due date, a reopened milestone’s completed date', async () => {
    const { plan } = await harrow.plans.create({ ...PLAN, title: 'Nulls' });
    const a = await harrow.actions.create(plan.id, {
      ref: '1',
      title: 'A',
      leads: [],
      status: 'on-track',
      due: june,
      crossRefs: [],
    });
    const cleared = await harrow.actions.update(a.id, { version: a.version, due: null });
    expect(cleared.due).toBeUndefined();
    expect((await harrow.actions.get(a.id)).due).toBeUndefined();
    expect((await dueIndex()).map((i) => i.id)).not.toContain(a.id);

    const m = await harrow.milestones.create(a.id, {
      ref: 'A',
      title: 'M',
      due: june,
      linkedActionIds: [],
      status: 'on-track',
    });
    const done = await harrow.milestones.update(m.id, { version: m.version, status: 'completed' });
    expect(done.completedOn).toBeDefined();
    const reopened = await harrow.milestones.update(m.id, {
      version: done.version,
      status: 'at-risk',
      completedOn: null,
    });
    expect(reopened.completedOn).toBeUndefined();
    expect((await harrow.milestones.get(m.id)).status).toBe('at-risk');
  });

  it('writes nothing, not even the audit event, when a conditional write fails', async () => {
    const before = (await harrow.audit({ limit: 200 })).items.length;
    const { plan } = await harrow.plans.create({
      title: 'Q',
      kind: 'peer-review',
      period: {},
      status: 'draft',
      reviewCadence: 'quarterly',
      reportingPoints: [],
      sections: [],
      themes: [],
    });
    await expect(harrow.plans.update(plan.id, { version: 7, title: 'stale' })).rejects.toMatchObject({
      code: 'conflict',
    });
    const events = (await harrow.audit({ limit: 200 })).items;
    expect(events.length).toBe(before + 1);
    expect((await harrow.plans.get(plan.id)).title).toBe('Q');
  });

  it('a viewer context cannot write even if a route forgot to check', async () => {
    const viewer = new CouncilData(
      doc,
      tableName,
      tenantContext('harrow', 'viewer', { sub: 'v', name: 'V' }),
    );
    await expect(viewer.people.create({ name: 'X' })).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('keys every item under the context’s council: another council’s context sees none of it', async () => {
    await provisionCouncil(doc, tableName, { id: 'kent', name: 'Kent' });
    const kent = new CouncilData(doc, tableName, tenantContext('kent', 'admin', { sub: 'k', name: 'K' }));
    const harrowPlans = await harrow.plans.list();
    expect(harrowPlans.items.length).toBeGreaterThan(0);
    expect((await kent.plans.list()).items).toEqual([]);
    await expect(kent.plans.get(harrowPlans.items[0]!.id)).rejects.toMatchObject({ code: 'not-found' });
  });
});
