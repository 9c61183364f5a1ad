import { OpenAPIHono } from '@hono/zod-openapi';
import { PartnershipsRepo } from '@peopleplan/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerPartnershipRoutes } from '../../functions/api/src/routes/partnerships.js';
import { createTestApi, TEST_USERS, type TestApi } from '../support/api.js';

/**
 * Partnership `shared-hr` over harrow, barnet and kent: harrow shares all plans, barnet one chosen plan,
 * kent was invited and never granted. Partnership `other-service` over kent alone, granted.
 */
const A = '/api/v1/partnerships/shared-hr';
const B = '/api/v1/partnerships/other-service';
const PARTNER_A = 'partner@shared-hr.test';
const PARTNER_B = 'partner@other-service.test';
const DUAL = 'viewer-and-partner@harrow.test';
const TODAY = '2026-06-15';
const date = (due: string) => ({ text: due, kind: 'date', due, precision: 'day' });

const users = [
  ...TEST_USERS,
  { email: 'admin@barnet.test', name: 'admin of barnet', groups: ['council:barnet:admin'] },
  { email: 'editor@barnet.test', name: 'editor of barnet', groups: ['council:barnet:editor'] },
  { email: PARTNER_A, name: 'Partner A', groups: ['partnership:shared-hr:partner-reader'] },
  { email: PARTNER_B, name: 'Partner B', groups: ['partnership:other-service:partner-reader'] },
  { email: DUAL, name: 'Dual', groups: ['council:harrow:viewer', 'partnership:shared-hr:partner-reader'] },
];

