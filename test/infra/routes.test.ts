/**
 * The API is one Hono app split over two functions (functions/api/src/routes/index.ts): every path of the
 * document modules must reach the documents function through the HTTP API's routes, and every other
 * path the API function. Routes are read from the synthesized template and matched the way HTTP API
 * matches them (most specific route wins), so adding a route module without its routes fails here.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../functions/api/src/app.js';
import type { AppDeps } from '../../functions/api/src/context.js';
import { routeModules } from '../../functions/api/src/routes/index.js';
import type { App, RouteModule } from '../../functions/api/src/types.js';
import { synthPeoplePlan } from '../../infra/lib/testing.js';

type Json = Record<string, unknown>;
interface Route {
  key: string;
  method: string;
  segments: string[];
  fn: string;
  /** `JWT` when API Gateway's authorizer guards the route, `NONE` when it is open. */
  auth: string;
}

/** Only what createApp touches while registering routes; no request is served here. */
const deps = {
  config: { TABLE_NAME: 'unused', MAX_BODY_BYTES: 1024, WEB_BASE_URL: 'http://127.0.0.1', STAGE: 'test' },
  logger: { resetKeys() {}, appendKeys() {}, error() {} },
  verifier: { verify: async () => Promise.reject(new Error('unused')) },
  docFor: async () => Promise.reject(new Error('unused')),
} as unknown as AppDeps;

/** `METHOD /concrete/path` for every handler the app registers (middleware is registered as ALL). */
function endpoints(modules: RouteModule[]): Set<string> {
  const app: App = createApp(deps, modules);
  return new Set(
    app.routes
      .filter((r) => r.method !== 'ALL')
      .map((r) => `${r.method} ${r.path.replace(/:[^/]+/g, 'x1').replace(/\*$/, 'x1/x2')}`),
  );
}

/** HTTP API's order: literal paths, then `{var}`, then greedy `{var+}`; more literal segments; a method over ANY. */
function rank(r: Route): number[] {
  const greedy = r.segments.some((s) => s.endsWith('+}'));
  const variables = r.segments.filter((s) => s.startsWith('{')).length;
  const literals = r.segments.length - variables;
  return [greedy ? 2 : variables > 0 ? 1 : 0, -literals, r.method === 'ANY' ? 1 : 0];
}

function matches(r: Route, method: string, path: string[]): boolean {
  if (r.method !== 'ANY' && r.method !== method) return false;
  for (const [i, seg] of r.segments.entries()) {
    if (seg.endsWith('+}')) return path.length > i;
    if (i >= path.length || (!seg.startsWith('{') && seg !== path[i])) return false;
  }
  return path.length === r.segments.length;
}

let routes: Route[];
/** The route HTTP API would pick for `METHOD /path`. */
let routeFor: (endpoint: string) => Route | undefined;
const fnOf = (endpoint: string) => routeFor(endpoint)?.fn;
let functionIds: { api: string; documents: string };

beforeAll(() => {
  const s = synthPeoplePlan();
  const t = s.templates.api.toJSON() as { Resources: Record<string, { Type: string; Properties: Json }> };
  const byType = (type: string) => Object.entries(t.Resources).filter(([, r]) => r.Type === type);
  const integrations = Object.fromEntries(byType('AWS::ApiGatewayV2::Integration'));
  routes = byType('AWS::ApiGatewayV2::Route').map(([, r]) => {
    const key = r.Properties.RouteKey as string;
    const [method, path] = key.split(' ') as [string, string];
    const integration = JSON.stringify(r.Properties.Target).match(/"(\w+Integration[0-9A-F]{8})"/)?.[1];
    const uri = JSON.stringify(integrations[integration!]?.Properties.IntegrationUri);
    return {
      key,
      method,
      segments: path.split('/').slice(1),
      fn: uri.match(/"(\w+Function[0-9A-F]{8})"/)![1]!,
      auth: (r.Properties.AuthorizationType as string | undefined) ?? 'NONE',
    };
  });
  const id = (prefix: string) => byType('AWS::Lambda::Function').find(([k]) => k.startsWith(prefix))![0];
  functionIds = { api: id('ApiFunction'), documents: id('DocumentsFunction') };
  routeFor = (endpoint) => {
    const [method, path] = endpoint.split(' ') as [string, string];
    const candidates = routes.filter((r) => matches(r, method, path.split('/').slice(1)));
    candidates.sort((a, b) => {
      const [ra, rb] = [rank(a), rank(b)];
      return ra.map((v, i) => v - rb[i]!).find((d) => d !== 0) ?? 0;
    });
    return candidates[0];
  };
}, 120_000);

