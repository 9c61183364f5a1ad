/**
 * A head of service reads their directorate's part of the council dashboard: the same counts and lists,
 * narrowed to the plans that name it (docs/architecture.md, "Boards"). Another council's
 * dashboard stays closed whatever the filter.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from '../support/api.js';

const H = '/api/v1/councils/harrow';
const EDITOR = 'editor@harrow.test';
const VIEWER = 'viewer@harrow.test';
const late = { text: '31 March 2020', kind: 'date', due: '2020-03-31', precision: 'day' };

describe('the dashboard narrowed to a directorate', () => {
  let api: TestApi;
  const plans: Record<string, string> = {};

  beforeAll(async () => {
    api = await createTestApi();
    for (const [title, directorate] of [
      ['Resources workforce plan', 'Resources'],
      ['Children’s workforce plan', 'Children’s Services'],
      ['Corporate people strategy', undefined],
    ] as const) {
      const p = await api.call('POST', `${H}/plans`, {
        as: EDITOR,
        body: {
          title,
          kind: 'business-plan',
          ...(directorate && { directorate }),
          status: 'active',
          themes: [{ title: 'Recruitment' }],
        },
      });
      expect(p.status, JSON.stringify(p.body)).toBe(201);
      plans[title] = p.body.id;
      const a = await api.call('POST', `${H}/plans/${p.body.id}/actions`, {
        as: EDITOR,
        body: { themeId: p.body.themes[0].id, title: `Late action of ${title}`, due: late },
      });
      expect(a.status, JSON.stringify(a.body)).toBe(201);
    }
  });
  afterAll(() => api.drop());

  const dashboard = async (query = '', as = VIEWER) => api.call('GET', `${H}/dashboard${query}`, { as });

  it('offers every directorate the plans name, and counts all plans by default', async () => {
    const all = await dashboard();
    expect(all.status).toBe(200);
    expect(all.body.directorates).toEqual(['Children’s Services', 'Resources']);
    expect(all.body.directorate).toBeUndefined();
    expect(all.body.overdue.map((i: { planTitle: string }) => i.planTitle).sort()).toEqual(
      Object.keys(plans).sort(),
    );
  });

  it('counts and lists only the chosen directorate’s plans, whatever the case it is written in', async () => {
    const res = await dashboard('?directorate=resources');
    expect(res.status).toBe(200);
    expect(res.body.directorate).toBe('resources');
    expect(res.body.plans.map((p: { title: string }) => p.title)).toEqual(['Resources workforce plan']);
    expect(res.body.overdue.map((i: { title: string }) => i.title)).toEqual([
      'Late action of Resources workforce plan',
    ]);
    // Still offered all of them, to choose another.
    expect(res.body.directorates).toEqual(['Children’s Services', 'Resources']);
    // Written with a zero-width space or in full-width letters, it is still that directorate.
    for (const q of ['%E2%80%8BResources', encodeURIComponent('Ｒesources')]) {
      const alike = await dashboard(`?directorate=${q}`);
      expect(alike.body.plans.map((p: { title: string }) => p.title)).toEqual(['Resources workforce plan']);
    }
    const none = await dashboard('?directorate=Place');
    expect(none.status).toBe(200);
    expect(none.body.plans).toEqual([]);
    expect(none.body.overdue).toEqual([]);
  });

  it('refuses a filter that is not one, and another council whatever the filter', async () => {
    expect((await dashboard('?directorate=')).status).toBe(400);
    expect((await dashboard(`?directorate=${'x'.repeat(201)}`)).status).toBe(400);
    const other = await api.call('GET', '/api/v1/councils/kent/dashboard?directorate=Resources', {
      as: VIEWER,
    });
    expect([403, 404]).toContain(other.status);
  });
});
