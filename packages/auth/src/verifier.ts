import { CognitoJwtVerifier, JwtVerifier } from 'aws-jwt-verify';
import type { Jwks } from 'aws-jwt-verify/jwk';
import { SimpleJwksCache } from 'aws-jwt-verify/jwk';
import { type Principal, principalFromClaims } from './principal.js';

export interface VerifierConfig {
  issuer: string;
  /** The app client id: Cognito access tokens carry it as `client_id` (they have no `aud`). */
  audience: string;
  jwksUri: string;
  /** Pre-loaded keys (tests): no fetch happens. */
  jwks?: Jwks;
}

export interface TokenVerifier {
  verify(token: string): Promise<Principal>;
}

/**
 * Claims every accepted token must carry. The generic verifier checks `exp` only when present, so a
 * token without one would never expire: refused here for both verifiers.
 */
function checked(claims: Record<string, unknown>): Verified {
  if (typeof claims.exp !== 'number' || typeof claims.iat !== 'number') {
    throw new Error('token has no expiry (exp) or issue time (iat)');
  }
  if (typeof claims.sub !== 'string' || !claims.sub) throw new Error('token has no subject');
  return { principal: principalFromClaims(claims), expiresAt: claims.exp * 1000 };
}

interface Verified {
  principal: Principal;
  /** When the token expires (ms since the epoch). */
  expiresAt: number;
}

/** Tokens a warm instance remembers having verified (a person's pages send the same one for an hour). */
const REMEMBERED_TOKENS = 1000;

/**
 * A verifier that remembers the tokens it has verified until each expires, so a warm instance checks a
 * signature once per token rather than once per request. What a token says about roles is not trusted
 * for access anyway: every request reads the member record (functions/api tenant.ts), so removing
 * someone still takes effect on their next request. Oldest first out when full.
 */
export function rememberingVerifier(
  verify: (token: string) => Promise<Verified>,
  opts: { max?: number; now?: () => number } = {},
): TokenVerifier {
  const max = opts.max ?? REMEMBERED_TOKENS;
  const now = opts.now ?? Date.now;
  const seen = new Map<string, Verified>();
  return {
    verify: async (token) => {
      const known = seen.get(token);
      if (known && known.expiresAt > now()) return known.principal;
      seen.delete(token);
      const verified = await verify(token);
      if (seen.size >= max) seen.delete(seen.keys().next().value!);
      seen.set(token, verified);
      return verified.principal;
    },
  };
}

const COGNITO_ISSUER = /^https:\/\/cognito-idp\.([a-z0-9-]+)\.amazonaws\.com\/([A-Za-z0-9-]+_[A-Za-z0-9]+)$/;

/**
 * Cognito access tokens carry `client_id`, not `aud`, so a Cognito issuer gets aws-jwt-verify's
 * Cognito verifier; any other issuer (the local development identity provider) the generic one.
 * The generic verifier's default JWKS fetcher is HTTPS-only; the local provider serves JWKS over
 * http on loopback, hence the plain fetch-based fetcher.
 */
export function createTokenVerifier(cfg: VerifierConfig): TokenVerifier {
  const cognito = COGNITO_ISSUER.exec(cfg.issuer);
  if (cognito) {
    const v = CognitoJwtVerifier.create({
      userPoolId: cognito[2]!,
      clientId: cfg.audience,
      tokenUse: 'access',
    });
    return rememberingVerifier(async (t) =>
      checked((await v.verify(t)) as unknown as Record<string, unknown>),
    );
  }
  // The local identity provider issues access tokens shaped exactly like Cognito's: no `aud`, the
  // client in `client_id`, `token_use: access`. They are checked here as Cognito's verifier checks them.
  const v = JwtVerifier.create(
    {
      issuer: cfg.issuer,
      audience: null,
      jwksUri: cfg.jwksUri,
      customJwtCheck: ({ payload }) => {
        if (payload.token_use !== 'access') throw new Error('not an access token');
        if (payload.client_id !== cfg.audience) throw new Error('token issued to another client');
      },
    },
    {
      jwksCache: new SimpleJwksCache({
        fetcher: { fetch: async (uri: string) => (await fetch(uri)).arrayBuffer() },
      }),
    },
  );
  if (cfg.jwks) v.cacheJwks(cfg.jwks);
  return rememberingVerifier(async (t) => checked((await v.verify(t)) as unknown as Record<string, unknown>));
}