const coreModules = await routeModules('api');
const documentModules = await routeModules('documents');

describe('HTTP API routes follow the route modules', () => {
  const base = () => endpoints([]);
  const only = (modules: RouteModule[]) => [...endpoints(modules)].filter((e) => !base().has(e));

  it('sends every path of the document modules to the documents function', () => {
    const documentPaths = only(documentModules);
    expect(documentPaths.length).toBeGreaterThan(0);
    const astray = documentPaths.filter((e) => fnOf(e) !== functionIds.documents);
    expect(astray, 'add these to DOCUMENT_ROUTES in infra/lib/stacks/api-stack.ts').toEqual([]);
  });

  it('sends every other path (core routes and the core modules) to the API function', () => {
    const corePaths = [...base(), ...only(coreModules)];
    expect(corePaths).toContain('GET /health');
    const astray = corePaths.filter((e) => fnOf(e) !== functionIds.api);
    expect(astray, 'these are caught by a documents route').toEqual([]);
  });

  it('has no documents route that serves nothing', () => {
    const documentPaths = only(documentModules);
    const used = new Set(documentPaths.map((e) => routeFor(e)?.key));
    const unused = routes.filter((r) => r.fn === functionIds.documents && !used.has(r.key)).map((r) => r.key);
    expect(unused).toEqual([]);
  });

  it('asks for a token at the gateway exactly where the app asks for one (JWT authorizer on by default)', async () => {
    const modules = [...coreModules, ...documentModules];
    const app = createApp(deps, modules);
    const mismatches: string[] = [];
    const open: string[] = [];
    for (const e of endpoints(modules)) {
      const [method, path] = e.split(' ') as [string, string];
      const body = method === 'GET' || method === 'HEAD' ? undefined : '{}';
      const res = await app.request(path, { method, body, headers: { 'content-type': 'application/json' } });
      // The app answers 401 before anything else when a route needs a token; any other answer (404 for
      // the placeholder ids, 500 for the stub dependencies) means it did not ask for one.
      const gateway = routeFor(e)?.auth;
      if (res.status !== 401) open.push(e);
      if (gateway !== (res.status === 401 ? 'JWT' : 'NONE'))
        mismatches.push(`${e}: app ${res.status}, gateway ${gateway}`);
    }
    expect(mismatches).toEqual([]);
    // What is sign-in-free, and why: health and API description, calendar feeds and alert-email links
    // (the secret in the URL is the credential).
    expect(open.sort()).toEqual([
      'GET /api/alert-preferences/x1/x1',
      'GET /api/v1/openapi.json',
      'GET /calendar/x1/x1',
      'GET /health',
      'POST /api/alert-preferences/x1/x1',
    ]);
  });

  it('matches the way HTTP API does (the matcher itself)', () => {
    expect(fnOf('GET /api/v1/councils/x1/plans/x1/reports')).toBe(functionIds.documents);
    expect(fnOf('GET /api/v1/councils/x1/plans/x1')).toBe(functionIds.api);
    expect(fnOf('POST /api/v1/councils/x1/imports/x1/commit')).toBe(functionIds.documents);
    expect(fnOf('GET /nowhere')).toBeUndefined();
  });
});
