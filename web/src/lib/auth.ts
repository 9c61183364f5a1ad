import type { AuthConfig } from './config.js';

/**
 * Sign-in state. The access token lives in sessionStorage: it goes when the tab closes, and is never
 * readable by another origin. Cognito uses the hosted UI with authorization code + PKCE (Web Crypto).
 */
const TOKEN_KEY = 'peopleplan.token';
const PKCE_KEY = 'peopleplan.pkce';
const COUNCIL_KEY = 'peopleplan.council';

interface StoredToken {
  accessToken: string;
  /** Epoch ms. */
  expiresAt: number;
  /**
   * What keeps the sign-in going past the hour ("Stay signed in": components/session-timeout.tsx), kept
   * like the access token: this tab only. Cognito revokes it when the person is removed (infra web-stack.ts).
   */
  refreshToken?: string;
}

function jwtExpiry(token: string): number {
  try {
    const payload = JSON.parse(atob(token.split('.')[1]!.replace(/-/g, '+').replace(/_/g, '/'))) as {
      exp?: number;
    };
    return payload.exp ? payload.exp * 1000 : Date.now() + 3_600_000;
  } catch {
    return Date.now() + 3_600_000;
  }
}

function storedToken(): StoredToken | undefined {
  try {
    return JSON.parse(sessionStorage.getItem(TOKEN_KEY) ?? 'null') ?? undefined;
  } catch {
    return undefined;
  }
}

/** Keeps a new access token; a refresh gives none of its own, so the one there is kept. */
export function storeToken(accessToken: string, refreshToken?: string): void {
  const keep = refreshToken ?? storedToken()?.refreshToken;
  const t: StoredToken = {
    accessToken,
    expiresAt: jwtExpiry(accessToken),
    ...(keep ? { refreshToken: keep } : {}),
  };
  sessionStorage.setItem(TOKEN_KEY, JSON.stringify(t));
}

/** A token is used until a minute before it expires, so that no request carries one that runs out on the way. */
const usableUntil = (t: StoredToken) => t.expiresAt - 60_000;

/** When the sign-in stops being used (epoch ms), if signed in. */
export function signInEndsAt(): number | undefined {
  const t = storedToken();
  return t ? usableUntil(t) : undefined;
}

/**
 * A new access token for the refresh token kept with it, from the token endpoint the person signed in
 * with (Cognito's, or the development identity provider's). False when there is none or it is refused
 * (expired after 12 hours, or revoked: the person removed); they then sign in again.
 */
export async function extendSignIn(cfg: AuthConfig): Promise<boolean> {
  const refreshToken = storedToken()?.refreshToken;
  if (!refreshToken) return false;
  const res = await (cfg.mode === 'cognito'
    ? fetch(`${cfg.domain}/oauth2/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          grant_type: 'refresh_token',
          client_id: cfg.clientId,
          refresh_token: refreshToken,
        }),
      })
    : fetch('/dev/idp/token', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ grant_type: 'refresh_token', refresh_token: refreshToken }),
      })
  ).catch(() => undefined);
  if (!res?.ok) return false;
  const body = (await res.json()) as { access_token?: string };
  if (!body.access_token) return false;
  storeToken(body.access_token);
  return true;
}

/** The token if there is one that has not expired (with a minute's margin). */
export function currentToken(): string | undefined {
  const t = storedToken();
  if (t && usableUntil(t) > Date.now()) return t.accessToken;
  sessionStorage.removeItem(TOKEN_KEY);
  return undefined;
}

export function clearToken(): void {
  sessionStorage.removeItem(TOKEN_KEY);
}

/** The council last worked in, so a person in several councils returns to the same one. */
export const lastCouncil = {
  get: () => localStorage.getItem(COUNCIL_KEY) ?? undefined,
  set: (id: string) => localStorage.setItem(COUNCIL_KEY, id),
};

/** Only same-origin paths are followed after sign-in (no open redirects). */
export function safeNext(next: string | null | undefined): string {
  return next?.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export async function devSignIn(email: string): Promise<void> {
  const res = await fetch('/dev/idp/token', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email }),
  });
  if (!res.ok) throw new Error(`The development sign-in refused ${email} (${res.status})`);
  const body = (await res.json()) as { access_token: string; refresh_token?: string };
  storeToken(body.access_token, body.refresh_token);
}

const base64url = (bytes: ArrayBuffer | Uint8Array) =>
  btoa(String.fromCharCode(...new Uint8Array(bytes)))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');

const randomString = (n = 32) => base64url(crypto.getRandomValues(new Uint8Array(n)));

type Cognito = Extract<AuthConfig, { mode: 'cognito' }>;

export async function startCognitoSignIn(cfg: Cognito, next: string): Promise<void> {
  const verifier = randomString(48);
  const state = randomString(16);
  const challenge = base64url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
  sessionStorage.setItem(PKCE_KEY, JSON.stringify({ verifier, state, next: safeNext(next) }));
  const url = new URL(`${cfg.domain}/oauth2/authorize`);
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: cfg.clientId,
    redirect_uri: cfg.redirectUri,
    scope: cfg.scopes.join(' '),
    state,
    code_challenge: challenge,
    code_challenge_method: 'S256',
  }).toString();
  window.location.assign(url.toString());
}

/** Exchanges the code from the hosted UI for tokens. Returns where to go next. */
export async function completeCognitoSignIn(cfg: Cognito, search: string): Promise<string> {
  const params = new URLSearchParams(search);
  const error = params.get('error_description') ?? params.get('error');
  if (error) throw new Error(`Sign-in did not complete: ${error}`);
  const saved = JSON.parse(sessionStorage.getItem(PKCE_KEY) ?? 'null') as {
    verifier: string;
    state: string;
    next: string;
  } | null;
  sessionStorage.removeItem(PKCE_KEY);
  const code = params.get('code');
  if (!saved || !code || params.get('state') !== saved.state) {
    throw new Error('This sign-in link has expired or was not started here. Sign in again.');
  }
  const res = await fetch(`${cfg.domain}/oauth2/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      client_id: cfg.clientId,
      code,
      redirect_uri: cfg.redirectUri,
      code_verifier: saved.verifier,
    }),
  });
  if (!res.ok) throw new Error('Sign-in could not be completed. Sign in again.');
  const tokens = (await res.json()) as { access_token: string; refresh_token?: string };
  storeToken(tokens.access_token, tokens.refresh_token);
  return saved.next;
}

export function signOut(cfg: AuthConfig): void {
  // The refresh token is revoked, not only forgotten: on a shared computer nobody can take the sign-in
  // on from it (a beacon: it is sent even as the page goes to the sign-out address).
  const refreshToken = storedToken()?.refreshToken;
  if (refreshToken) {
    navigator.sendBeacon(
      cfg.mode === 'cognito' ? `${cfg.domain}/oauth2/revoke` : '/dev/idp/revoke',
      new URLSearchParams({
        token: refreshToken,
        ...(cfg.mode === 'cognito' ? { client_id: cfg.clientId } : {}),
      }),
    );
  }
  clearToken();
  if (cfg.mode === 'cognito') {
    const url = new URL(`${cfg.domain}/logout`);
    url.search = new URLSearchParams({
      client_id: cfg.clientId,
      logout_uri: `${window.location.origin}/`,
    }).toString();
    window.location.assign(url.toString());
  }
}
