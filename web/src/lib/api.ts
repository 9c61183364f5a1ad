import type { FieldError } from '@peopleplan/core';

/** An API error in the project's shape: `{ error: { code, message, details? } }`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: FieldError[],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

interface ApiSetup {
  base: string;
  token: () => string | undefined;
  /** Called on a 401: the session has ended; the app goes back to sign-in. */
  onUnauthorised: () => void;
}

let setup: ApiSetup = { base: '/api/v1', token: () => undefined, onUnauthorised: () => {} };

export function configureApi(s: ApiSetup): void {
  setup = s;
}

const MESSAGES: Record<number, string> = {
  403: 'Your role does not allow you to do this.',
  404: 'Page not found, or you do not have access to it.',
  409: 'Someone else changed this since you opened it.',
};

async function request<T>(method: string, path: string, body?: unknown, signal?: AbortSignal): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  const token = setup.token();
  if (token) headers.authorization = `Bearer ${token}`;
  let payload: BodyInit | undefined;
  if (body instanceof FormData) payload = body;
  else if (body !== undefined) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  let res: Response;
  try {
    res = await fetch(`${setup.base}${path}`, {
      method,
      headers,
      body: payload ?? null,
      signal: signal ?? null,
    });
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    throw new ApiError(0, 'network', 'PeoplePlan could not be reached. Check your connection and try again.');
  }
  const text = await res.text();
  let parsed: unknown;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    parsed = undefined;
  }
  if (res.ok) return parsed as T;
  if (res.status === 401) setup.onUnauthorised();
  const err = (parsed as { error?: { code?: string; message?: string; details?: unknown } } | undefined)
    ?.error;
  const details = Array.isArray(err?.details) ? (err.details as FieldError[]) : undefined;
  throw new ApiError(
    res.status,
    err?.code ?? String(res.status),
    err?.message ?? MESSAGES[res.status] ?? `Something went wrong (${res.status}).`,
    details,
  );
}

export const api = {
  get: <T>(path: string, signal?: AbortSignal) => request<T>('GET', path, undefined, signal),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, body ?? {}),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, body),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
  del: <T>(path: string) => request<T>('DELETE', path),
};

/** `encodeURIComponent` for path segments: ids come from URLs people can edit. */
export const seg = (s: string) => encodeURIComponent(s);
