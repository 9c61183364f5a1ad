/**
 * Two invitations of one person at the same moment (security probe: an admin pressing Send twice, two
 * admins inviting the same colleague, the bulk page and the single form at once). One is the member,
 * the other answers 409, and the person's sign-in holds only the council group of the role their
 * member record says (services/onboarding.ts): a group left behind would outlive their removal (their
 * sessions kept, sessions.ts) and say a role the council never gave them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from '../support/api.js';
import { holdTransactions, puts } from '../support/held-transactions.js';

const H = '/api/v1/councils/harrow';
const ADMIN = 'admin@harrow.test';

describe('the same person invited twice at once', () => {
  let api: TestApi;
  let interleave: ReturnType<typeof holdTransactions>;
  beforeAll(async () => {
    api = await createTestApi();
    interleave = holdTransactions(api);
  });
  afterAll(() => api.drop());

  const harrowGroups = async (email: string) =>
    ((await api.users.findUser(email))?.groups ?? []).filter((g) => g.startsWith('council:harrow:')).sort();

  it('makes one member, and their sign-in has only that member’s role', async () => {
    const email = 'jo.race@harrow.test';
    const invite = (address: string, role: string) =>
      api.call('POST', `${H}/members`, { as: ADMIN, body: { email: address, role } });
    // The viewer's invitation is held at its write while the admin's (the address in capitals) goes in.
    const [viewer, admin] = await interleave(
      puts('member'),
      () => invite(email, 'viewer'),
      () => invite('Jo.Race@Harrow.test', 'admin'),
    );
    expect(admin.status, JSON.stringify(admin.body)).toBe(201);
    expect(viewer.status, JSON.stringify(viewer.body)).toBe(409);
    expect(viewer.body.error.message).toMatch(/already a member/);

    const members = (await api.ok('GET', `${H}/members`, undefined, ADMIN)).items as Array<{
      email: string;
      role: string;
      userSub: string;
    }>;
    const mine = members.filter((m) => m.email === email);
    expect(mine.map((m) => m.role)).toEqual(['admin']);
    expect(await harrowGroups(email)).toEqual(['council:harrow:admin']);

    // Removed, they keep no group of Harrow: their sign-in is ended with it (they belong nowhere else).
    await api.ok('DELETE', `${H}/members/${mine[0]!.userSub}`, undefined, ADMIN);
    expect(await harrowGroups(email)).toEqual([]);
    expect(api.users.signInUser(email)?.signedOutAt).toBeDefined();
  });

  it('keeps the group when both invitations gave the same role', async () => {
    const email = 'sam.twice@harrow.test';
    const invite = () => api.call('POST', `${H}/members`, { as: ADMIN, body: { email, role: 'editor' } });
    const [first, second] = await interleave(puts('member'), invite, invite);
    expect([first.status, second.status]).toEqual([409, 201]);
    expect(await harrowGroups(email)).toEqual(['council:harrow:editor']);
  });

  it('takes every group of the council away on removal and role change, one left by an earlier race too', async () => {
    const email = 'lee.left@harrow.test';
    const m = await api.ok('POST', `${H}/members`, { email, role: 'viewer' }, ADMIN);
    // Left behind by an invitation race before the losing one took its group back.
    await api.users.addToGroup(m.userSub, 'council:harrow:admin');
    const changed = await api.ok(
      'PATCH',
      `${H}/members/${m.userSub}`,
      { version: m.version, role: 'editor' },
      ADMIN,
    );
    expect(changed.role).toBe('editor');
    expect(await harrowGroups(email)).toEqual(['council:harrow:editor']);

    await api.users.addToGroup(m.userSub, 'council:harrow:contributor');
    await api.ok('DELETE', `${H}/members/${m.userSub}`, undefined, ADMIN);
    expect(await harrowGroups(email)).toEqual([]);
    expect(api.users.signInUser(email)?.signedOutAt).toBeDefined();
  });
});
