import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from '../support/api.js';

const H = '/api/v1/councils/harrow';
const date = (due: string) => ({ text: due, kind: 'date', due, precision: 'day' });

/** Issue 17: trends for a plan and per theme, from closed periods, milestones and indicators. */
describe('trends', () => {
  let api: TestApi;
  let today = '2026-10-05';
  let planId: string;
  let themes: { id: string }[];
  const editor = 'editor@harrow.test';
  const ok = async (method: string, path: string, body?: unknown) => {
    const r = await api.call(method, path, { as: editor, ...(body === undefined ? {} : { body }) });
    expect(r.status, `${method} ${path}: ${JSON.stringify(r.body)}`).toBeLessThan(300);
    return r.body;
  };

  beforeAll(async () => {
    api = await createTestApi({ today: () => today });
    const plan = await ok('POST', `${H}/plans`, {
      title: 'People strategy',
      kind: 'people-strategy',
      status: 'active',
      period: { start: '2026-04-01', end: '2027-03-31' },
      themes: [{ title: 'Recruitment' }, { title: 'Wellbeing' }],
    });
    planId = plan.id;
    themes = plan.themes;
    const late = await ok('POST', `${H}/plans/${planId}/actions`, {
      title: 'Late action',
      themeId: themes[0]!.id,
      status: 'on-track',
      due: date('2026-08-31'),
    });
    await ok('POST', `${H}/plans/${planId}/actions`, {
      title: 'Fine action',
      themeId: themes[1]!.id,
      status: 'on-track',
      due: date('2027-03-31'),
    });
    const m1 = await ok('POST', `${H}/actions/${late.id}/milestones`, {
      title: 'M1',
      due: date('2026-06-30'),
    });
    await ok('PATCH', `${H}/milestones/${m1.id}`, {
      version: m1.version,
      status: 'completed',
      completedOn: '2026-07-10',
    });
    const m2 = await ok('POST', `${H}/actions/${late.id}/milestones`, {
      title: 'M2',
      due: date('2026-07-31'),
    });
    await ok('PATCH', `${H}/milestones/${m2.id}`, { version: m2.version, due: date('2026-11-30') });
    await ok('POST', `${H}/plans/${planId}/indicators`, {
      name: 'Vacancy rate',
      unit: '%',
      goodDirection: 'down',
      targets: [
        { period: '2026-27 Q2', value: 8 },
        { period: '2026-27 Q1', value: 9 },
      ],
      actuals: [
        { period: '2026-27 Q1', value: 10 },
        { period: '2026/27 Q2', value: 7 },
      ],
    });
    await ok('POST', `${H}/plans/${planId}/periods/mid-year-2026-27/close`, {});
    today = '2026-11-16';
    await ok('POST', `${H}/plans/${planId}/periods/2026-10/close`, {});
  });
  afterAll(() => api.drop());

  it('charts the plan: RAG mix and overdue at each closed period, today, burn-up and indicators', async () => {
    const r = await api.call('GET', `${H}/plans/${planId}/trends`, { as: 'viewer@harrow.test' });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const t = r.body;
    expect(t.ragMix.map((p: { periodKey: string }) => p.periodKey)).toEqual(['mid-year-2026-27', '2026-10']);
    // Mid-year: the late action is overdue at 30 September (red), the other on track (green).
    expect(t.ragMix[0]).toMatchObject({ total: 2, byRag: { red: 1, green: 1, amber: 0, blue: 0, grey: 0 } });
    // M2 (due 31 July) was moved to November on the day this test runs, after both periods ended (its
    // re-baseline is dated by the clock, not the test's \`today\`): each period's report counts it as it
    // stood then, overdue.
    expect(t.overdue).toEqual([
      {
        periodKey: 'mid-year-2026-27',
        label: 'Mid-year 2026-27',
        end: '2026-09-30',
        actions: 1,
        milestones: 1,
      },
      { periodKey: '2026-10', label: 'October 2026', end: '2026-10-31', actions: 1, milestones: 1 },
    ]);
    expect(t.current).toMatchObject({
      asOf: '2026-11-16',
      total: 2,
      overdueActions: 1,
      overdueMilestones: 0,
    });
    expect(t.burnUp.months[0]).toEqual({ month: '2026-04', planned: 0, due: 0, completed: 0 });
    expect(t.burnUp.months.at(-1).month).toBe('2027-03');
    const july = t.burnUp.months.find((m: { month: string }) => m.month === '2026-07');
    // Planned by baseline: M1 (June) and M2 (July); due now: M1 only (M2 moved to November); M1 done in July.
    expect(july).toEqual({ month: '2026-07', planned: 2, due: 1, completed: 1 });
    // Today is 16 November 2026: later months are planned and due, but what is completed then is not known.
    const month = (m: string) => t.burnUp.months.find((x: { month: string }) => x.month === m);
    expect(month('2026-11').completed).toBe(1);
    expect(month('2026-12')).toEqual({ month: '2026-12', planned: 2, due: 2, completed: null });
    expect(month('2027-03').completed).toBeNull();
    expect(t.indicators[0].points.map((p: { period: string; rag: string }) => [p.period, p.rag])).toEqual([
      ['2026-27 Q1', 'amber'],
      ['2026-27 Q2', 'green'],
    ]);
  });

  it('charts one theme, and refuses a theme of no plan of ours', async () => {
    const r = await api.call('GET', `${H}/plans/${planId}/trends?themeId=${themes[1]!.id}`, {
      as: 'viewer@harrow.test',
    });
    expect(r.body.ragMix[0]).toMatchObject({ total: 1, byRag: { green: 1, red: 0 } });
    expect(r.body.overdue[0]).toMatchObject({ actions: 0, milestones: 0 });
    expect(r.body.burnUp.total).toBe(0);
    expect(r.body.indicators).toEqual([]);
    const bad = await api.call('GET', `${H}/plans/${planId}/trends?themeId=${planId}`, {
      as: 'viewer@harrow.test',
    });
    expect(bad.status).toBe(404);
    const kent = await api.call('GET', `${H}/plans/${planId}/trends`, { as: 'viewer@kent.test' });
    expect(kent.status).toBe(404);
  });
});
