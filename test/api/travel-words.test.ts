import { londonToday } from '@peopleplan/core';
import { parse } from 'node-html-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from '../support/api.js';

const H = '/api/v1/councils/harrow';
const date = (due: string) => ({ text: due, kind: 'date', due, precision: 'day' });

/**
 * Direction of travel: an action not started (grey) when mid-year 2026-27 was closed and on track (green)
 * since has started. Grey ranks with green (core `TRAVEL_RANK`: neither flags a problem), so it is neither
 * better nor worse, but the report and the dashboard both call it a start, not "no change".
 */
describe('a start since the last closed period', () => {
  let api: TestApi;
  let planId: string;
  const editor = 'editor@harrow.test';
  // Calls that must succeed, as the plan's editor (TestApi.ok).
  const ok = (method: string, path: string, body?: unknown) => api.ok(method, path, body, editor);

  beforeAll(async () => {
    api = await createTestApi({ today: () => londonToday() });
    const plan = await ok('POST', `${H}/plans`, {
      title: 'People plan',
      kind: 'people-strategy',
      status: 'active',
      period: { start: '2026-04-01', end: '2028-03-31' },
      themes: [{ ref: '1', title: 'Voice' }],
    });
    planId = plan.id;
    const themeId = plan.themes[0].id;
    const evaluate = await ok('POST', `${H}/plans/${planId}/actions`, {
      themeId,
      ref: '5',
      title: 'Evaluate communications and engagement',
      status: 'not-started',
      due: date('2028-03-31'),
    });
    await ok('POST', `${H}/plans/${planId}/actions`, {
      themeId,
      ref: '8',
      title: 'Implement the network plan',
      status: 'on-track',
      due: date('2028-03-31'),
    });
    await ok('POST', `${H}/plans/${planId}/periods/mid-year-2026-27/close`, {});
    await ok('POST', `${H}/actions/${evaluate.id}/updates`, {
      narrative: 'Evaluation framework drafted.',
      status: 'on-track',
      period: 'Year-end 2026-27',
    });
  });
  afterAll(() => api.drop());

  it('is counted as started on the dashboard and worded so in the report', async () => {
    const dash = await api.call('GET', `${H}/dashboard`, { as: 'viewer@harrow.test' });
    const card = dash.body.plans.find((p: { planId: string }) => p.planId === planId);
    expect(card.travel.counts).toEqual({ improved: 0, started: 1, same: 1, stopped: 0, worse: 0, new: 0 });

    const r = await api.call('GET', `${H}/plans/${planId}/reports?period=year-end-2026-27&format=html`, {
      as: 'viewer@harrow.test',
    });
    expect(r.status).toBe(200);
    const html = parse(r.body);
    const actions = html
      .querySelectorAll('table')
      .find((t) => t.querySelector('caption')?.text.endsWith(': actions'))!;
    const row = (ref: string) =>
      actions
        .querySelectorAll('tbody tr')
        .map((tr) => tr.querySelectorAll('th, td').map((c) => c.text.trim()))
        .find((c) => c[0] === ref)!;
    expect(row('5')[5]).toBe('Started (was not started)');
    expect(row('8')[5]).toBe('No change (was green)');
    const travel = html
      .querySelectorAll('table')
      .find((t) => t.querySelector('caption')?.text.startsWith('Direction of travel'))!;
    const counts = travel
      .querySelectorAll('tbody tr')
      .map((tr) => tr.querySelectorAll('th, td').map((c) => c.text.trim()));
    expect(counts).toEqual([
      ['Improved', '0'],
      ['Started', '1'],
      ['No change', '1'],
      ['Worse', '0'],
      ['New this period', '0'],
    ]);
  });
});
