import { londonToday } from '@peopleplan/core';
import { parse as parseCsv } from 'csv-parse/sync';
import { type HTMLElement, parse } from 'node-html-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from '../support/api.js';

const H = '/api/v1/councils/harrow';
const date = (due: string) => ({ text: due, kind: 'date', due, precision: 'day' });
const MID_YEAR = 'mid-year-2026-27';

/**
 * A period closed late (docs/architecture.md, "Historic means historic"): what happened after its end —
 * an action's and a milestone's due moved later, a milestone completed — is not the position at its end.
 * Each change is made on the day the test runs (their records are dated by the clock), after 30 September
 * 2026, the end of mid-year 2026-27, which is then closed.
 */
describe('a period closed late shows actions and milestones as they stood at its end', () => {
  let api: TestApi;
  let planId: string;
  const editor = 'editor@harrow.test';
  // Calls that must succeed, as the plan's editor (TestApi.ok).
  const ok = (method: string, path: string, body?: unknown) => api.ok(method, path, body, editor);
  const rowOf = (html: HTMLElement, caption: string, ref: string) => {
    const table = html
      .querySelectorAll('table')
      .find((t) => t.querySelector('caption')?.text.endsWith(caption))!;
    return table
      .querySelectorAll('tbody tr')
      .map((r) => r.querySelectorAll('th, td').map((c) => c.text.trim()))
      .find((cells) => cells[0] === ref)!;
  };

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
    const moved = await ok('POST', `${H}/plans/${planId}/actions`, {
      themeId,
      ref: '1',
      title: 'Co-create the engagement plan',
      status: 'on-track',
      due: date('2026-09-30'),
    });
    await ok('PATCH', `${H}/actions/${moved.id}`, {
      version: moved.version,
      due: date('2027-01-31'),
      rebaselineReason: 'Trade union consultation added two months',
    });
    const four = await ok('POST', `${H}/plans/${planId}/actions`, {
      themeId,
      ref: '4',
      title: 'Implement the Year 1 plan',
      status: 'on-track',
      due: date('2027-03-31'),
    });
    const survey = await ok('POST', `${H}/actions/${four.id}/milestones`, {
      ref: '4.1',
      title: 'Run the pulse survey',
      due: date('2026-11-30'),
    });
    await ok('POST', `${H}/milestones/${survey.id}/completion`, { version: survey.version, completed: true });
    const signOff = await ok('POST', `${H}/actions/${four.id}/milestones`, {
      ref: '4.2',
      title: 'Year 1 plan signed off',
      due: date('2027-01-15'),
    });
    await ok('PATCH', `${H}/milestones/${signOff.id}`, {
      version: signOff.version,
      due: date('2027-02-28'),
      rebaselineReason: 'The January meeting was cancelled',
    });
    await ok('POST', `${H}/plans/${planId}/periods/${MID_YEAR}/close`, {});
  });
  afterAll(() => api.drop());

  it('reports the action due on its earlier date, not re-baselined, and milestones as they were', async () => {
    const r = await api.call('GET', `${H}/plans/${planId}/reports?period=${MID_YEAR}&format=html`, {
      as: 'viewer@harrow.test',
    });
    expect(r.status).toBe(200);
    expect(r.headers.get('x-report-source')).toBe('frozen');
    const html = parse(r.body);
    const action = rowOf(html, ': actions', '1');
    expect(action[3]).toContain('30 Sep 2026');
    expect(html.text).not.toContain('Re-baselined: from 30 Sep 2026');
    expect(html.text).toContain('0 re-baselined');
    const survey = rowOf(html, ': milestones', '4.1');
    // Completed on the day the test runs, after 30 September: not started then, as its history says.
    expect(survey[5]).toBe('Not started (Grey)');
    const signOff = rowOf(html, ': milestones', '4.2');
    expect(signOff[3]).toContain('15 Jan 2027');
  });

  it('exports each item added after the period with its own title and the day in a column of its own', async () => {
    // Added by hand today, after the plan was made: each says so, in words in the web report.
    const html = await api.call('GET', `${H}/plans/${planId}/reports?period=${MID_YEAR}&format=html`, {
      as: 'viewer@harrow.test',
    });
    expect(html.body).toContain('Run the pulse survey (added ');
    const csv = await api.call('GET', `${H}/plans/${planId}/reports?period=${MID_YEAR}&format=csv`, {
      as: 'viewer@harrow.test',
    });
    expect(csv.status).toBe(200);
    const [head, ...rows] = parseCsv(csv.body, { bom: true }) as string[][];
    const col = (name: string) => head!.indexOf(name);
    const survey = rows.find((r) => r[col('Ref')] === '4.1')!;
    expect(survey[col('Title')]).toBe('Run the pulse survey');
    expect(survey[col('Added after the period')]).toBe(londonToday());
  });
});
