/**
 * A council's first admin is invited as the council is made (services/onboarding.ts createCouncil). An
 * operator who gives an address that cannot be a council's member (an operator's own: operators never
 * see council plans) must be told so with nothing made, and be able to try again with the right one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