describe('shared-service partnerships API', () => {
  let api: TestApi;
  const plans: Record<string, string> = {};
  const milestones: Record<string, string> = {};
  const actions: Record<string, string> = {};

  async function plan(council: string, title: string, kind: string, themeNoun?: string) {
    const r = await api.call('POST', `/api/v1/councils/${council}/plans`, {
      as: `editor@${council}.test`,
      body: {
        title,
        kind,
        status: 'active',
        themes: [{ ref: '1', title: `${title} theme` }],
        ...(themeNoun ? { themeNoun } : {}),
      },
    });
    expect(r.status).toBe(201);
    return r.body as { id: string; themes: Array<{ id: string }> };
  }

  async function action(
    council: string,
    p: { id: string; themes: Array<{ id: string }> },
    title: string,
    lead: string,
  ) {
    const r = await api.call('POST', `/api/v1/councils/${council}/plans/${p.id}/actions`, {
      as: `editor@${council}.test`,
      body: {
        title,
        themeId: p.themes[0]!.id,
        status: 'on-track',
        leads: [{ role: 'responsible', label: lead }],
      },
    });
    expect(r.status).toBe(201);
    return r.body.id as string;
  }

  async function milestone(council: string, actionId: string, title: string, due: string) {
    const r = await api.call('POST', `/api/v1/councils/${council}/actions/${actionId}/milestones`, {
      as: `editor@${council}.test`,
      body: { title, due: date(due), status: 'on-track' },
    });
    expect(r.status).toBe(201);
    return r.body as { id: string; version: number };
  }

  const consent = (council: string, partnership: string, body: unknown, as = `admin@${council}.test`) =>
    api.call('PUT', `/api/v1/councils/${council}/partnerships/${partnership}/consent`, { as, body });

  const overview = async (as = PARTNER_A) => {
    const r = await api.call('GET', `${A}/overview`, { as });
    expect(r.status).toBe(200);
    return r;
  };

  beforeAll(async () => {
    api = await createTestApi({
      users,
      extraCouncils: ['barnet'],
      today: () => TODAY,
    });
    const directory = new PartnershipsRepo(api.doc, api.tableName);
    await directory.create({ id: 'shared-hr', name: 'Shared HR service', leadCouncilId: 'harrow' });
    for (const c of ['harrow', 'barnet', 'kent']) await directory.invite('shared-hr', c);
    await directory.create({ id: 'other-service', name: 'Other service', leadCouncilId: 'kent' });
    await directory.invite('other-service', 'kent');

    const h = await plan('harrow', 'Harrow people strategy', 'people-strategy', 'Theme');
    plans.harrow = h.id;
    const ha = await action('harrow', h, 'Develop flexible benefits', 'GM (HR)');
    actions.harrow = ha;
    milestones.overdue = (await milestone('harrow', ha, 'Negotiate benefits', '2026-05-31')).id;
    const slip = await milestone('harrow', ha, 'Launch benefits', '2026-07-31');
    milestones.slipping = slip.id;
    const moved = await api.call('PATCH', `/api/v1/councils/harrow/milestones/${slip.id}`, {
      as: 'editor@harrow.test',
      body: { version: slip.version, due: date('2026-09-30') },
    });
    expect(moved.status).toBe(200);

    const bx = await plan('barnet', 'Barnet peer review plan', 'peer-review');
    plans.barnetShared = bx.id;
    const ba = await action('barnet', bx, 'Refresh the workforce strategy', 'Head of HR');
    milestones.barnet = (await milestone('barnet', ba, 'Strategy to cabinet', '2026-06-01')).id;
    const by = await plan('barnet', 'Barnet unshared people strategy', 'people-strategy');
    plans.barnetUnshared = by.id;
    const bya = await action('barnet', by, 'Unshared action', 'Nobody');
    await milestone('barnet', bya, 'Unshared milestone', '2026-01-31');

    const k = await plan('kent', 'Kent business plan', 'business-plan');
    plans.kent = k.id;
    const ka = await action('kent', k, 'Kent action', 'Kent lead');
    await milestone('kent', ka, 'Kent milestone', '2026-02-28');

    expect((await consent('harrow', 'shared-hr', { status: 'granted', scope: 'all' })).status).toBe(200);
    const b = await consent('barnet', 'shared-hr', { status: 'granted', scope: { planIds: [bx.id] } });
    expect(b.status).toBe(200);
    expect((await consent('kent', 'other-service', { status: 'granted', scope: 'all' })).status).toBe(200);
  });
  afterAll(() => api.drop());

  it('shows a partner reader exactly the consenting councils, and nothing of the one that did not consent', async () => {
    const r = await overview();
    expect(r.body.partnership).toEqual({ id: 'shared-hr', name: 'Shared HR service' });
    expect(r.body.councils.map((c: { councilId: string }) => c.councilId)).toEqual(['barnet', 'harrow']);
    const harrow = r.body.councils.find((c: { councilId: string }) => c.councilId === 'harrow');
    expect(harrow).toMatchObject({
      councilName: 'harrow council',
      plans: 1,
      actions: 1,
      overdue: 1,
      slipping: 1,
    });
    expect(r.body.totals.actions).toBe(2);
    // Kent (invited, never granted) appears nowhere: not its id, not its name, not its plans.
    expect(JSON.stringify(r.body)).not.toMatch(/kent/i);
  });

  it('shares only the chosen plans of a council that limited its scope', async () => {
    const r = await overview();
    const barnet = r.body.councils.find((c: { councilId: string }) => c.councilId === 'barnet');
    expect(barnet.sharedPlans.map((p: { planId: string }) => p.planId)).toEqual([plans.barnetShared]);
    expect(barnet.actions).toBe(1);
    expect(JSON.stringify(r.body)).not.toContain('unshared');

    const shared = await api.call('GET', `${A}/councils/barnet/plans/${plans.barnetShared}`, {
      as: PARTNER_A,
    });
    expect(shared.status).toBe(200);
    expect(shared.body.plan.title).toBe('Barnet peer review plan');
    expect(shared.body.council).toEqual({ id: 'barnet', name: 'barnet council' });
    expect(shared.body.actions[0].rag.rag).toBeDefined();
    const unshared = await api.call('GET', `${A}/councils/barnet/plans/${plans.barnetUnshared}`, {
      as: PARTNER_A,
    });
    expect(unshared.status).toBe(404);
    const kent = await api.call('GET', `${A}/councils/kent/plans/${plans.kent}`, { as: PARTNER_A });
    expect(kent.status).toBe(404);
    expect(kent.body).toEqual(unshared.body);
  });

  it('lists overdue and slipping milestones across councils, filterable', async () => {
    const all = await api.call('GET', `${A}/milestones`, { as: PARTNER_A });
    expect(all.status).toBe(200);
    const ids = all.body.items.map((i: { id: string }) => i.id);
    expect(ids).toEqual([milestones.overdue, milestones.barnet, milestones.slipping]);
    expect(all.body.items[2]).toMatchObject({ slipping: true, overdue: false, slippedDays: 61 });
    // Each plan's own word for its groups, where its council gave one, for the theme line under it.
    expect(all.body.items[0]).toMatchObject({ planKind: 'people-strategy', themeNoun: 'Theme' });
    expect(all.body.items[1].themeNoun).toBeUndefined();
    expect(JSON.stringify(all.body)).not.toMatch(/kent|unshared/i);

    const q = async (query: string) =>
      (await api.call('GET', `${A}/milestones?${query}`, { as: PARTNER_A })).body.items.map(
        (i: { id: string }) => i.id,
      );
    expect(await q('council=barnet')).toEqual([milestones.barnet]);
    expect(await q('council=kent')).toEqual([]);
    expect(await q('lead=gm%20(hr)')).toEqual([milestones.overdue, milestones.slipping]);
    expect(await q('theme=peer%20review')).toEqual([milestones.barnet]);
    expect(await q('from=2026-06-01&to=2026-12-31')).toEqual([milestones.barnet, milestones.slipping]);
    expect((await api.call('GET', `${A}/milestones?from=June`, { as: PARTNER_A })).status).toBe(400);
  });

  it('puts plans of one kind side by side', async () => {
    const ps = await api.call('GET', `${A}/compare?kind=people-strategy`, { as: PARTNER_A });
    expect(ps.status).toBe(200);
    expect(ps.body.plans.map((p: { planId: string }) => p.planId)).toEqual([plans.harrow]);
    const pr = await api.call('GET', `${A}/compare?kind=peer-review`, { as: PARTNER_A });
    expect(pr.body.plans.map((p: { councilId: string }) => p.councilId)).toEqual(['barnet']);
    expect((await api.call('GET', `${A}/compare?kind=novel`, { as: PARTNER_A })).status).toBe(400);
  });

  it('drops a council from the very next response once it revokes, and brings it back when it grants again', async () => {
    const before = await api.call('GET', '/api/v1/councils/harrow/partnerships', { as: 'admin@harrow.test' });
    const current = before.body.items.find((i: { partnershipId: string }) => i.partnershipId === 'shared-hr');
    const revoked = await consent('harrow', 'shared-hr', { status: 'revoked', version: current.version });
    expect(revoked.status).toBe(200);
    expect(revoked.body).toMatchObject({ status: 'revoked', scope: 'all', changedByName: 'admin of harrow' });

    const r = await overview();
    expect(r.body.councils.map((c: { councilId: string }) => c.councilId)).toEqual(['barnet']);
    expect(JSON.stringify(r.body)).not.toMatch(/harrow/i);
    const m = await api.call('GET', `${A}/milestones`, { as: PARTNER_A });
    expect(m.body.items.map((i: { councilId: string }) => i.councilId)).toEqual(['barnet']);
    expect(
      (await api.call('GET', `${A}/councils/harrow/plans/${plans.harrow}`, { as: PARTNER_A })).status,
    ).toBe(404);

    // Revoking and granting are audited in the council's own log.
    const audit = await api.call('GET', '/api/v1/councils/harrow/audit?limit=5', { as: 'admin@harrow.test' });
    expect(audit.body.items[0]).toMatchObject({
      operation: 'revoke',
      entityType: 'partnership-consent',
      entityId: 'shared-hr',
    });

    expect((await consent('harrow', 'shared-hr', { status: 'granted', scope: 'all' })).status).toBe(200);
    expect((await overview()).body.councils.map((c: { councilId: string }) => c.councilId)).toEqual([
      'barnet',
      'harrow',
    ]);
  });

  it('refuses every write by a partner reader with 403', async () => {
    const body = { title: 'Sneaky plan', kind: 'peer-review' };
    for (const [method, path] of [
      ['POST', `${A}/overview`],
      ['PUT', `${A}/councils/harrow/plans/${plans.harrow}`],
      ['DELETE', A],
      ['PUT', '/api/v1/councils/harrow/partnerships/shared-hr/consent'],
    ] as const) {
      const r = await api.call(method, path, { as: PARTNER_A, body: { status: 'revoked' } });
      expect([method, path, r.status]).toEqual([method, path, 403]);
    }
    // A partner reader who is also a council viewer is still too low to write there.
    const asViewer = await api.call('POST', '/api/v1/councils/harrow/plans', { as: DUAL, body });
    expect(asViewer.status).toBe(403);
    // Without any council role a partner reader's write is refused as such; nothing is written.
    const asPartner = await api.call('POST', '/api/v1/councils/harrow/plans', { as: PARTNER_A, body });
    expect(asPartner.status).toBe(403);
    // Reading a council directly (not through the partnership) is still a 404: no existence leak.
    const read = await api.call('GET', '/api/v1/councils/harrow/plans', { as: PARTNER_A });
    expect(read.status).toBe(404);
    const list = await api.call('GET', '/api/v1/councils/harrow/plans', { as: 'admin@harrow.test' });
    expect(list.body.items.map((p: { title: string }) => p.title)).not.toContain('Sneaky plan');
  });

  it('answers 404 for another partnership, a missing one, and a council user who is not a partner reader', async () => {
    const onB = await api.call('GET', `${B}/overview`, { as: PARTNER_A });
    expect(onB.status).toBe(404);
    const missing = await api.call('GET', '/api/v1/partnerships/no-such-thing/overview', { as: PARTNER_A });
    expect(missing.status).toBe(404);
    expect(onB.body).toEqual(missing.body);
    expect((await api.call('GET', `${A}/milestones`, { as: PARTNER_B })).status).toBe(404);
    expect((await api.call('GET', `${B}/overview`, { as: PARTNER_B })).body.councils[0].councilId).toBe(
      'kent',
    );

    for (const as of ['admin@harrow.test', 'admin@kent.test']) {
      expect((await api.call('GET', `${A}/overview`, { as })).status).toBe(404);
      expect((await api.call('GET', `${A}/councils/harrow/plans/${plans.harrow}`, { as })).status).toBe(404);
    }
    // A council user who is also a partner reader sees the combined view.
    expect((await overview(DUAL)).body.councils).toHaveLength(2);
    expect((await api.call('GET', `${A}/overview`)).status).toBe(401);
  });

  it('lets only a council’s admins see and change its consents, with clear errors', async () => {
    const kent = await api.call('GET', '/api/v1/councils/kent/partnerships', { as: 'admin@kent.test' });
    expect(
      kent.body.items.map((i: { partnershipId: string; status: string; partnershipName: string }) => [
        i.partnershipId,
        i.status,
        i.partnershipName,
      ]),
    ).toEqual([
      ['other-service', 'granted', 'Other service'],
      ['shared-hr', 'invited', 'Shared HR service'],
    ]);
    expect(
      (await api.call('GET', '/api/v1/councils/kent/partnerships', { as: 'editor@kent.test' })).status,
    ).toBe(403);
    expect(
      (await api.call('GET', '/api/v1/councils/kent/partnerships', { as: 'admin@harrow.test' })).status,
    ).toBe(404);
    expect(
      (await consent('kent', 'shared-hr', { status: 'granted', scope: 'all' }, 'editor@kent.test')).status,
    ).toBe(403);
    expect(
      (await consent('kent', 'shared-hr', { status: 'granted', scope: 'all' }, 'admin@harrow.test')).status,
    ).toBe(404);

    const noScope = await consent('kent', 'shared-hr', { status: 'granted' });
    expect(noScope.status).toBe(400);
    expect(noScope.body.error.details[0].path).toBe('scope');
    const foreignPlan = await consent('kent', 'shared-hr', {
      status: 'granted',
      scope: { planIds: [plans.harrow] },
    });
    expect(foreignPlan.status).toBe(422);
    const stale = await consent('kent', 'shared-hr', { status: 'granted', scope: 'all', version: 99 });
    expect(stale.status).toBe(409);
    const notInvited = await consent('barnet', 'other-service', { status: 'granted', scope: 'all' });
    expect(notInvited.status).toBe(404);

    // None of those changed anything: kent is still only invited, and still invisible to partners.
    const after = await api.call('GET', '/api/v1/councils/kent/partnerships', { as: 'admin@kent.test' });
    expect(after.body.items[1]).toMatchObject({ status: 'invited', version: 1 });
    expect(JSON.stringify((await overview()).body)).not.toMatch(/kent/i);
  });

  it('counts each council as its own dashboard does, and measures travel from its last closed period', async () => {
    const row = async (councilId: string) =>
      (await overview()).body.councils.find((c: { councilId: string }) => c.councilId === councilId);
    const dashboard = async (councilId: string) =>
      (await api.call('GET', `/api/v1/councils/${councilId}/dashboard`, { as: `admin@${councilId}.test` }))
        .body;
    for (const councilId of ['harrow', 'barnet']) {
      const [r, d] = [await row(councilId), await dashboard(councilId)];
      const shared = d.plans.filter((p: { planId: string }) =>
        r.sharedPlans.some((s: { planId: string }) => s.planId === p.planId),
      );
      const sum = (k: string) => shared.reduce((n: number, p: Record<string, number>) => n + p[k]!, 0);
      expect([councilId, r.actions, r.overdue, r.slipping, r.stale]).toEqual([
        councilId,
        sum('total'),
        sum('overdue'),
        sum('slipping'),
        sum('stale'),
      ]);
      const by = (k: 'byStatus' | 'byRag') => {
        const out: Record<string, number> = {};
        for (const p of shared)
          for (const [x, n] of Object.entries(p[k] as Record<string, number>)) out[x] = (out[x] ?? 0) + n;
        return out;
      };
      expect(r.byStatus).toEqual(by('byStatus'));
      expect(r.byRag).toEqual(by('byRag'));
    }
    // Nothing closed yet: direction of travel is not measured, and the row says so.
    let harrow = await row('harrow');
    expect(harrow.travel).toEqual({ improved: 0, same: 0, worse: 0, new: 0, unknown: 1 });
    expect(harrow.sharedPlans[0].comparedWith).toBeUndefined();

    const closed = await api.call(
      'POST',
      `/api/v1/councils/harrow/plans/${plans.harrow}/periods/2026-05/close`,
      {
        as: 'editor@harrow.test',
        body: {},
      },
    );
    expect(closed.status).toBe(201);
    harrow = await row('harrow');
    expect(harrow.sharedPlans[0].comparedWith).toEqual({ key: closed.body.key, label: closed.body.label });
    // Green when May closed; red now, because its milestone due on 31 May has passed (ratings roll up).
    expect(harrow.travel).toEqual({ improved: 0, same: 0, worse: 1, new: 0, unknown: 0 });

    // The action goes off track after the period closed: worse, from the very next response.
    const update = await api.call('POST', `/api/v1/councils/harrow/actions/${actions.harrow}/updates`, {
      as: 'editor@harrow.test',
      body: { narrative: 'Supplier withdrew; re-tendering.', status: 'off-track' },
    });
    expect(update.status).toBe(201);
    harrow = await row('harrow');
    expect(harrow.travel).toMatchObject({ worse: 1, same: 0 });
    expect(harrow.byStatus['off-track']).toBe(1);
    expect(harrow.byRag.red).toBe(1);
  });

  it('names the partnerships a person reads in /me, beside their councils', async () => {
    const me = await api.call('GET', '/api/v1/me', { as: DUAL });
    expect(me.status).toBe(200);
    expect(me.body.councils).toEqual([{ id: 'harrow', name: 'harrow council', role: 'viewer' }]);
    expect(me.body.partnerships).toEqual([
      { id: 'shared-hr', name: 'Shared HR service', role: 'partner-reader' },
    ]);
  });

  it('lets a recorded partner reader switch their own weekly digest on and off, and nothing else', async () => {
    const D = `${A}/me/digest`;
    const directory = new PartnershipsRepo(api.doc, api.tableName);
    const sub = (await api.call('GET', '/api/v1/me', { as: PARTNER_A })).body.sub;
    // Without a reader record (removed, or never recorded) the group in a token opens nothing, and a
    // token alone never creates a record.
    await directory.removeReader('shared-hr', sub);
    expect((await api.call('GET', D, { as: PARTNER_A })).status).toBe(404);
    expect((await api.call('PUT', D, { as: PARTNER_A, body: { weeklyDigest: true } })).status).toBe(404);
    expect((await api.call('GET', `${A}/overview`, { as: PARTNER_A })).status).toBe(404);
    expect((await directory.readers('shared-hr')).map((r) => r.userSub)).not.toContain(sub);

    await directory.putReader({
      partnershipId: 'shared-hr',
      userSub: sub,
      email: 'a.partner@shared-hr.test',
      name: 'A',
      weeklyDigest: false,
    });
    const on = await api.call('PUT', D, { as: PARTNER_A, body: { weeklyDigest: true } });
    expect(on.status).toBe(200);
    // The address is the operator's, not whatever the token says.
    expect(on.body).toEqual({ registered: true, weeklyDigest: true, email: 'a.partner@shared-hr.test' });
    const mine = async () => (await directory.readers('shared-hr')).filter((r) => r.userSub === sub);
    expect((await mine()).map((r) => [r.email, r.weeklyDigest])).toEqual([
      ['a.partner@shared-hr.test', true],
    ]);
    expect(
      (await api.call('PUT', D, { as: PARTNER_A, body: { weeklyDigest: false } })).body.weeklyDigest,
    ).toBe(false);

    expect((await api.call('PUT', D, { as: PARTNER_A, body: { weeklyDigest: 'yes' } })).status).toBe(400);
    expect(
      (await api.call('PUT', D, { as: PARTNER_A, body: { weeklyDigest: true, email: 'x@evil.test' } }))
        .status,
    ).toBe(400);
    // Only for the partnership's own readers: anyone else gets the same 404 as for a missing one.
    expect((await api.call('PUT', D, { as: PARTNER_B, body: { weeklyDigest: true } })).status).toBe(404);
    expect((await api.call('GET', D, { as: 'admin@harrow.test' })).status).toBe(404);
    // Once the operator removes the reader, their very next request finds nothing, token or not: the
    // combined views and the digest alike, and they stay off the list.
    await directory.removeReader('shared-hr', sub);
    expect((await api.call('PUT', D, { as: PARTNER_A, body: { weeklyDigest: true } })).status).toBe(404);
    expect((await api.call('GET', `${A}/milestones`, { as: PARTNER_A })).status).toBe(404);
    expect(await mine()).toEqual([]);
  });

  it('documents the partnership routes in OpenAPI 3.1', () => {
    // Generated from this module alone, so the check does not depend on other route groups.
    const app = new OpenAPIHono();
    registerPartnershipRoutes(app as never, { config: { STAGE: 'test' } } as never);
    const doc = app.getOpenAPI31Document({ openapi: '3.1.0', info: { title: 'partnerships', version: '1' } });
    expect(Object.keys(doc.paths ?? {}).sort()).toEqual([
      '/api/v1/councils/{c}/partnerships',
      '/api/v1/councils/{c}/partnerships/{p}/consent',
      '/api/v1/partnerships/{p}/compare',
      '/api/v1/partnerships/{p}/councils/{c}/plans/{planId}',
      '/api/v1/partnerships/{p}/me/digest',
      '/api/v1/partnerships/{p}/milestones',
      '/api/v1/partnerships/{p}/overview',
    ]);
    const milestonesQuery = doc.paths?.['/api/v1/partnerships/{p}/milestones']?.get?.parameters ?? [];
    expect(milestonesQuery.map((p) => ('name' in p ? p.name : ''))).toEqual(
      expect.arrayContaining(['council', 'theme', 'lead', 'from', 'to']),
    );
  });
});
