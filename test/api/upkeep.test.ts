/**
 * Keeping a plan up through the API (issue 16): a plan's life (draft → active → closed → archived),
 * themes renamed and reordered, actions reordered and moved with their sub-actions, milestones moved
 * later with a reason, and the plan's other tables (continuity, decisions). Every new route answers 403
 * to a role below its own and 404 to another council.
 */
import { londonToday } from '@peopleplan/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from '../support/api.js';

const H = '/api/v1/councils/harrow';
const K = '/api/v1/councils/kent';
const EDITOR = 'editor@harrow.test';
const date = (due: string) => ({ text: due, kind: 'date', due, precision: 'day' });

describe('keeping a plan up', () => {
  let api: TestApi;
  let planId: string;
  let themes: Array<{ id: string; version: number; title: string }>;
  let kentPlanId: string;
  let kentThemeId: string;

  const call = (method: string, path: string, as: string, body?: unknown) =>
    api.call(method, path, { as, ...(body === undefined ? {} : { body }) });

  beforeAll(async () => {
    api = await createTestApi();
    const p = await call('POST', `${H}/plans`, EDITOR, {
      title: 'Workforce plan 2026-27',
      kind: 'business-plan',
      period: { label: '2026-27', start: '2026-04-01', end: '2027-03-31' },
      reportingPoints: [
        { label: 'Mid-year 2026-27', date: '2026-09-30' },
        { label: 'Year-end 2026-27', date: '2027-03-31' },
      ],
      themes: [{ title: 'Recruitment' }, { title: 'Retention' }, { title: 'Wellbeing' }],
    });
    expect(p.status).toBe(201);
    planId = p.body.id;
    themes = p.body.themes;
    const k = await call('POST', `${K}/plans`, 'editor@kent.test', {
      title: 'Kent plan',
      kind: 'business-plan',
      themes: [{ title: 'Kent theme' }],
    });
    kentPlanId = k.body.id;
    kentThemeId = k.body.themes[0].id;
  });
  afterAll(() => api.drop());

  it('moves a plan from draft to active (dated), closed and back, refuses other moves, and archives', async () => {
    const plan = (await call('GET', `${H}/plans/${planId}`, EDITOR)).body;
    expect(plan.status).toBe('draft');
    expect(plan.activatedOn).toBeUndefined();
    const bad = await call('PATCH', `${H}/plans/${planId}`, EDITOR, {
      version: plan.version,
      status: 'closed',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0]).toMatchObject({
      path: 'status',
      message: 'a draft plan: it can become active',
    });
    const active = await call('PATCH', `${H}/plans/${planId}`, EDITOR, {
      version: plan.version,
      status: 'active',
    });
    expect(active.body).toMatchObject({ status: 'active', activatedOn: londonToday() });
    const closed = await call('PATCH', `${H}/plans/${planId}`, EDITOR, {
      version: active.body.version,
      status: 'closed',
    });
    expect(closed.body.status).toBe('closed');
    expect(
      (
        await call('PATCH', `${H}/plans/${planId}`, EDITOR, {
          version: closed.body.version,
          status: 'archived',
        })
      ).status,
    ).toBe(400);
    const reopened = await call('PATCH', `${H}/plans/${planId}`, EDITOR, {
      version: closed.body.version,
      status: 'active',
    });
    expect(reopened.body.status).toBe('active');

    // A spare plan goes all the way: only an administrator archives, and nothing moves it after.
    const spare = (
      await call('POST', `${H}/plans`, EDITOR, { title: 'Spare', kind: 'peer-review', status: 'active' })
    ).body;
    expect(spare.activatedOn).toBe(londonToday());
    expect((await call('DELETE', `${H}/plans/${spare.id}?version=1`, EDITOR)).status).toBe(403);
    const archived = await call('DELETE', `${H}/plans/${spare.id}?version=1`, 'admin@harrow.test');
    expect(archived.body.status).toBe('archived');
    // Archived is final: the plan is the council's record (archived-plan.test.ts has every write).
    const reactivated = await call('PATCH', `${H}/plans/${spare.id}`, EDITOR, {
      version: 2,
      status: 'active',
    });
    expect(reactivated.status).toBe(409);
    expect(reactivated.body.error.code).toBe('plan-archived');
  });

  it('keeps what the council calls the plan’s groups, in its reports too, until it is emptied', async () => {
    const made = await call('POST', `${H}/plans`, EDITOR, {
      title: 'Workforce plan 2026-27',
      kind: 'business-plan',
      themeNoun: 'Theme',
      themes: [{ ref: '1', title: 'Pay and reward' }],
    });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    const id = made.body.id;
    expect((await call('GET', `${H}/plans/${id}`, 'viewer@harrow.test')).body.themeNoun).toBe('Theme');
    const report = async () =>
      String((await call('GET', `${H}/plans/${id}/reports?period=year-end&format=html`, EDITOR)).body);
    const html = await report();
    expect(html).toContain('Theme 1: Pay and reward');
    expect(html).not.toContain('Priority 1');
    const long = await call('PATCH', `${H}/plans/${id}`, EDITOR, { version: 1, themeNoun: 'x'.repeat(41) });
    expect(long.status).toBe(400);
    expect(long.body.error.details[0].path).toBe('themeNoun');
    const emptied = await call('PATCH', `${H}/plans/${id}`, EDITOR, { version: 1, themeNoun: '' });
    expect(emptied.status).toBe(200);
    expect(await report()).toContain('Priority 1: Pay and reward');
  });

  it('changes a plan’s kind (editors), records it in the plan’s history, and reports in its words', async () => {
    const made = await call('POST', `${H}/plans`, EDITOR, {
      title: 'Peer review plan',
      kind: 'peer-review',
      themes: [{ ref: '1', title: 'Leadership' }],
    });
    const id = made.body.id;
    const viewer = await call('PATCH', `${H}/plans/${id}`, 'viewer@harrow.test', {
      version: 1,
      kind: 'business-plan',
    });
    expect(viewer.status).toBe(403);
    const bad = await call('PATCH', `${H}/plans/${id}`, EDITOR, { version: 1, kind: 'novel' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].path).toBe('kind');
    const changed = await call('PATCH', `${H}/plans/${id}`, EDITOR, { version: 1, kind: 'business-plan' });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    expect(changed.body).toMatchObject({ kind: 'business-plan', version: 2 });
    expect((await call('GET', `${H}/plans/${id}`, 'viewer@harrow.test')).body.kind).toBe('business-plan');
    const history = await call('GET', `${H}/plans/${id}/history`, 'viewer@harrow.test');
    expect(history.body.items[0].changes).toEqual([
      { field: 'kind', before: 'peer-review', after: 'business-plan' },
    ]);
    const report = await call('GET', `${H}/plans/${id}/reports?period=year-end&format=html`, EDITOR);
    expect(String(report.body)).toContain('Priority 1: Leadership');
  });

  it('refuses two reporting points with one name', async () => {
    const r = await call('POST', `${H}/plans`, EDITOR, {
      title: 'Twice',
      kind: 'business-plan',
      reportingPoints: [
        { label: 'Mid-year', date: '2026-09-30' },
        { label: 'mid-year', date: '2027-09-30' },
      ],
    });
    expect(r.status).toBe(400);
    expect(r.body.error.details[0].message).toBe('give each reporting point its own name');
  });

  it('renames and reorders themes, for editors of the council only', async () => {
    const [recruitment, retention, wellbeing] = themes;
    const path = `${H}/plans/${planId}/themes/${recruitment!.id}`;
    expect((await call('PATCH', path, 'contributor@harrow.test', { version: 1, title: 'x' })).status).toBe(
      403,
    );
    expect((await call('PATCH', path, 'admin@kent.test', { version: 1, title: 'x' })).status).toBe(404);
    expect(
      (
        await call('PATCH', `${K}/plans/${kentPlanId}/themes/${recruitment!.id}`, 'admin@kent.test', {
          version: 1,
        })
      ).status,
    ).toBe(404);
    const renamed = await call('PATCH', path, EDITOR, { version: 1, title: 'Finding the right people' });
    expect(renamed.body).toMatchObject({ title: 'Finding the right people', version: 2 });
    expect((await call('PATCH', path, EDITOR, { version: 1, title: 'Stale' })).status).toBe(409);

    const order = `${H}/plans/${planId}/theme-order`;
    expect((await call('PUT', order, 'contributor@harrow.test', { themeIds: [wellbeing!.id] })).status).toBe(
      403,
    );
    expect(
      (
        await call('PUT', `${K}/plans/${kentPlanId}/theme-order`, 'admin@kent.test', {
          themeIds: [wellbeing!.id],
        })
      ).status,
    ).toBe(400);
    expect((await call('PUT', order, 'admin@kent.test', { themeIds: [kentThemeId] })).status).toBe(404);
    // Wellbeing moves up past Retention: the two swap places, Recruitment stays first.
    const moved = await call('PUT', order, EDITOR, { themeIds: [wellbeing!.id, retention!.id] });
    expect(moved.status).toBe(200);
    const listed = (await call('GET', `${H}/plans/${planId}/themes`, 'viewer@harrow.test')).body.items;
    expect(listed.map((t: { title: string }) => t.title)).toEqual([
      'Finding the right people',
      'Wellbeing',
      'Retention',
    ]);
    expect((await call('PUT', order, EDITOR, { themeIds: [wellbeing!.id, wellbeing!.id] })).status).toBe(400);
  });

  it('reorders actions under one theme, and moves an action to another theme with its sub-actions', async () => {
    const [t1, t2] = themes;
    const make = async (ref: string, extra: object = {}) =>
      (
        await call('POST', `${H}/plans/${planId}/actions`, EDITOR, {
          ref,
          title: `Action ${ref}`,
          themeId: t1!.id,
          ...extra,
        })
      ).body;
    const a1 = await make('1');
    const a2 = await make('2');
    const sub = await make('2.1', { parentId: a2.id });
    const order = `${H}/plans/${planId}/action-order`;
    expect((await call('PUT', order, 'contributor@harrow.test', { actionIds: [a2.id, a1.id] })).status).toBe(
      403,
    );
    expect(
      (await call('PUT', `${K}/plans/${kentPlanId}/action-order`, 'admin@kent.test', { actionIds: [a2.id] }))
        .status,
    ).toBe(404);
    // A sub-action is not a sibling of top-level actions.
    expect((await call('PUT', order, EDITOR, { actionIds: [a2.id, sub.id] })).status).toBe(400);
    const swapped = await call('PUT', order, EDITOR, { actionIds: [a2.id, a1.id] });
    expect(swapped.status).toBe(200);
    const contents = (await call('GET', `${H}/plans/${planId}/contents`, 'viewer@harrow.test')).body;
    const top = contents.actions
      .filter((a: { parentId?: string }) => !a.parentId)
      .map((a: { ref: string }) => a.ref);
    expect(top).toEqual(['2', '1']);

    const current = (await call('GET', `${H}/actions/${a2.id}`, EDITOR)).body;
    expect(
      (await call('PATCH', `${H}/actions/${sub.id}`, EDITOR, { version: sub.version, themeId: t2!.id }))
        .status,
    ).toBe(400);
    const moved = await call('PATCH', `${H}/actions/${a2.id}`, EDITOR, {
      version: current.version,
      themeId: t2!.id,
    });
    expect(moved.status).toBe(200);
    expect((await call('GET', `${H}/actions/${sub.id}`, EDITOR)).body.themeId).toBe(t2!.id);
  });

  it('keeps each move of a milestone later, with its reason', async () => {
    const a = (await call('POST', `${H}/plans/${planId}/actions`, EDITOR, { title: 'Milestone holder' }))
      .body;
    const m = (
      await call('POST', `${H}/actions/${a.id}/milestones`, EDITOR, {
        ref: 'A',
        title: 'Consult',
        due: date('2027-01-31'),
      })
    ).body;
    const tooShort = await call('PATCH', `${H}/milestones/${m.id}`, EDITOR, {
      version: m.version,
      due: date('2027-02-28'),
      rebaselineReason: 'x',
    });
    expect(tooShort.status).toBe(400);
    const moved = await call('PATCH', `${H}/milestones/${m.id}`, EDITOR, {
      version: m.version,
      due: date('2027-02-28'),
      rebaselineReason: 'Union meeting moved',
    });
    expect(moved.body.baselineDue.due).toBe('2027-01-31');
    expect(moved.body.rebaselines).toMatchObject([
      {
        from: { due: '2027-01-31' },
        to: { due: '2027-02-28' },
        reason: 'Union meeting moved',
        by: 'editor of harrow',
      },
    ]);
    const earlier = await call('PATCH', `${H}/milestones/${m.id}`, EDITOR, {
      version: moved.body.version,
      due: date('2027-01-15'),
    });
    expect(earlier.body.rebaselines).toHaveLength(1);
  });

  it('keeps each move of an action’s deadline later, with its reason, and the first committed date', async () => {
    const a = (
      await call('POST', `${H}/plans/${planId}/actions`, EDITOR, {
        title: 'Refresh the appraisal scheme',
        due: date('2027-06-30'),
      })
    ).body;
    expect(a.baselineDue).toBeUndefined();
    const moved = await call('PATCH', `${H}/actions/${a.id}`, EDITOR, {
      version: a.version,
      due: date('2027-09-30'),
      rebaselineReason: 'New HR system arrives in August',
    });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect(moved.body.baselineDue.due).toBe('2027-06-30');
    expect(moved.body.rebaselines).toMatchObject([
      { from: { due: '2027-06-30' }, to: { due: '2027-09-30' }, reason: 'New HR system arrives in August' },
    ]);
    // Moved again: the first committed date stays; moved earlier: no move is recorded.
    const again = await call('PATCH', `${H}/actions/${a.id}`, EDITOR, {
      version: moved.body.version,
      due: date('2027-12-31'),
    });
    expect(again.body.baselineDue.due).toBe('2027-06-30');
    expect(again.body.rebaselines).toHaveLength(2);
    const earlier = await call('PATCH', `${H}/actions/${a.id}`, EDITOR, {
      version: again.body.version,
      due: date('2027-11-30'),
    });
    expect(earlier.body.rebaselines).toHaveLength(2);
    // The reports show where it started.
    const csv = await api.app.request(`${H}/plans/${planId}/reports?period=2026-12&format=csv`, {
      headers: { authorization: `Bearer ${await api.token(EDITOR)}` },
    });
    const row = (await csv.text()).split('\n').find((l) => l.includes('Refresh the appraisal scheme'))!;
    expect(row).toContain('2027-06-30');
  });

  it('refuses a ref another action of the plan has, and numbers a milestone added without one', async () => {
    const add = (ref: string, title: string) =>
      call('POST', `${H}/plans/${planId}/actions`, EDITOR, { themeId: themes[2]!.id, ref, title });
    const first = await add('3.3', 'Launch the wellbeing champions network');
    expect(first.status).toBe(201);
    const again = await add(' 3.3', 'Run a menopause café');
    expect(again.status).toBe(409);
    expect(again.body.error.message).toMatch(
      /^3\.3 is already the ref of “Launch the wellbeing champions network” in this plan/,
    );
    // Refs that look the same on every page and report are the same ref: a zero-width space pasted
    // from Word, a full-width digit, a soft hyphen, doubled spaces.
    for (const lookAlike of [
      '3.3\u200b',
      '３.３',
      '3\u00ad.3',
      '\ufeff3.3 ',
      // Direction marks and overrides, invisible separators and fillers (security probe).
      '3.3\u200e',
      '\u20663.3',
      '3.3\u202e',
      '3.3\u2063',
      '3.3\u034f',
      '3.3\u180e',
      '3.3\u3164',
      '\u00003.3',
    ]) {
      const refused = await add(lookAlike, 'Run a menopause café');
      expect(refused.status, JSON.stringify(lookAlike)).toBe(409);
    }
    const spaced = await add('3.3  b', 'Spaced ref');
    expect(spaced.body.ref).toBe('3.3 b');
    expect((await add('3.3 b', 'Same ref')).status).toBe(409);
    const other = await add('3.4', 'Run a menopause café');
    expect(other.status).toBe(201);
    // Renumbered onto a taken ref: refused, nothing changed; its own ref kept while other fields change.
    const renumber = await call('PATCH', `${H}/actions/${other.body.id}`, EDITOR, {
      version: other.body.version,
      ref: '3.3',
    });
    expect(renumber.status).toBe(409);
    const kept = await call('PATCH', `${H}/actions/${other.body.id}`, EDITOR, {
      version: other.body.version,
      ref: '3.4',
      title: 'Run a monthly menopause café',
    });
    expect(kept.status, JSON.stringify(kept.body)).toBe(200);
    // Milestones added by hand are numbered as imported ones are, after those already there.
    const ms = async (body: object) =>
      (await call('POST', `${H}/actions/${first.body.id}/milestones`, EDITOR, body)).body.ref;
    expect(await ms({ title: 'Champions recruited' })).toBe('3.3.M1');
    expect(await ms({ title: 'Champions trained', ref: 'T1' })).toBe('T1');
    expect(await ms({ title: 'Network launched' })).toBe('3.3.M2');
  });

  it('lets the text an import kept with an action be tidied or cleared, the history keeping it', async () => {
    const a = (
      await call('POST', `${H}/plans/${planId}/actions`, EDITOR, { title: 'Reduce sickness absence' })
    ).body;
    const kept = await call('PATCH', `${H}/actions/${a.id}`, EDITOR, {
      version: a.version,
      unplaced: ['Review: this plan will be reviewed in March 2027.'],
    });
    expect(kept.body.unplaced).toEqual(['Review: this plan will be reviewed in March 2027.']);
    const cleared = await call('PATCH', `${H}/actions/${a.id}`, EDITOR, {
      version: kept.body.version,
      unplaced: [],
    });
    expect(cleared.status, JSON.stringify(cleared.body)).toBe(200);
    expect(cleared.body.unplaced).toEqual([]);
    const history = await call('GET', `${H}/actions/${a.id}/history`, EDITOR);
    expect(JSON.stringify(history.body)).toContain('Review: this plan will be reviewed in March 2027.');
  });

  it('adds and edits continuity functions and key decisions', async () => {
    for (const [kind, fields, change] of [
      ['continuity', { name: 'Payroll', timescale: '24 hours' }, { minimumServiceLevel: 'Pay on time' }],
      [
        'decisions',
        { title: 'Restructure HR', decisionMaker: 'Cabinet', due: date('2027-02-01') },
        { decisionMaker: 'Council' },
      ],
    ] as const) {
      const base = `${H}/plans/${planId}/${kind}`;
      expect((await call('POST', base, 'contributor@harrow.test', fields)).status).toBe(403);
      expect((await call('POST', `${K}/plans/${planId}/${kind}`, 'editor@kent.test', fields)).status).toBe(
        404,
      );
      const made = await call('POST', base, EDITOR, fields);
      expect(made.status).toBe(201);
      const edited = await call('PATCH', `${base}/${made.body.id}`, EDITOR, { version: 1, ...change });
      expect(edited.body).toMatchObject({ ...change, version: 2 });
      expect(
        (await call('PATCH', `${base}/${made.body.id}`, 'viewer@harrow.test', { version: 2 })).status,
      ).toBe(403);
      expect(
        (
          await call('PATCH', `${K}/plans/${kentPlanId}/${kind}/${made.body.id}`, 'editor@kent.test', {
            version: 2,
          })
        ).status,
      ).toBe(404);
      const listed = (await call('GET', base, 'viewer@harrow.test')).body.items;
      expect(listed.map((x: { id: string }) => x.id)).toEqual([made.body.id]);
    }
    const contents = (await call('GET', `${H}/plans/${planId}/contents`, 'viewer@harrow.test')).body;
    expect(contents.continuity[0].minimumServiceLevel).toBe('Pay on time');
    expect(contents.decisions[0].decisionMaker).toBe('Council');
  });

  it('removes a risk read wrongly, at the version seen, for editors of the council only; the audit keeps it', async () => {
    const base = `${H}/plans/${planId}/risks`;
    const risk = (await call('POST', base, EDITOR, { description: 'Green – on track' })).body;
    const path = `${base}/${risk.id}`;
    expect((await call('DELETE', `${path}?version=1`, 'viewer@harrow.test')).status).toBe(403);
    expect(
      (await call('DELETE', `${K}/plans/${kentPlanId}/risks/${risk.id}?version=1`, 'editor@kent.test'))
        .status,
    ).toBe(404);
    expect((await call('DELETE', path, EDITOR)).status).toBe(400);
    await call('PATCH', path, EDITOR, { version: 1, description: 'Green – on track (key)' });
    expect((await call('DELETE', `${path}?version=1`, EDITOR)).status).toBe(409);
    expect((await call('DELETE', `${path}?version=2`, EDITOR)).status).toBe(204);
    expect(
      (await call('GET', base, 'viewer@harrow.test')).body.items.map((r: { id: string }) => r.id),
    ).not.toContain(risk.id);
    expect((await call('DELETE', `${path}?version=2`, EDITOR)).status).toBe(404);
    const audit = (await call('GET', `${H}/audit?limit=5`, 'admin@harrow.test')).body.items;
    expect(audit[0]).toMatchObject({ operation: 'delete', entityType: 'risk', entityId: risk.id });
    expect(audit[0].before.description).toBe('Green – on track (key)');
  });

  it('removes a theme only once no action is under it', async () => {
    const made = await call('POST', `${H}/plans/${planId}/themes`, EDITOR, { title: 'Key' });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    const path = `${H}/plans/${planId}/themes/${made.body.id}`;
    const action = await call('POST', `${H}/plans/${planId}/actions`, EDITOR, {
      title: 'Put under the stray theme',
      themeId: made.body.id,
    });
    expect(action.status, JSON.stringify(action.body)).toBe(201);
    const refused = await call('DELETE', `${path}?version=1`, EDITOR);
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toMatch(/still has an action: move it to another/);
    expect((await call('DELETE', `${path}?version=1`, 'contributor@harrow.test')).status).toBe(403);
    const moved = await call('PATCH', `${H}/actions/${action.body.id}`, EDITOR, {
      version: action.body.version,
      themeId: themes[0]!.id,
    });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    const search = async () =>
      JSON.stringify((await call('GET', `${H}/search?q=Key`, 'viewer@harrow.test')).body);
    expect(await search()).toContain(made.body.id);
    expect((await call('DELETE', `${path}?version=1`, EDITOR)).status).toBe(204);
    const listed = (await call('GET', `${H}/plans/${planId}/themes`, 'viewer@harrow.test')).body.items;
    expect(listed.map((t: { id: string }) => t.id)).not.toContain(made.body.id);
    // Search no longer finds it.
    expect(await search()).not.toContain(made.body.id);
  });
});
