/**
 * What a person leads and the update round, through the API (issue 16): "my actions" grouped late,
 * due soon and later; reporting periods chosen from the plan's (free text refused); corrections that
 * keep both updates; ratings rolled up from milestones and sub-actions with reasons in words; staleness
 * from the day a plan became active.
 */
import { londonToday } from '@peopleplan/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from '../support/api.js';

const H = '/api/v1/councils/harrow';
const K = '/api/v1/councils/kent';
const EDITOR = 'editor@harrow.test';
const CONTRIBUTOR = 'contributor@harrow.test';
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const date = (due: string) => ({ text: due, kind: 'date', due, precision: 'day' });

describe('my actions, reporting periods, corrections and ratings', () => {
  let api: TestApi;
  let planId: string;
  let personId: string;
  const ids: Record<string, string> = {};

  const call = (method: string, path: string, as: string, body?: unknown) =>
    api.call(method, path, { as, ...(body === undefined ? {} : { body }) });

  beforeAll(async () => {
    api = await createTestApi();
    personId = (
      await call('POST', `${H}/people`, EDITOR, { name: 'Pat Contributor', roleLabel: 'HR Adviser' })
    ).body.id;
    await api.linkMember(CONTRIBUTOR, 'harrow', personId);
    const plan = await call('POST', `${H}/plans`, EDITOR, {
      title: 'People plan',
      kind: 'business-plan',
      status: 'active',
      reportingPoints: [
        { label: 'Q3 2026-27', date: day(-30) },
        { label: 'Q4 2026-27', date: day(60) },
      ],
      themes: [{ title: 'Recruitment' }],
    });
    planId = plan.body.id;
    const lead = [{ role: 'responsible', label: 'HR Adviser', personId }];
    const make = async (key: string, body: object) => {
      const r = await call('POST', `${H}/plans/${planId}/actions`, EDITOR, {
        themeId: plan.body.themes[0].id,
        ...body,
      });
      ids[key] = r.body.id;
    };
    await make('late', {
      ref: '1',
      title: 'Late action',
      leads: lead,
      status: 'on-track',
      due: date(day(-21)),
    });
    await make('soon', {
      ref: '2',
      title: 'Soon action',
      leads: lead,
      status: 'on-track',
      due: date(day(10)),
    });
    await make('later', {
      ref: '3',
      title: 'Later action',
      leads: lead,
      status: 'on-track',
      due: date(day(200)),
    });
    await make('msLate', {
      ref: '4',
      title: 'Action with a late milestone',
      leads: lead,
      status: 'on-track',
    });
    await make('other', { ref: '5', title: 'Someone else’s action', status: 'on-track' });
    await make('sub', { ref: '4.1', title: 'Sub-action', status: 'off-track', parentId: ids.msLate });
    await call('POST', `${H}/actions/${ids.msLate}/milestones`, EDITOR, {
      ref: 'B',
      title: 'Draft',
      due: date(day(-30)),
    });
  });
  afterAll(() => api.drop());

  it('lists what the signed-in person leads, late, due soon and later, with each plan’s periods', async () => {
    const r = await call('GET', `${H}/my-actions`, CONTRIBUTOR);
    expect(r.status).toBe(200);
    expect(r.body.person).toEqual({ id: personId });
    const by = (t: string) => r.body.items.filter((i: { timeliness: string }) => i.timeliness === t);
    expect(by('late').map((i: { action: { ref: string } }) => i.action.ref)).toEqual(['1', '4']);
    expect(by('due-soon').map((i: { action: { ref: string } }) => i.action.ref)).toEqual(['2']);
    expect(by('later').map((i: { action: { ref: string } }) => i.action.ref)).toEqual(['3']);
    expect(r.body.items.some((i: { action: { id: string } }) => i.action.id === ids.other)).toBe(false);
    const late = r.body.items.find((i: { action: { ref: string } }) => i.action.ref === '4');
    expect(late.milestones).toMatchObject([{ ref: 'B', late: true, daysLate: 30 }]);
    expect(r.body.plans).toEqual([
      {
        id: planId,
        title: 'People plan',
        items: [
          { value: 'Q3 2026-27', label: 'Q3 2026-27', date: day(-30), fromPlan: true, closed: false },
          { value: 'Q4 2026-27', label: 'Q4 2026-27', date: day(60), fromPlan: true, closed: false },
        ],
        // Q3 was reported 30 days ago and is not closed: its updates are still being gathered.
        current: 'Q3 2026-27',
      },
    ]);
    // Someone not linked to a person leads nothing; another council's member gets 404.
    const editor = await call('GET', `${H}/my-actions`, EDITOR);
    expect(editor.body).toMatchObject({ items: [], plans: [] });
    expect(editor.body.person).toBeUndefined();
    expect((await call('GET', `${H}/my-actions`, 'viewer@kent.test')).status).toBe(404);
    expect((await call('GET', `${K}/plans/${planId}/reporting-periods`, 'viewer@kent.test')).status).toBe(
      404,
    );
    expect(
      (await call('GET', `${H}/plans/${planId}/reporting-periods`, 'viewer@harrow.test')).body.current,
    ).toBe('Q3 2026-27');
  });

  it('lets a viewer read a new plan’s periods: saying which are closed writes nothing', async () => {
    // A plan no one has updated or closed yet has no closed-periods record; a viewer's session may not
    // write one (IAM, checked here as in AWS).
    const fresh = await call('POST', `${H}/plans`, EDITOR, { title: 'Fresh plan', kind: 'business-plan' });
    expect(fresh.status).toBe(201);
    const r = await call('GET', `${H}/plans/${fresh.body.id}/reporting-periods`, 'viewer@harrow.test');
    expect(r.status).toBe(200);
    expect(r.body.items.every((p: { closed: boolean }) => p.closed === false)).toBe(true);
  });

  it('rolls an action’s rating up from its milestones and sub-actions, with reasons in words', async () => {
    const a = (await call('GET', `${H}/actions/${ids.msLate}`, 'viewer@harrow.test')).body;
    expect(a.status).toBe('on-track');
    expect(a.rag.rag).toBe('red');
    expect(a.rag.reasons).toEqual([
      `Milestone B is 4 weeks late (due ${new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(day(-30)))})`,
      'Sub-action 4.1 is reported as off track',
    ]);
    for (const r of a.rag.reasons) expect(r).not.toMatch(/on-track|off-track|not-started/);
    // A council that counts neither sees the action's own rating.
    const settings = (await call('GET', `${H}/settings`, 'admin@harrow.test')).body;
    await call('PATCH', `${H}/settings`, 'admin@harrow.test', {
      version: settings.version,
      ragRules: { ...settings.ragRules, rollUp: { milestones: 'none', subActions: 'none' } },
    });
    const own = (await call('GET', `${H}/plans/${planId}/contents`, 'viewer@harrow.test')).body.actions.find(
      (x: { id: string }) => x.id === ids.msLate,
    );
    expect(own.rag).toEqual({
      rag: 'green',
      reasons: ['This action is reported as on track'],
      overridden: false,
    });
    const again = (await call('GET', `${H}/settings`, 'admin@harrow.test')).body;
    await call('PATCH', `${H}/settings`, 'admin@harrow.test', {
      version: again.version,
      ragRules: { ...again.ragRules, rollUp: { milestones: 'worst', subActions: 'worst' } },
    });
  });

  it('files an update under one of the plan’s periods only, however it is written', async () => {
    const post = (body: object, as = CONTRIBUTOR) =>
      call('POST', `${H}/actions/${ids.soon}/updates`, as, body);
    const free = await post({ narrative: 'Done some', status: 'on-track', period: 'next tuesday' });
    expect(free.status).toBe(400);
    expect(free.body.error.details[0]).toMatchObject({ path: 'period' });
    expect(free.body.error.details[0].message).toContain('Q3 2026-27, Q4 2026-27');
    const spelt = await post({ narrative: 'Adverts out', status: 'on-track', period: 'q3 2026-27' });
    expect(spelt.status).toBe(201);
    expect(spelt.body.update.period).toBe('Q3 2026-27');
    const unsaid = await post({ narrative: 'Interviews booked', status: 'on-track' });
    expect(unsaid.body.update.period).toBe('Q3 2026-27');
    expect(unsaid.body.action.latestUpdate.period).toBe('Q3 2026-27');
    // Not the contributor's action: refused before anything is read of the period.
    expect(
      (
        await call('POST', `${H}/actions/${ids.other}/updates`, CONTRIBUTOR, {
          narrative: 'x',
          status: 'on-track',
        })
      ).status,
    ).toBe(403);
  });

  it('keeps a corrected update and its correction, and the correction counts', async () => {
    const path = `${H}/actions/${ids.later}/updates`;
    const first = (await call('POST', path, CONTRIBUTOR, { narrative: 'Budget agreed', status: 'completed' }))
      .body;
    expect(first.action.status).toBe('completed');
    const fix = await call('POST', path, CONTRIBUTOR, {
      narrative: 'Budget not yet agreed: reported too soon',
      status: 'at-risk',
      corrects: first.update.id,
    });
    expect(fix.status).toBe(201);
    expect(fix.body.update).toMatchObject({ corrects: first.update.id, period: first.update.period });
    expect(fix.body.action.status).toBe('at-risk');
    const history = (await call('GET', path, 'viewer@harrow.test')).body.items;
    expect(history.map((u: { narrative: string }) => u.narrative)).toEqual([
      'Budget not yet agreed: reported too soon',
      'Budget agreed',
    ]);
    // Once corrected, an update is not corrected again: the correction is.
    const twice = await call('POST', path, EDITOR, {
      narrative: 'Again',
      status: 'on-track',
      corrects: first.update.id,
    });
    expect(twice.status).toBe(409);
    // An update of another action cannot be corrected here.
    const elsewhere = await call('POST', `${H}/actions/${ids.soon}/updates`, EDITOR, {
      narrative: 'x',
      status: 'on-track',
      corrects: fix.body.update.id,
    });
    expect(elsewhere.status).toBe(400);
    expect(elsewhere.body.error.details[0].path).toBe('corrects');

    // Correcting an older update adds to the history but does not move the action: a newer one stands.
    const newer = (
      await call('POST', path, CONTRIBUTOR, { narrative: 'Budget agreed now', status: 'on-track' })
    ).body;
    const old = await call('POST', path, CONTRIBUTOR, {
      narrative: 'Budget delayed (corrected)',
      status: 'off-track',
      corrects: fix.body.update.id,
    });
    expect(old.status).toBe(201);
    expect(old.body.action.latestUpdate.id).toBe(newer.update.id);
    expect((await call('GET', `${H}/actions/${ids.later}`, EDITOR)).body.status).toBe('on-track');
  });

  it('counts an action with no update as stale from the day its plan became active', async () => {
    const later = createTestApi({ today: () => day(120) });
    const api2 = await later;
    try {
      const p = await api2.call('POST', `${H}/plans`, {
        as: EDITOR,
        body: { title: 'Quiet plan', kind: 'peer-review', status: 'draft' },
      });
      await api2.call('POST', `${H}/plans/${p.body.id}/actions`, {
        as: EDITOR,
        body: { title: 'Never updated' },
      });
      const stale = async () =>
        (await api2.call('GET', `${H}/dashboard`, { as: 'viewer@harrow.test' })).body.plans[0]
          .stale as number;
      // A draft is not reported on yet.
      expect(await stale()).toBe(0);
      const active = await api2.call('PATCH', `${H}/plans/${p.body.id}`, {
        as: EDITOR,
        body: { version: 1, status: 'active' },
      });
      expect(active.body.activatedOn).toBe(londonToday());
      // Active since today, and the dashboard's "today" is 120 days on: past a quarter with no update.
      expect(await stale()).toBe(1);
    } finally {
      await api2.drop();
    }
  });

  it('lets a contributor mark the milestones of the actions they lead done, on the day they were done', async () => {
    const mine = (await call('GET', `${H}/actions/${ids.msLate}/milestones`, CONTRIBUTOR)).body.items[0];
    const theirs = (
      await call('POST', `${H}/actions/${ids.other}/milestones`, EDITOR, { ref: 'C', title: 'Theirs' })
    ).body;
    const done = (id: string, as: string, body: object) =>
      call('POST', `${H}/milestones/${id}/completion`, as, body);

    const future = await done(mine.id, CONTRIBUTOR, {
      version: mine.version,
      completed: true,
      completedOn: day(3),
    });
    expect(future.status).toBe(400);
    expect(future.body.error.details[0].path).toBe('completedOn');
    // Nor long before the plan began: a slip of the keyboard, or a claim the plan's dates cannot bear.
    const ancient = await done(mine.id, CONTRIBUTOR, {
      version: mine.version,
      completed: true,
      completedOn: '1999-01-01',
    });
    expect(ancient.status).toBe(400);
    expect(ancient.body.error.message).toMatch(/before its plan began/);
    expect((await done(theirs.id, CONTRIBUTOR, { version: theirs.version, completed: true })).status).toBe(
      403,
    );
    expect(
      (await done(mine.id, 'viewer@harrow.test', { version: mine.version, completed: true })).status,
    ).toBe(403);

    const r = await done(mine.id, CONTRIBUTOR, {
      version: mine.version,
      completed: true,
      completedOn: day(-2),
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toMatchObject({ status: 'completed', completedOn: day(-2) });
    // No longer late in the contributor's list.
    const list = await call('GET', `${H}/my-actions`, CONTRIBUTOR);
    const four = list.body.items.find((i: { action: { ref: string } }) => i.action.ref === '4');
    expect(four.milestones.some((m: { late: boolean }) => m.late)).toBe(false);

    const undone = await done(mine.id, CONTRIBUTOR, { version: r.body.version, completed: false });
    expect(undone.body).toMatchObject({ status: 'on-track' });
    expect(undone.body.completedOn).toBeUndefined();
  });
});
