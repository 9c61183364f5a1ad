import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from '../support/api.js';

const H = '/api/v1/councils/harrow';
const K = '/api/v1/councils/kent';
const EDITOR = 'editor@harrow.test';

/** Deadlines always ahead of the day the suite runs, so an on-track action stays green in any year. */
const YEAR = new Date().getUTCFullYear() + 2;
const march = { text: `March ${YEAR}`, kind: 'date', due: `${YEAR}-03-31`, precision: 'month' };

describe('foundation API on DynamoDB Local, with real tokens', () => {
  let api: TestApi;
  let planId: string;
  let themeId: string;
  let actionIds: string[];
  let milestoneId: string;
  let kentPlanId: string;
  let kentActionId: string;
  let kentMilestoneId: string;

  const auditCount = async (council = H) =>
    (await api.call('GET', `${council}/audit?limit=200`, { as: `admin@${council.split('/').pop()}.test` }))
      .body.items.length as number;

  beforeAll(async () => {
    // Every route module, as `npm start` serves them: the OpenAPI document must describe them all.
    api = await createTestApi();
    const k = await api.call('POST', `${K}/plans`, {
      as: 'editor@kent.test',
      body: { title: 'Kent business plan', kind: 'business-plan', themes: [{ title: 'Priority 1' }] },
    });
    kentPlanId = k.body.id;
    const ka = await api.call('POST', `${K}/plans/${kentPlanId}/actions`, {
      as: 'editor@kent.test',
      body: { title: 'Kent action', themeId: k.body.themes[0].id },
    });
    kentActionId = ka.body.id;
    const km = await api.call('POST', `${K}/actions/${kentActionId}/milestones`, {
      as: 'editor@kent.test',
      body: { title: 'Kent milestone', due: march },
    });
    kentMilestoneId = km.body.id;
  });
  afterAll(() => api.drop());

  it('serves /health without a token and OpenAPI 3.1', async () => {
    expect((await api.call('GET', '/health')).body.status).toBe('ok');
    const spec = await api.call('GET', '/api/v1/openapi.json');
    expect(spec.body.openapi).toBe('3.1.0');
    expect(Object.keys(spec.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/councils/{c}/plans',
        '/api/v1/councils/{c}/actions/{actionId}/updates',
        '/api/v1/councils/{c}/milestones/{milestoneId}',
        '/api/v1/councils/{c}/imports/{id}/commit',
        '/api/v1/councils/{c}/plans/{planId}/reports',
        '/api/v1/partnerships/{p}/overview',
      ]),
    );
  });

  it('answers 401 without a token, with a forged one, and with an expired one', async () => {
    expect((await api.call('GET', `${H}/plans`)).status).toBe(401);
    const forged = await api.call('GET', `${H}/plans`, { headers: { authorization: 'Bearer abc.def.ghi' } });
    expect(forged.status).toBe(401);
    expect(forged.body.error.code).toBe('unauthorised');
    const expired = await api.token(EDITOR, { expiresIn: '-1m' });
    expect(
      (await api.call('GET', `${H}/plans`, { headers: { authorization: `Bearer ${expired}` } })).status,
    ).toBe(401);
  });

  it('an editor creates a plan with a theme, two actions, a milestone and a progress update, and reads them back', async () => {
    const plan = await api.call('POST', `${H}/plans`, {
      as: EDITOR,
      body: {
        title: 'Strategy for managing and developing people',
        kind: 'people-strategy',
        period: { label: '2004-2008', start: '2004-04-01', end: '2008-03-31' },
        themes: [{ ref: '1', title: 'Finding and keeping the right people with the right skills' }],
      },
    });
    expect(plan.status).toBe(201);
    expect(plan.body.version).toBe(1);
    planId = plan.body.id;
    themeId = plan.body.themes[0].id;

    actionIds = [];
    for (const title of ['Develop a flexible benefits package', 'Promote flexible working']) {
      const a = await api.call('POST', `${H}/plans/${planId}/actions`, {
        as: EDITOR,
        body: { title, themeId, leads: [{ role: 'responsible', label: 'GM (HR)' }], due: march },
      });
      expect(a.status).toBe(201);
      actionIds.push(a.body.id);
    }
    const m = await api.call('POST', `${H}/actions/${actionIds[0]}/milestones`, {
      as: EDITOR,
      body: { ref: 'A', title: 'Negotiate flexible benefits scheme', due: march },
    });
    expect(m.status).toBe(201);
    expect(m.body.baselineDue).toEqual(march);
    milestoneId = m.body.id;

    const u = await api.call('POST', `${H}/actions/${actionIds[0]}/updates`, {
      as: EDITOR,
      body: { narrative: 'Discussions with the unions have started.', status: 'on-track', rag: 'green' },
    });
    expect(u.status).toBe(201);
    expect(u.body.action.status).toBe('on-track');
    expect(u.body.action.version).toBe(2);

    const contents = await api.call('GET', `${H}/plans/${planId}/contents`, { as: 'viewer@harrow.test' });
    expect(contents.status).toBe(200);
    expect(contents.body.themes.map((t: { title: string }) => t.title)).toEqual([
      'Finding and keeping the right people with the right skills',
    ]);
    expect(contents.body.actions).toHaveLength(2);
    expect(contents.body.milestones).toHaveLength(1);
    expect(contents.body.actions[0].latestUpdate.narrative).toBe('Discussions with the unions have started.');
    expect(contents.body.actions[0].rag.rag).toBe('green');

    const history = await api.call('GET', `${H}/actions/${actionIds[0]}/updates`, {
      as: 'viewer@harrow.test',
    });
    expect(history.body.items).toHaveLength(1);
    expect(history.body.items[0].authorName).toBe('editor of harrow');
    const list = await api.call('GET', `${H}/plans`, { as: 'viewer@harrow.test' });
    expect(list.body.items.map((p: { id: string }) => p.id)).toContain(planId);
  });

  it('gives 404 and no data for another council’s plan, action and milestone', async () => {
    for (const path of [
      `${K}/plans/${kentPlanId}`,
      `${K}/actions/${kentActionId}`,
      `${K}/milestones/${kentMilestoneId}`,
      `${K}/plans`,
      // The other council's ids through one's own council path must not resolve either.
      `${H}/plans/${kentPlanId}`,
      `${H}/actions/${kentActionId}`,
      `${H}/milestones/${kentMilestoneId}`,
    ]) {
      const r = await api.call('GET', path, { as: EDITOR });
      expect(r.status, path).toBe(404);
      expect(JSON.stringify(r.body)).not.toContain('Kent');
    }
    const w = await api.call('PATCH', `${K}/actions/${kentActionId}`, {
      as: EDITOR,
      body: { version: 1, title: 'x' },
    });
    expect(w.status).toBe(404);
    const still = await api.call('GET', `${K}/actions/${kentActionId}`, { as: 'viewer@kent.test' });
    expect(still.body.title).toBe('Kent action');
  });

  it('refuses a cursor made for another council', async () => {
    const cursor = Buffer.from(JSON.stringify({ PK: 'C#kent', SK: 'AUDIT#0' })).toString('base64url');
    const r = await api.call('GET', `${H}/audit?cursor=${cursor}`, { as: 'admin@harrow.test' });
    expect(r.status).toBe(400);
  });

  it('a viewer cannot write (403) and nothing is written', async () => {
    const before = await auditCount();
    const r = await api.call('POST', `${H}/plans`, {
      as: 'viewer@harrow.test',
      body: { title: 'x', kind: 'peer-review' },
    });
    expect(r.status).toBe(403);
    const u = await api.call('POST', `${H}/actions/${actionIds[0]}/updates`, {
      as: 'viewer@harrow.test',
      body: { narrative: 'n', status: 'on-track' },
    });
    expect(u.status).toBe(403);
    expect(await auditCount()).toBe(before);
  });

  it('a contributor adds progress only on actions they lead', async () => {
    const person = await api.call('POST', `${H}/people`, {
      as: EDITOR,
      body: { name: 'Pat Lead', roleLabel: 'GM (HR)' },
    });
    await api.linkMember('contributor@harrow.test', 'harrow', person.body.id);
    const a = await api.call('GET', `${H}/actions/${actionIds[1]}`, { as: EDITOR });
    await api.call('PATCH', `${H}/actions/${actionIds[1]}`, {
      as: EDITOR,
      body: {
        version: a.body.version,
        leads: [{ role: 'responsible', label: 'GM (HR)', personId: person.body.id }],
      },
    });
    const own = await api.call('POST', `${H}/actions/${actionIds[1]}/updates`, {
      as: 'contributor@harrow.test',
      body: { narrative: 'Policy drafted', status: 'on-track' },
    });
    expect(own.status).toBe(201);
    const other = await api.call('POST', `${H}/actions/${actionIds[0]}/updates`, {
      as: 'contributor@harrow.test',
      body: { narrative: 'Not mine', status: 'off-track' },
    });
    expect(other.status).toBe(403);
    const edit = await api.call('PATCH', `${H}/actions/${actionIds[1]}`, {
      as: 'contributor@harrow.test',
      body: { version: 99, title: 'renamed' },
    });
    expect(edit.status).toBe(403);
  });

  describe('bad input gets a clear error and changes nothing', () => {
    it('malformed JSON → 400', async () => {
      const before = await auditCount();
      const r = await api.call('POST', `${H}/plans`, {
        as: EDITOR,
        raw: '{"title": "x",',
        headers: { 'content-type': 'application/json' },
      });
      expect(r.status).toBe(400);
      expect(r.body.error.code).toBe('bad-request');
      expect(await auditCount()).toBe(before);
    });

    it('unknown fields and wrong types → 400 with field errors', async () => {
      const before = await auditCount();
      const r = await api.call('POST', `${H}/plans`, {
        as: EDITOR,
        body: { title: 42, kind: 'people-strategy', colour: 'red' },
      });
      expect(r.status).toBe(400);
      const paths = r.body.error.details.map((d: { path: string }) => d.path);
      expect(paths).toEqual(expect.arrayContaining(['title', 'colour']));
      const a = await api.call('POST', `${H}/plans/${planId}/actions`, {
        as: EDITOR,
        body: { title: 'x', status: 'nearly-done', due: { text: 'soon', kind: 'date' } },
      });
      expect(a.status).toBe(400);
      expect(a.body.error.details.map((d: { path: string }) => d.path)).toEqual(
        expect.arrayContaining(['status', 'due.due']),
      );
      expect(await auditCount()).toBe(before);
    });

    it('bodies over 1 MB → 413; a non-JSON body → 415', async () => {
      const before = await auditCount();
      const big = await api.call('POST', `${H}/plans`, {
        as: EDITOR,
        body: {
          title: 'x',
          kind: 'peer-review',
          sections: [{ key: 'a', title: 'b', body: 'x'.repeat(1_100_000) }],
        },
      });
      expect(big.status).toBe(413);
      const text = await api.call('POST', `${H}/plans`, {
        as: EDITOR,
        raw: 'title=x',
        headers: { 'content-type': 'text/plain' },
      });
      expect(text.status).toBe(415);
      expect(await auditCount()).toBe(before);
    });

    it('an action in a plan that does not exist → 404; a theme not in the plan → 400, nothing written', async () => {
      const before = await auditCount();
      const r = await api.call('POST', `${H}/plans/01ARZ3NDEKTSV4RRFFQ69G5FAV/actions`, {
        as: EDITOR,
        body: { title: 'x' },
      });
      expect(r.status).toBe(404);
      const t = await api.call('POST', `${H}/plans/${planId}/actions`, {
        as: EDITOR,
        body: { title: 'x', themeId: '01ARZ3NDEKTSV4RRFFQ69G5FAV' },
      });
      expect(t.status).toBe(400);
      expect(t.body.error.details[0].path).toBe('themeId');
      expect(await auditCount()).toBe(before);
    });
  });

  it('two concurrent updates with the same version: one wins, the other gets 409', async () => {
    const a = await api.call('GET', `${H}/actions/${actionIds[0]}`, { as: EDITOR });
    const v = a.body.version;
    const [r1, r2] = await Promise.all([
      api.call('PATCH', `${H}/actions/${actionIds[0]}`, {
        as: EDITOR,
        body: { version: v, title: 'Title by Ann' },
      }),
      api.call('PATCH', `${H}/actions/${actionIds[0]}`, {
        as: 'admin@harrow.test',
        body: { version: v, title: 'Title by Bob' },
      }),
    ]);
    expect([r1.status, r2.status].sort()).toEqual([200, 409]);
    const winner = r1.status === 200 ? 'Title by Ann' : 'Title by Bob';
    const after = await api.call('GET', `${H}/actions/${actionIds[0]}`, { as: EDITOR });
    expect(after.body.title).toBe(winner);
    expect(after.body.version).toBe(v + 1);
    const stale = await api.call('PATCH', `${H}/actions/${actionIds[0]}`, {
      as: EDITOR,
      body: { version: v, title: 'late' },
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('conflict');
  });

  it('progress updates can never be edited or deleted through the API', async () => {
    const history = await api.call('GET', `${H}/actions/${actionIds[0]}/updates`, { as: EDITOR });
    const id = history.body.items[0].id;
    for (const method of ['PATCH', 'PUT', 'DELETE']) {
      const r = await api.call(method, `${H}/actions/${actionIds[0]}/updates/${id}`, {
        as: 'admin@harrow.test',
        body: { narrative: 'rewritten' },
      });
      expect(r.status).toBe(404);
    }
    const spec = await api.call('GET', '/api/v1/openapi.json');
    const updatePaths = Object.entries(spec.body.paths).filter(([p]) => p.includes('/updates'));
    for (const [, ops] of updatePaths) expect(Object.keys(ops as object).sort()).toEqual(['get', 'post']);
    const again = await api.call('GET', `${H}/actions/${actionIds[0]}/updates`, { as: EDITOR });
    expect(again.body.items[0].narrative).toBe('Discussions with the unions have started.');
  });

  it('moving a milestone later keeps its baseline and shows as slipping on the dashboard', async () => {
    const m = await api.call('GET', `${H}/milestones/${milestoneId}`, { as: EDITOR });
    const later = { text: `June ${YEAR}`, kind: 'date', due: `${YEAR}-06-30`, precision: 'month' };
    const r = await api.call('PATCH', `${H}/milestones/${milestoneId}`, {
      as: EDITOR,
      body: { version: m.body.version, due: later },
    });
    expect(r.status).toBe(200);
    expect(r.body.baselineDue.due).toBe(`${YEAR}-03-31`);
    expect(r.body.due.due).toBe(`${YEAR}-06-30`);
    const dash = await api.call('GET', `${H}/dashboard`, { as: 'viewer@harrow.test' });
    expect(dash.body.slipping.map((i: { id: string }) => i.id)).toContain(milestoneId);
  });

  it('records an audit event with before and after for each change', async () => {
    const r = await api.call('GET', `${H}/audit?limit=5`, { as: 'admin@harrow.test' });
    const last = r.body.items[0];
    expect(last.entityType).toBe('milestone');
    expect(last.before.due.due).toBe(`${YEAR}-03-31`);
    expect(last.after.due.due).toBe(`${YEAR}-06-30`);
    expect(last.actorName).toBe('editor of harrow');
    expect((await api.call('GET', `${H}/audit`, { as: EDITOR })).status).toBe(403);
  });
});
