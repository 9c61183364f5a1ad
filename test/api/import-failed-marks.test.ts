/**
 * A commit that failed is not waited for (security probe, import marks). A plan naming more directory
 * people than its header's transaction holds marks the rest just before the header, with a mark naming
 * the import, and marking one of them as left waits while that import commits (import-status.ts). A
 * commit refused part way (one of its leads marked as left since the preview) is no longer committing:
 * the people it marked must not be refused their leaving for an hour, told the plan is being imported.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from '../support/api.js';
import { holdTransactions, puts } from '../support/held-transactions.js';
import { previewNamingMany } from '../support/plans.js';

const H = '/api/v1/councils/harrow';
const EDITOR = 'editor@harrow.test';
const TODAY = '2026-11-16';

describe('the people a failed import commit marked', () => {
  let api: TestApi;
  const call = (method: string, path: string, body?: unknown) =>
    api.call(method, path, { as: EDITOR, ...(body === undefined ? {} : { body }) });

  let interleave: ReturnType<typeof holdTransactions>;
  beforeAll(async () => {
    api = await createTestApi({ today: () => TODAY });
    interleave = holdTransactions(api);
  });
  afterAll(() => api.drop());

  it('may be marked as left at once', { timeout: 120_000 }, async () => {
    const { people, id } = await previewNamingMany(api, H, EDITOR, 'Named Lead');

    // The first lead (marked with the header) is marked as left while the commit's header is held:
    // nothing is theirs yet, so the leaving is taken, and the header is then refused.
    const first = people[0]!;
    const [commit, leaving] = await interleave(
      puts('plan'),
      () => call('POST', `${H}/imports/${id}/commit`, {}),
      () => call('PATCH', `${H}/people/${first.id}`, { version: first.version, leftOn: TODAY }),
    );
    expect(leaving.status, JSON.stringify(leaving.body)).toBe(200);
    expect(commit.status, JSON.stringify(commit.body)).toBe(422);

    // The last lead was marked before the header, and the plan did not go in: they lead nothing, and
    // their leaving is taken at once.
    const last = people.at(-1)!;
    const left = await call('PATCH', `${H}/people/${last.id}`, { version: last.version, leftOn: TODAY });
    expect(left.status, JSON.stringify(left.body)).toBe(200);

    // Tried again, the import goes in without the leaver: the first lead's actions are left unresolved.
    const again = await call('POST', `${H}/imports/${id}/commit`, {});
    expect(again.status, JSON.stringify(again.body)).toBe(200);
  });
});
