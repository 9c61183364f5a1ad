/**
 * Ids inside request bodies (a lead's person, a plan's owner, a cross-referenced or linked action) must
 * name this council's own people and actions: another council's id, or an id of nothing, is refused with
 * where it was (400) and nothing is written.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from '../support/api.js';

const H = '/api/v1/councils/harrow';
const K = '/api/v1/councils/kent';

describe('ids in request bodies', () => {
  let api: TestApi;
  const ids = {} as Record<
    'harrowPerson' | 'harrowAction' | 'kentPerson' | 'kentPlan' | 'kentAction' | 'kentTheme',
    string
  >;
  const ok = async (method: string, path: string, as: string, body?: unknown) => {
    const r = await api.call(method, path, { as, ...(body === undefined ? {} : { body }) });
    if (r.status >= 300) throw new Error(`${method} ${path}: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  };
  const plan = (as: string, base: string) =>
    ok('POST', `${base}/plans`, as, {
      title: 'Workforce plan',
      kind: 'business-plan',
      status: 'active',
      themes: [{ ref: '1', title: 'People' }],
    });

  beforeAll(async () => {
    api = await createTestApi();
    ids.harrowPerson = (await ok('POST', `${H}/people`, 'editor@harrow.test', { name: 'Harrow Person' })).id;
    const hp = await plan('editor@harrow.test', H);
    ids.harrowAction = (
      await ok('POST', `${H}/plans/${hp.id}/actions`, 'editor@harrow.test', {
        title: 'Harrow action',
        themeId: hp.themes[0].id,
      })
    ).id;
    ids.kentPerson = (await ok('POST', `${K}/people`, 'editor@kent.test', { name: 'Kent Person' })).id;
    const kp = await plan('editor@kent.test', K);
    ids.kentPlan = kp.id;
    ids.kentTheme = kp.themes[0].id;
    ids.kentAction = (
      await ok('POST', `${K}/plans/${kp.id}/actions`, 'editor@kent.test', {
        title: 'Kent action',
        themeId: kp.themes[0].id,
      })
    ).id;
  });
  afterAll(() => api.drop());

  const refused = async (method: string, path: string, body: unknown, field: string) => {
    const r = await api.call(method, path, { as: 'editor@kent.test', body });
    expect(r.status, JSON.stringify(r.body)).toBe(400);
    expect(r.body.error.details).toEqual([expect.objectContaining({ path: field })]);
  };

  it('refuses another council’s person or action, or an id of nothing, wherever a body names one', async () => {
    const actions = async () =>
      (await ok('GET', `${K}/plans/${ids.kentPlan}/contents`, 'viewer@kent.test')).actions.length;
    const before = await actions();
    const lead = (personId: string) => [{ role: 'responsible', label: 'Lead', personId }];
    await refused(
      'POST',
      `${K}/plans`,
      { title: 'x', kind: 'business-plan', ownerPersonId: ids.harrowPerson },
      'ownerPersonId',
    );
    await refused(
      'PATCH',
      `${K}/plans/${ids.kentPlan}`,
      { version: 1, ownerPersonId: ids.harrowPerson },
      'ownerPersonId',
    );
    await refused(
      'POST',
      `${K}/plans/${ids.kentPlan}/actions`,
      { title: 'x', themeId: ids.kentTheme, leads: lead(ids.harrowPerson) },
      'leads.0.personId',
    );
    await refused(
      'POST',
      `${K}/plans/${ids.kentPlan}/actions`,
      { title: 'x', themeId: ids.kentTheme, crossRefs: [{ text: 'see', actionId: ids.harrowAction }] },
      'crossRefs.0.actionId',
    );
    await refused(
      'PATCH',
      `${K}/actions/${ids.kentAction}`,
      { version: 1, leads: lead('01ARZ3NDEKTSV4RRFFQ69G5FAV') },
      'leads.0.personId',
    );
    await refused(
      'POST',
      `${K}/actions/${ids.kentAction}/milestones`,
      { title: 'm', linkedActionIds: [ids.harrowAction] },
      'linkedActionIds.0',
    );
    // A milestone's id is not an action's.
    const m = await ok('POST', `${K}/actions/${ids.kentAction}/milestones`, 'editor@kent.test', {
      title: 'm',
    });
    await refused(
      'POST',
      `${K}/actions/${ids.kentAction}/milestones`,
      { title: 'n', linkedActionIds: [m.id] },
      'linkedActionIds.0',
    );
    expect(await actions()).toBe(before);
  });

  it('takes the council’s own people and actions', async () => {
    const a = await ok('POST', `${K}/plans/${ids.kentPlan}/actions`, 'editor@kent.test', {
      title: 'Linked',
      themeId: ids.kentTheme,
      leads: [{ role: 'responsible', label: 'Kent Person', personId: ids.kentPerson }],
      crossRefs: [{ text: 'see', actionId: ids.kentAction }],
    });
    expect(a.leads[0].personId).toBe(ids.kentPerson);
    const m = await ok('POST', `${K}/actions/${a.id}/milestones`, 'editor@kent.test', {
      title: 'Linked milestone',
      linkedActionIds: [ids.kentAction],
    });
    expect(m.linkedActionIds).toEqual([ids.kentAction]);
  });
});
