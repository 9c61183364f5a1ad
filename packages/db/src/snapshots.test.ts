import { randomBytes } from 'node:crypto';
import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { freshTable } from '../../../test/support/dynamo.js';
import { calendarFeedsOf, hashFeedToken } from './calendar-feeds.js';
import { createDocClient } from './client.js';
import { CouncilData } from './council-data.js';
import { councilPk, sk } from './keys.js';
import { provisionCouncil } from './provisioning.js';
import { SecretLinksRepo } from './secret-links.js';
import { decodeEntries, encodeEntries, type SnapshotEntry, SnapshotsRepo } from './snapshots.js';
import { tenantContext } from './tenant.js';

const period = (
  key: string,
  kind: 'mid-year' | 'year-end' | 'month' | 'quarter',
  start: string,
  end: string,
) => ({
  key,
  label: key,
  kind,
  start,
  end,
  asOf: end,
});
const id = (n: number) => `01J${String(n).padStart(23, '0')}`;
const entries = (n: number, f: (i: number) => SnapshotEntry) =>
  Object.fromEntries(Array.from({ length: n }, (_, i) => [id(i), f(i)]));

describe('period snapshots and calendar feeds on DynamoDB Local', () => {
  const doc = createDocClient({ endpoint: inject('dynamoEndpoint') });
  let tableName: string;
  let drop: () => Promise<void>;
  let harrow: CouncilData;
  let planId: string;

  beforeAll(async () => {
    const t = await freshTable();
    tableName = t.tableName;
    drop = t.drop;
    await provisionCouncil(doc, tableName, { id: 'harrow', name: 'Harrow' });
    harrow = new CouncilData(doc, tableName, tenantContext('harrow', 'editor', { sub: 'u1', name: 'Ed' }));
    const { plan } = await harrow.plans.create({
      title: 'P',
      kind: 'business-plan',
      period: {},
      status: 'active',
      reviewCadence: 'quarterly',
      reportingPoints: [],
      sections: [],
      themes: [],
    });
    planId = plan.id;
  });
  afterAll(() => drop());

  it('encodes entries compactly and decodes them back; rejects corruption', () => {
    const e = entries(3, (i) => ({ status: i ? 'on-track' : 'off-track', rag: i ? 'green' : 'red' }));
    const text = encodeEntries(Object.entries(e));
    expect(text.length).toBeLessThan(3 * 50);
    expect(decodeEntries(text)).toEqual(e);
    expect(() => decodeEntries('X:on-track:purple')).toThrow(/corrupt/);
  });

  it('closes a period once: a second close returns the first snapshot unchanged, and it is audited', async () => {
    const p = period('2013-Q1', 'quarter', '2013-04-01', '2013-06-30');
    const first = await harrow.snapshots.close(
      planId,
      p,
      entries(5, () => ({ status: 'on-track', rag: 'green' })),
    );
    expect(first.created).toBe(true);
    expect(first.snapshot).toMatchObject({
      actionCount: 5,
      byStatus: { 'on-track': 5 },
      byRag: { green: 5 },
    });
    const again = await harrow.snapshots.close(
      planId,
      p,
      entries(5, () => ({ status: 'off-track', rag: 'red' })),
    );
    expect(again.created).toBe(false);
    expect(Object.values(again.snapshot.entries).every((e) => e.rag === 'green')).toBe(true);
    const audit = await harrow.audit();
    expect(audit.items.filter((a) => a.entityType === 'period-snapshot')).toHaveLength(1);
  });

  it('splits a large snapshot into parts inside one transaction and reads it whole', async () => {
    const small = new SnapshotsRepo(harrow.store, 100);
    const big = entries(450, (i) => ({
      status: i % 2 ? 'at-risk' : 'completed',
      rag: i % 2 ? 'amber' : 'blue',
    }));
    const p = period('2013-05', 'month', '2013-05-01', '2013-05-31');
    await small.close(planId, p, big);
    const parts = await doc.send(
      new QueryCommand({
        TableName: tableName,
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :p)',
        ExpressionAttributeValues: { ':pk': councilPk('harrow'), ':p': sk.snapshotPartPrefix(planId, p.key) },
      }),
    );
    expect(parts.Items).toHaveLength(5);
    expect((await small.get(planId, p.key))?.entries).toEqual(big);
    const history = await small.history(planId);
    expect(history.find((s) => s.key === p.key)?.entries).toEqual(big);
  });

  it('freezes a report model with the snapshot, in parts when large, and reopening removes it all', async () => {
    const model = { title: 'Frozen', text: randomBytes(600_000).toString('base64') };
    const facts = {
      overdueActions: 1,
      milestones: { total: 2, completed: 1, overdue: 0 },
      exceptions: 1,
      themes: [],
    };
    const p = period('2012-11', 'month', '2012-11-01', '2012-11-30');
    const { snapshot } = await harrow.snapshots.close(
      planId,
      p,
      entries(2, () => ({ status: 'on-track', rag: 'green' })),
      {
        model,
        facts,
        comparedWith: { key: 'year-end-2012-13', label: 'Year-end 2012-13' },
      },
    );
    expect(snapshot.frozen!.parts).toBeGreaterThan(1);
    const meta = (await harrow.snapshots.meta(planId, '2012-11'))!;
    expect(meta).toMatchObject({ facts, frozen: snapshot.frozen, comparedWith: { key: 'year-end-2012-13' } });
    expect(await harrow.snapshots.frozenModel(planId, meta)).toEqual(model);
    // Listing a plan's periods never reads the frozen bytes: they sit outside the plan's key range.
    const raw = await harrow.store.queryAllRaw(sk.planChildren(planId));
    expect(raw.some((i) => i.type === 'frozen-report')).toBe(false);

    const admin = new CouncilData(
      doc,
      tableName,
      tenantContext('harrow', 'admin', { sub: 'a1', name: 'Ad' }),
    );
    const reopened = await admin.snapshots.reopen(planId, '2012-11', 'Figures corrected');
    expect(reopened).toMatchObject({
      key: '2012-11',
      reason: 'Figures corrected',
      reopenedBy: { name: 'Ad' },
    });
    expect(await harrow.snapshots.meta(planId, '2012-11')).toBeUndefined();
    const left = await harrow.store.queryAllRaw(`FROZEN#${planId}#2012-11#`);
    expect(left).toEqual([]);
    const [event] = (await harrow.audit({ limit: 1 })).items;
    expect(event).toMatchObject({
      operation: 'delete',
      entityType: 'period-snapshot',
      after: { reason: 'Figures corrected' },
    });
    await expect(admin.snapshots.reopen(planId, '2012-11', 'again')).rejects.toMatchObject({
      code: 'not-found',
    });
  });

  it('lists periods by end date and picks the period to compare with', async () => {
    await harrow.snapshots.close(
      planId,
      period('year-end-2012-13', 'year-end', '2012-04-01', '2013-03-31'),
      {},
    );
    await harrow.snapshots.close(planId, period('2013-03', 'month', '2013-03-01', '2013-03-31'), {});
    const keys = (await harrow.snapshots.list(planId)).map((s) => s.key);
    expect(keys).toEqual(['year-end-2012-13', '2013-03', '2013-05', '2013-Q1']);
    const prev = (p: ReturnType<typeof period>) => harrow.snapshots.previous(planId, p).then((s) => s?.key);
    // Same end date: the same kind wins, else the longer period.
    expect(await prev(period('2013-04', 'month', '2013-04-01', '2013-04-30'))).toBe('2013-03');
    expect(await prev(period('mid-year-2012-13', 'mid-year', '2013-04-01', '2013-04-30'))).toBe(
      'year-end-2012-13',
    );
    // Never the period itself; the latest closed period ending before this one ends.
    expect(await prev(period('2013-Q1', 'quarter', '2013-04-01', '2013-06-30'))).toBe('2013-05');
    expect(await prev(period('2012-12', 'month', '2012-12-01', '2012-12-31'))).toBeUndefined();
  });

  it('refuses to snapshot a plan that does not exist', async () => {
    await expect(
      harrow.snapshots.close(id(999), period('2013-06', 'month', '2013-06-01', '2013-06-30'), {}),
    ).rejects.toMatchObject({ code: 'not-found' });
  });

  it('keeps only a hash of a feed token; a new feed revokes the old; revoking ends it', async () => {
    const person = await harrow.people.create({ name: 'Anne' });
    const feeds = calendarFeedsOf(harrow);
    const links = new SecretLinksRepo(doc, tableName);
    const one = await feeds.create('person', person.id, links);
    expect(one.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const stored = await doc.send(
      new GetCommand({
        TableName: tableName,
        Key: { PK: councilPk('harrow'), SK: sk.calendarFeed(hashFeedToken(one.token)) },
      }),
    );
    expect(JSON.stringify(stored.Item)).not.toContain(one.token);
    expect((await feeds.resolve(one.token))?.subjectId).toBe(person.id);
    // Its lookup outside the council names the council (and holds no token either).
    expect(await links.resolve(one.token, 'calendar-feed')).toMatchObject({
      councilId: 'harrow',
      kind: 'calendar-feed',
      scope: 'person',
      subjectId: person.id,
    });
    expect(await links.resolve(one.token, 'alert-link')).toBeUndefined();

    const two = await feeds.create('person', person.id, links);
    expect(await feeds.resolve(one.token)).toBeUndefined();
    expect(await links.resolve(one.token, 'calendar-feed')).toBeUndefined();
    expect((await feeds.resolve(two.token))?.scope).toBe('person');

    await feeds.revoke('person', person.id, links);
    expect(await feeds.resolve(two.token)).toBeUndefined();
    expect(await links.resolve(two.token, 'calendar-feed')).toBeUndefined();
    await expect(feeds.revoke('person', person.id, links)).rejects.toMatchObject({
      code: 'not-found',
    });
    expect(await feeds.resolve('not a token')).toBeUndefined();
  });
});
