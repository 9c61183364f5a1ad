/**
 * Refs given by hand at the same moment (docs/architecture.md, "refs"): two people who give one plan's
 * actions the same ref at once cannot both succeed, while different refs never hold each other up, and
 * a ref freed by a renumbering or a removal can be given again.
 */
import { PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from '../support/api.js';

const H = '/api/v1/councils/harrow';
const EDITOR = 'editor@harrow.test';

describe('refs given by hand at the same moment', () => {
  let api: TestApi;
  let planId: string;
  let themeId: string;
  const call = (method: string, path: string, body?: unknown) =>
    api.call(method, path, { as: EDITOR, ...(body === undefined ? {} : { body }) });
  const add = (ref: string, title: string) =>
    call('POST', `${H}/plans/${planId}/actions`, { themeId, ref, title });
  const refsNow = async () =>
    (await call('GET', `${H}/plans/${planId}/actions?limit=100`)).body.items.map(
      (a: { ref: string }) => a.ref,
    );

  beforeAll(async () => {
    api = await createTestApi();
    const p = await call('POST', `${H}/plans`, {
      title: 'Workforce plan 2026-27',
      kind: 'business-plan',
      themes: [{ title: 'Wellbeing' }],
    });
    expect(p.status).toBe(201);
    planId = p.body.id;
    themeId = p.body.themes[0].id;
  });
  afterAll(() => api.drop());

  it('lets one of several people adding the same ref at once through, and tells the others why', async () => {
    const tries = await Promise.all(
      ['5.1', '5.1', ' 5.1', '5.1\u200b', '５.１', '5.1'].map((ref, i) => add(ref, `Action ${i}`)),
    );
    expect(tries.filter((t) => t.status === 201)).toHaveLength(1);
    for (const t of tries.filter((x) => x.status !== 201)) {
      expect(t.status).toBe(409);
      expect(t.body.error.message).toMatch(/^5\.1 (is already the ref of|was given to another action)/);
    }
    expect((await refsNow()).filter((r: string) => r.trim() === '5.1')).toHaveLength(1);
  });

  it('holds nobody up who gives a different ref at the same time', async () => {
    const tries = await Promise.all(
      ['6.1', '6.2', '6.3', '6.4', '6.5', '6.6'].map((ref) => add(ref, `Do ${ref}`)),
    );
    expect(tries.map((t) => t.status)).toEqual([201, 201, 201, 201, 201, 201]);
  });

  it('lets one of several actions renumbered onto the same ref at once through', async () => {
    const actions = await Promise.all(
      ['7.1', '7.2', '7.3', '7.4'].map(async (ref) => (await add(ref, ref)).body),
    );
    const moves = await Promise.all(
      actions.map((x) => call('PATCH', `${H}/actions/${x.id}`, { version: x.version, ref: '7.9' })),
    );
    expect(moves.map((m) => m.status).sort()).toEqual([200, 409, 409, 409]);
    expect((await refsNow()).filter((r: string) => r === '7.9')).toHaveLength(1);
  });

  it('gives a ref again once its action is renumbered or removed', async () => {
    const a = (await add('8.1', 'Renumbered later')).body;
    const moved = await call('PATCH', `${H}/actions/${a.id}`, { version: a.version, ref: '8.2' });
    expect(moved.status).toBe(200);
    const again = await add('8.1', 'Takes the freed ref');
    expect(again.status, JSON.stringify(again.body)).toBe(201);
    // Back onto its first ref, now another's: refused; onto a free one: fine.
    expect(
      (await call('PATCH', `${H}/actions/${a.id}`, { version: moved.body.version, ref: '8.1' })).status,
    ).toBe(409);
    const removed = await call('DELETE', `${H}/actions/${again.body.id}?version=${again.body.version}`);
    expect(removed.status).toBe(204);
    expect((await add('8.1', 'After the removal')).status).toBe(201);
  });

  const claims = async () =>
    (
      await api.doc.send(
        new QueryCommand({
          TableName: api.tableName,
          KeyConditionExpression: 'PK = :pk AND begins_with(SK, :sk)',
          ExpressionAttributeValues: { ':pk': 'C#harrow', ':sk': `REF#${planId}#` },
        }),
      )
    ).Items ?? [];

  it('keeps one claim per ref held, and takes over a claim left stale', async () => {
    const held = await claims();
    const refs = (await refsNow()).filter(Boolean);
    // Each ref given by hand and still held is claimed once, by its action; released ones are gone.
    expect(held.map((c) => c.ref).sort()).toEqual([...refs].sort());
    // A claim whose action no longer holds the ref (left by an older release) does not block it.
    await api.doc.send(
      new PutCommand({
        TableName: api.tableName,
        Item: {
          PK: 'C#harrow',
          SK: `REF#${planId}#9.1`,
          type: 'ref-claim',
          planId,
          ref: '9.1',
          actionId: 'gone',
        },
      }),
    );
    const taken = await add('9.1', 'Over a stale claim');
    expect(taken.status, JSON.stringify(taken.body)).toBe(201);
    expect((await claims()).find((c) => c.ref === '9.1')?.actionId).toBe(taken.body.id);
  });
});
