import {
  alertsOf,
  ConsentRepo,
  CouncilData,
  createDocClient,
  PartnershipsRepo,
  partnerReaders,
  provisionCouncil,
  TenantStore,
  tenantContext,
} from '@peopleplan/db';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { freshTable } from '../../../test/support/dynamo.js';
import type { DigestSink } from './job.js';
import { sendPartnerDigests } from './partner-digests.js';

const SEEDER = { sub: 'system:test', name: 'Test' };

describe('partner readers’ weekly digest', () => {
  const doc = createDocClient({ endpoint: inject('dynamoEndpoint') });
  let table: Awaited<ReturnType<typeof freshTable>>;

  beforeAll(async () => {
    table = await freshTable();
    const directory = new PartnershipsRepo(doc, table.tableName);
    await directory.create({ id: 'hr-shared', name: 'HR shared service', leadCouncilId: 'one' });
    for (const id of ['one', 'two']) {
      await provisionCouncil(doc, table.tableName, { id, name: `Council ${id}` });
      const data = new CouncilData(doc, table.tableName, tenantContext(id, 'admin', SEEDER));
      const { plan } = await data.plans.create({
        title: `${id} plan`,
        kind: 'people-strategy',
        period: {},
        status: 'active',
        reviewCadence: 'quarterly',
        reportingPoints: [],
        sections: [],
        themes: [],
      });
      const action = await data.actions.create(plan.id, {
        ref: '1',
        title: `${id} action`,
        leads: [],
        status: 'on-track',
        crossRefs: [],
      });
      await data.milestones.create(action.id, {
        ref: 'A',
        title: `${id} <b>milestone</b> missed`,
        due: { text: '12 June 2026', kind: 'date', due: '2026-06-12', precision: 'day' },
        linkedActionIds: [],
        status: 'on-track',
      });
      await directory.invite('hr-shared', id, SEEDER);
    }
    // Only "one" consents: "two" is invited but never grants, so nothing of it may appear.
    await new ConsentRepo(
      // The seeder is no member: a system actor (an admin's consent needs their member record).
      new TenantStore(doc, table.tableName, tenantContext('one', 'system', SEEDER)),
    ).change('hr-shared', { status: 'granted', scope: 'all' });
    await directory.putReader({
      partnershipId: 'hr-shared',
      userSub: 'r',
      email: 'reader@x.test',
      name: 'R',
      weeklyDigest: true,
    });
  });
  afterAll(() => table.drop());

  const capture = () => {
    const sent: { to: string; text: string; html: string }[] = [];
    const sink: DigestSink = {
      deliver: async (e) => {
        sent.push(e);
        return { messageId: String(sent.length) };
      },
    };
    return { sent, sink };
  };
  const base = () => ({
    source: {
      directory: new PartnershipsRepo(doc, table.tableName),
      readerFor: partnerReaders(async () => doc, table.tableName),
    },
    council: async (c: string) =>
      alertsOf(
        new CouncilData(
          doc,
          table.tableName,
          tenantContext(c, 'system', { sub: 'system:alerts', name: 'Alerts' }),
        ),
      ),
    webBaseUrl: 'http://app.test',
  });

  it('sends nothing on a weekday other than Monday', async () => {
    const { sent, sink } = capture();
    const r = await sendPartnerDigests({ ...base(), today: '2026-06-16', sink });
    expect(r.considered).toBe(0);
    expect(sent).toEqual([]);
  });

  it('on Monday sends each reader one digest of consenting councils, escaped, and only once that week', async () => {
    const failing: DigestSink = { deliver: async () => Promise.reject(new Error('SMTP down')) };
    const failed = await sendPartnerDigests({ ...base(), today: '2026-06-15', sink: failing });
    expect(failed).toMatchObject({ considered: 1, sent: 0, failed: 1 });

    const { sent, sink } = capture();
    const r = await sendPartnerDigests({ ...base(), today: '2026-06-15', sink });
    expect(r).toMatchObject({ considered: 1, sent: 1 });
    expect(sent.map((e) => e.to)).toEqual(['reader@x.test']);
    expect(sent[0]!.text).toContain('one <b>milestone</b> missed');
    expect(sent[0]!.html).toContain('&lt;b&gt;milestone&lt;/b&gt;');
    expect(sent[0]!.text + sent[0]!.html).not.toContain('two action');
    expect(sent[0]!.text + sent[0]!.html).not.toContain('Council two');

    const again = capture();
    const second = await sendPartnerDigests({ ...base(), today: '2026-06-15', sink: again.sink });
    expect(second).toMatchObject({ sent: 0, alreadySent: 1 });
    expect(again.sent).toEqual([]);
  });
});
