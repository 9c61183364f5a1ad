import { createPrivateKey, generateKeyPairSync, randomUUID, sign } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Tokens a client could forge or mangle. The development identity provider is given a key pair made
 * here (`createTestApi({ idpKeyFile })`), so the tests can also sign tokens it never would issue:
 * no `exp`, another issuer or audience, `alg: none`.
 */
export interface TokenKit {
  keyFile: string;
  /** Signs `claims` with the identity provider's own key (or another key, for a wrong signature). */
  sign(claims: Record<string, unknown>, opts?: { otherKey?: boolean; alg?: 'none' }): string;
}

const b64url = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');

export function tokenKit(): TokenKit {
  const kid = `test-${randomUUID()}`;
  const mine = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const other = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const privateJwk = { ...mine.privateKey.export({ format: 'jwk' }), kid, alg: 'RS256' };
  const publicJwk = { ...mine.publicKey.export({ format: 'jwk' }), kid, alg: 'RS256', use: 'sig' };
  const keyFile = join(tmpdir(), `peopleplan-idp-${kid}.json`);
  writeFileSync(keyFile, JSON.stringify({ privateJwk, publicJwk }), { mode: 0o600 });
  const key = createPrivateKey({ key: privateJwk, format: 'jwk' });
  return {
    keyFile,
    sign(claims, opts = {}) {
      if (opts.alg === 'none') return `${b64url({ alg: 'none', typ: 'JWT' })}.${b64url(claims)}.`;
      const input = `${b64url({ alg: 'RS256', kid, typ: 'JWT' })}.${b64url(claims)}`;
      const signature = sign('sha256', Buffer.from(input), opts.otherKey ? other.privateKey : key);
      return `${input}.${signature.toString('base64url')}`;
    },
  };
}

/** The claims of a token the identity provider issued (to copy its issuer, client and subject). */
export function claimsOf(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8'));
}

/**
 * Authorization headers that must each answer 401: nothing in them proves who is calling. Built from a
 * real token of `base` (an admin), so that accepting any of them would hand out real power.
 */
export function badTokenHeaders(kit: TokenKit, real: string, expired: string): Record<string, string> {
  const now = Math.floor(Date.now() / 1000);
  const claims = claimsOf(real);
  const bearer = (t: string) => `Bearer ${t}`;
  const { exp: _exp, ...noExp } = claims;
  return {
    'garbage token': bearer('abc.def.ghi'),
    'not a JWT at all': bearer('x'.repeat(64)),
    'Basic credentials instead of a bearer token': 'Basic YWRtaW46YWRtaW4=',
    'empty bearer token': 'Bearer ',
    'real token with its signature cut off': bearer(real.split('.').slice(0, 2).join('.')),
    'signed by another key with the same kid': bearer(kit.sign(claims, { otherKey: true })),
    'alg none, unsigned': bearer(kit.sign(claims, { alg: 'none' })),
    expired: bearer(expired),
    'no exp claim (never expires)': bearer(kit.sign(noExp)),
    'another issuer': bearer(kit.sign({ ...claims, iss: 'https://evil.example/idp' })),
    'issued to another app client': bearer(kit.sign({ ...claims, client_id: 'someone-else' })),
    'an ID token instead of an access token': bearer(kit.sign({ ...claims, token_use: 'id' })),
    'not valid yet (nbf in an hour)': bearer(kit.sign({ ...claims, nbf: now + 3600 })),
  };
}
