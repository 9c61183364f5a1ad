/**
 * A council always keeps an admin: nobody may take away their own admin role or remove themselves
 * (services/onboarding.ts). Two admins taking each other's role at the same moment must not get round
 * that: each change is made only while the admin making it is still one, checked with the write.
 */

import { devSub as devSubOf } from '@peopleplan/devstack';
import { createPartnership } from '@peopleplan/services';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, TEST_OPERATOR, type TestApi } from '../support/api.js';
import { holdTransactions, itemsOf } from '../support/held-transactions.js';

describe('two admins taking away each other’s admin role at once', () => {
  let api: TestApi;
  let interleave: ReturnType<typeof holdTransactions>;
  let n = 0;

  beforeAll(async () => {
    api = await createTestApi();
    interleave = holdTransactions(api);
  });
  afterAll(() => api.drop());

  const members = async (X: string, as: string) =>
    (await api.call('GET', `${X}/members`, { as })).body.items as Array<{
      userSub: string;
      email: string;
      role: string;
      version: number;
    }>;
  /** A new council with two admins: its first, and one the first invited. */
  async function twoAdmins() {
    n++;
    const X = `/api/v1/councils/wyvern-${n}`;
    const first = `first.admin@wyvern-${n}.gov.uk`;
    const other = `second.admin@wyvern-${n}.gov.uk`;
    const made = await api.call('POST', '/api/v1/councils', {
      as: TEST_OPERATOR.email,
      body: { id: `wyvern-${n}`, name: 'Wyvern District Council', adminEmail: first },
    });
    expect(made.status).toBe(201);
    const r = await api.call('POST', `${X}/members`, { as: first, body: { email: other, role: 'admin' } });
    expect(r.status).toBe(201);
    const all = await members(X, first);
    return { X, a: all.find((m) => m.email === first)!, b: all.find((m) => m.email === other)! };
  }
  /** The transaction writing or removing this member's record. */
  const writes = (sub: string) => (cmd: Parameters<Parameters<typeof interleave>[0]>[0]) =>
    itemsOf(cmd).some((i) => (i.Put?.Item ?? i.Delete?.Key)?.SK === `MEMBER#${sub}`);

  it('leaves one of them admin when both demote the other', async () => {
    const { X, a, b } = await twoAdmins();
    const demote = (as: string, m: { userSub: string; version: number }) =>
      api.call('PATCH', `${X}/members/${m.userSub}`, { as, body: { version: m.version, role: 'editor' } });
    const [first, second] = await interleave(
      writes(b.userSub),
      () => demote(a.email, b),
      () => demote(b.email, a),
    );
    expect(second.status).toBe(200);
    expect(first.status, JSON.stringify(first.body)).toBe(403);
    expect(first.body.error.message).toMatch(/no longer an admin/);
    // B is still admin and can put things right; A, now an editor, is refused the members page.
    const now = await members(X, b.email);
    expect(now.map((m) => [m.email, m.role])).toEqual(
      expect.arrayContaining([
        [a.email, 'editor'],
        [b.email, 'admin'],
      ]),
    );
    expect((await api.call('GET', `${X}/members`, { as: a.email })).status).toBe(403);
  });

  it('leaves one of them admin when both remove the other', async () => {
    const { X, a, b } = await twoAdmins();
    const remove = (as: string, m: { userSub: string }) =>
      api.call('DELETE', `${X}/members/${m.userSub}`, { as });
    const [first, second] = await interleave(
      writes(b.userSub),
      () => remove(a.email, b),
      () => remove(b.email, a),
    );
    expect(second.status).toBe(200);
    expect(first.status, JSON.stringify(first.body)).toBe(403);
    expect(first.body.error.message).toMatch(/no longer an admin/);
    const now = await members(X, b.email);
    expect(now.map((m) => [m.email, m.role])).toContainEqual([b.email, 'admin']);
    expect(now.some((m) => m.email === a.email)).toBe(false);
  });

  it('refuses an invitation by an admin removed while it was being written, and gives no group', async () => {
    const { X, a, b } = await twoAdmins();
    const accomplice = `accomplice@${X.split('/').pop()}.gov.uk`;
    // B's invitation of an admin is held at its write while A removes B.
    const [invited, removed] = await interleave(
      writes(devSubOf(accomplice)),
      () => api.call('POST', `${X}/members`, { as: b.email, body: { email: accomplice, role: 'admin' } }),
      () => api.call('DELETE', `${X}/members/${b.userSub}`, { as: a.email }),
    );
    expect(removed.status).toBe(200);
    expect(invited.status, JSON.stringify(invited.body)).toBe(403);
    expect(invited.body.error.message).toMatch(/no longer an admin/);
    const now = await members(X, a.email);
    expect(now.map((m) => m.email)).toEqual([a.email]);
    expect((await api.users.findUser(accomplice))?.groups ?? []).toEqual([]);
    expect((await api.call('GET', `${X}/members`, { as: accomplice })).status).toBe(404);
  });

  it('refuses a sharing decision by an admin removed while it was being written', async () => {
    const { X, a, b } = await twoAdmins();
    const council = X.split('/').pop()!;
    await createPartnership(
      api.onboarding,
      {
        id: `${council}-shared`,
        name: 'Shared HR',
        leadCouncilId: council,
        memberCouncilIds: [council],
        readers: [],
      },
      { sub: 'op', name: 'Op' },
    );
    const consent = `${X}/partnerships/${council}-shared/consent`;
    // B's granting the partnership every plan is held at its write while A removes B.
    const [granted, removed] = await interleave(
      (cmd) => itemsOf(cmd).some((i) => i.Put?.Item?.type === 'consent'),
      () => api.call('PUT', consent, { as: b.email, body: { status: 'granted', scope: 'all' } }),
      () => api.call('DELETE', `${X}/members/${b.userSub}`, { as: a.email }),
    );
    expect(removed.status).toBe(200);
    expect(granted.status, JSON.stringify(granted.body)).toBe(403);
    expect(granted.body.error.message).toMatch(/no longer an admin/);
    const now = (await api.ok('GET', `${X}/partnerships`, undefined, a.email)).items;
    expect(now).toEqual([expect.objectContaining({ partnershipId: `${council}-shared`, status: 'invited' })]);
    // A, still admin, grants it.
    expect(
      (await api.call('PUT', consent, { as: a.email, body: { status: 'granted', scope: 'all' } })).status,
    ).toBe(200);
  });

  it('still lets an admin change their own name and person (the check is of their own record)', async () => {
    const { X, a } = await twoAdmins();
    const renamed = await api.call('PATCH', `${X}/members/${a.userSub}`, {
      as: a.email,
      body: { version: a.version, name: 'First Admin (HR)' },
    });
    expect(renamed.status, JSON.stringify(renamed.body)).toBe(200);
    expect(renamed.body).toMatchObject({ name: 'First Admin (HR)', role: 'admin' });
    // Their own admin role is still theirs to keep: refused as before (422).
    const down = await api.call('PATCH', `${X}/members/${a.userSub}`, {
      as: a.email,
      body: { version: renamed.body.version, role: 'editor' },
    });
    expect(down.status).toBe(422);
  });
});
