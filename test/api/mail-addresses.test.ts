/**
 * Every address PeoplePlan mails is one address (security probe: a careless operator). The API checks
 * the addresses it is given; the operator's command line (`npm run council`) reaches the same onboarding
 * service without the API, so the service checks them too: a partner reader, an operator or a council's
 * first admin given as 'a@x, b@y' (the SMTP mailer sends to both), with a line break, or no address at
 * all is refused (422 naming the field) before anything is made.
 */
import { addOperator, addPartnerReader, createCouncil, createPartnership } from '@peopleplan/services';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from '../support/api.js';

const actor = { sub: 'op', name: 'Op' };
const NOT_ONE_ADDRESS = [
  'reader@harrow.test, someone@elsewhere.test',
  'reader@harrow.test\r\nBcc: someone@elsewhere.test',
  'Reader <reader@harrow.test>',
  'reader',
];

describe('an address that is not one address, given to the onboarding service', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await createTestApi();
    await createPartnership(
      api.onboarding,
      {
        id: 'west-shared',
        name: 'West shared HR',
        leadCouncilId: 'harrow',
        memberCouncilIds: ['kent'],
        readers: [],
      },
      actor,
    );
  });
  afterAll(() => api.drop());

  const refused = { code: 'unprocessable', details: [expect.objectContaining({ path: 'email' })] };

  it.each(NOT_ONE_ADDRESS)('is refused as a partner reader: %j', async (email) => {
    await expect(addPartnerReader(api.onboarding, 'west-shared', { email }, actor)).rejects.toMatchObject(
      refused,
    );
    expect(await api.users.findUser(email)).toBeUndefined();
    expect(api.users.users().some((u) => u.email.includes('elsewhere') || u.email === 'reader')).toBe(false);
  });

  it.each(NOT_ONE_ADDRESS)('is refused as an operator: %j', async (email) => {
    await expect(addOperator(api.onboarding, email, 'Careless', actor)).rejects.toMatchObject(refused);
    expect(api.users.users().some((u) => u.email.includes('elsewhere') || u.email === 'reader')).toBe(false);
  });

  it('is refused as a partnership’s reader before the partnership is made', async () => {
    await expect(
      createPartnership(
        api.onboarding,
        {
          id: 'east-shared',
          name: 'East shared HR',
          leadCouncilId: 'harrow',
          memberCouncilIds: ['kent'],
          readers: [{ email: NOT_ONE_ADDRESS[0]! }],
        },
        actor,
      ),
    ).rejects.toMatchObject({
      code: 'unprocessable',
      details: [expect.objectContaining({ path: 'readers' })],
    });
    expect(await api.onboarding.partnerships.get('east-shared')).toBeUndefined();
  });

  it('is refused as a council’s first admin, the council not made', async () => {
    await expect(
      createCouncil(
        api.onboarding,
        { id: 'wessex', name: 'Wessex', financialYearStartMonth: 4, adminEmail: NOT_ONE_ADDRESS[0]! },
        actor,
      ),
    ).rejects.toMatchObject({
      code: 'unprocessable',
      details: [expect.objectContaining({ path: 'adminEmail' })],
    });
    expect(await api.deps.directory.council('wessex')).toBeUndefined();
  });

  it('still takes one address, written in capitals', async () => {
    await addPartnerReader(api.onboarding, 'west-shared', { email: 'Reader@Harrow.test' }, actor);
    expect((await api.users.findUser('reader@harrow.test'))?.groups).toContain(
      'partnership:west-shared:partner-reader',
    );
  });
});
