import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BoardsRepo, TenantStore, tenantContext } from '@peopleplan/db';
import { SEEDS_DIR } from '@peopleplan/devstack';
import { parse as parseCsv } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApi, type TestApi } from '../support/api.js';

const seed = (prefix: string) => {
  const dir = fileURLToPath(SEEDS_DIR);
  const name = ['000_f3942cf1abaae3da.txt', '001_25f8ced919f1fae7.txt', '003_864b78674d56bd2d.txt'].find(
    (f) => f.startsWith(prefix),
  )!;
  return { name, text: readFileSync(join(dir, name), 'utf8') };
};
const K = '/api/v1/councils/kent';
const H = '/api/v1/councils/harrow';

describe('import: preview then commit', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await createTestApi();
  });
  afterAll(() => api.drop());

  const planCount = async (base = K) =>
    (await api.call('GET', `${base}/plans`, { as: 'viewer@kent.test' })).body.items?.length ?? 0;

  it('previews the Kent business plan, then commits it once even when the commit is retried', async () => {
    const s = seed('003');
    const preview = await api.call('POST', `${K}/imports`, {
      as: 'editor@kent.test',
      body: { text: s.text, filename: s.name },
    });
    expect(preview.status, JSON.stringify(preview.body)).toBe(201);
    expect(preview.body.plan.kind).toBe('business-plan');
    expect(preview.body.counts).toMatchObject({ themes: 6, actions: 28, subActions: 62, risks: 4 });
    expect(preview.body.plan.mapping.tables.length).toBeGreaterThan(0);
    expect(preview.body.unresolvedLeads.length).toBeGreaterThan(0);
    expect(await planCount()).toBe(0);

    const id = preview.body.id;
    const [first, retry] = await Promise.all([
      api.call('POST', `${K}/imports/${id}/commit`, { as: 'editor@kent.test', body: {} }),
      api.call('POST', `${K}/imports/${id}/commit`, { as: 'editor@kent.test', body: {} }),
    ]);
    expect(first.status).toBe(200);
    expect(retry.status).toBe(200);
    expect(retry.body.planId).toBe(first.body.planId);
    const again = await api.call('POST', `${K}/imports/${id}/commit`, { as: 'editor@kent.test', body: {} });
    expect(again.body.planId).toBe(first.body.planId);

    expect(await planCount()).toBe(1);
    const contents = await api.call('GET', `${K}/plans/${first.body.planId}/contents`, {
      as: 'viewer@kent.test',
    });
    expect(contents.body.themes).toHaveLength(6);
    expect(contents.body.actions).toHaveLength(28 + 62);
    expect(contents.body.actions.filter((a: { parentId?: string }) => a.parentId)).toHaveLength(62);
    expect(contents.body.milestones.length).toBeGreaterThanOrEqual(29);
    expect(contents.body.risks).toHaveLength(4);
    expect(contents.body.continuity).toHaveLength(3);
    const people = await api.call('GET', `${K}/people`, { as: 'viewer@kent.test' });
    expect(
      people.body.items.every((p: { unresolved: boolean; email?: string }) => p.unresolved && !p.email),
    ).toBe(true);
    const leadIds = new Set(
      contents.body.actions.flatMap((a: { leads: { personId: string }[] }) => a.leads.map((l) => l.personId)),
    );
    expect([...leadIds].every((pid) => people.body.items.some((p: { id: string }) => p.id === pid))).toBe(
      true,
    );

    // The plan's board is complete from the commit, and says what its 90 actions and milestones say.
    const boards = new BoardsRepo(
      new TenantStore(api.doc, api.tableName, tenantContext('kent', 'viewer', { sub: 't', name: 'T' })),
    );
    const board = await boards.read(first.body.planId);
    expect(board?.actions).toHaveLength(90);
    const byId = <T extends { id: string }>(xs: T[]) => [...xs].sort((a, b) => a.id.localeCompare(b.id));
    const items = await boards.fromItems(first.body.planId);
    expect(byId(board!.actions)).toEqual(byId(items.actions));
    expect(byId(board!.milestones)).toEqual(byId(items.milestones));
  });

  it('accepts an uploaded file (multipart) and keeps member, strategic and operational leads apart', async () => {
    const s = seed('001');
    const form = new FormData();
    form.append('file', new File([s.text], s.name, { type: 'text/plain' }));
    const res = await api.app.request(`${H}/imports`, {
      method: 'POST',
      body: form,
      headers: { authorization: `Bearer ${await api.token('editor@harrow.test')}` },
    });
    expect(res.status).toBe(201);
    const body = (await res.json()) as any;
    expect(body.plan.kind).toBe('peer-review');
    expect(body.counts.themes).toBe(5);
    const roles = new Set(
      body.plan.themes.flatMap((t: any) => t.actions.flatMap((a: any) => a.leads.map((l: any) => l.role))),
    );
    expect([...roles].sort()).toEqual(['member', 'operational', 'strategic']);
  });

  describe('bad files get a clear error and nothing is written', () => {
    const post = (raw: string | Uint8Array<ArrayBuffer>, type: string, filename = 'plan') =>
      api.call('POST', `${K}/imports?filename=${filename}`, {
        as: 'editor@kent.test',
        raw,
        headers: { 'content-type': type },
      });

    it('empty → 422, binary → 415, spreadsheet with no header → 422, over 10 MB → 413', async () => {
      const before = await planCount();
      expect((await post('', 'text/plain')).status).toBe(422);
      const binary = new Uint8Array(2048).map((_, i) => (i * 37) % 256);
      const bin = await post(binary, 'application/octet-stream', 'plan.bin');
      expect(bin.status).toBe(415);
      expect(bin.body.error.message).toMatch(/./);
      const noHeader = await post('1,2,3\n4,5,6\n', 'text/csv', 'plan.csv');
      expect(noHeader.status).toBe(422);
      const big = await post('a'.repeat(10 * 1024 * 1024 + 10), 'text/plain', 'big.txt');
      expect(big.status).toBe(413);
      expect(await planCount()).toBe(before);
    });

    it('a Word file its reader cannot open → 415 in plain words; the reader’s own words go to the log', async () => {
      // A real Word file whose document XML is broken part way.
      const { Document, Packer, Paragraph } = await import('docx');
      const { strFromU8, strToU8, unzipSync, zipSync } = await import('fflate');
      const good = await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('Plan')] }] }));
      const files = unzipSync(new Uint8Array(good));
      files['word/document.xml'] = strToU8(
        `${strFromU8(files['word/document.xml']!).slice(0, 200)}&nope;<w:p>`,
      );
      const warn = vi.spyOn(api.deps.logger, 'warn');
      try {
        const r = await post(new Uint8Array(zipSync(files)), 'application/octet-stream', 'plan.docx');
        expect(r.status).toBe(415);
        expect(r.body.error.message).toMatch(
          /^The Word document could not be read: .* save it again as a \.docx/,
        );
        expect(JSON.stringify(r.body)).not.toMatch(/xmldom|entity/i);
        expect(warn).toHaveBeenCalledWith(
          'request refused',
          expect.objectContaining({ cause: expect.any(String) }),
        );
      } finally {
        warn.mockRestore();
      }
    });

    it('a Rich Text file → 415 saying to save it as .docx, never a plan of its markup', async () => {
      const before = await planCount();
      const r = await post(
        '{\\rtf1\\ansi\\deff4 {\\fonttbl{\\f0 Times;}} Attract}\\cell\\row}',
        'application/rtf',
        'plan.rtf',
      );
      expect(r.status).toBe(415);
      expect(r.body.error.message).toMatch(/save it as a Word document \(\.docx\)/);
      expect(await planCount()).toBe(before);
    });

    it("a web page's action plan table is previewed as a Word document's is, the page's navigation left out", async () => {
      const page = [
        '<!DOCTYPE html><html><head><meta charset="windows-1252"><script>var a = 1;</script></head><body>',
        '<nav><ul><li><a href="/">Home</a></li><li><a href="/c">Committees</a></li></ul></nav>',
        '<h1>Workforce Action Plan 2026/27</h1>',
        '<table><tr><th>Ref</th><th>Action</th><th>Lead</th><th>Deadline</th><th>RAG</th></tr>',
        '<tr><td>1</td><td><p>Launch a careers website</p></td><td>Head of HR<br>Head of Comms</td>',
        '<td>October 2026</td><td>Green</td></tr></table></body></html>',
      ].join('\n');
      const r = await post(page, 'text/html', 'item.html');
      expect(r.status, JSON.stringify(r.body)).toBe(201);
      expect(r.body.plan.format).toBe('html');
      expect(r.body.counts).toMatchObject({ actions: 1 });
      const action = r.body.plan.themes[0].actions[0];
      expect(action.title).toBe('Launch a careers website');
      expect(action.leads.map((l: { label: string }) => l.label)).toEqual(['Head of HR', 'Head of Comms']);
      expect(JSON.stringify(r.body.plan)).not.toMatch(/Committees|var a/);
    });

    it('a formula cell is kept as plain text and flagged, never run', async () => {
      const csv =
        'Action,Lead,Deadline\n"=cmd|\' /C calc\'!A0",GM (HR),March 2014\nReview pay policy,HOPOS,June 2014\n';
      const r = await post(csv, 'text/csv', 'plan.csv');
      expect(r.status).toBe(201);
      expect(r.body.plan.warnings.map((w: { code: string }) => w.code)).toContain('formula-cell');
      expect(JSON.stringify(r.body.plan)).toContain("=cmd|' /C calc'!A0");
    });
  });

  it('says which milestones are dated before today and not done; a complete action’s milestones are done', async () => {
    const text = [
      'Workforce Plan 2019-21',
      '',
      'Ref\tAction\tLead\tDeadline\tStatus\tMilestones',
      '1\tRecruit a careers adviser\tHead of HR\tMarch 2021\tOn track\tJan 2020 – advert placed',
      '2\tPublish the pay policy\tReward Lead\tMarch 2020\tComplete\tFeb 2020 – policy agreed',
    ].join('\n');
    const preview = await api.call('POST', `${H}/imports`, {
      as: 'editor@harrow.test',
      body: { text, filename: 'workforce-plan.txt' },
    });
    expect(preview.status).toBe(201);
    const past = preview.body.plan.warnings.filter((w: { code: string }) => w.code === 'past-milestones');
    expect(past.map((w: { message: string }) => w.message)).toEqual([
      expect.stringMatching(
        /^1 milestone is dated before today and not marked done \(for example “advert placed”/,
      ),
    ]);
    const committed = await api.call('POST', `${H}/imports/${preview.body.id}/commit`, {
      as: 'editor@harrow.test',
      body: {},
    });
    expect(committed.status, JSON.stringify(committed.body)).toBe(200);
    const contents = await api.call('GET', `${H}/plans/${committed.body.planId}/contents`, {
      as: 'viewer@harrow.test',
    });
    expect(
      contents.body.milestones.map((m: { title: string; status: string }) => [m.title, m.status]),
    ).toEqual([
      ['advert placed', 'not-started'],
      ['policy agreed', 'completed'],
    ]);
  });

  it('roles and isolation: a viewer cannot import (403); another council’s import is 404', async () => {
    const s = seed('000');
    expect(
      (await api.call('POST', `${H}/imports`, { as: 'viewer@harrow.test', body: { text: s.text } })).status,
    ).toBe(403);
    const p = await api.call('POST', `${H}/imports`, { as: 'editor@harrow.test', body: { text: s.text } });
    expect(p.status).toBe(201);
    expect(
      (await api.call('POST', `${K}/imports/${p.body.id}/commit`, { as: 'editor@kent.test', body: {} }))
        .status,
    ).toBe(404);
    expect((await api.call('GET', `${K}/imports/${p.body.id}`, { as: 'editor@kent.test' })).status).toBe(404);
  });
  it('says when the council already has a plan of that title, and commits a second only once that is acknowledged', async () => {
    const s = seed('003');
    const preview = await api.call('POST', `${K}/imports`, {
      as: 'editor@kent.test',
      body: { text: s.text, filename: s.name },
    });
    expect(preview.status).toBe(201);
    const dup = preview.body.acknowledgements.find(
      (a: { key: string }) => a.key === 'possible-duplicate@plan',
    );
    expect(dup?.message).toMatch(/already has a plan called “.+”.*Importing this adds a second plan/);
    const plans = await planCount();
    const refused = await api.call('POST', `${K}/imports/${preview.body.id}/commit`, {
      as: 'editor@kent.test',
      body: {},
    });
    expect(refused.status).toBe(422);
    expect(await planCount()).toBe(plans);
    const acknowledge = preview.body.acknowledgements.map((a: { key: string }) => a.key);
    const blank = await api.call('POST', `${K}/imports/${preview.body.id}/commit`, {
      as: 'editor@kent.test',
      body: { acknowledge, title: '   ' },
    });
    expect(blank.status).toBe(400);
    // Committed under the title the person gave it.
    const committed = await api.call('POST', `${K}/imports/${preview.body.id}/commit`, {
      as: 'editor@kent.test',
      body: { acknowledge, title: 'HR Business Plan 2013-14 (second copy)' },
    });
    expect(committed.status, JSON.stringify(committed.body)).toBe(200);
    expect(await planCount()).toBe(plans + 1);
    const plan = await api.call('GET', `${K}/plans/${committed.body.planId}`, { as: 'viewer@kent.test' });
    expect(plan.body.title).toBe('HR Business Plan 2013-14 (second copy)');

    // A title given at commit is checked as the preview's was: the same name needs the same tick.
    const other = await api.call('POST', `${K}/imports`, {
      as: 'editor@kent.test',
      body: {
        text: 'Ref\tAction\tLead\tDeadline\n1\tRun induction\tHead of HR\tMarch 2027\n',
        filename: 'induction.txt',
      },
    });
    expect(other.body.acknowledgements).toEqual([]);
    const renamed = (acknowledge?: string[]) =>
      api.call('POST', `${K}/imports/${other.body.id}/commit`, {
        as: 'editor@kent.test',
        body: { title: 'HR Business Plan 2013-14 (second copy)', ...(acknowledge && { acknowledge }) },
      });
    const needsTick = await renamed();
    expect(needsTick.status).toBe(422);
    expect(needsTick.body.error.details[0].message).toMatch(/^possible-duplicate@plan: /);
    expect((await renamed(['possible-duplicate@plan'])).status).toBe(200);
  });
  it('a dated progress log becomes one update an entry, each at its date; a report shows the period’s latest', async () => {
    const csv = [
      'Ref,Action,Lead,Deadline,Progress update',
      '1,Recruit six AMHPs,Head of Adult Services,March 2027,"Agreed by DMT. 12/05/26 – recruited 3 posts; 01/07/26 – on hold; 20/10/26 – restarted"',
      '2,Refresh the induction,Head of HR,March 2027,Work started in May 2026',
      '3,Scope a pay review,Head of Reward,March 2027,03/03/26 – scoped',
    ].join('\r\n');
    const preview = await api.call('POST', `${K}/imports`, {
      as: 'editor@kent.test',
      body: { text: csv, filename: 'Progress log 2026-27.csv' },
    });
    expect(preview.status, JSON.stringify(preview.body)).toBe(201);
    const acknowledge = preview.body.plan.warnings
      .filter((w: { acknowledge?: boolean }) => w.acknowledge)
      .map((w: { code: string; where: string }) => `${w.code}@${w.where}`);
    const commit = await api.call('POST', `${K}/imports/${preview.body.id}/commit`, {
      as: 'editor@kent.test',
      body: { acknowledge },
    });
    expect(commit.status, JSON.stringify(commit.body)).toBe(200);
    expect(commit.body.counts.updates).toBe(5);
    const planId = commit.body.planId;
    const contents = await api.call('GET', `${K}/plans/${planId}/contents`, { as: 'viewer@kent.test' });
    const [first, second] = contents.body.actions;
    const history = await api.call('GET', `${K}/actions/${first.id}/updates`, { as: 'viewer@kent.test' });
    // Newest first, each at its own date; the words before the first date stay with it.
    expect(
      history.body.items.map((u: { at: string; narrative: string }) => [u.at.slice(0, 10), u.narrative]),
    ).toEqual([
      ['2026-10-20', '20/10/26 – restarted'],
      ['2026-07-01', '01/07/26 – on hold'],
      ['2026-05-12', 'Agreed by DMT. 12/05/26 – recruited 3 posts'],
    ]);
    expect(first.latestUpdate).toMatchObject({ narrative: '20/10/26 – restarted' });
    // No dated entry: one update on the import day, as before.
    expect(second.latestUpdate.narrative).toBe('Work started in May 2026');
    // The mid-year report (April–September) shows the latest entry dated in it.
    const report = await api.call('GET', `${K}/plans/${planId}/reports?period=mid-year-2026-27&format=csv`, {
      as: 'viewer@kent.test',
    });
    expect(report.status).toBe(200);
    const [head, ...rows] = parseCsv(report.body, { bom: true }) as string[][];
    const row = rows.find((r) => r[head!.indexOf('Ref')] === '1')!;
    expect(row[head!.indexOf('Latest update')]).toBe('01/07/26 – on hold');
    expect(row[head!.indexOf('Latest update date')]).toBe('2026-07-01');
    // Entries dated before the import are history brought in with the plan: no action is stale on its
    // first day for them (staleness counts from the import at the earliest).
    const dashboard = await api.call('GET', `${K}/dashboard`, { as: 'viewer@kent.test' });
    const summary = dashboard.body.plans.find((p: { planId: string }) => p.planId === planId);
    expect(summary.stale).toBe(0);
  });
});
