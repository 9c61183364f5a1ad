/**
 * Runtime configuration, read from `/config.json` at start-up so one build serves every deployment.
 * No file (the local stack) means development mode: the sign-in page lists the demo users.
 * Two shapes are accepted: the brief's `{apiUrl, cognito: {domain, clientId, redirectUri}, authMode}` and
 * the web stack's `{apiBaseUrl, auth: {domain, clientId, redirectPath, scopes}}`.
 */
export type AuthConfig =
  | { mode: 'dev' }
  | { mode: 'cognito'; domain: string; clientId: string; redirectUri: string; scopes: string[] };

export interface RuntimeConfig {
  /** Base of the API, without a trailing slash, e.g. `/api/v1`. */
  apiBase: string;
  auth: AuthConfig;
}

interface RawConfig {
  apiUrl?: string;
  apiBaseUrl?: string;
  authMode?: string;
  cognito?: { domain?: string; clientId?: string; redirectUri?: string; scopes?: string[] };
  auth?: {
    domain?: string;
    clientId?: string;
    redirectPath?: string;
    redirectUri?: string;
    scopes?: string[];
  };
}

const trimSlash = (s: string) => s.replace(/\/+$/, '');
const withScheme = (d: string) => (/^https?:\/\//.test(d) ? d : `https://${d}`);

export function apiBaseFrom(raw: RawConfig): string {
  if (raw.apiBaseUrl) return trimSlash(raw.apiBaseUrl);
  if (raw.apiUrl) {
    const u = trimSlash(raw.apiUrl);
    return u.endsWith('/api/v1') ? u : `${u}/api/v1`;
  }
  return '/api/v1';
}

export function parseConfig(raw: RawConfig | undefined, origin: string): RuntimeConfig {
  if (!raw) return { apiBase: '/api/v1', auth: { mode: 'dev' } };
  const c = raw.cognito ?? raw.auth;
  const cognito = raw.authMode === 'cognito' || Boolean(c?.clientId);
  if (!cognito || !c?.domain || !c.clientId) return { apiBase: apiBaseFrom(raw), auth: { mode: 'dev' } };
  const auth = raw.auth;
  const redirectUri = c.redirectUri ?? `${origin}${auth?.redirectPath ?? '/auth/callback'}`;
  return {
    apiBase: apiBaseFrom(raw),
    auth: {
      mode: 'cognito',
      domain: trimSlash(withScheme(c.domain)),
      clientId: c.clientId,
      redirectUri,
      scopes: c.scopes ?? ['openid', 'email', 'profile'],
    },
  };
}

export async function loadConfig(): Promise<RuntimeConfig> {
  try {
    const res = await fetch('/config.json', { cache: 'no-store', headers: { accept: 'application/json' } });
    // The local server answers unknown paths with the app shell (HTML): that means "no config".
    if (!res.ok || !(res.headers.get('content-type') ?? '').includes('json'))
      return parseConfig(undefined, '');
    return parseConfig((await res.json()) as RawConfig, window.location.origin);
  } catch {
    return parseConfig(undefined, '');
  }
}
