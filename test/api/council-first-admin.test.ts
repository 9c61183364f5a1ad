/**
 * A council's first admin is invited as the council is made (services/onboarding.ts createCouncil). An
 * operator who gives an address that cannot be a council's member (an operator's own: operators never
 * see council plans) must be told so with nothing made, and be able to try again with the right one.
 * A request that fails part-way (Cognito throttled) is sent again and finishes the council.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApi, TEST_OPERATOR, type TestApi } from '../support/api.js';

const OP = TEST_OPERATOR.email;

describe('a council whose first admin cannot be invited', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await createTestApi();
  });
  afterAll(() => api.drop());

  it('is not made (422 naming the address), and can be made at once with another admin', async () => {
    const create = (adminEmail: string) =>
      api.call('POST', '/api/v1/councils', {
        as: OP,
        body: { id: 'mercia', name: 'Mercia Borough Council', adminEmail },
      });
    const refused = await create(OP.toUpperCase());
    expect(refused.status).toBe(422);
    expect(refused.body.error.message).toMatch(/operators cannot be council members/);
    expect(refused.body.error.details).toEqual([{ path: 'adminEmail', message: 'is a service operator' }]);
    const listed = (await api.call('GET', '/api/v1/councils', { as: OP })).body.items;
    expect(listed.map((c: { id: string }) => c.id)).not.toContain('mercia');
    expect(await api.deps.directory.council('mercia')).toBeUndefined();

    const made = await create('first.admin@mercia.gov.uk');
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    expect(made.body).toMatchObject({ id: 'mercia', counts: { members: 1 } });
    const members = await api.call('GET', '/api/v1/councils/mercia/members', {
      as: 'first.admin@mercia.gov.uk',
    });
    expect(members.body.items).toEqual([expect.objectContaining({ role: 'admin' })]);
  });
});

describe('a council whose making failed part-way', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await createTestApi();
  });
  afterAll(() => api.drop());

  const create = (body: Record<string, unknown>) => api.call('POST', '/api/v1/councils', { as: OP, body });
  const wessex = { id: 'wessex', name: 'Wessex County Council', adminEmail: 'first.admin@wessex.gov.uk' };

  it('is finished by the same request sent again, once, with its admin able to sign in', async () => {
    // Cognito refuses once, after the id is claimed and before the first admin is invited.
    const ensureUser = vi
      .spyOn(api.deps.identity, 'ensureUser')
      .mockRejectedValueOnce(Object.assign(new Error('Rate exceeded'), { name: 'TooManyRequestsException' }));
    const failed = await create(wessex);
    expect(failed.status).toBe(500);
    expect(ensureUser).toHaveBeenCalledTimes(1);
    ensureUser.mockRestore();

    const again = await create(wessex);
    expect(again.status, JSON.stringify(again.body)).toBe(201);
    expect(again.body).toMatchObject({ id: 'wessex', counts: { members: 1 } });
    const members = await api.call('GET', '/api/v1/councils/wessex/members', { as: wessex.adminEmail });
    expect(members.status).toBe(200);
    expect(members.body.items).toEqual([
      expect.objectContaining({ role: 'admin', email: wessex.adminEmail }),
    ]);
    expect((await api.deps.directory.council('wessex'))?.counts.members).toBe(1);
    // Made once: a third try is a council that exists.
    const third = await create(wessex);
    expect(third.status).toBe(409);
  });

  it('is not taken over by a request naming another council with its id', async () => {
    const ensureGroup = vi
      .spyOn(api.deps.identity, 'ensureGroup')
      .mockRejectedValueOnce(new Error('Throttled'));
    const mercia = { id: 'mercia', name: 'Mercia Borough Council', adminEmail: 'admin@mercia.gov.uk' };
    expect((await create(mercia)).status).toBe(500);
    ensureGroup.mockRestore();
    const other = await create({
      ...mercia,
      name: 'Mercian Fire Authority',
      adminEmail: 'admin@fire.gov.uk',
    });
    expect(other.status).toBe(409);
    expect(other.body.error.message).toBe(
      'A council with the id "mercia" was started as "Mercia Borough Council" and not finished: give that name to finish it, or choose another id',
    );
    expect((await create(mercia)).status).toBe(201);
    // Finished, it is a council like any other.
    const after = await create({ ...mercia, name: 'Mercian Fire Authority' });
    expect(after.body.error.message).toBe('A council with the id "mercia" already exists');
  });

  it('is finished when the first try invited the admin and stopped before counting them', async () => {
    const count = vi.spyOn(api.deps.directory, 'count').mockRejectedValueOnce(new Error('Timed out'));
    const kernow = { id: 'kernow', name: 'Kernow Council', adminEmail: 'admin@kernow.gov.uk' };
    expect((await create(kernow)).status).toBe(500);
    count.mockRestore();
    const again = await create(kernow);
    expect(again.status, JSON.stringify(again.body)).toBe(201);
    const members = await api.call('GET', '/api/v1/councils/kernow/members', { as: kernow.adminEmail });
    expect(members.body.items).toHaveLength(1);
    expect((await api.deps.directory.council('kernow'))?.counts.members).toBe(1);
  });
});
