import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { Hono } from 'hono';
import { exportJWK, generateKeyPair, importJWK, type JWK, SignJWT } from 'jose';
import { z } from 'zod';
import { type DevUser, devSub } from './demo-users.js';

export interface DevIdp {
  issuer: string;
  audience: string;
  jwks: { keys: JWK[] };
  app: Hono;
  /** A signed access token for a known user (tests, scripts). */
  /** `expiresIn: null` signs a token with no expiry at all (tests that the API refuses one). */
  tokenFor(email: string, overrides?: { groups?: string[]; expiresIn?: string | null }): Promise<string>;
  users: DevUser[];
}

const TokenRequest = z.strictObject({ email: z.email() });

/**
 * The development identity provider: signs RS256 tokens shaped like Cognito's and serves a JWKS,
 * so the API verifies local tokens exactly as it verifies Cognito's. Never deployed.
 * The key is kept in `keyFile` (under .data/) so sign-ins survive a restart.
 */
export async function createDevIdp(opts: {
  issuer: string;
  audience: string;
  users: DevUser[];
  keyFile?: string;
}): Promise<DevIdp> {
  const { privateJwk, publicJwk } = await loadOrCreateKey(opts.keyFile);
  const privateKey = await importJWK(privateJwk, 'RS256');
  const byEmail = new Map(opts.users.map((u) => [u.email.toLowerCase(), u]));

  const tokenFor = async (
    email: string,
    overrides: { groups?: string[]; expiresIn?: string | null } = {},
  ) => {
    const user = byEmail.get(email.toLowerCase());
    if (!user) throw new Error(`unknown user ${email}`);
    const jwt = new SignJWT({
      email: user.email,
      name: user.name,
      'cognito:groups': overrides.groups ?? user.groups,
      token_use: 'access',
    })
      .setProtectedHeader({ alg: 'RS256', kid: publicJwk.kid! })
      .setIssuer(opts.issuer)
      .setAudience(opts.audience)
      .setSubject(devSub(user.email))
      .setIssuedAt();
    if (overrides.expiresIn !== null) jwt.setExpirationTime(overrides.expiresIn ?? '8h');
    return jwt.sign(privateKey);
  };

  const app = new Hono();
  app.get('/.well-known/jwks.json', (c) => c.json({ keys: [publicJwk] }));
  app.get('/users', (c) =>
    c.json({ items: opts.users.map((u) => ({ email: u.email, name: u.name, groups: u.groups })) }),
  );
  app.post('/token', async (c) => {
    const body = TokenRequest.safeParse(await c.req.json().catch(() => undefined));
    if (!body.success) {
      return c.json(
        { error: { code: 'bad-request', message: 'Send {"email": "..."} for a demo user' } },
        400,
      );
    }
    if (!byEmail.has(body.data.email.toLowerCase())) {
      return c.json({ error: { code: 'not-found', message: 'No such demo user' } }, 404);
    }
    const token = await tokenFor(body.data.email);
    return c.json({ access_token: token, token_type: 'Bearer', expires_in: 8 * 3600 });
  });

  return {
    issuer: opts.issuer,
    audience: opts.audience,
    jwks: { keys: [publicJwk] },
    app,
    tokenFor,
    users: opts.users,
  };
}

async function loadOrCreateKey(keyFile?: string): Promise<{ privateJwk: JWK; publicJwk: JWK }> {
  if (keyFile && existsSync(keyFile)) return JSON.parse(readFileSync(keyFile, 'utf8'));
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  const kid = `dev-${Date.now().toString(36)}`;
  const privateJwk = { ...(await exportJWK(privateKey)), kid, alg: 'RS256' };
  const publicJwk = { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' };
  if (keyFile) {
    mkdirSync(dirname(keyFile), { recursive: true });
    writeFileSync(keyFile, JSON.stringify({ privateJwk, publicJwk }), { mode: 0o600 });
  }
  return { privateJwk, publicJwk };
}
