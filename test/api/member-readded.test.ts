/**
 * Probes of the way in (security probe, onboarding and roles): the member record, not the token, says
 * who may do what in a council, from the very next request (functions/api/src/tenant.ts). Someone removed
 * and invited again with less keeps only the new role, whatever their old token says; nobody below admin
 * gives anyone a role; one council's admin reaches no member of another.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from '../support/api.js';

const H = '/api/v1/councils/harrow';
const ADMIN = 'admin@harrow.test';
const SECOND = 'second.admin@harrow.test';

describe('a member removed and invited again', () => {
  let api: TestApi;
  const bearer = (t: string) => ({ authorization: `Bearer ${t}`, 'content-type': 'application/json' });
  beforeAll(async () => {
    api = await createTestApi();
  });
  afterAll(() => api.drop());

  it('has only their new role, whatever their old token says', async () => {
    const invited = await api.ok('POST', `${H}/members`, { email: SECOND, role: 'admin' }, ADMIN);
    const old = await api.token(SECOND);
    const as = (method: string, path: string, body?: unknown) =>
      api.call(method, path, { headers: bearer(old), ...(body === undefined ? {} : { body }) });
    expect((await as('GET', `${H}/members`)).status).toBe(200);

    await api.ok('DELETE', `${H}/members/${invited.userSub}`, undefined, ADMIN);
    expect((await as('GET', `${H}/plans`)).status).toBe(404);

    const again = await api.ok(
      'POST',
      `${H}/members`,
      { email: 'Second.Admin@Harrow.test', role: 'viewer' },
      ADMIN,
    );
    expect(again).toMatchObject({ userSub: invited.userSub, role: 'viewer', email: SECOND });
    // The token still names the admin group: they read, and do nothing else.
    expect((await as('GET', `${H}/plans`)).status).toBe(200);
    expect((await as('GET', `${H}/members`)).status).toBe(403);
    expect((await as('POST', `${H}/members`, { email: 'friend@harrow.test', role: 'admin' })).status).toBe(
      403,
    );
    expect(
      (await as('PATCH', `${H}/members/${again.userSub}`, { version: again.version, role: 'admin' })).status,
    ).toBe(403);
    expect(
      (await as('POST', `${H}/plans`, { title: 'Not theirs to add', kind: 'business-plan' })).status,
    ).toBe(403);
    const members = (await api.ok('GET', `${H}/members`, undefined, ADMIN)).items;
    expect(members.filter((m: { email: string }) => m.email === SECOND)).toEqual([
      expect.objectContaining({ role: 'viewer' }),
    ]);
    expect(members.some((m: { email: string }) => m.email === 'friend@harrow.test')).toBe(false);
  });

  it('gives no one a role from below admin, nor from another council', async () => {
    const members = (await api.ok('GET', `${H}/members`, undefined, ADMIN)).items as Array<{
      email: string;
      userSub: string;
      version: number;
    }>;
    const editor = members.find((m) => m.email === 'editor@harrow.test')!;
    for (const who of ['editor@harrow.test', 'contributor@harrow.test', 'viewer@harrow.test']) {
      const self = members.find((m) => m.email === who)!;
      const raise = await api.call('PATCH', `${H}/members/${self.userSub}`, {
        as: who,
        body: { version: self.version, role: 'admin' },
      });
      expect(raise.status, who).toBe(403);
      const invite = await api.call('POST', `${H}/members`, {
        as: who,
        body: { email: 'friend@harrow.test', role: 'admin' },
      });
      expect(invite.status, who).toBe(403);
    }
    // Kent's admin: Harrow is no council of theirs (404, saying nothing of it).
    const kent = { as: 'admin@kent.test' };
    expect(
      (
        await api.call('POST', `${H}/members`, {
          ...kent,
          body: { email: 'friend@harrow.test', role: 'admin' },
        })
      ).status,
    ).toBe(404);
    expect(
      (
        await api.call('PATCH', `${H}/members/${editor.userSub}`, {
          ...kent,
          body: { version: editor.version, role: 'admin' },
        })
      ).status,
    ).toBe(404);
    // Nor through their own council's path, naming Harrow's member.
    expect(
      (
        await api.call('PATCH', `/api/v1/councils/kent/members/${editor.userSub}`, {
          ...kent,
          body: { version: editor.version, role: 'admin' },
        })
      ).status,
    ).toBe(404);
    const after = (await api.ok('GET', `${H}/members`, undefined, ADMIN)).items;
    expect(after.find((m: { email: string }) => m.email === 'editor@harrow.test').role).toBe('editor');
    expect(after.some((m: { email: string }) => m.email === 'friend@harrow.test')).toBe(false);
  });
});
