/**
 * The token verifier (packages/auth verifier.ts) reads the identity provider's keys from its JWKS
 * (Cognito's in AWS), and the keys change: a token of a key it has not seen makes it read the JWKS
 * again, but a stream of tokens naming keys that do not exist must not make it read the JWKS on every
 * request (a caller could make the API hammer it). The JWKS is served here on 127.0.0.1 only.
 */
import { generateKeyPairSync, type KeyObject, randomUUID, sign } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createTokenVerifier } from '@peopleplan/auth';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';

const b64url = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
const CLIENT = 'peopleplan-web';

function key() {
  const kid = `k-${randomUUID()}`;
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { kid, privateKey, jwk: { ...publicKey.export({ format: 'jwk' }), kid, alg: 'RS256', use: 'sig' } };
}

describe('a JWKS that changes', () => {
  let server: Server;
  let keys: Array<ReturnType<typeof key>> = [];
  let fetches = 0;
  let issuer = '';

  beforeAll(async () => {
    server = createServer((_req, res) => {
      fetches++;
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ keys: keys.map((k) => k.jwk) }));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}/idp`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  const token = (kid: string, privateKey: KeyObject) => {
    const now = Math.floor(Date.now() / 1000);
    const claims = {
      sub: randomUUID(),
      iss: issuer,
      client_id: CLIENT,
      token_use: 'access',
      iat: now,
      exp: now + 3600,
      'cognito:groups': ['council:harrow:editor'],
    };
    const input = `${b64url({ alg: 'RS256', kid, typ: 'JWT' })}.${b64url(claims)}`;
    return `${input}.${sign('sha256', Buffer.from(input), privateKey).toString('base64url')}`;
  };

  it('takes a new key once the JWKS has it, and does not read the JWKS for every unknown key id', async () => {
    const first = key();
    keys = [first];
    const verifier = createTokenVerifier({ issuer, audience: CLIENT, jwksUri: `${issuer}/jwks` });
    expect((await verifier.verify(token(first.kid, first.privateKey))).councils).toEqual({
      harrow: 'editor',
    });
    expect(fetches).toBe(1);

    // Rotated: the provider signs with a new key, which the JWKS now lists.
    const second = key();
    keys = [first, second];
    await expect(verifier.verify(token(second.kid, second.privateKey))).resolves.toBeDefined();
    const afterRotation = fetches;
    expect(afterRotation).toBe(2);

    // Tokens naming keys that exist nowhere, signed by a key of the caller's own: all refused, and the
    // JWKS read at most once more for all of them.
    const forger = key();
    const forged = Array.from({ length: 20 }, () => token(`k-${randomUUID()}`, forger.privateKey));
    for (const t of forged) await expect(verifier.verify(t)).rejects.toThrow();
    expect(fetches - afterRotation).toBeLessThanOrEqual(1);
    // A key the caller made, under a key id the JWKS holds: refused.
    await expect(verifier.verify(token(second.kid, forger.privateKey))).rejects.toThrow();
  });
  afterEach(() => vi.useRealTimers());

  // After an unknown key id the verifier waits 10 s before it reads the JWKS again (aws-jwt-verify's
  // penalty box), so a stream of forged key ids could seem to lock a newly rotated key out for good.
  // It cannot: any read after the wait, whoever's token caused it, brings the whole JWKS, the new key
  // with it. The new key is refused for at most the wait.
  it('takes a rotated key within the wait, however often unknown key ids arrive', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const first = key();
    keys = [first];
    fetches = 0;
    const verifier = createTokenVerifier({ issuer, audience: CLIENT, jwksUri: `${issuer}/jwks` });
    await verifier.verify(token(first.kid, first.privateKey));
    const forger = key();
    const forged = () => verifier.verify(token(`k-${randomUUID()}`, forger.privateKey));
    await expect(forged()).rejects.toThrow(/not found in the JWKS/);
    expect(fetches).toBe(2);

    const second = key();
    keys = [first, second];
    const real = token(second.kid, second.privateKey);
    // Inside the wait: the new key is refused and nothing is read, however many forged ids come.
    for (let s = 0; s < 4; s++) {
      await vi.advanceTimersByTimeAsync(2000);
      await expect(forged()).rejects.toThrow(/waiting/);
      await expect(verifier.verify(real)).rejects.toThrow(/waiting/);
    }
    expect(fetches).toBe(2);
    // The wait over, a forged id arrives first: its read brings the new key, which is then taken
    // with no read of its own.
    await vi.advanceTimersByTimeAsync(2001);
    await expect(forged()).rejects.toThrow(/not found in the JWKS/);
    expect(fetches).toBe(3);
    await expect(verifier.verify(real)).resolves.toBeDefined();
    expect(fetches).toBe(3);
  });
});
