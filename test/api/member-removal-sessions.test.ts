/**
 * What a council admin can do to people who also belong elsewhere (docs/architecture.md, "Tenant
 * isolation"): removing a member ends their sessions only when nothing else is left to them, so one
 * council's admin cannot sign another council's people out at will (invite their email, then remove it);
 * and the service's operators are never made a council's members (they never see council plans).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, TEST_OPERATOR, type TestApi } from '../support/api.js';

const H = '/api/v1/councils/harrow';
const ADMIN = 'admin@harrow.test';

describe('a council admin and people who belong elsewhere', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await createTestApi();
  });
  afterAll(() => api.drop());

  const signedOutAt = (email: string) => api.users.signInUser(email)?.signedOutAt;
  const inviteThenRemove = async (email: string) => {
    const invited = await api.call('POST', `${H}/members`, { as: ADMIN, body: { email, role: 'viewer' } });
    expect(invited.status).toBe(201);
    const removed = await api.call('DELETE', `${H}/members/${invited.body.userSub}`, { as: ADMIN });
    expect(removed.status).toBe(200);
  };

  it('leaves the sessions of someone another council still has (invited, then removed)', async () => {
    await inviteThenRemove('admin@kent.test');
    expect(signedOutAt('admin@kent.test')).toBeUndefined();
    // Kent's admin still works in Kent; Harrow is closed to them from the next request.
    expect((await api.call('GET', '/api/v1/councils/kent/plans', { as: 'admin@kent.test' })).status).toBe(
      200,
    );
    expect((await api.call('GET', `${H}/plans`, { as: 'admin@kent.test' })).status).toBe(404);
  });

  it('ends every session of someone left with no council, partnership or operator role', async () => {
    await inviteThenRemove('new.starter@harrow.test');
    expect(signedOutAt('new.starter@harrow.test')).toEqual(expect.any(String));
  });

  it('refuses to make the service operator a member (422, naming the field), changing nothing', async () => {
    const r = await api.call('POST', `${H}/members`, {
      as: ADMIN,
      body: { email: TEST_OPERATOR.email, role: 'viewer' },
    });
    expect(r.status).toBe(422);
    expect(r.body.error.message).toContain('is a service operator');
    expect(r.body.error.details).toEqual([{ path: 'email', message: 'is a service operator' }]);
    expect((await api.call('GET', `${H}/plans`, { as: TEST_OPERATOR.email })).status).toBe(404);
    const members = await api.call('GET', `${H}/members`, { as: ADMIN });
    expect(JSON.stringify(members.body)).not.toContain(TEST_OPERATOR.email);
  });
});
