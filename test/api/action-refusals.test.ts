/**
 * Edits of actions refused with a clear answer before anything is written: a move to another theme
 * whose sub-actions would take more than one transaction (docs/architecture.md, section 3, "Writes"),
 * and a removal sent without the version read.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from '../support/api.js';
import { readPartition } from '../support/partitions.js';

const H = '/api/v1/councils/harrow';
const EDITOR = 'editor@harrow.test';

describe('action edits refused before any write', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await createTestApi();
  });
  afterAll(() => api.drop());

  const ok = (method: string, path: string, body?: unknown, as = EDITOR) => api.ok(method, path, body, as);
  const call = (method: string, path: string, body?: unknown, as = EDITOR) =>
    api.call(method, path, { as, ...(body === undefined ? {} : { body }) });
  const snapshot = () => readPartition(api.doc, api.tableName, 'C#harrow');
  const twoThemes = (title: string) =>
    ok('POST', `${H}/plans`, {
      title,
      kind: 'business-plan',
      status: 'active',
      themes: [
        { ref: '1', title: 'One' },
        { ref: '2', title: 'Two' },
      ],
    });
  /** A parent action in the plan's first theme with `n` sub-actions (some of them sub-sub-actions). */
  async function family(p: any, ref: string, n: number) {
    const parent = await ok('POST', `${H}/plans/${p.id}/actions`, {
      ref,
      title: `Parent ${ref}`,
      themeId: p.themes[0].id,
    });
    let under = parent;
    for (let i = 0; i < n; i++) {
      const child = await ok('POST', `${H}/plans/${p.id}/actions`, {
        ref: `${ref}.${i + 1}`,
        title: `Sub-action ${ref}.${i + 1}`,
        themeId: p.themes[0].id,
        parentId: i % 10 === 5 ? under.id : parent.id,
      });
      if (i % 10 === 0) under = child;
    }
    return parent;
  }

  it('refuses (422) moving an action whose sub-actions are too many for one transaction, writing nothing', async () => {
    const p = await twoThemes('Big plan');
    const parent = await family(p, '1.1', 89);
    // Harrow's editors only: another council's editor does not find it.
    const kent = await call(
      'PATCH',
      `/api/v1/councils/kent/actions/${parent.id}`,
      { version: parent.version, themeId: p.themes[1].id },
      'editor@kent.test',
    );
    expect(kent.status).toBe(404);

    const before = await snapshot();
    const r = await call('PATCH', `${H}/actions/${parent.id}`, {
      version: parent.version,
      themeId: p.themes[1].id,
    });
    expect(r.status).toBe(422);
    expect(r.body.error.message).toBe(
      'This action has 89 sub-actions, more than can move to another theme with it in one go.',
    );
    expect([...(await snapshot()).entries()].filter(([k, v]) => before.get(k) !== v)).toEqual([]);
    const actions = (await ok('GET', `${H}/plans/${p.id}/actions?limit=200`)).items;
    expect(actions.every((a: { themeId: string }) => a.themeId === p.themes[0].id)).toBe(true);
  }, 120_000);

  it('moves an action with as many sub-actions as one transaction takes, all of them with it', async () => {
    const p = await twoThemes('Movable plan');
    const parent = await family(p, '2.1', 80);
    const r = await call('PATCH', `${H}/actions/${parent.id}`, {
      version: parent.version,
      themeId: p.themes[1].id,
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const actions = (await ok('GET', `${H}/plans/${p.id}/actions?limit=200`)).items;
    expect(actions).toHaveLength(81);
    expect(actions.every((a: { themeId: string }) => a.themeId === p.themes[1].id)).toBe(true);
  }, 120_000);

  it('says a removal needs the version read, rather than "received NaN"', async () => {
    const p = await twoThemes('Removal plan');
    const a = await ok('POST', `${H}/plans/${p.id}/actions`, {
      ref: '1.1',
      title: 'Duplicate',
      themeId: p.themes[0].id,
    });
    for (const path of [`${H}/actions/${a.id}`, `${H}/actions/${a.id}?version=two`]) {
      const r = await call('DELETE', path);
      expect(r.status, path).toBe(400);
      expect(r.body.error.details, path).toEqual([
        { path: 'version', message: expect.stringMatching(/^required: the version you last read/) },
      ]);
    }
    expect((await ok('GET', `${H}/actions/${a.id}`)).title).toBe('Duplicate');
    expect((await call('DELETE', `${H}/actions/${a.id}?version=${a.version}`)).status).toBe(204);
  });
});
