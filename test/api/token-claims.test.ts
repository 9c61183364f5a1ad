/**
 * The API takes access tokens shaped as Amazon Cognito issues them (packages/auth verifier.ts), the local
 * identity provider's alike: signed by a key of the provider's JWKS, `token_use: access`, this app's
 * `client_id`, a subject, an issue time and an expiry. A token of the provider's own key with any of
 * those missing or wrong, or signed another way, proves nothing: 401 on every kind of route, nothing read
 * or written. (security-matrix.test.ts tries the commoner forgeries on every operation.)
 */
import { createHmac } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from '../support/api.js';
import { claimsOf, tokenKit } from '../support/tokens.js';

const H = '/api/v1/councils/harrow';
const b64url = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');

describe('tokens with a claim missing or wrong, signed by the provider’s own key', () => {
  let api: TestApi;
  const kit = tokenKit();
  let publicJwk: Record<string, unknown>;

  beforeAll(async () => {
    publicJwk = JSON.parse(readFileSync(kit.keyFile, 'utf8')).publicJwk;
    api = await createTestApi({ idpKeyFile: kit.keyFile });
    rmSync(kit.keyFile, { force: true });
  });
  afterAll(() => api.drop());

  it('are refused (401) on reads and writes alike', async () => {
    const real = await api.token('admin@harrow.test');
    const claims = claimsOf(real);
    const without = (name: string) => {
      const { [name]: _gone, ...rest } = claims;
      return kit.sign(rest);
    };
    const header = JSON.parse(Buffer.from(real.split('.')[0]!, 'base64url').toString('utf8'));
    // The provider's public key used as an HMAC secret: a verifier that took the alg from the token
    // would check it with the key it knows.
    const hsInput = `${b64url({ alg: 'HS256', kid: header.kid, typ: 'JWT' })}.${b64url(claims)}`;
    const hs256 = `${hsInput}.${createHmac('sha256', JSON.stringify(publicJwk)).update(hsInput).digest('base64url')}`;
    const [, body, signature] = real.split('.');
    const cases: Record<string, string> = {
      'no token_use': without('token_use'),
      'token_use spelt otherwise': kit.sign({ ...claims, token_use: 'Access' }),
      'no client_id': without('client_id'),
      'client_id in a list': kit.sign({ ...claims, client_id: [claims.client_id] }),
      'aud of this app but client_id of another': kit.sign({
        ...claims,
        aud: claims.client_id,
        client_id: 'x',
      }),
      'an ID token with this app as aud': kit.sign({ ...claims, token_use: 'id', aud: claims.client_id }),
      'no iat': without('iat'),
      'no sub': without('sub'),
      'an empty sub': kit.sign({ ...claims, sub: '' }),
      'no iss': without('iss'),
      'iss with a trailing slash': kit.sign({ ...claims, iss: `${claims.iss}/` }),
      'exp as a string': kit.sign({ ...claims, exp: String(claims.exp) }),
      'HS256 keyed with the public key': hs256,
      'a key id the JWKS does not hold': `${b64url({ ...header, kid: 'rotated-away' })}.${body}.${signature}`,
    };
    // The control: the same claims, signed alike, are taken.
    const control = await api.call('GET', '/api/v1/me', {
      headers: { authorization: `Bearer ${kit.sign(claims)}` },
    });
    expect(control.status).toBe(200);

    const answers: Record<string, number[]> = {};
    for (const [name, token] of Object.entries(cases)) {
      const headers = { authorization: `Bearer ${token}` };
      answers[name] = [
        (await api.call('GET', '/api/v1/me', { headers })).status,
        (await api.call('GET', `${H}/plans`, { headers })).status,
        (
          await api.call('POST', `${H}/people`, {
            headers,
            body: { name: 'Forged Person', roleLabel: 'Nobody' },
          })
        ).status,
      ];
    }
    expect(answers).toEqual(Object.fromEntries(Object.keys(cases).map((n) => [n, [401, 401, 401]])));
    const people = await api.ok('GET', `${H}/people`, undefined, 'admin@harrow.test');
    expect(JSON.stringify(people)).not.toContain('Forged Person');
  });
});
