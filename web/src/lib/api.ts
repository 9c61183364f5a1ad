import type { FieldError } from '@peopleplan/core';
import createClient, {
  type Client,
  type ClientPathsWithMethod,
  type MaybeOptionalInit,
  type MethodResponse,
} from 'openapi-fetch';
import type { Narrowings } from './api-narrowings.js';
import type { paths } from './api-schema.js';

/**
 * Typed calls to the API, keyed by the OpenAPI document's own paths and methods (api-schema.d.ts is
 * generated from it by `npm run api:types`): a request or response that drifts from the routes' zod
 * schemas fails the type check, not a person's page.
 *
 *   const action = await api.get('/api/v1/councils/{c}/actions/{actionId}', {
 *     params: { path: { c, actionId } },
 *   });
 *
 * Every call resolves with the response's data or throws an `ApiError`.
 */

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

/**
 * Someone saved first (409 `conflict`): the form offers theirs beside what was typed. A plan archived
 * meanwhile is also a 409 (`plan-archived`), but there is nothing newer to show: its message says why.
 */
export const isStale = (err: unknown): err is ApiError => err instanceof ApiError && err.code === 'conflict';

interface ApiSetup {
  /** The API's base from the runtime config, e.g. `/api/v1` or `https://host/api/v1`. */
  base: string;
  token: () => string | undefined;
  /** Called on a 401: the session has ended; the app goes back to sign-in. */
  onUnauthorised: () => void;
}

/** The document's paths start with this: the routes are registered with it (functions/api/src/app.ts). */
const API_PREFIX = '/api/v1';

let setup: ApiSetup = { base: API_PREFIX, token: () => undefined, onUnauthorised: () => {} };
let client = clientFor(setup.base);

function clientFor(base: string): Client<paths> {
  const c = createClient<paths>({
    baseUrl: base.endsWith(API_PREFIX) ? base.slice(0, -API_PREFIX.length) : base,
    headers: { accept: 'application/json' },
  });
  c.use({
    onRequest({ request }) {
      const token = setup.token();
      if (token) request.headers.set('authorization', `Bearer ${token}`);
      return request;
    },
  });
  return c;
}

export function configureApi(s: ApiSetup): void {
  setup = s;
  client = clientFor(s.base);
}

const MESSAGES: Record<number, string> = {
  403: 'Your role does not allow you to do this.',
  404: 'Page not found, or you do not have access to it.',
  409: 'Someone else changed this since you opened it.',
};

/** The project's error body as far as it can be read; anything else gets the status's own words. */
function apiError(status: number, body: unknown): ApiError {
  const err = (body as { error?: { code?: unknown; message?: unknown; details?: unknown } } | undefined)
    ?.error;
  return new ApiError(
    status,
    typeof err?.code === 'string' ? err.code : String(status),
    typeof err?.message === 'string'
      ? err.message
      : (MESSAGES[status] ?? `Something went wrong (${status}).`),
    Array.isArray(err?.details) ? (err.details as FieldError[]) : undefined,
  );
}

type Verb = 'get' | 'post' | 'put' | 'patch' | 'delete';
type RequiredKeys<T> = { [K in keyof T]-?: object extends Pick<T, K> ? never : K }[keyof T];
/** The options argument, required exactly when the operation has a required parameter or body. */
type InitArg<I> = RequiredKeys<I> extends never ? [init?: I] : [init: I];

export type ApiPath<M extends Verb> = ClientPathsWithMethod<Client<paths>, M>;
export type ApiInit<M extends Verb, P extends ApiPath<M>> = MaybeOptionalInit<paths[P], M>;
/** What a successful call resolves with: the 2xx response's JSON, or its narrowing (api-narrowings.ts). */
export type ApiData<M extends Verb, P extends ApiPath<M>, I = object> = `${M} ${P}` extends keyof Narrowings
  ? Narrowings[`${M} ${P}`]
  : MethodResponse<Client<paths>, M, P, I>;

type Call<M extends Verb> = <P extends ApiPath<M>, I extends ApiInit<M, P>>(
  path: P,
  ...init: InitArg<I>
) => Promise<ApiData<M, P, I>>;

type Result = { data?: unknown; error?: unknown; response: Response };
/** openapi-fetch's own call, untyped: `Call<M>` types each verb's wrapper from the paths instead. */
const send = (verb: Verb, path: string, init?: object) =>
  (client.request as (m: Verb, p: string, i?: object) => Promise<Result>)(verb, path, init);

function call<M extends Verb>(verb: M): Call<M> {
  return (async (path: string, init?: object) => {
    let result: Result;
    try {
      result = await send(verb, path, init);
    } catch (e) {
      if ((e as Error).name === 'AbortError') throw e;
      if (e instanceof SyntaxError)
        throw new ApiError(0, 'bad-response', 'PeoplePlan sent an answer this page could not read.');
      throw new ApiError(
        0,
        'network',
        'PeoplePlan could not be reached. Check your connection and try again.',
      );
    }
    const { response } = result;
    if (response.ok) return result.data;
    if (response.status === 401) setup.onUnauthorised();
    throw apiError(response.status, result.error);
  }) as Call<M>;
}

export const api = {
  get: call('get'),
  post: call('post'),
  put: call('put'),
  patch: call('patch'),
  del: call('delete'),
};

/**
 * A raw GET of the API with the person's token, for what is not JSON (reports, documents): the
 * response itself when it is 2xx, else the same `ApiError` a typed call would throw.
 */
export async function apiFetch(path: string, query: Record<string, string> = {}): Promise<Response> {
  const base = setup.base.endsWith(API_PREFIX) ? setup.base.slice(0, -API_PREFIX.length) : setup.base;
  const qs = new URLSearchParams(query).toString();
  const token = setup.token();
  let response: Response;
  try {
    response = await fetch(`${base}${path}${qs ? `?${qs}` : ''}`, {
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });
  } catch {
    throw new ApiError(0, 'network', 'PeoplePlan could not be reached. Check your connection and try again.');
  }
  if (response.ok) return response;
  if (response.status === 401) setup.onUnauthorised();
  throw apiError(response.status, await response.json().catch(() => undefined));
}
