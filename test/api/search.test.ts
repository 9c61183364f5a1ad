import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { themeSearchDoc } from '@peopleplan/core';
import { CouncilData, councilPk, SearchIndexRepo, tenantContext } from '@peopleplan/db';
import { SEEDS_DIR } from '@peopleplan/devstack';
import { clearSearchCache } from '@peopleplan/services/search';
import { ulid } from 'ulid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from '../support/api.js';

const H = '/api/v1/councils/harrow';
const K = '/api/v1/councils/kent';
const date = (due: string) => ({ text: due, kind: 'date', due, precision: 'day' });

interface Hit {
  kind: string;
  id: string;
  title: string;
  planTitle?: string;
  actionRef?: string;
  matched: string[];
  snippet?: string;
}

/** Issue 17: search within the council, kept up to date with every write, ranked, matched words shown. */
describe('search', () => {
  let api: TestApi;
  let planId: string;
  let action: { id: string; version: number };
  const editor = 'editor@harrow.test';
  const ok = async (method: string, path: string, body?: unknown, as = editor) => {
    const r = await api.call(method, path, { as, ...(body === undefined ? {} : { body }) });
    expect(r.status, `${method} ${path}: ${JSON.stringify(r.body)}`).toBeLessThan(300);
    return r.body;
  };
  const search = async (q: string, as = 'viewer@harrow.test', base = H) => {
    const r = await api.call('GET', `${base}/search?q=${encodeURIComponent(q)}`, { as });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    return r.body as { items: Hit[]; total: number; complete: boolean };
  };

  beforeAll(async () => {
    api = await createTestApi();
    const plan = await ok('POST', `${H}/plans`, {
      title: 'Workforce strategy 2026-29',
      kind: 'people-strategy',
      status: 'active',
      themes: [{ ref: '1', title: 'Recruitment and retention' }],
    });
    planId = plan.id;
    action = await ok('POST', `${H}/plans/${planId}/actions`, {
      ref: '1.1',
      title: 'Launch an apprenticeship scheme',
      themeId: plan.themes[0].id,
      leads: [{ role: 'responsible', label: 'Head of HR' }],
      outcome: 'Twenty young people in paid training each year',
    });
    await ok('POST', `${H}/actions/${action.id}/milestones`, {
      ref: 'A',
      title: 'First apprentices start',
      due: date('2027-09-01'),
    });
    await ok('POST', `${H}/actions/${action.id}/updates`, {
      narrative: 'Signed the levy agreement with the college; the apprenticeship standards are agreed.',
      status: 'on-track',
    });
    await ok('POST', `${H}/people`, { name: 'Priya Shah', roleLabel: 'Talent lead' });
  });
  afterAll(() => api.drop());

  it('finds actions, milestones and updates, titles first, with the words that matched', async () => {
    const r = await search('apprentice');
    expect(r.complete).toBe(true);
    // Titles weigh most: the update, found in its narrative, comes last.
    expect(r.items.map((i) => i.kind).sort()).toEqual(['action', 'milestone', 'update']);
    expect(r.items.at(-1)!.kind).toBe('update');
    const of = (kind: string) => r.items.find((i) => i.kind === kind)!;
    const [a, m, u] = [of('action'), of('milestone'), of('update')];
    expect(a).toMatchObject({
      id: action.id,
      title: 'Launch an apprenticeship scheme',
      planTitle: 'Workforce strategy 2026-29',
    });
    expect(a.matched).toEqual(['apprenticeship']);
    expect(m).toMatchObject({ actionRef: '1.1', matched: ['apprentices'] });
    expect(u.snippet).toContain('apprenticeship standards');
    expect((await search('recruitment')).items.map((i) => i.kind)).toEqual(['theme']);
    expect((await search('priya talent')).items.map((i) => i.title)).toEqual(['Priya Shah']);
    expect((await search('head of hr young')).items.map((i) => i.id)).toEqual([action.id]);
    // A near spelling of a longer word is found too.
    expect((await search('apprenticship')).items.map((i) => i.kind)).toContain('action');
  });

  it('follows every write at once', async () => {
    const now = await ok('GET', `${H}/actions/${action.id}`);
    await ok('PATCH', `${H}/actions/${action.id}`, {
      version: now.version,
      title: 'Launch a graduate scheme',
    });
    expect((await search('graduate')).items.map((i) => i.id)).toEqual([action.id]);
    const old = (await search('apprenticeship')).items.map((i) => i.kind);
    expect(old).toContain('update');
    expect(old).not.toContain('action');
    const added = await ok('POST', `${H}/plans/${planId}/themes`, { title: 'Wellbeing at work' });
    expect((await search('wellbeing')).items.map((i) => i.id)).toEqual([added.id]);
  });

  it('finds an imported plan’s items once the import is committed', async () => {
    const file = '003_864b78674d56bd2d.txt';
    const text = readFileSync(join(fileURLToPath(SEEDS_DIR), file), 'utf8');
    const preview = await ok('POST', `${H}/imports`, { text, filename: file });
    const before = (await search('business plan')).total;
    await ok('POST', `${H}/imports/${preview.id}/commit`, {});
    const after = await search('business plan');
    expect(after.total).toBeGreaterThan(before);
    expect(after.items.some((i) => i.kind === 'plan')).toBe(true);
  });

  it('keeps what is made in a later year in that year’s shards, and finds it there', async () => {
    // A shard holds 400 KB: years of progress updates in one fixed set of shards would fill them and
    // every save touching a full one would fail (db keys.ts searchShardSet). Items made in 2027 (their
    // ULIDs' time) are kept in the second set, written as every write keeps the index.
    const system = new CouncilData(
      api.doc,
      api.tableName,
      tenantContext('harrow', 'system', { sub: 's', name: 'S' }),
    );
    const made2027 = Array.from({ length: 40 }, (_, i) => ({
      id: ulid(Date.parse('2027-05-12T09:30:00Z') + i * 86_400_000),
      planId,
      ref: `9.${i}`,
      title: `Hybrid working pilot ${i}`,
    }));
    await new SearchIndexRepo(system.store).write(made2027.map((t) => themeSearchDoc(t as never)));
    const shards = (await system.store.queryAllRaw('SEARCH#')).map((x) => Number(String(x.SK).slice(7)));
    expect(shards.filter((n) => n >= 32 && n < 64).length).toBeGreaterThan(16);
    const hits = await search('hybrid');
    expect(hits.total).toBe(40);
    const ids = new Set(made2027.map((t) => t.id));
    expect(hits.items.every((i) => i.kind === 'theme' && ids.has(i.id))).toBe(true);
    expect(hits.complete).toBe(true);
    // And a process that has not read the index yet finds them too.
    clearSearchCache();
    expect((await search('hybrid')).total).toBe(40);
  });

  it('keeps each council to its own: nothing of harrow in kent, and 404 on another council', async () => {
    expect((await search('graduate', 'viewer@kent.test', K)).items).toEqual([]);
    const r = await api.call('GET', `${H}/search?q=graduate`, { as: 'viewer@kent.test' });
    expect(r.status).toBe(404);
    expect(JSON.stringify(r.body)).not.toContain('graduate scheme');
  });

  it('refuses an empty or overlong query', async () => {
    for (const q of ['', '%20%20', 'x'.repeat(201)]) {
      const r = await api.call('GET', `${H}/search?q=${q}`, { as: 'viewer@harrow.test' });
      expect(r.status).toBe(400);
      expect(r.body.error.details[0].path).toBe('q');
    }
  });

  it('says when the index is incomplete (data from before search), until it is rebuilt', async () => {
    const system = new CouncilData(
      api.doc,
      api.tableName,
      tenantContext('harrow', 'system', { sub: 's', name: 'Repair' }),
    );
    const raw = await system.store.queryAllRaw('SEARCH');
    for (let i = 0; i < raw.length; i += 25) {
      await api.doc.send(
        new BatchWriteCommand({
          RequestItems: {
            [api.tableName]: raw.slice(i, i + 25).map((x) => ({
              DeleteRequest: { Key: { PK: councilPk('harrow'), SK: x.SK } },
            })),
          },
        }),
      );
    }
    clearSearchCache();
    const empty = await search('graduate');
    expect(empty).toMatchObject({ complete: false, items: [] });
    expect(await new SearchIndexRepo(system.store).rebuild()).toBeGreaterThan(100);
    const back = await search('graduate');
    expect(back.complete).toBe(true);
    expect(back.items.map((i) => i.id)).toEqual([action.id]);
  });
});
