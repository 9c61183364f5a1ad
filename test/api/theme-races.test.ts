/**
 * Themes and the actions in them, when two requests meet (docs/architecture.md, "What may be removed"
 * and "Boards"): removing a theme while an action is added to it or moved into it, and moving an action
 * to another theme while a sub-action is added under it. They happen one after the other, never leaving
 * an action in a theme that is gone, or a sub-action in another theme than its parent. Each interleaving
 * is made certain by holding one transaction at the DynamoDB client until the other request has finished.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from '../support/api.js';
import { type HeldCommand as Cmd, holdTransactions, itemsOf as items } from '../support/held-transactions.js';

const H = '/api/v1/councils/harrow';
const EDITOR = 'editor@harrow.test';

type Answer = { status: number; body: any };

describe('themes and actions written at the same moment', () => {
  let api: TestApi;
  let planId: string;
  let themes: Array<{ id: string; version: number }>;
  let interleave: ReturnType<typeof holdTransactions>;

  const call = (method: string, path: string, body?: unknown): Promise<Answer> =>
    api.call(method, path, { as: EDITOR, ...(body === undefined ? {} : { body }) });
  const addAction = (body: Record<string, unknown>) => call('POST', `${H}/plans/${planId}/actions`, body);
  const themeOf = async (actionId: string) => (await call('GET', `${H}/actions/${actionId}`)).body.themeId;
  /** A theme of its own for a test that removes one. */
  const newTheme = async (title: string) => {
    const t = await call('POST', `${H}/plans/${planId}/themes`, { title });
    expect(t.status).toBe(201);
    return t.body as { id: string; version: number; title: string };
  };

  beforeAll(async () => {
    api = await createTestApi();
    interleave = holdTransactions(api);
    const p = await call('POST', `${H}/plans`, {
      title: 'Workforce plan 2026-27',
      kind: 'business-plan',
      themes: [{ title: 'Wellbeing' }, { title: 'Pay' }],
    });
    planId = p.body.id;
    themes = p.body.themes;
  });
  afterAll(() => api.drop());

  const deletes = (marker: RegExp) => (cmd: Cmd) =>
    items(cmd).some((i) => i.Delete && marker.test(String(i.Delete.Key.SK)));
  /** The transaction that writes an action into `themeId` (a move: the moved action's Put). */
  const writesInto = (themeId: string) => (cmd: Cmd) =>
    items(cmd).some((i) => i.Put?.Item?.type === 'action' && i.Put.Item.themeId === themeId);
  /** The transaction that creates a sub-action under `parentId`. */
  const creatingUnder = (parentId: string) => (cmd: Cmd) =>
    items(cmd).some((i) => i.Put?.Item?.type === 'action' && i.Put.Item.parentId === parentId);

  describe('removing a theme', () => {
    it('is refused when an action is added to the theme after it read the theme’s actions', async () => {
      const stray = await newTheme('Stray line');
      const [removed, added] = await interleave(
        deletes(/#THEME#/),
        () => call('DELETE', `${H}/plans/${planId}/themes/${stray.id}?version=${stray.version}`),
        () => addAction({ themeId: stray.id, title: 'Added meanwhile' }),
      );
      expect(added.status).toBe(201);
      expect(removed.status, JSON.stringify(removed.body)).toBe(409);
      expect(removed.body.error.message).toBe(
        '“Stray line” still has an action: move it to another priority first.',
      );
      expect(await themeOf(added.body.id)).toBe(stray.id);
      // Sent again, it finds the action and says so.
      const again = await call('DELETE', `${H}/plans/${planId}/themes/${stray.id}?version=${stray.version}`);
      expect(again.status).toBe(409);
      expect(again.body.error.message).toMatch(/still has an action/);
    });

    it('is refused when an action is moved into the theme after it read the theme’s actions', async () => {
      const stray = await newTheme('Another stray line');
      const action = await addAction({ themeId: themes[0]!.id, title: 'Moved meanwhile' });
      const [removed, moved] = await interleave(
        deletes(/#THEME#/),
        () => call('DELETE', `${H}/plans/${planId}/themes/${stray.id}?version=${stray.version}`),
        () => call('PATCH', `${H}/actions/${action.body.id}`, { version: 1, themeId: stray.id }),
      );
      expect(moved.status).toBe(200);
      expect(removed.status, JSON.stringify(removed.body)).toBe(409);
      expect(await themeOf(action.body.id)).toBe(stray.id);
    });

    it('goes ahead when an action is added elsewhere meanwhile, and refuses adding one to it after', async () => {
      const stray = await newTheme('Empty line');
      const [removed, added] = await interleave(
        deletes(/#THEME#/),
        () => call('DELETE', `${H}/plans/${planId}/themes/${stray.id}?version=${stray.version}`),
        () => addAction({ themeId: themes[0]!.id, title: 'Elsewhere' }),
      );
      expect([removed.status, added.status]).toEqual([204, 201]);
      expect((await addAction({ themeId: stray.id, title: 'Too late' })).status).toBe(400);
    });
  });

  describe('moving an action to another theme', () => {
    it('takes along a sub-action added after it read the sub-actions', async () => {
      const parent = await addAction({ themeId: themes[0]!.id, title: 'Parent' });
      expect(parent.status).toBe(201);
      const [moved, child] = await interleave(
        writesInto(themes[1]!.id),
        () => call('PATCH', `${H}/actions/${parent.body.id}`, { version: 1, themeId: themes[1]!.id }),
        () => addAction({ themeId: themes[0]!.id, parentId: parent.body.id, title: 'Child added meanwhile' }),
      );
      expect(moved.status, JSON.stringify(moved.body)).toBe(200);
      expect(child.status).toBe(201);
      expect(await themeOf(child.body.id)).toBe(themes[1]!.id);
    });

    it('takes along a sub-action’s sub-action added after it read them', async () => {
      const parent = await addAction({ themeId: themes[0]!.id, title: 'Grandparent' });
      const child = await addAction({ parentId: parent.body.id, title: 'Child' });
      expect(child.status).toBe(201);
      const [moved, grandchild] = await interleave(
        writesInto(themes[1]!.id),
        () => call('PATCH', `${H}/actions/${parent.body.id}`, { version: 1, themeId: themes[1]!.id }),
        () => addAction({ parentId: child.body.id, title: 'Grandchild added meanwhile' }),
      );
      expect(moved.status, JSON.stringify(moved.body)).toBe(200);
      expect(grandchild.status).toBe(201);
      expect(await themeOf(child.body.id)).toBe(themes[1]!.id);
      expect(await themeOf(grandchild.body.id)).toBe(themes[1]!.id);
    });

    it('refuses a sub-action read under the old theme when the move wrote first', async () => {
      const parent = await addAction({ themeId: themes[0]!.id, title: 'Moves first' });
      const [child, moved] = await interleave(
        creatingUnder(parent.body.id),
        () => addAction({ parentId: parent.body.id, title: 'Read before the move' }),
        () => call('PATCH', `${H}/actions/${parent.body.id}`, { version: 1, themeId: themes[1]!.id }),
      );
      expect(moved.status).toBe(200);
      expect(child.status, JSON.stringify(child.body)).toBe(409);
      // Sent again, it is added in the parent's new theme.
      const again = await addAction({ parentId: parent.body.id, title: 'Read before the move' });
      expect(again.status).toBe(201);
      expect(again.body.themeId).toBe(themes[1]!.id);
    });
  });

  describe('a sub-action’s theme', () => {
    it('is its parent’s when none is given', async () => {
      const parent = await addAction({ themeId: themes[1]!.id, title: 'Parent 1' });
      const child = await addAction({ parentId: parent.body.id, title: 'Child with no theme given' });
      expect(child.status).toBe(201);
      expect(child.body.themeId).toBe(themes[1]!.id);
    });

    it('cannot be another than its parent’s', async () => {
      const parent = await addAction({ themeId: themes[0]!.id, title: 'Parent 2' });
      const child = await addAction({
        themeId: themes[1]!.id,
        parentId: parent.body.id,
        title: 'Child in another theme',
      });
      expect(child.status, JSON.stringify(child.body)).toBe(400);
      expect(child.body.error.details).toEqual([
        { path: 'themeId', message: 'must be the parent action’s theme, or left out' },
      ]);
      const unthemed = await addAction({ title: 'Parent with no theme' });
      const under = await addAction({ themeId: themes[0]!.id, parentId: unthemed.body.id, title: 'Child' });
      expect(under.status).toBe(400);
    });
  });
});
