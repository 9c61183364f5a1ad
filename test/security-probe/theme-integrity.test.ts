import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from '../support/api.js';

/**
 * SECURITY PROBE (sec9): moving between themes and removing a theme, next to the removal marks
 * (`lastChildAdded`) the newest code added for actions. Each interleaving is made deterministic by
 * holding one transaction at the DynamoDB client until the other request has finished.
 */
const H = '/api/v1/councils/harrow';
const EDITOR = 'editor@harrow.test';

type Cmd = { constructor: { name: string }; input: { TransactItems?: Array<Record<string, any>> } };

describe('security probe: theme moves and removals racing additions', () => {
  let api: TestApi;
  let planId: string;
  let themes: Array<{ id: string; version: number }>;
  /** A transaction matching `held` waits until `release` is called. */
  let held: ((cmd: Cmd) => boolean) | undefined;
  let reached: () => void = () => {};
  let release: () => void = () => {};

  const call = (method: string, path: string, body?: unknown) =>
    api.call(method, path, { as: EDITOR, ...(body === undefined ? {} : { body }) });

  beforeAll(async () => {
    api = await createTestApi();
    const real = api.deps.docFor;
    api.deps.docFor = async (c, mode) => {
      const doc = await real(c, mode);
      return new Proxy(doc, {
        get(t, p) {
          if (p !== 'send') return Reflect.get(t, p, t);
          return async (cmd: Cmd, ...rest: unknown[]) => {
            if (held && cmd.constructor.name === 'TransactWriteCommand' && held(cmd)) {
              held = undefined;
              const gate = new Promise<void>((r) => {
                release = r;
              });
              reached();
              await gate;
            }
            return (t.send as (...a: unknown[]) => unknown)(cmd, ...rest);
          };
        },
      });
    };
    const p = await call('POST', `${H}/plans`, {
      title: 'Workforce plan 2026-27',
      kind: 'business-plan',
      themes: [{ title: 'Wellbeing' }, { title: 'Pay' }, { title: 'Stray line' }],
    });
    planId = p.body.id;
    themes = p.body.themes;
  });
  afterAll(() => api.drop());

  /** Starts `first`, holds its transaction, runs `second` to the end, then lets `first` go on. */
  async function interleave<A, B>(
    hold: (cmd: Cmd) => boolean,
    first: () => Promise<A>,
    second: () => Promise<B>,
  ): Promise<[A, B]> {
    const atGate = new Promise<void>((r) => {
      reached = r;
    });
    held = hold;
    const a = first();
    await atGate;
    const b = await second();
    release();
    return [await a, b];
  }

  const deletes = (marker: RegExp) => (cmd: Cmd) =>
    (cmd.input.TransactItems ?? []).some((i) => i.Delete && marker.test(String(i.Delete.Key.SK)));
  const updatesTheme = (cmd: Cmd) =>
    (cmd.input.TransactItems ?? []).some(
      (i) => i.Put?.Item?.type === 'action' && i.Put.Item.themeId === themes[1]!.id,
    );

  it('a theme removed while an action is added to it never leaves the action in a theme that is gone', async () => {
    const stray = themes[2]!;
    const [removed, added] = await interleave(
      deletes(/#THEME#/),
      () => call('DELETE', `${H}/plans/${planId}/themes/${stray.id}?version=${stray.version}`),
      () => call('POST', `${H}/plans/${planId}/actions`, { themeId: stray.id, title: 'Added meanwhile' }),
    );
    // One of the two must be refused, as a milestone added during an action's removal is.
    expect([removed.status, added.status].sort(), JSON.stringify([removed.body, added.body])).not.toEqual([
      201, 204,
    ]);
  });

  it('a sub-action added while its parent moves theme moves with it', async () => {
    const parent = await call('POST', `${H}/plans/${planId}/actions`, {
      themeId: themes[0]!.id,
      title: 'Parent',
    });
    expect(parent.status).toBe(201);
    const [moved, child] = await interleave(
      updatesTheme,
      () =>
        call('PATCH', `${H}/actions/${parent.body.id}`, {
          version: parent.body.version,
          themeId: themes[1]!.id,
        }),
      () =>
        call('POST', `${H}/plans/${planId}/actions`, {
          themeId: themes[0]!.id,
          parentId: parent.body.id,
          title: 'Child added meanwhile',
        }),
    );
    expect(moved.status).toBe(200);
    expect(child.status).toBe(201);
    const now = await call('GET', `${H}/actions/${child.body.id}`);
    // "Its sub-actions (and theirs) go with it, so the plan never shows them under the old theme."
    expect(now.body.themeId).toBe(themes[1]!.id);
  });

  it('a sub-action cannot be created in another theme than its parent’s', async () => {
    const parent = await call('POST', `${H}/plans/${planId}/actions`, {
      themeId: themes[0]!.id,
      title: 'Parent 2',
    });
    const child = await call('POST', `${H}/plans/${planId}/actions`, {
      themeId: themes[1]!.id,
      parentId: parent.body.id,
      title: 'Child in another theme',
    });
    // The PATCH route refuses moving a sub-action on its own (400 'A sub-action moves with its parent').
    expect(child.status === 400 || child.body.themeId === themes[0]!.id, JSON.stringify(child.body)).toBe(
      true,
    );
  });
});
