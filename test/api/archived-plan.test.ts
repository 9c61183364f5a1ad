/**
 * An archived plan is the council's record (docs/architecture.md, section 6): every write into it answers
 * 409 `plan-archived` and writes nothing, checked inside the write's own transaction; reads, reports and
 * history stay; its actions are asked of nobody in "my actions".
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from '../support/api.js';

const H = '/api/v1/councils/harrow';
const EDITOR = 'editor@harrow.test';
const ADMIN = 'admin@harrow.test';
const CONTRIBUTOR = 'contributor@harrow.test';
const MESSAGE = 'This plan is archived, so it can no longer be changed.';
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const date = (due: string) => ({ text: due, kind: 'date', due, precision: 'day' });

type Ids = Record<string, string> & { planId: string };

describe('archived plans are read-only', () => {
  let api: TestApi;
  const ids = {} as Ids;
  const versions: Record<string, number> = {};
  let periods: string[] = [];

  const call = (method: string, path: string, as: string, body?: unknown) =>
    api.call(method, path, { as, ...(body === undefined ? {} : { body }) });
  const made = async (key: string, path: string, body: unknown, as = EDITOR) => {
    const r = await call('POST', path, as, body);
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    const item = r.body.update ?? r.body;
    ids[key] = item.id;
    versions[key] = item.version;
    return r.body;
  };

  /** Everything a write could change, read back whole. */
  const snapshot = async () => {
    const P = `${H}/plans/${ids.planId}`;
    const reads = [
      `${P}/contents`,
      `${P}/periods`,
      `${H}/actions/${ids.action}/updates`,
      `${H}/actions/${ids.action}/milestones`,
      `${P}/history`,
    ];
    return Promise.all(reads.map(async (path) => (await call('GET', path, EDITOR)).body));
  };

  beforeAll(async () => {
    api = await createTestApi();
    const person = await made('person', `${H}/people`, { name: 'Pat Lead', roleLabel: 'HR Adviser' });
    await api.linkMember(CONTRIBUTOR, 'harrow', person.id);
    const plan = await made('planId', `${H}/plans`, {
      title: 'Workforce plan',
      kind: 'business-plan',
      status: 'active',
      reportingPoints: [
        { label: 'Q1', date: day(-60) },
        { label: 'Q2', date: day(-20) },
      ],
      themes: [{ title: 'Recruitment' }, { title: 'Retention' }],
    });
    [ids.themeA, ids.themeB] = plan.themes.map((t: { id: string }) => t.id);
    versions.themeA = 1;
    const P = `${H}/plans/${ids.planId}`;
    const lead = [{ role: 'responsible', label: 'HR Adviser', personId: person.id }];
    await made('action', `${P}/actions`, {
      themeId: ids.themeA,
      ref: '1',
      title: 'Hire apprentices',
      leads: lead,
      status: 'on-track',
      due: date(day(-5)),
    });
    await made('action2', `${P}/actions`, { themeId: ids.themeA, ref: '2', title: 'Second action' });
    await made('milestone', `${H}/actions/${ids.action}/milestones`, {
      title: 'Advertise',
      due: date(day(10)),
    });
    await made('update', `${H}/actions/${ids.action}/updates`, { narrative: 'Started', status: 'on-track' });
    for (const kind of ['indicators', 'risks', 'continuity', 'decisions']) {
      const body =
        kind === 'indicators' || kind === 'continuity'
          ? { name: `A ${kind}` }
          : kind === 'risks'
            ? { description: 'A risk' }
            : { title: 'A decision' };
      await made(kind, `${P}/${kind}`, body);
    }
    // Two months (YYYY-MM), both started: one closed before the plan is archived, one after.
    periods = [day(-45).slice(0, 7), day(0).slice(0, 7)];
    const closed = await call('POST', `${P}/periods/${encodeURIComponent(periods[0]!)}/close`, EDITOR, {});
    expect(closed.status, JSON.stringify(closed.body)).toBe(201);
    const mine = await call('GET', `${H}/my-actions`, CONTRIBUTOR);
    expect(mine.body.items.map((i: { action: { id: string } }) => i.action.id)).toContain(ids.action);

    const archived = await call('DELETE', `${P}?version=${versions.planId}`, ADMIN);
    expect(archived.status).toBe(200);
    expect(archived.body.status).toBe('archived');
    versions.planId = archived.body.version;
  });
  afterAll(() => api.drop());

  it('answers 409 plan-archived to every kind of write, and changes nothing', async () => {
    const P = `${H}/plans/${ids.planId}`;
    const A = `${H}/actions/${ids.action}`;
    const v = versions;
    const writes: Array<[string, string, unknown, string?]> = [
      ['PATCH', P, { version: v.planId, title: 'Renamed' }],
      ['PATCH', P, { version: v.planId, sections: [{ key: 's', title: 'S', body: 'New words' }] }],
      ['PATCH', P, { version: v.planId, status: 'active' }],
      ['DELETE', `${P}?version=${v.planId}`, undefined, ADMIN],
      ['POST', `${P}/themes`, { title: 'A new theme' }],
      ['PATCH', `${P}/themes/${ids.themeA}`, { version: v.themeA, title: 'Renamed theme' }],
      ['PUT', `${P}/theme-order`, { themeIds: [ids.themeB, ids.themeA] }],
      // An order that would change nothing is refused the same way.
      ['PUT', `${P}/theme-order`, { themeIds: [ids.themeA] }],
      ['POST', `${P}/actions`, { themeId: ids.themeA, title: 'A new action' }],
      ['POST', `${P}/actions`, { themeId: ids.themeA, title: 'A sub-action', parentId: ids.action }],
      ['PATCH', A, { version: v.action, title: 'Renamed action' }],
      ['PATCH', A, { version: v.action, themeId: ids.themeB }],
      ['PATCH', A, { version: v.action, leads: [] }],
      ['PUT', `${P}/action-order`, { actionIds: [ids.action2, ids.action] }],
      ['PUT', `${P}/action-order`, { actionIds: [ids.action] }],
      ['POST', `${A}/updates`, { narrative: 'Cancelled: no longer needed', status: 'cancelled' }],
      ['POST', `${A}/updates`, { narrative: 'More progress', status: 'on-track' }],
      ['POST', `${A}/updates`, { narrative: 'More progress', status: 'on-track' }, CONTRIBUTOR],
      ['POST', `${A}/updates`, { narrative: 'Corrected', status: 'at-risk', corrects: ids.update }],
      ['POST', `${A}/milestones`, { title: 'Another milestone' }],
      ['PATCH', `${H}/milestones/${ids.milestone}`, { version: v.milestone, title: 'Renamed' }],
      [
        'PATCH',
        `${H}/milestones/${ids.milestone}`,
        { version: v.milestone, due: date(day(90)), rebaselineReason: 'Moved later' },
      ],
      ['POST', `${P}/indicators`, { name: 'Another indicator' }],
      ['PATCH', `${P}/indicators/${ids.indicators}`, { version: v.indicators, name: 'Renamed' }],
      ['POST', `${P}/risks`, { description: 'Another risk' }],
      ['PATCH', `${P}/risks/${ids.risks}`, { version: v.risks, mitigation: 'Watch it' }],
      ['POST', `${P}/continuity`, { name: 'Another function' }],
      ['PATCH', `${P}/continuity/${ids.continuity}`, { version: v.continuity, name: 'Renamed' }],
      ['POST', `${P}/decisions`, { title: 'Another decision' }],
      ['PATCH', `${P}/decisions/${ids.decisions}`, { version: v.decisions, title: 'Renamed' }],
      ['POST', `${P}/periods/${encodeURIComponent(periods[1]!)}/close`, {}],
      ['POST', `${P}/periods/${encodeURIComponent(periods[0]!)}/reopen`, { reason: 'Wrong period' }, ADMIN],
    ];
    const before = await snapshot();
    for (const [method, path, body, as] of writes) {
      const r = await call(method, path, as ?? EDITOR, body);
      expect({ method, path, body, status: r.status, error: r.body?.error }).toEqual({
        method,
        path,
        body,
        status: 409,
        error: { code: 'plan-archived', message: MESSAGE },
      });
    }
    expect(await snapshot()).toEqual(before);
  });

  it('still reads, reports and shows history: 200', async () => {
    const P = `${H}/plans/${ids.planId}`;
    for (const path of [
      P,
      `${P}/contents`,
      `${P}/themes`,
      `${P}/actions`,
      `${P}/indicators`,
      `${P}/periods`,
      `${P}/periods/${encodeURIComponent(periods[0]!)}`,
      `${P}/history`,
      `${P}/trends`,
      `${P}/reports?format=csv&period=${periods[0]}`,
      `${P}/reports?format=html&period=${periods[1]}`,
      `${H}/actions/${ids.action}`,
      `${H}/actions/${ids.action}/updates`,
      `${H}/actions/${ids.action}/history`,
      `${H}/actions/${ids.action}/timeline`,
      `${H}/milestones/${ids.milestone}`,
      `${H}/milestones/${ids.milestone}/history`,
    ]) {
      const r = await call('GET', path, 'viewer@harrow.test');
      expect({ path, status: r.status }).toEqual({ path, status: 200 });
    }
    expect((await call('GET', P, EDITOR)).body.status).toBe('archived');
  });

  it('asks nobody for updates on an archived plan’s actions', async () => {
    const mine = await call('GET', `${H}/my-actions`, CONTRIBUTOR);
    expect(mine.status).toBe(200);
    expect(mine.body.items.map((i: { action: { id: string } }) => i.action.id)).not.toContain(ids.action);
    expect(mine.body.plans.map((p: { id: string }) => p.id)).not.toContain(ids.planId);
  });

  it('refuses a write whose plan is archived between its reads and its transaction', async () => {
    const plan = await made('racePlan', `${H}/plans`, {
      title: 'Race',
      kind: 'business-plan',
      status: 'active',
    });
    const action = await made('raceAction', `${H}/plans/${plan.id}/actions`, { title: 'Racing action' });
    // The next transaction the API sends waits for an administrator to archive the plan first: the
    // write's reads all saw an active plan, so only the check inside the transaction can refuse it.
    const docFor = api.deps.docFor;
    let armed = true;
    api.deps.docFor = async (councilId, mode) => {
      const doc = await docFor(councilId, mode);
      return new Proxy(doc, {
        get(target, key, receiver) {
          if (key !== 'send') return Reflect.get(target, key, receiver);
          return async (command: { input: object }, ...rest: unknown[]) => {
            if (armed && 'TransactItems' in command.input) {
              armed = false;
              const archived = await call('DELETE', `${H}/plans/${plan.id}?version=1`, ADMIN);
              expect(archived.status).toBe(200);
            }
            return (target.send as (...a: unknown[]) => unknown)(command, ...rest);
          };
        },
      });
    };
    try {
      const r = await call('PATCH', `${H}/actions/${action.id}`, EDITOR, { version: 1, title: 'Slipped in' });
      expect(armed).toBe(false);
      expect(r.status).toBe(409);
      expect(r.body.error.code).toBe('plan-archived');
    } finally {
      api.deps.docFor = docFor;
    }
    const read = await call('GET', `${H}/actions/${action.id}`, EDITOR);
    expect(read.body).toMatchObject({ title: 'Racing action', version: 1 });
    expect((await call('GET', `${H}/plans/${plan.id}`, EDITOR)).body.status).toBe('archived');
  });
});
