/**
 * A council's invitations are capped a day (services/onboarding.ts INVITATIONS_PER_DAY): each may make
 * Cognito mail someone, so a misused admin account must not turn the service into a sender of mass mail,
 * whose bounces and complaints would cost every council its alerts. Past the cap: 429, nothing made.
 */
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { londonToday } from '@peopleplan/core';
import { INVITATIONS_PER_DAY } from '@peopleplan/services/onboarding';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from '../support/api.js';

const H = '/api/v1/councils/harrow';
const ADMIN = 'admin@harrow.test';

describe('the daily cap on a council’s invitations', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await createTestApi();
  });
  afterAll(() => api.drop());

  const invite = (email: string) =>
    api.call('POST', `${H}/members`, { as: ADMIN, body: { email, role: 'viewer' } });
  const count = (n: number) =>
    api.doc.send(
      new PutCommand({
        TableName: api.tableName,
        Item: { PK: 'C#harrow', SK: `INVITES#${londonToday()}`, type: 'invitation-count', n },
      }),
    );

  const sent = async () =>
    (
      await api.doc.send(
        new GetCommand({ TableName: api.tableName, Key: { PK: 'C#harrow', SK: `INVITES#${londonToday()}` } }),
      )
    ).Item;

  it('counts each invitation sent, and not one refused as already a member', async () => {
    // The test council's own members were invited today too.
    const before = (await sent())?.n ?? 0;
    expect((await invite('cllr.one@harrow.gov.uk')).status).toBe(201);
    expect((await invite('CLLR.ONE@harrow.gov.uk')).status).toBe(409);
    const after = await sent();
    expect(after?.n).toBe(before + 1);
    // It lapses (the table's time to live) a week after the day.
    expect(after?.expiresAt).toBeGreaterThan(Date.now() / 1000 + 6 * 86_400 - 86_400);
  });

  it('refuses the one past the cap with 429, making no sign-in, member or person', async () => {
    await count(INVITATIONS_PER_DAY - 1);
    expect((await invite('last.today@harrow.gov.uk')).status).toBe(201);
    const refused = await invite('one.too.many@harrow.gov.uk');
    expect(refused.status).toBe(429);
    expect(refused.body.error).toMatchObject({
      code: 'too-many-requests',
      message: `This council has sent ${INVITATIONS_PER_DAY} invitations today, the most a day allows. Send the rest tomorrow, or ask the PeoplePlan service team.`,
    });
    expect(await api.users.findUser('one.too.many@harrow.gov.uk')).toBeUndefined();
    const members = await api.call('GET', `${H}/members`, { as: ADMIN });
    expect(members.body.items.map((m: { email: string }) => m.email)).not.toContain(
      'one.too.many@harrow.gov.uk',
    );
  });

  it('is each council’s own: another council still invites', async () => {
    const kent = await api.call('POST', '/api/v1/councils/kent/members', {
      as: 'admin@kent.test',
      body: { email: 'new.officer@kent.gov.uk', role: 'editor', name: 'New Officer' },
    });
    expect(kent.status).toBe(201);
  });
});
