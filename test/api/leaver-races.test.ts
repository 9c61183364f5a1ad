/**
 * Marking someone as left while someone else names them as a lead or a plan's owner
 * (docs/architecture.md, "Handing over and leavers"): the two happen one after the other. Either the
 * naming lands first, and the leaving is refused because they now lead open work (409), or the leaving
 * lands first, and the naming is refused because they have gone (422). Never both, which would leave
 * an open action or a plan in use with someone nobody can chase.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from '../support/api.js';

const H = '/api/v1/councils/harrow';
const EDITOR = 'editor@harrow.test';
const TODAY = '2026-11-16';
const ROUNDS = 8;

describe('marking someone as left while they are named', () => {
  let api: TestApi;
  let plan: { id: string; themes: Array<{ id: string }> };
  const call = (method: string, path: string, body?: unknown) =>
    api.call(method, path, { as: EDITOR, ...(body === undefined ? {} : { body }) });

  beforeAll(async () => {
    api = await createTestApi({ today: () => TODAY });
    plan = await api.ok(
      'POST',
      `${H}/plans`,
      {
        title: 'Workforce plan 2026-27',
        kind: 'business-plan',
        status: 'active',
        themes: [{ title: 'Wellbeing' }],
      },
      EDITOR,
    );
  });
  afterAll(() => api.drop());

  /** ROUNDS fresh people, each marked as left while `name` names them; the outcomes of each pair. */
  type Answer = { status: number; body?: { error?: { message?: string } } };
  const race = async (name: (p: { id: string; name: string }, i: number) => Promise<Answer>) => {
    const people = await Promise.all(
      Array.from({ length: ROUNDS }, (_, i) =>
        api.ok('POST', `${H}/people`, { name: `Leaver ${name.length}${i} ${Date.now()}` }, EDITOR),
      ),
    );
    return Promise.all(
      people.map(async (p, i) => {
        const [left, named] = await Promise.all([
          call('PATCH', `${H}/people/${p.id}`, { version: p.version, leftOn: TODAY }),
          name(p, i),
        ]);
        return {
          left: left.status,
          named: named.status,
          why: [left.body?.error?.message, named.body?.error?.message],
        };
      }),
    );
  };

  const expectOneAfterTheOther = (outcomes: Array<{ left: number; named: number }>, created: number) => {
    for (const o of outcomes) {
      expect(o.left === 200 && o.named === created, `both went through: ${JSON.stringify(o)}`).toBe(false);
      // Refused as it should be: a leaver who now leads (409), a lead who has gone (422).
      expect([200, 409], JSON.stringify(o)).toContain(o.left);
      expect([created, 422], JSON.stringify(o)).toContain(o.named);
    }
  };

  it('never both marks them as left and makes them the lead of a new action', async () => {
    const outcomes = await race((p, i) =>
      call('POST', `${H}/plans/${plan.id}/actions`, {
        themeId: plan.themes[0]!.id,
        title: `Action ${i}`,
        leads: [{ role: 'responsible', label: p.name, personId: p.id }],
      }),
    );
    expectOneAfterTheOther(outcomes, 201);
  });

  it('never both marks them as left and makes them the owner of a plan in use', async () => {
    const outcomes = await race((p, i) =>
      call('POST', `${H}/plans`, {
        title: `Owned plan ${i}`,
        kind: 'business-plan',
        status: 'active',
        ownerPersonId: p.id,
        ownerLabel: p.name,
        themes: [{ title: 'People' }],
      }),
    );
    expectOneAfterTheOther(outcomes, 201);
  });
});
