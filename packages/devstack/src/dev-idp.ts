import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { Hono } from 'hono';
import { exportJWK, generateKeyPair, importJWK, type JWK, SignJWT } from 'jose';
import { z } from 'zod';
import type { LocalUserDirectory } from './local-users.js';

export interface DevIdp {
  issuer: string;
  /** The app client id every token names in `client_id` (Cognito access tokens have no `aud`). */
  clientId: string;
  jwks: { keys: JWK[] };
  app: Hono;
  users: LocalUserDirectory;
  /**
   * A signed access token for a known user (tests, scripts). `groups` replaces the user's own (tests of
   * hostile tokens); `expiresIn: null` signs one with no expiry at all (tests that the API refuses it).
   */
  tokenFor(email: string, overrides?: { groups?: string[]; expiresIn?: string | null }): Promise<string>;
}

const TokenRequest = z.union([
  z.strictObject({ email: z.email() }),
  // A session kept going ("Stay signed in"), as Cognito's token endpoint takes a refresh token.
  z.strictObject({ grant_type: z.literal('refresh_token'), refresh_token: z.string().min(1).max(200) }),
]);

/** As the web client's refresh tokens last in Cognito (infra web-stack.ts). */
const REFRESH_TOKEN_HOURS = 12;

/**
 * The claims of a Cognito access token, and no others (no `email`, `name` or `aud`): the app must work
 * from exactly what Cognito gives it in AWS. test/api/onboarding.test.ts pins this list.
 */
export const ACCESS_TOKEN_CLAIMS = [
  'sub',
  'cognito:groups',
  'iss',
  'client_id',
  'origin_jti',
  'event_id',
  'token_use',
  'scope',
  'auth_time',
  'exp',
  'iat',
  'jti',
  'username',
] as const;

/**
 * The development identity provider: signs RS256 access tokens shaped exactly like Cognito's and
 * serves a JWKS, so the API verifies local tokens as it verifies Cognito's. It signs in only people in
 * its user directory (members, partner readers, operators: created through the same onboarding
 * service as in AWS). Never deployed. The key is kept in `keyFile` (under .data/) so sign-ins survive
 * a restart.
 */
export async function createDevIdp(opts: {
  issuer: string;
  clientId: string;
  users: LocalUserDirectory;
  keyFile?: string;
  /** Councils' names by id, so the sign-in page heads a newly added council's people by its name. */
  councilNames?: () => Promise<Record<string, string>>;
}): Promise<DevIdp> {
  const { privateJwk, publicJwk } = await loadOrCreateKey(opts.keyFile);
  const privateKey = await importJWK(privateJwk, 'RS256');

  const tokenFor = async (
    email: string,
    overrides: { groups?: string[]; expiresIn?: string | null } = {},
  ) => {
    const user = opts.users.signInUser(email);
    if (!user) throw new Error(`unknown user ${email}`);
    const now = Math.floor(Date.now() / 1000);
    const jwt = new SignJWT({
      'cognito:groups': overrides.groups ?? user.groups,
      client_id: opts.clientId,
      origin_jti: randomUUID(),
      event_id: randomUUID(),
      token_use: 'access',
      scope: 'aws.cognito.signin.user.admin',
      auth_time: now,
      jti: randomUUID(),
      username: user.username,
    })
      .setProtectedHeader({ alg: 'RS256', kid: publicJwk.kid! })
      .setIssuer(opts.issuer)
      .setSubject(user.sub)
      .setIssuedAt(now);
    if (overrides.expiresIn !== null) jwt.setExpirationTime(overrides.expiresIn ?? '1h');
    return jwt.sign(privateKey);
  };

  // Refresh tokens, by token: in memory, so a restart signs everyone out, as a new key would.
  const refreshTokens = new Map<string, { email: string; issuedAt: string; expiresAt: number }>();
  const refreshTokenFor = (email: string) => {
    const token = randomUUID();
    refreshTokens.set(token, {
      email,
      issuedAt: new Date().toISOString(),
      expiresAt: Date.now() + REFRESH_TOKEN_HOURS * 3_600_000,
    });
    return token;
  };
  /**
   * The user a refresh token still signs in: not expired, the user still here, and not signed out
   * everywhere since it was issued (a member removed: services/sessions.ts), as Cognito revokes them.
   */
  const refreshed = (token: string) => {
    const r = refreshTokens.get(token);
    if (!r || r.expiresAt < Date.now()) return undefined;
    const user = opts.users.signInUser(r.email);
    if (!user || (user.signedOutAt && user.signedOutAt >= r.issuedAt)) {
      refreshTokens.delete(token);
      return undefined;
    }
    return r.email;
  };

  const app = new Hono();
  app.get('/.well-known/jwks.json', (c) => c.json({ keys: [publicJwk] }));
  app.get('/users', async (c) =>
    c.json({ items: opts.users.users(), councils: (await opts.councilNames?.()) ?? {} }),
  );
  // As Cognito's /oauth2/revoke: the refresh token is no longer honoured (the app's sign-out).
  app.post('/revoke', async (c) => {
    const token = (await c.req.parseBody().catch(() => undefined))?.token;
    if (typeof token === 'string') refreshTokens.delete(token);
    return c.body(null, 200);
  });
  app.post('/token', async (c) => {
    const body = TokenRequest.safeParse(await c.req.json().catch(() => undefined));
    if (!body.success) {
      return c.json(
        {
          error: {
            code: 'bad-request',
            message:
              'Send {"email": "..."} for a known user, or {"grant_type": "refresh_token", "refresh_token": "..."}',
          },
        },
        400,
      );
    }
    if ('refresh_token' in body.data) {
      const email = refreshed(body.data.refresh_token);
      // Cognito's answer to a refresh token it no longer honours.
      if (!email) return c.json({ error: 'invalid_grant' }, 400);
      return c.json({ access_token: await tokenFor(email), token_type: 'Bearer', expires_in: 3600 });
    }
    if (!opts.users.signInUser(body.data.email)) {
      return c.json(
        { error: { code: 'not-found', message: 'No such user: ask a council admin to invite you' } },
        404,
      );
    }
    const token = await tokenFor(body.data.email);
    return c.json({
      access_token: token,
      refresh_token: refreshTokenFor(body.data.email),
      token_type: 'Bearer',
      expires_in: 3600,
    });
  });

  return {
    issuer: opts.issuer,
    clientId: opts.clientId,
    jwks: { keys: [publicJwk] },
    app,
    users: opts.users,
    tokenFor,
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
