/**
 * Operators never see a council's plans (docs/architecture.md, "Memberships from the member record"):
 * an operator cannot be invited into a council, nor made a partner reader, and a partner reader cannot
 * be made an operator. Neither may a council's member: made an operator, they would be both.
 */
import { addOperator } from '@peopleplan/services';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from '../support/api.js';

const actor = { sub: 'op', name: 'Op' };

describe('making a council’s member an operator', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await createTestApi();
  });
  afterAll(() => api.drop());

  it('is refused (422), and they stay no operator', async () => {
    await expect(
      addOperator(api.onboarding, 'Admin@Harrow.test', 'Harrow Admin', actor),
    ).rejects.toMatchObject({
      code: 'unprocessable',
      message: expect.stringContaining('is a member of a council'),
    });
    const user = (await api.users.findUser('admin@harrow.test'))!;
    expect(user.groups).not.toContain('platform:operator');
    expect(await api.deps.directory.operator(user.sub)).toBeUndefined();
    expect((await api.call('GET', '/api/v1/councils', { as: 'admin@harrow.test' })).status).toBe(403);
    // Someone with no council is made one.
    await addOperator(api.onboarding, 'second.operator@peopleplan.test', 'Second Operator', actor);
    expect(
      (await api.call('GET', '/api/v1/councils', { as: 'second.operator@peopleplan.test' })).status,
    ).toBe(200);
  });
});
