import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SEEDS_DIR } from '@peopleplan/devstack';
import { parse as parseCsv } from 'csv-parse/sync';
import { parse as parseHtml } from 'node-html-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from '../support/api.js';

const H = '/api/v1/councils/harrow';

/**
 * Issue 17: a closed period's report is the one frozen when it closed, whatever changes later; an open
 * one says "as at"; closing is previewed first; an admin may reopen a period, with a reason.
 */
describe('historic reports, close preview and reopening (East Herts peer review, seed 001)', () => {
  let api: TestApi;
  let today = '2007-10-15';
  let planId: string;
  let byRef: Map<string, { id: string; version: number; title: string; status: string }>;

  const csv = async (query: string) => {
    const res = await api.app.request(`${H}/plans/${planId}/reports?${query}`, {
      headers: { authorization: `Bearer ${await api.token('viewer@harrow.test')}` },
    });
    const rows: string[][] = parseCsv(await res.text(), { bom: true });
    const col = (name: string) => rows[0]!.indexOf(name);
    const row = (ref: string) => rows.find((r) => r[col('Ref')] === ref && r[col('Type')] === 'Action')!;
    return { res, row, col };
  };
  const contents = async () =>
    new Map(
      (await api.call('GET', `${H}/plans/${planId}/contents`, { as: 'viewer@harrow.test' })).body.actions.map(
        (a: { ref: string }) => [a.ref, a],
      ),
    ) as typeof byRef;

  beforeAll(async () => {
    api = await createTestApi({
      today: () => today,
    });
    const file = '001_25f8ced919f1fae7.txt';
    const text = readFileSync(join(fileURLToPath(SEEDS_DIR), file), 'utf8');
    const as = 'editor@harrow.test';
    const preview = await api.call('POST', `${H}/imports`, { as, body: { text, filename: file } });
    const commit = await api.call('POST', `${H}/imports/${preview.body.id}/commit`, { as, body: {} });
    planId = commit.body.planId;
    byRef = await contents();
    for (const [ref, status] of [
      ['5', 'on-track'],
      ['15', 'at-risk'],
    ] as const) {
      const r = await api.call('POST', `${H}/actions/${byRef.get(ref)!.id}/updates`, {
        as,
        body: { narrative: `mid-year: ${ref} is ${status}`, status, period: 'mid-year 2007-08' },
      });
      expect(r.status).toBe(201);
    }
  });
  afterAll(() => api.drop());

  it('previews what closing will freeze, for editors, writing nothing', async () => {
    const path = `${H}/plans/${planId}/periods/mid-year:2007-08/close-preview`;
    expect((await api.call('GET', path, { as: 'viewer@harrow.test' })).status).toBe(403);
    const before = (await api.call('GET', `${H}/plans/${planId}/periods`, { as: 'viewer@harrow.test' })).body;
    const r = await api.call('GET', path, { as: 'editor@harrow.test' });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toMatchObject({
      period: { key: 'mid-year-2007-08', start: '2007-04-01', end: '2007-09-30' },
      closed: false,
      asOf: '2007-09-30',
      actionCount: byRef.size,
    });
    expect(r.body.byStatus['on-track']).toBeGreaterThanOrEqual(1);
    const rags = Object.values(r.body.byRag as Record<string, number>).reduce((a, b) => a + b, 0);
    expect(rags).toBe(byRef.size);
    expect(r.body.facts.overdueActions).toBeGreaterThan(0);
    expect(r.body.facts.themes.length).toBeGreaterThan(0);
    // What the report will list as without an update is said before the close, and agrees with it.
    const html = await api.app.request(`${H}/plans/${planId}/reports?period=mid-year:2007-08&format=html`, {
      headers: { authorization: `Bearer ${await api.token('editor@harrow.test')}` },
    });
    const stale = /(\d+) without an update this period/.exec(await html.text());
    expect(r.body.notUpdated.length).toBe(Number(stale![1]));
    expect(r.body.notUpdated.length).toBeGreaterThan(0);
    for (const a of r.body.notUpdated) {
      expect(byRef.get(a.ref)?.id, JSON.stringify(a)).toBe(a.actionId);
      expect(a.themeHeading).not.toBe('');
    }
    const after = (await api.call('GET', `${H}/plans/${planId}/periods`, { as: 'viewer@harrow.test' })).body;
    expect(after).toEqual(before);
    const future = await api.call('GET', `${H}/plans/${planId}/periods/year-end:2009-10/close-preview`, {
      as: 'editor@harrow.test',
    });
    expect(future.status).toBe(422);
  });

  it('says "as at" the day it judges on a report of a period not closed, and when it was produced apart', async () => {
    // Asked for on 15 October: the mid-year ended on 30 September, and is judged then.
    const { res } = await csv('period=mid-year:2007-08&format=csv');
    expect(res.headers.get('x-report-source')).toBe('live');
    expect(res.headers.get('x-report-as-at')).toBe('30 Sep 2007');
    const html = await api.app.request(`${H}/plans/${planId}/reports?period=mid-year:2007-08&format=html`, {
      headers: { authorization: `Bearer ${await api.token('viewer@harrow.test')}` },
    });
    const doc = parseHtml(await html.text());
    expect(doc.querySelector('h1')!.text).toMatch(/progress report, Mid-year 2007-08 \(as at 30 Sep 2007\)$/);
    const meta = doc.querySelectorAll('dl.meta dd').map((d) => d.text);
    expect(meta).toContain('30 Sep 2007');
    // As GOV.UK writes a time: "7 December 2026 at 3:15am".
    expect(meta.at(-1)).toMatch(/^\d{1,2} [A-Z][a-z]+ \d{4} at (\d{1,2}:\d\d[ap]m|midday|midnight)$/);
  });

  it('freezes the report when the period closes: later changes never reach it', async () => {
    const closed = await api.call('POST', `${H}/plans/${planId}/periods/mid-year:2007-08/close`, {
      as: 'editor@harrow.test',
      body: {},
    });
    expect(closed.status).toBe(201);
    expect(closed.body.frozen.parts).toBeGreaterThan(0);
    const frozen = await csv('period=mid-year:2007-08&format=csv');
    expect(frozen.res.headers.get('x-report-source')).toBe('frozen');
    expect(frozen.res.headers.get('x-report-as-at')).toBeNull();
    const five = byRef.get('5')!;
    expect(frozen.row('5')[frozen.col('Status')]).toBe('On track');
    // An update filed under the closed period would be in no report: refused until it is reopened.
    const late = await api.call('POST', `${H}/actions/${five.id}/updates`, {
      as: 'editor@harrow.test',
      body: { narrative: 'Filed late', status: 'off-track', period: 'mid-year 2007-08' },
    });
    expect(late.status).toBe(409);
    expect(late.body.error.message).toMatch(/Mid-year 2007-08 is closed and its report is frozen/);
    // Named on the period field, so the form says it there and its error summary links to it.
    expect(late.body.error.details).toEqual([{ path: 'period', message: late.body.error.message }]);
    expect((await contents()).get('5')!.status).toBe('on-track');

    // Years later, someone renames the action and reports it off track.
    today = '2026-12-01';
    const now = (await contents()).get('5')!;
    const renamed = await api.call('PATCH', `${H}/actions/${five.id}`, {
      as: 'editor@harrow.test',
      body: { version: now.version, title: 'Renamed in December 2026' },
    });
    expect(renamed.status).toBe(200);
    await api.call('POST', `${H}/actions/${five.id}/updates`, {
      as: 'editor@harrow.test',
      body: { narrative: 'December 2026: off track', status: 'off-track', period: 'mid-year 2007-08' },
    });
    const later = await csv('period=mid-year:2007-08&format=csv');
    expect(later.res.headers.get('x-report-source')).toBe('frozen');
    expect(later.row('5')[later.col('Title')]).toBe(five.title);
    expect(later.row('5')[later.col('Status')]).toBe('On track');
    expect(JSON.stringify(later.row('5'))).not.toContain('December 2026');
    // The closed period's preview shows what it froze.
    const preview = await api.call('GET', `${H}/plans/${planId}/periods/mid-year-2007-08/close-preview`, {
      as: 'editor@harrow.test',
    });
    expect(preview.body).toMatchObject({
      closed: true,
      actionCount: byRef.size,
      closedBy: { name: 'editor of harrow' },
    });
    // Nothing can be updated for a closed period any more: no list of what is missing.
    expect(preview.body.notUpdated).toBeUndefined();
  });

  it('reopens a period for admins only, with a reason kept in the audit trail', async () => {
    const path = `${H}/plans/${planId}/periods/mid-year-2007-08/reopen`;
    const reason = 'Action 5 was reported against the wrong period';
    expect((await api.call('POST', path, { as: 'editor@harrow.test', body: { reason } })).status).toBe(403);
    const noReason = await api.call('POST', path, { as: 'admin@harrow.test', body: { reason: ' ' } });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.details[0].path).toBe('reason');
    expect(
      (await api.call('GET', `${H}/plans/${planId}/periods/mid-year-2007-08`, { as: 'viewer@harrow.test' }))
        .status,
    ).toBe(200);

    const r = await api.call('POST', path, { as: 'admin@harrow.test', body: { reason } });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toMatchObject({
      key: 'mid-year-2007-08',
      reason,
      reopenedBy: { name: 'admin of harrow' },
    });
    expect(r.body.fallsBackTo).toBeUndefined();
    expect(
      (await api.call('GET', `${H}/plans/${planId}/periods/mid-year-2007-08`, { as: 'viewer@harrow.test' }))
        .status,
    ).toBe(404);
    expect((await api.call('POST', path, { as: 'admin@harrow.test', body: { reason } })).status).toBe(404);

    const audit = await api.call('GET', `${H}/audit?limit=5`, { as: 'admin@harrow.test' });
    expect(audit.body.items[0]).toMatchObject({
      operation: 'delete',
      entityType: 'period-snapshot',
      entityId: `${planId}/mid-year-2007-08`,
      after: { reason },
    });
    // Open again: the report is live, and shows today's data.
    const live = await csv('period=mid-year:2007-08&format=csv');
    expect(live.res.headers.get('x-report-source')).toBe('live');
    expect(live.row('5')[live.col('Title')]).toBe('Renamed in December 2026');
    // Open again, it takes updates (on a day the plan still offers the period).
    const was = today;
    today = '2007-12-01';
    const update = await api.call('POST', `${H}/actions/${byRef.get('5')!.id}/updates`, {
      as: 'editor@harrow.test',
      body: { narrative: 'Filed under the right period', status: 'on-track', period: 'mid-year 2007-08' },
    });
    today = was;
    expect(update.status, JSON.stringify(update.body)).toBe(201);
  });
});

