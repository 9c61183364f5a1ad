import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { buildDashboard } from '@peopleplan/core';
import {
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
import { loadCouncilBoards, loadSharedCouncils, openPartnership, type PartnershipSource } from './load.js';
import { buildOverview } from './overview.js';
import { partnerWeeklyDigests } from './weekly.js';

const SEEDER = { sub: 'system:test', name: 'Test' };
const READER = { sub: 'reader', name: 'Reader', partnerships: { shared: 'partner-reader' } };
const MEMBERS = ['c-one', 'c-two', 'c-three', 'c-four', 'c-five'];

describe('loading a partnership from DynamoDB Local', () => {
  let table: Awaited<ReturnType<typeof freshTable>>;
  let doc: DynamoDBDocumentClient;
  const chosen: Record<string, string> = {};

  beforeAll(async () => {
    table = await freshTable();
    doc = createDocClient({ endpoint: inject('dynamoEndpoint') });
    const directory = new PartnershipsRepo(doc, table.tableName);
    await directory.create({ id: 'shared', name: 'Shared', leadCouncilId: 'c-one' });
    await directory.putReader({
      partnershipId: 'shared',
      userSub: READER.sub,
      email: 'reader@shared.test',
      name: READER.name,
      weeklyDigest: false,
    });
    for (const id of [...MEMBERS, 'outsider']) {
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
      chosen[id] = plan.id;
      await data.actions.create(plan.id, {
        ref: '1',
        title: `${id} action`,
        currentPosition: 'A long narrative the combined views do not need',
        leads: [],
        status: 'on-track',
        crossRefs: [],
      });
      if (id === 'outsider') continue;
      await directory.invite('shared', id, SEEDER);
    }
    // c-two shares its first plan only (a second stays private); c-five is invited but never grants.
    const two = new CouncilData(doc, table.tableName, tenantContext('c-two', 'admin', SEEDER));
    await two.plans.create({
      title: 'c-two private plan',
      kind: 'peer-review',
      period: {},
      status: 'active',
      reviewCadence: 'quarterly',
      reportingPoints: [],
      sections: [],
      themes: [],
    });
    for (const id of MEMBERS.slice(0, 4)) {
      // The seeder is no member: a system actor (an admin's consent needs their member record).
      const admin = new TenantStore(doc, table.tableName, tenantContext(id, 'system', SEEDER));
      const scope = id === 'c-two' ? { planIds: [chosen[id]!] } : ('all' as const);
      await new ConsentRepo(admin).change('shared', { status: 'granted', scope });
    }
  });
  afterAll(() => table.drop());

  /** Sessions are asked for per council; councils with a request in flight are counted. */
  function source(concurrency: number) {
    const sessions: string[] = [];
    const inFlight = new Map<string, number>();
    let maxCouncils = 0;
    const counting = (councilId: string) =>
      ({
        send: async (command: never) => {
          inFlight.set(councilId, (inFlight.get(councilId) ?? 0) + 1);
          maxCouncils = Math.max(maxCouncils, [...inFlight.values()].filter((n) => n > 0).length);
          try {
            return await doc.send(command);
          } finally {
            inFlight.set(councilId, inFlight.get(councilId)! - 1);
          }
        },
      }) as unknown as DynamoDBDocumentClient;
    const readers = partnerReaders(async (councilId) => {
      sessions.push(councilId);
      return counting(councilId);
    }, table.tableName);
    const src: PartnershipSource = {
      directory: new PartnershipsRepo(doc, table.tableName),
      readerFor: readers,
      concurrency,
    };
    return { src, sessions, max: () => maxCouncils };
  }

  it('reads only members, through their own sessions, and returns only those that granted', async () => {
    const { src, sessions } = source(8);
    const p = await openPartnership(src, READER, 'shared');
    const councils = await loadSharedCouncils(src, p, READER);
    expect(sessions.sort()).toEqual([...MEMBERS].sort());
    expect(councils.map((c) => c.councilId).sort()).toEqual(['c-four', 'c-one', 'c-three', 'c-two']);
    const two = councils.find((c) => c.councilId === 'c-two')!;
    expect(two.plans.map((p) => p.plan.id)).toEqual([chosen['c-two']]);
  });

  it('reads councils in parallel, never more at once than the cap', async () => {
    const { src, max } = source(2);
    const p = await openPartnership(src, READER, 'shared');
    await loadSharedCouncils(src, p, READER);
    expect(max()).toBe(2);
    const wide = source(8);
    await loadCouncilBoards(wide.src, p, READER);
    expect(wide.max()).toBeGreaterThan(2);
  });

  it('leaves long texts out of the combined views', async () => {
    const { src } = source(8);
    const p = await openPartnership(src, READER, 'shared');
    const [one] = await loadSharedCouncils(src, p, READER);
    const action = one!.plans[0]!.actions[0]!;
    expect(action.title).toMatch(/action$/);
    expect(action.currentPosition).toBeUndefined();
  });

  it('counts the overview from boards exactly as from the plans’ items, and compares with closed periods', async () => {
    // c-three closes a period with its one action red, then it recovers: direction of travel says better.
    const three = new CouncilData(doc, table.tableName, tenantContext('c-three', 'editor', SEEDER));
    const action = (await three.actions.list(chosen['c-three']!)).items[0]!;
    await three.snapshots.close(
      chosen['c-three']!,
      {
        key: '2026-05',
        label: 'May 2026',
        kind: 'month',
        start: '2026-05-01',
        end: '2026-05-31',
        asOf: '2026-05-31',
      },
      { [action.id]: { status: 'off-track', rag: 'red' } },
    );
    await three.milestones.create(action.id, {
      ref: 'A',
      title: 'Slipped milestone',
      due: { text: 'May 2026', kind: 'date', due: '2026-05-31', precision: 'month' },
      linkedActionIds: [],
      status: 'on-track',
    });
    const { src } = source(8);
    const p = await openPartnership(src, READER, 'shared');
    const fromBoards = await loadCouncilBoards(src, p, READER);
    expect(fromBoards.flatMap((c) => c.plans.map((x) => x.from))).toEqual([
      'board',
      'board',
      'board',
      'board',
    ]);
    const o = buildOverview(p, fromBoards, '2026-06-15');
    const row = o.councils.find((r) => r.councilId === 'c-three')!;
    expect(row).toMatchObject({
      actions: 1,
      overdue: 1,
      // Red when the period closed, and red now: its milestone is overdue, and ratings roll up.
      travel: { improved: 0, same: 1, worse: 0, new: 0, unknown: 0 },
    });
    expect(row.sharedPlans[0]!.comparedWith).toEqual({ key: '2026-05', label: 'May 2026' });
    // The same figures the council's own dashboard would give, plan by plan.
    const full = await loadSharedCouncils(src, p, READER);
    for (const c of full) {
      const dash = buildDashboard(c.plans, '2026-06-15', c.ragRules);
      const r = o.councils.find((x) => x.councilId === c.councilId)!;
      expect(r.actions).toBe(dash.plans.reduce((n, x) => n + x.total, 0));
      expect(r.overdue).toBe(dash.overdue.length);
      expect(r.dueSoon).toBe(dash.dueSoon.length);
      expect(r.stale).toBe(dash.stale.length);
    }
  });

  it('answers 404 to a reader of another partnership, as for one that does not exist', async () => {
    const { src } = source(8);
    const other = { ...READER, partnerships: { elsewhere: 'partner-reader' } };
    await expect(openPartnership(src, other, 'shared')).rejects.toMatchObject({ code: 'not-found' });
    await expect(openPartnership(src, READER, 'missing')).rejects.toMatchObject({ code: 'not-found' });
  });

  it('sends the weekly digest to the readers who want it, with only consenting councils in it', async () => {
    const directory = new PartnershipsRepo(doc, table.tableName);
    for (const [sub, weeklyDigest] of [
      ['wants', true],
      ['does-not', false],
    ] as const) {
      await directory.putReader({
        partnershipId: 'shared',
        userSub: sub,
        email: `${sub}@x.test`,
        name: sub,
        weeklyDigest,
      });
    }
    for (const id of ['c-one', 'c-five']) {
      const data = new CouncilData(doc, table.tableName, tenantContext(id, 'admin', SEEDER));
      const action = (await data.actions.list(chosen[id]!)).items[0]!;
      await data.milestones.create(action.id, {
        ref: 'A',
        title: `${id} milestone missed`,
        due: { text: '12 June 2026', kind: 'date', due: '2026-06-12', precision: 'day' },
        linkedActionIds: [],
        status: 'on-track',
      });
    }
    const { src } = source(8);
    const emails = await partnerWeeklyDigests(src, { today: '2026-06-15', webBaseUrl: 'http://app.test/' });
    expect(emails.map((e) => e.to)).toEqual(['wants@x.test']);
    expect(emails[0]!.text).toContain('c-one milestone missed');
    expect(emails[0]!.text).not.toContain('c-five');
    expect(emails[0]!.html).toContain('http://app.test/partnerships/shared/milestones');
    // A week later nothing new has slipped: no email at all.
    expect(await partnerWeeklyDigests(src, { today: '2026-06-30', webBaseUrl: 'http://app.test' })).toEqual(
      [],
    );
  });
});
