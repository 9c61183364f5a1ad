/**
 * Who let whom in (security probe, audit log): each invitation, role change and removal, and each change
 * to the council's settings, is in the council's audit trail with who made it and when, with the role
 * before and after; the trail is the admins' to read, and nobody can write to it through the API.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from '../support/api.js';

const H = '/api/v1/councils/harrow';
const ADMIN = 'admin@harrow.test';

interface Event {
  at: string;
  actorSub: string;
  actorName?: string;
  operation: string;
  entityType: string;
  entityId: string;
  before?: Record<string, unknown>;
  after?: Record<string, unknown>;
  changes?: Array<{ field: string; before?: unknown; after?: unknown }>;
}

describe('the audit trail of members and settings', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await createTestApi();
  });
  afterAll(() => api.drop());

  const trail = async () => (await api.ok('GET', `${H}/audit?limit=50`, undefined, ADMIN)).items as Event[];

  it('records each invitation, role change and removal with who made it and when', async () => {
    const admin = (await api.users.findUser(ADMIN))!;
    const started = Date.now();
    const invited = await api.ok(
      'POST',
      `${H}/members`,
      { email: 'kim.new@harrow.test', role: 'viewer' },
      ADMIN,
    );
    const raised = await api.ok(
      'PATCH',
      `${H}/members/${invited.userSub}`,
      { version: invited.version, role: 'admin' },
      ADMIN,
    );
    await api.ok('DELETE', `${H}/members/${raised.userSub}`, undefined, ADMIN);

    const theirs = (await trail()).filter((e) => e.entityType === 'member' && e.entityId === invited.userSub);
    expect(theirs.map((e) => e.operation)).toEqual(['delete', 'update', 'create']);
    for (const e of theirs) {
      expect(e).toMatchObject({ actorSub: admin.sub, actorName: 'admin of harrow' });
      expect(Date.parse(e.at)).toBeGreaterThanOrEqual(started - 1000);
      expect(Date.parse(e.at)).toBeLessThanOrEqual(Date.now() + 1000);
    }
    const [removed, changed, made] = theirs as [Event, Event, Event];
    expect(made.after).toMatchObject({
      email: 'kim.new@harrow.test',
      role: 'viewer',
      invitedBy: 'admin of harrow',
    });
    expect(changed.changes).toContainEqual({ field: 'role', before: 'viewer', after: 'admin' });
    expect(removed.before).toMatchObject({ email: 'kim.new@harrow.test', role: 'admin' });
  });

  it('records a change of the council’s settings', async () => {
    const admin = (await api.users.findUser(ADMIN))!;
    const settings = await api.ok('GET', `${H}/settings`, undefined, ADMIN);
    await api.ok(
      'PATCH',
      `${H}/settings`,
      { version: settings.version, name: 'Harrow Council (renamed)' },
      ADMIN,
    );
    const [latest] = await trail();
    expect(latest).toMatchObject({ entityType: 'council', operation: 'update', actorSub: admin.sub });
    expect(latest!.changes).toContainEqual(
      expect.objectContaining({ field: 'name', after: 'Harrow Council (renamed)' }),
    );
  });

  it('is read by admins only, and written by nobody through the API', async () => {
    for (const role of ['editor', 'contributor', 'viewer'])
      expect((await api.call('GET', `${H}/audit`, { as: `${role}@harrow.test` })).status).toBe(403);
    expect((await api.call('GET', `${H}/audit`, { as: 'admin@kent.test' })).status).toBe(404);
    const before = (await trail()).length;
    const forged = { actorSub: 'someone-else', operation: 'delete', entityType: 'member', entityId: 'x' };
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE'])
      expect(
        (await api.call(method, `${H}/audit`, { as: ADMIN, body: forged })).status,
      ).toBeGreaterThanOrEqual(404);
    expect((await trail()).length).toBe(before);
  });
});
