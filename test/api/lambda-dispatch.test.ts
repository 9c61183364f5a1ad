/**
 * A Lambda function loads only the route groups a request's path needs (group-dispatch.ts), from the
 * event's raw path; the app it hands the event to routes by the URL Hono builds from it. Signed in, the
 * function must answer every spelling of a path as the whole app (`npm start`, the tests) does: never a
 * 404 for a route the whole app serves, never a route the whole app would refuse.
 */
import { handle } from 'hono/aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, wholeDocument } from '../../functions/api/src/app.js';
import { groupDispatch } from '../../functions/api/src/group-dispatch.js';
import { ROUTE_GROUPS, routeModules } from '../../functions/api/src/routes/index.js';
import { createTestApi, type TestApi } from '../support/api.js';

const H = '/api/v1/councils/harrow';

/** Spellings a client, a proxy or a careless operator might send: escapes, dot segments, case, slashes. */
const PATHS = [
  '/api/v1/me',
  '/api/v1/me/',
  '//api/v1/me',
  '/api//v1/me',
  '/API/v1/me',
  '/api/v1/%6de',
  '/api/v1/m%65',
  '/api/v1/x/../me',
  '/api/v1/./me',
  '/api/v1/%2e%2e/v1/me',
  '/api\\v1\\me',
  `${H}/plans`,
  `${H}/plans/`,
  `${H}//plans`,
  '/api/v1/councils/kent/../harrow/plans',
  '/api/v1/councils/harrow%2Fx/plans',
  '/api/v1/councils/kent%2F..%2Fharrow/plans',
  '/api/v1/councils/HARROW/plans',
  `${H}/plans/%2e%2e/plans`,
  `${H}/people/duplicates`,
  `${H}/people/%64uplicates`,
  `${H}/settings`,
  `${H}/dashboard%3F`,
  `${H}/${'a'.repeat(8000)}`,
  '/api/v1/councils/h\u00e4rrow/plans',
  '/api/v1/councils/%E2%80%AEharrow/plans',
  '/api/v1/partnerships',
  '/api/v1/councils',
  '/api/v1/councils/',
  '/api/v1/openapi.json',
  '/api/alert-preferences/harrow/not-a-token',
  '/health',
];
const METHODS = ['GET', 'get', 'HEAD', 'OPTIONS', 'PATCH', 'DELETE', 'PROPFIND'];

describe('a Lambda function answers as the whole app', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await createTestApi();
  });
  afterAll(() => api.drop());

  it('for every spelling of a path and method, signed in', async () => {
    // As lambda-handler.ts builds its apps (the API function serves the whole OpenAPI document).
    const document = wholeDocument(api.deps, () => routeModules());
    const dispatch = groupDispatch(ROUTE_GROUPS, (modules) =>
      handle(createApp(api.deps, modules, { document })),
    );
    const authorization = `Bearer ${await api.token('admin@harrow.test')}`;
    // As lambda-handler.ts does: the groups chosen by the event's method and raw path.
    const lambda = async (method: string, rawPath: string) => {
      const event = {
        version: '2.0',
        rawPath,
        rawQueryString: '',
        headers: { authorization, host: 'api.test' },
        requestContext: { domainName: 'api.test', http: { method, path: rawPath }, requestId: 'r' },
        isBase64Encoded: false,
      };
      const served = await dispatch.appFor(method, rawPath);
      const res = (await served(event as never, {} as never)) as { statusCode: number; body: string };
      return `${res.statusCode} ${res.body}`;
    };
    const whole = async (method: string, path: string) => {
      const res = await api.app.request(`https://api.test${path}`, { method, headers: { authorization } });
      return `${res.status} ${await res.text()}`;
    };
    const differ: string[] = [];
    for (const method of METHODS) {
      for (const path of PATHS) {
        const [a, b] = [await lambda(method, path), await whole(method, path)];
        // Request ids differ per request; everything else must match.
        const same = (s: string) => s.replace(/"requestId":"[^"]*"/g, '');
        if (same(a) !== same(b))
          differ.push(`${method} ${path.slice(0, 60)}: ${a.slice(0, 60)} / ${b.slice(0, 60)}`);
      }
    }
    expect(differ).toEqual([]);
  });
});
