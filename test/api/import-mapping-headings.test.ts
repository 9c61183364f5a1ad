import { sk, TenantStore, tenantContext } from '@peopleplan/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from '../support/api.js';
import { readPartition } from '../support/partitions.js';

/**
 * A saved column mapping's headings are whatever a council's documents say: each is checked (not blank,
 * not too long, not twice) and kept as a list of heading and field pairs, so that no heading can stand
 * for a property of the objects or maps it passes through (docs/architecture.md, section 3).
 */
const H = '/api/v1/councils/harrow';
const EDITOR = 'editor@harrow.test';

describe('saved column mappings: headings', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await createTestApi();
  });
  afterAll(() => api.drop());

  /** Sent as written (a JSON object literal keeps "__proto__" as a key, as a browser's request would). */
  const save = (raw: string, as = EDITOR, council = 'harrow') =>
    api.call('POST', `/api/v1/councils/${council}/import-mappings`, {
      as,
      raw,
      headers: { 'content-type': 'application/json' },
    });
  const partition = () => readPartition(api.doc, api.tableName, 'C#harrow');

  it('keeps headings that name object internals as ordinary headings', async () => {
    const r = await save(
      '{"name":"Odd headings","columns":{"constructor":"title","toString":"ref","hasOwnProperty":"due","Lead":"lead:responsible"}}',
    );
    expect(r.status).toBe(201);
    expect(r.body.columns).toEqual({
      constructor: 'title',
      toString: 'ref',
      hasOwnProperty: 'due',
      Lead: 'lead:responsible',
    });
    const list = await api.call('GET', `${H}/import-mappings`, { as: EDITOR });
    expect(list.body.items.find((m: { id: string }) => m.id === r.body.id).columns).toEqual(r.body.columns);
    // Stored as pairs: the headings are values, never the keys of a map.
    const stored = JSON.parse((await partition()).get(sk.importMapping(r.body.id))!);
    expect(stored.columns).toEqual([
      { heading: 'constructor', field: 'title' },
      { heading: 'toString', field: 'ref' },
      { heading: 'hasOwnProperty', field: 'due' },
      { heading: 'Lead', field: 'lead:responsible' },
    ]);
    // Saved again under the same name (another spelling), it is replaced, pairs and all.
    const again = await save('{"name":"odd  HEADINGS","columns":{" Lead ":"lead:accountable"}}');
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ id: r.body.id, version: 2, columns: { Lead: 'lead:accountable' } });
  });

  it('refuses a blank, over-long, repeated or "__proto__" heading with what is wrong, saving nothing', async () => {
    const before = await partition();
    const cases: Array<[string, string]> = [
      ['{"name":"Blank","columns":{"":"title"}}', 'a column heading cannot be blank'],
      ['{"name":"Spaces","columns":{"   ":"title"}}', 'a column heading cannot be blank'],
      [
        `{"name":"Long","columns":{"${'x'.repeat(301)}":"title"}}`,
        'a column heading can be at most 300 characters',
      ],
      ['{"name":"Twice","columns":{"Lead":"title","Lead ":"ref"}}', 'the heading “Lead” is there twice'],
      [
        '{"name":"Proto","columns":{"__proto__":"title","Action":"ref"}}',
        '“__proto__” cannot be a column heading',
      ],
    ];
    for (const [raw, message] of cases) {
      const r = await save(raw);
      expect(r.status, raw).toBe(400);
      expect(r.body.error.code, raw).toBe('bad-request');
      expect(
        r.body.error.details.map((d: { message: string }) => d.message),
        raw,
      ).toContain(message);
    }
    const after = await partition();
    expect([...after.entries()].filter(([k, v]) => before.get(k) !== v)).toEqual([]);
  });

  it('still reads a mapping saved in the old shape (headings as a map), and replaces it with pairs', async () => {
    const store = new TenantStore(
      api.doc,
      api.tableName,
      tenantContext('harrow', 'editor', { sub: 't', name: 'T' }),
    );
    const first = await save('{"name":"Old shape","columns":{"Placeholder":"title"}}');
    const old = { ...first.body, columns: { Champion: 'lead:responsible', Deadline: 'due' } };
    await store.transact(
      [store.putVersioned(sk.importMapping(old.id), 'import-mapping', { ...old, version: 2 }, 1)],
      [],
    );
    const list = await api.call('GET', `${H}/import-mappings`, { as: EDITOR });
    expect(list.body.items.find((m: { id: string }) => m.id === old.id).columns).toEqual({
      Champion: 'lead:responsible',
      Deadline: 'due',
    });
    const replaced = await save('{"name":"Old shape","columns":{"Champion":"lead:responsible"}}');
    expect(replaced.status).toBe(200);
    expect(replaced.body.columns).toEqual({ Champion: 'lead:responsible' });
    const gone = await api.call('DELETE', `${H}/import-mappings/${old.id}`, { as: EDITOR });
    expect(gone.status).toBe(200);
    expect(gone.body.columns).toEqual({ Champion: 'lead:responsible' });
  });

  it('keeps each council’s mappings its own', async () => {
    const mine = await save('{"name":"Harrow only","columns":{"constructor":"title"}}');
    expect(mine.status).toBe(201);
    const kent = await api.call('GET', '/api/v1/councils/kent/import-mappings', { as: 'editor@kent.test' });
    expect(kent.body.items).toEqual([]);
    expect((await save('{"name":"Harrow only","columns":{"A":"title"}}', 'editor@kent.test')).status).toBe(
      404,
    );
    const del = await api.call('DELETE', `/api/v1/councils/kent/import-mappings/${mine.body.id}`, {
      as: 'editor@kent.test',
    });
    expect(del.status).toBe(404);
    expect((await save('{"name":"Viewer","columns":{"A":"title"}}', 'viewer@harrow.test')).status).toBe(403);
  });
});
