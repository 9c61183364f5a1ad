/**
 * The Lambda functions load a route group only when a request's path needs it (group-dispatch.ts), by the
 * generated route table: a table out of date with the routes would send a request to an app without its
 * route (404), so it is checked here, and the dispatch against every route the groups register.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../functions/api/src/app.js';
import { groupDispatch } from '../../functions/api/src/group-dispatch.js';
import { ROUTE_GROUPS, type RouteGroup } from '../../functions/api/src/routes/index.js';
import { ROUTE_TABLE } from '../../functions/api/src/routes/route-table.js';
import { registrationDeps } from '../../scripts/api-app.js';
import { ROUTE_TABLE_FILE, routeTableSource } from '../../scripts/route-table.js';

/** A concrete path for a route's pattern: each parameter filled, a wildcard given a segment. */
const concrete = (pattern: string) => pattern.replace(/:[^/]+/g, 'x1').replace(/\*$/, 'x1/x2');

describe('route table', () => {
  it('matches the routes each group registers', async () => {
    expect(
      readFileSync(ROUTE_TABLE_FILE, 'utf8') === (await routeTableSource()),
      'functions/api/src/routes/route-table.ts is out of date: run `npm run api:types` and commit it',
    ).toBe(true);
  });

  it('sends every route of every group to an app holding that group', () => {
    const dispatch = groupDispatch(ROUTE_GROUPS, () => undefined);
    let routes = 0;
    for (const g of ROUTE_GROUPS) {
      for (const route of ROUTE_TABLE[g.name]!) {
        const [method, pattern] = route.split(' ') as [string, string];
        const names = dispatch
          .groupsFor(method === 'ALL' ? 'POST' : method, concrete(pattern))
          .map((x) => x.name);
        expect(names, route).toContain(g.name);
        routes++;
      }
    }
    expect(routes).toBeGreaterThan(100);
  });

  it('loads no group for paths none serves, and serves HEAD by GET routes', () => {
    const dispatch = groupDispatch(ROUTE_GROUPS, () => undefined);
    for (const path of ['/health', '/api/v1/openapi.json', '/api/v1/nothing-here', '/'])
      expect(dispatch.groupsFor('GET', path), path).toEqual([]);
    expect(dispatch.groupsFor('HEAD', '/api/v1/me').map((g) => g.name)).toEqual(['me']);
    expect(dispatch.groupsFor('DELETE', '/api/v1/me')).toEqual([]);
  });

  it('answers as the app with every group does, loading only the groups a request needs', async () => {
    const loaded: string[] = [];
    const counted: RouteGroup[] = ROUTE_GROUPS.map((g) => ({
      ...g,
      load: () => {
        loaded.push(g.name);
        return g.load();
      },
    }));
    const dispatch = groupDispatch(counted, (modules) => createApp(registrationDeps, modules));
    const whole = createApp(registrationDeps, await Promise.all(ROUTE_GROUPS.map((g) => g.load())));
    const ask = async (method: string, path: string) => {
      const lazy = await (await dispatch.appFor(method, path)).request(path, { method });
      const all = await whole.request(path, { method });
      return [lazy.status, all.status, await lazy.text(), await all.text()] as const;
    };
    // Unauthenticated: every API route answers 401 before it reads anything; unknown paths 404.
    for (const [method, path] of [
      ['GET', '/api/v1/me'],
      ['GET', '/api/v1/councils/c1/plans/p1/actions'],
      ['PATCH', '/api/v1/councils/c1/actions/a1'],
      ['GET', '/api/v1/councils/c1/people/duplicates'],
      ['GET', '/api/v1/no-such-route'],
      ['GET', '/health'],
    ] as const) {
      const [lazyStatus, allStatus, lazyBody, allBody] = await ask(method, path);
      expect([lazyStatus, lazyBody], `${method} ${path}`).toEqual([allStatus, allBody]);
    }
    expect(new Set(loaded)).toEqual(new Set(['me', 'actions', 'people']));
    // Once per set of groups: asked again, nothing more loads.
    const before = loaded.length;
    await dispatch.appFor('GET', '/api/v1/me');
    expect(loaded.length).toBe(before);
  });

  it('loads a group once for concurrent first requests, and again after a failed load', async () => {
    let loads = 0;
    let fail = true;
    const me = ROUTE_GROUPS.find((g) => g.name === 'me')!;
    const flaky: RouteGroup = {
      ...me,
      load: async () => {
        loads++;
        await new Promise((r) => setTimeout(r, 10));
        if (fail) throw new Error('chunk failed to load');
        return me.load();
      },
    };
    const dispatch = groupDispatch([flaky], (modules) => createApp(registrationDeps, modules));
    const first = await Promise.allSettled(
      Array.from({ length: 5 }, () => dispatch.appFor('GET', '/api/v1/me')),
    );
    expect(first.map((r) => r.status)).toEqual(Array(5).fill('rejected'));
    expect(loads).toBe(1);
    fail = false;
    const apps = await Promise.all(Array.from({ length: 5 }, () => dispatch.appFor('GET', '/api/v1/me')));
    expect(loads).toBe(2);
    expect(new Set(apps).size).toBe(1);
    // Served by the group loaded: signed out, its route answers 401 (a missing route would be 404 once signed in).
    expect((await apps[0]!.request('/api/v1/me')).status).toBe(401);
  });
});