/**
 * A plan's own reporting points (Q1–Q4) and the report periods: an update filed under "Q2" (30
 * September) speaks for the mid-year report even when written in October, and closing the mid-year
 * closes Q1 and Q2 with it, until it is reopened.
 */
describe('a plan’s own reporting points close with the report period they fall in', () => {
  let api: TestApi;
  let planId: string;
  let actionId: string;
  const as = 'editor@harrow.test';

  beforeAll(async () => {
    api = await createTestApi({ today: () => '2026-10-15' });
    const plan = await api.call('POST', `${H}/plans`, {
      as,
      body: {
        title: 'Workforce plan 2026-27',
        kind: 'people-strategy',
        period: { label: '2026-27', start: '2026-04-01', end: '2027-03-31' },
        status: 'active',
        reportingPoints: [
          { label: 'Q1', date: '2026-06-30' },
          { label: 'Q2', date: '2026-09-30' },
          { label: 'Q3', date: '2026-12-31' },
          { label: 'Q4', date: '2027-03-31' },
        ],
        themes: [{ ref: '1', title: 'Recruitment' }],
      },
    });
    expect(plan.status, JSON.stringify(plan.body)).toBe(201);
    planId = plan.body.id;
    const action = await api.call('POST', `${H}/plans/${planId}/actions`, {
      as,
      body: {
        themeId: plan.body.themes[0].id,
        ref: '1.1',
        title: 'Launch a careers site',
        status: 'on-track',
      },
    });
    actionId = action.body.id;
    const q2 = await api.call('POST', `${H}/actions/${actionId}/updates`, {
      as,
      body: { narrative: 'Q2 return: supplier delayed', status: 'at-risk', period: 'Q2' },
    });
    expect(q2.status).toBe(201);
  });
  afterAll(() => api.drop());

  const periods = async () =>
    (await api.call('GET', `${H}/plans/${planId}/reporting-periods`, { as: 'viewer@harrow.test' })).body;

  it('reports the Q2 update in the mid-year, closes Q1 and Q2 with it, and opens them again on reopening', async () => {
    const closed = await api.call('POST', `${H}/plans/${planId}/periods/mid-year:2026-27/close`, {
      as,
      body: {},
    });
    expect(closed.status, JSON.stringify(closed.body)).toBe(201);
    expect(closed.body.byStatus).toEqual({ 'at-risk': 1 });

    const after = await periods();
    expect(after.items.map((p: { value: string; closed: boolean }) => [p.value, p.closed])).toEqual([
      ['Q1', true],
      ['Q2', true],
      ['Q3', false],
      ['Q4', false],
    ]);
    expect(after.current).toBe('Q3');
    // The committee pack's list says so in one read, however many plans the council has.
    const pack = await api.call('GET', `${H}/committee-pack/periods`, { as: 'viewer@harrow.test' });
    expect(pack.status).toBe(200);
    const byKey = new Map(pack.body.items.map((p: { key: string }) => [p.key, p]));
    expect(byKey.get('mid-year-2026-27')).toMatchObject({ kind: 'mid-year', closedPlans: 1, running: false });
    expect(byKey.get('year-end-2026-27')).toMatchObject({ closedPlans: 0, running: true });
    expect(byKey.get('2026-Q2')).toMatchObject({ kind: 'quarter', closedPlans: 0 });
    expect(pack.body.items.filter((p: { kind: string }) => p.kind === 'month')).toHaveLength(6);
    // The council's plans start in April 2026: it has no earlier period to report.
    expect(pack.body.items.filter((p: { key: string }) => /2025/.test(p.key))).toEqual([]);
    // A plan of 2004-08 reports on none of these periods: it neither counts nor holds one open.
    const old = await api.call('POST', `${H}/plans`, {
      as,
      body: {
        title: 'People Strategy 2004-08',
        kind: 'people-strategy',
        period: { start: '2004-04-01', end: '2008-03-31' },
        status: 'active',
      },
    });
    expect(old.status).toBe(201);
    const packNow = await api.call('GET', `${H}/committee-pack/periods`, { as: 'viewer@harrow.test' });
    expect(packNow.body.items.find((p: { key: string }) => p.key === 'mid-year-2026-27')).toMatchObject({
      closedPlans: 1,
      activePlans: 1,
    });
    await api.call('PATCH', `${H}/plans/${old.body.id}`, {
      as,
      body: { version: old.body.version, status: 'archived' },
    });
    const late = await api.call('POST', `${H}/actions/${actionId}/updates`, {
      as,
      body: { narrative: 'Filed late under Q2', status: 'off-track', period: 'Q2' },
    });
    expect(late.status).toBe(409);
    expect(late.body.error.message).toMatch(/^Q2, in Mid-year 2026-27 is closed and its report is frozen/);

    const reopened = await api.call('POST', `${H}/plans/${planId}/periods/mid-year-2026-27/reopen`, {
      as: 'admin@harrow.test',
      body: { reason: 'The Q2 return was late' },
    });
    expect(reopened.status, JSON.stringify(reopened.body)).toBe(200);
    expect((await periods()).items.every((p: { closed: boolean }) => !p.closed)).toBe(true);
    const now = await api.call('POST', `${H}/actions/${actionId}/updates`, {
      as,
      body: { narrative: 'Filed late under Q2', status: 'off-track', period: 'Q2' },
    });
    expect(now.status).toBe(201);
  });
});
