import { alertsOf, CouncilData, partnerReaders, tenantContext } from '@peopleplan/db';
import { type PartnershipSource, partnerWeeklyDigests } from '@peopleplan/partnerships';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPartition } from '../support/partitions.js';
import { createWorld, OTHER_PARTNER, PARTNER, TODAY, type World } from '../support/world.js';

/**
 * A suspended council's data is read by no one (docs/architecture.md, "Tenant isolation"): not its
 * members, not a partnership's readers through its consent, not a secret link. Reinstated, it is back.
 */
const A = '/api/v1/partnerships/shared-hr';
const OPERATOR = 'operator@peopleplan.test';

describe('a suspended council', () => {
  let world: World;
  let kentPlan: string;
  beforeAll(async () => {
    world = await createWorld();
    kentPlan = world.ids.kent.plan[0]!;
    // Something fallen overdue in kent this week, for the weekly digest to tell.
    const late = await world.api.call(
      'POST',
      `/api/v1/councils/kent/actions/${world.ids.kent.action[0]}/milestones`,
      {
        as: 'editor@kent.test',
        body: {
          title: 'Kent overdue step',
          due: { text: '12 Nov 2026', kind: 'date', due: '2026-11-12', precision: 'day' },
        },
      },
    );
    expect(late.status).toBe(201);
  });
  afterAll(() => world?.api.drop());

  const call = (method: string, path: string, as?: string, body?: unknown) =>
    world.api.call(method, path, { ...(as ? { as } : {}), ...(body === undefined ? {} : { body }) });
  const setStatus = async (council: string, status: 'active' | 'suspended') =>
    expect((await call('PATCH', `/api/v1/councils/${council}`, OPERATOR, { status })).status).toBe(200);
  const councilsIn = (body: {
    councils?: Array<{ councilId: string }>;
    items?: Array<{ councilId: string }>;
  }) => [...new Set((body.councils ?? body.items ?? []).map((c) => c.councilId))].sort();
  // The weekly digest emails, as the alert job reads them (packages/partnerships weekly.ts).
  const digests = async () => {
    const src: PartnershipSource = {
      directory: world.api.deps.partnershipDirectory,
      readerFor: partnerReaders(world.api.deps.docFor, world.api.tableName),
    };
    const emails = await partnerWeeklyDigests(src, { today: TODAY, webBaseUrl: 'http://127.0.0.1:9' });
    return emails
      .filter((e) => e.partnershipId === 'shared-hr')
      .map((e) => e.text)
      .join('\n');
  };
  const views = async (as = PARTNER) => {
    const overview = await call('GET', `${A}/overview`, as);
    const milestones = await call('GET', `${A}/milestones`, as);
    const compare = await call('GET', `${A}/compare?kind=business-plan`, as);
    const plan = await call('GET', `${A}/councils/kent/plans/${kentPlan}`, as);
    for (const r of [overview, milestones, compare]) expect(r.status).toBe(200);
    return {
      overview: councilsIn(overview.body),
      milestones: councilsIn(milestones.body),
      compare: [...new Set(compare.body.plans.map((p: { councilId: string }) => p.councilId))].sort(),
      plan: plan.status,
      text: JSON.stringify([overview.body, milestones.body, compare.body]),
    };
  };

  it('drops out of every partnership view at once, and comes back when reinstated', async () => {
    const digest = await call('PUT', `${A}/me/digest`, PARTNER, { weeklyDigest: true });
    expect(digest.status).toBe(200);
    expect(await digests()).toMatch(/kent/i);
    const before = await views();
    expect(before).toMatchObject({
      overview: ['harrow', 'kent'],
      milestones: ['kent'],
      compare: ['harrow', 'kent'],
      plan: 200,
    });

    await setStatus('kent', 'suspended');
    const during = await views();
    expect(during).toMatchObject({ overview: ['harrow'], milestones: [], compare: ['harrow'], plan: 404 });
    expect(during.text).not.toMatch(/kent/i);
    // A partnership of kent alone shows nothing of it, as if it had revoked its consent.
    const other = await call('GET', '/api/v1/partnerships/other-service/overview', OTHER_PARTNER);
    expect(other.status).toBe(200);
    expect(other.body.councils).toEqual([]);
    expect(
      (await call('GET', `/api/v1/partnerships/other-service/councils/kent/plans/${kentPlan}`, OTHER_PARTNER))
        .status,
    ).toBe(404);
    // Nor the weekly digest emails, which read through the same loader.
    expect(await digests()).not.toMatch(/kent/i);
    // Nor another partnership's reader, as before.
    expect((await call('GET', `${A}/councils/kent/plans/${kentPlan}`, OTHER_PARTNER)).status).toBe(404);

    await setStatus('kent', 'active');
    expect(await views()).toMatchObject({
      overview: ['harrow', 'kent'],
      milestones: ['kent'],
      compare: ['harrow', 'kent'],
      plan: 200,
    });
    expect(await digests()).toMatch(/kent/i);
  });

  it('answers an alert email’s preferences link with 404, changing nothing, until reinstated', async () => {
    const personId = world.contributorPerson.harrow;
    const job = alertsOf(
      new CouncilData(
        world.api.doc,
        world.api.tableName,
        tenantContext('harrow', 'system', { sub: 'job', name: 'Job' }),
      ),
    ).withSecretLinks(world.api.deps.directory.secretLinks);
    const token = (await job.preferenceTokens([personId], true)).get(personId)!;
    const url = `/api/alert-preferences/harrow/${token}`;
    expect((await world.api.app.request(url)).status).toBe(200);

    await setStatus('harrow', 'suspended');
    try {
      const before = await readPartition(world.api.doc, world.api.tableName, 'C#harrow');
      expect((await world.api.app.request(url)).status).toBe(404);
      const post = await world.api.app.request(url, {
        method: 'POST',
        body: new URLSearchParams({ frequency: 'weekly' }),
      });
      expect(post.status).toBe(404);
      expect(await post.text()).not.toContain('admin of harrow');
      const after = await readPartition(world.api.doc, world.api.tableName, 'C#harrow');
      expect([...after.entries()].filter(([k, v]) => before.get(k) !== v)).toEqual([]);
      // Its calendar feeds stop too (routes/calendar.ts).
      expect((await call('GET', `/calendar/harrow/${world.feedFile}`)).status).toBe(404);
    } finally {
      await setStatus('harrow', 'active');
    }
    expect((await world.api.app.request(url)).status).toBe(200);
    expect((await call('GET', `/calendar/harrow/${world.feedFile}`)).status).toBe(200);
  });
});
