/**
 * Issue 17's additions for the browser: the periods a plan can be reported on (each saying whether it
 * is closed), the council's committee pack in Word (every active plan, one document), and the list of
 * one's own calendar feeds. Each refuses a role too low (403) and another council (404).
 */
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from '../support/api.js';

const H = '/api/v1/councils/harrow';
const K = '/api/v1/councils/kent';

describe('report periods, the committee pack and one’s calendar feeds', () => {
  let api: TestApi;
  let planId: string;
  let otherPlanId: string;
  let personId: string;

  const docxText = (bytes: Uint8Array) => strFromU8(unzipSync(bytes)['word/document.xml']!);

  beforeAll(async () => {
    api = await createTestApi({ today: () => '2026-11-16' });
    const as = 'editor@harrow.test';
    const make = async (title: string, status: string) =>
      (
        await api.call('POST', `${H}/plans`, {
          as,
          body: {
            title,
            kind: 'peer-review',
            status,
            period: { label: '2026-27', start: '2026-04-01', end: '2027-03-31' },
            themes: [{ ref: '1', title: 'Leadership' }],
          },
        })
      ).body;
    const plan = await make('Workforce plan 2026-27', 'active');
    planId = plan.id;
    otherPlanId = (await make('Pay and reward plan', 'active')).id;
    await make('A draft plan left out', 'draft');
    await api.call('POST', `${H}/plans/${planId}/actions`, {
      as,
      body: {
        themeId: plan.themes[0].id,
        ref: '1.1',
        title: 'Agree the leadership programme',
        status: 'on-track',
      },
    });
    personId = (await api.call('POST', `${H}/people`, { as, body: { name: 'Head of HR' } })).body.id;
    await api.linkMember('contributor@harrow.test', 'harrow', personId);
  });
  afterAll(() => api.drop());

  it('lists the periods a plan can be reported on, newest first, each saying whether it is closed', async () => {
    const path = `${H}/plans/${planId}/report-periods`;
    const before = await api.call('GET', path, { as: 'viewer@harrow.test' });
    expect(before.status).toBe(200);
    const keys = before.body.items.map((p: { key: string }) => p.key);
    expect(keys.slice(0, 2)).toEqual(['year-end-2026-27', 'mid-year-2026-27']);
    expect(keys).toContain('2026-11');
    expect(keys).not.toContain('2026-12');
    expect(before.body.items.find((p: { key: string }) => p.key === '2026-11')).toMatchObject({
      label: 'November 2026',
      running: true,
      closed: false,
    });
    const close = await api.call('POST', `${H}/plans/${planId}/periods/mid-year-2026-27/close`, {
      as: 'editor@harrow.test',
      body: {},
    });
    expect(close.status).toBe(201);
    const after = await api.call('GET', path, { as: 'viewer@harrow.test' });
    expect(after.body.items.find((p: { key: string }) => p.key === 'mid-year-2026-27')).toMatchObject({
      closed: true,
      running: false,
      closedBy: 'editor of harrow',
    });
    expect((await api.call('GET', path, { as: 'viewer@kent.test' })).status).toBe(404);
    expect(
      (await api.call('GET', `${K}/plans/${planId}/report-periods`, { as: 'viewer@kent.test' })).status,
    ).toBe(404);
  });

  it('builds the committee pack: every active plan in one Word document, frozen where closed', async () => {
    const res = await api.app.request(`${H}/committee-pack?period=mid-year:2026-27`, {
      headers: { authorization: `Bearer ${await api.token('viewer@harrow.test')}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('wordprocessingml');
    expect(res.headers.get('content-disposition')).toMatch(
      /^attachment; filename="[a-z0-9-]*committee-pack-mid-year-2026-27\.docx"$/,
    );
    // One plan's period is closed (frozen), the other's is built now.
    expect(res.headers.get('x-report-source')).toBe('mixed');
    const xml = docxText(new Uint8Array(await res.arrayBuffer()));
    expect(xml).toContain('committee pack, Mid-year 2026-27');
    expect(xml).toContain('Workforce plan 2026-27');
    expect(xml).toContain('Pay and reward plan');
    expect(xml).not.toContain('A draft plan left out');
    expect(xml).toContain('<w:tbl>');
    expect(xml.match(/w:val="Title"/g)?.length).toBe(3);
    expect(xml.indexOf('Pay and reward plan')).toBeLessThan(xml.lastIndexOf('Workforce plan 2026-27'));
  });

  it('refuses a committee pack for a period it cannot read, and for another council', async () => {
    const bad = await api.call('GET', `${H}/committee-pack?period=someday`, { as: 'viewer@harrow.test' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].path).toBe('period');
    expect(
      (await api.call('GET', `${H}/committee-pack?period=mid-year`, { as: 'viewer@kent.test' })).status,
    ).toBe(404);
    expect(otherPlanId).toBeTruthy();
  });

  it('lists one’s own calendar feeds: those one made and one’s own person’s, for contributors up', async () => {
    const path = `${H}/calendar-feeds`;
    expect((await api.call('GET', path, { as: 'viewer@harrow.test' })).status).toBe(403);
    expect((await api.call('GET', path, { as: 'editor@kent.test' })).status).toBe(404);
    const none = await api.call('GET', path, { as: 'contributor@harrow.test' });
    expect(none.body.items).toEqual([]);

    await api.call('POST', `${H}/plans/${planId}/calendar-feed`, { as: 'editor@harrow.test', body: {} });
    await api.call('POST', `${H}/people/${personId}/calendar-feed`, {
      as: 'contributor@harrow.test',
      body: {},
    });
    const editors = await api.call('GET', path, { as: 'editor@harrow.test' });
    expect(editors.body.items).toEqual([
      expect.objectContaining({ scope: 'plan', subjectId: planId, subjectName: 'Workforce plan 2026-27' }),
    ]);
    const mine = await api.call('GET', path, { as: 'contributor@harrow.test' });
    expect(mine.body.items).toEqual([
      expect.objectContaining({ scope: 'person', subjectId: personId, subjectName: 'Head of HR' }),
    ]);
    expect(JSON.stringify(mine.body)).not.toMatch(/calendar\/harrow\//);

    await api.call('DELETE', `${H}/plans/${planId}/calendar-feed`, { as: 'editor@harrow.test' });
    expect((await api.call('GET', path, { as: 'editor@harrow.test' })).body.items).toEqual([]);
  });
});
