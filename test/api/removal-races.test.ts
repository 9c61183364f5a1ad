/**
 * Removing an action while someone adds a milestone or sub-action to it (docs/architecture.md,
 * "Removing an action"): the two happen one after the other, never a removal that misses the child,
 * which would leave a milestone or sub-action of an action that no longer exists on the plan's board, in
 * search and in the alert job's view. A milestone added just before the removal read the action goes with
 * it (a fresh milestone is removable); a sub-action added so refuses the removal.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from '../support/api.js';
import { readPartition } from '../support/partitions.js';

const H = '/api/v1/councils/harrow';
const EDITOR = 'editor@harrow.test';
const ROUNDS = 8;

describe('a removal racing an addition to the same action', () => {
  let api: TestApi;
  let planId: string;
  let themeId: string;
  const call = (method: string, path: string, body?: unknown) =>
    api.call(method, path, { as: EDITOR, ...(body === undefined ? {} : { body }) });

  beforeAll(async () => {
    api = await createTestApi();
    const p = await call('POST', `${H}/plans`, {
      title: 'Workforce plan 2026-27',
      kind: 'business-plan',
      themes: [{ title: 'Wellbeing' }],
    });
    planId = p.body.id;
    themeId = p.body.themes[0].id;
  });
  afterAll(() => api.drop());

  /** Runs `add` against the removal of a fresh action, ROUNDS times at once; the outcomes of each pair. */
  const race = async (add: (actionId: string) => Promise<{ status: number }>) => {
    const actions = await Promise.all(
      Array.from({ length: ROUNDS }, async (_, i) => {
        const r = await call('POST', `${H}/plans/${planId}/actions`, { themeId, title: `Duplicate ${i}` });
        expect(r.status).toBe(201);
        return r.body as { id: string; version: number };
      }),
    );
    return Promise.all(
      actions.map(async (a) => {
        const [removed, added] = await Promise.all([
          call('DELETE', `${H}/actions/${a.id}?version=${a.version}`),
          add(a.id),
        ]);
        return { id: a.id, removed: removed.status, added: added.status };
      }),
    );
  };

  /** Whether any item other than the audit trail's still names a removed action. */
  const leftBehind = async (removedIds: string[]) => {
    const items = await readPartition(api.doc, api.tableName, 'C#harrow');
    return [...items].filter(
      ([sk, item]) => !sk.startsWith('AUDIT#') && removedIds.some((id) => item.includes(`"${id}"`)),
    );
  };

  it('never leaves behind a milestone added while its action was removed', async () => {
    const outcomes = await race((id) =>
      call('POST', `${H}/actions/${id}/milestones`, { title: 'Book a room' }),
    );
    for (const o of outcomes) expect([204, 409], JSON.stringify(o)).toContain(o.removed);
    expect(await leftBehind(outcomes.filter((o) => o.removed === 204).map((o) => o.id))).toEqual([]);
  });

  it('never both removes the action and adds a sub-action under it', async () => {
    const outcomes = await race((id) =>
      call('POST', `${H}/plans/${planId}/actions`, { themeId, parentId: id, title: 'A part of it' }),
    );
    for (const o of outcomes) expect([o.removed, o.added].sort(), JSON.stringify(o)).not.toEqual([201, 204]);
    expect(await leftBehind(outcomes.filter((o) => o.removed === 204).map((o) => o.id))).toEqual([]);
  });
});
