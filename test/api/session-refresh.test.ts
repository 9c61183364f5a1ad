/**
 * "Stay signed in" (WCAG 2.2.1: a person warned before their hour's sign-in ends can extend it): the web
 * app exchanges its refresh token for a new access token, from Cognito in AWS and from the development
 * identity provider here, which honours it as Cognito does: not once the person has been signed out
 * everywhere (a member removed: services/sessions.ts), nor a token it never issued.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from '../support/api.js';

describe('keeping a session going with its refresh token', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await createTestApi();
  });
  afterAll(() => api.drop());

  const token = async (body: unknown) => {
    const r = await api.idp.app.request('/token', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: r.status, body: (await r.json()) as Record<string, any> };
  };
  const me = async (accessToken: string) =>
    (await api.app.request('/api/v1/me', { headers: { authorization: `Bearer ${accessToken}` } })).status;

  it('gives a new access token the API accepts, until the person is removed', async () => {
    const signIn = await token({ email: 'editor@harrow.test' });
    expect(signIn.status).toBe(200);
    expect(signIn.body.refresh_token).toEqual(expect.any(String));
    const again = await token({ grant_type: 'refresh_token', refresh_token: signIn.body.refresh_token });
    expect(again.status).toBe(200);
    expect(again.body.refresh_token).toBeUndefined();
    expect(await me(again.body.access_token)).toBe(200);

    // Removed from their only council: every session ends, the refresh token with it.
    const members = await api.call('GET', '/api/v1/councils/harrow/members', { as: 'admin@harrow.test' });
    const editor = members.body.items.find((m: { email: string }) => m.email === 'editor@harrow.test');
    expect(
      (
        await api.call('DELETE', `/api/v1/councils/harrow/members/${editor.userSub}`, {
          as: 'admin@harrow.test',
        })
      ).status,
    ).toBe(200);
    const refused = await token({ grant_type: 'refresh_token', refresh_token: signIn.body.refresh_token });
    expect(refused).toEqual({ status: 400, body: { error: 'invalid_grant' } });
  });

  it('no longer honours a refresh token revoked at sign-out', async () => {
    const signIn = await token({ email: 'viewer@harrow.test' });
    const revoked = await api.idp.app.request('/revoke', {
      method: 'POST',
      body: new URLSearchParams({ token: signIn.body.refresh_token }),
    });
    expect(revoked.status).toBe(200);
    expect(await token({ grant_type: 'refresh_token', refresh_token: signIn.body.refresh_token })).toEqual({
      status: 400,
      body: { error: 'invalid_grant' },
    });
  });

  it('refuses a refresh token it never issued, and a malformed request', async () => {
    expect((await token({ grant_type: 'refresh_token', refresh_token: 'made-up' })).status).toBe(400);
    expect((await token({ grant_type: 'password', email: 'admin@harrow.test' })).status).toBe(400);
  });
});
