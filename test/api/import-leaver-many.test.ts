/**
 * An import commit marks the directory people its plan names with the plan's header, so that marking
 * one of them as left meanwhile happens one after the other (import-leavers.test.ts). A plan naming more
 * people than the header's transaction holds has the rest marked just before it: marking one of those
 * as left between the two must not give a committed plan an open action led by someone who has left.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from '../support/api.js';
import { type HeldCommand, holdTransactions, itemsOf, puts } from '../support/held-transactions.js';
import { previewNamingMany } from '../support/plans.js';

const H = '/api/v1/councils/harrow';
const EDITOR = 'editor@harrow.test';
const TODAY = '2026-11-16';

describe('marking someone as left while a plan naming many people commits', () => {
  let api: TestApi;
  const call = (method: string, path: string, body?: unknown) =>
    api.call(method, path, { as: EDITOR, ...(body === undefined ? {} : { body }) });

  beforeAll(async () => {
    api = await createTestApi({ today: () => TODAY });
  });
  afterAll(() => api.drop());

  const manyNamed = (prefix: string) => previewNamingMany(api, H, EDITOR, prefix);

  /**
   * Commits the import with its header's transaction held while `meanwhile` is done to someone marked
   * before it (not with the header); the plan must go in.
   */
  async function duringCommit<T>(
    { people, id }: Awaited<ReturnType<typeof manyNamed>>,
    meanwhile: (p: { id: string; name: string; version: number }) => Promise<T>,
  ) {
    let markedWithHeader = new Set<string>();
    const header = (cmd: HeldCommand) => {
      if (!puts('plan')(cmd)) return false;
      markedWithHeader = new Set(itemsOf(cmd).flatMap((i) => (i.Update ? [String(i.Update.Key.SK)] : [])));
      return true;
    };
    const [committed, done] = await interleave(
      header,
      () => call('POST', `${H}/imports/${id}/commit`, {}),
      async () => {
        const p = people.find((x) => !markedWithHeader.has(`PERSON#${x.id}`))!;
        return { p, r: await meanwhile(p) };
      },
    );
    expect(committed.status, JSON.stringify(committed.body)).toBe(200);
    const actions = (await call('GET', `${H}/plans/${committed.body.planId}/contents`)).body.actions;
    const ledBy = (personId: string) =>
      actions.filter((a: { leads: Array<{ personId?: string }> }) =>
        a.leads.some((l) => l.personId === personId),
      );
    return { ...done, ledBy };
  }

  it('never leaves a committed plan led by them', { timeout: 120_000 }, async () => {
    const left = await duringCommit(await manyNamed('Many Leads'), (p) =>
      call('PATCH', `${H}/people/${p.id}`, { version: p.version, leftOn: TODAY }),
    );
    const leaver = left.p;
    // The leaving waits for the plan: refused (409, saying why), and the plan goes in led by them.
    expect(left.r.status, JSON.stringify(left.r.body)).toBe(409);
    expect(left.r.body.error.message).toContain(`${leaver.name} is named in a plan being imported right now`);
    expect(left.ledBy(leaver.id)).toHaveLength(1);
    // Now it is in, their leaving finds the action and says so.
    const again = await call('PATCH', `${H}/people/${leaver.id}`, { version: leaver.version, leftOn: TODAY });
    expect(again.status).toBe(409);
    expect(again.body.error.message).toContain('still leads 1 open action');
  });

  it('never leaves a committed plan led by someone merged away meanwhile', { timeout: 120_000 }, async () => {
    const survivor = await api.ok('POST', `${H}/people`, { name: 'Survivor Kept' }, EDITOR);
    const merge = (p: { id: string; version: number }) =>
      call('POST', `${H}/people/${p.id}/merge`, { into: survivor.id, version: p.version });
    const merged = await duringCommit(await manyNamed('Merged Leads'), merge);
    expect(merged.r.status, JSON.stringify(merged.r.body)).toBe(409);
    expect(merged.r.body.error.message).toContain(
      `${merged.p.name} is named in a plan being imported right now`,
    );
    expect(merged.ledBy(merged.p.id)).toHaveLength(1);
    // Now it is in, the merge moves that action to the survivor.
    const again = await merge(merged.p);
    expect(again.status, JSON.stringify(again.body)).toBe(200);
    expect(again.body.moved.actions).toBe(1);
  });

  let interleave: ReturnType<typeof holdTransactions>;
  beforeAll(() => {
    interleave = holdTransactions(api);
  });
});
