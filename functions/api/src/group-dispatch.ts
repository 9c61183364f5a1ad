import { TrieRouter } from 'hono/router/trie-router';
import { getPath } from 'hono/utils/url';
import type { RouteGroup } from './routes/index.js';
import { ROUTE_TABLE } from './routes/route-table.js';
import type { RouteModule } from './types.js';

/**
 * A Lambda function's apps, one per set of route groups a request needs (docs/architecture.md §9): a
 * request loads only the groups whose routes match its method and path (routes/route-table.ts), so a
 * cold start loads none, and its first request one or two, not every group the function serves. A path
 * no group serves gets the app with none (health, the OpenAPI document, 404s). Where two groups match a
 * path, their app holds both, in ROUTE_GROUPS order, so Hono picks the route the whole app would.
 */
export function groupDispatch<A>(groups: readonly RouteGroup[], build: (modules: RouteModule[]) => A) {
  const router = new TrieRouter<RouteGroup>();
  for (const g of groups) {
    for (const route of ROUTE_TABLE[g.name] ?? []) {
      const [method, path] = route.split(' ') as [string, string];
      router.add(method, path, g);
    }
  }
  const apps = new Map<string, Promise<A>>();
  /**
   * The groups serving `method` and `path` as sent (a Lambda event's rawPath), in the order given (HEAD
   * is served by GET routes). Matched on the method and path the app routes by, else `/api/v1/%6de` or
   * `/api/v1/x/../me` would get an app without the route the whole app serves it by.
   */
  const groupsFor = (method: string, path: string): RouteGroup[] => {
    const routed = routedAs(method, path);
    const matched = new Set(
      router.match(routed.method === 'HEAD' ? 'GET' : routed.method, routed.path)[0].map(([g]) => g),
    );
    return groups.filter((g) => matched.has(g));
  };
  return {
    groupsFor,
    appFor(method: string, path: string): Promise<A> {
      const needed = groupsFor(method, path);
      const key = needed.map((g) => g.name).join(' ');
      let app = apps.get(key);
      if (!app) {
        app = Promise.all(needed.map((g) => g.load())).then(build);
        // A failed load is tried again by the next request, not remembered.
        app.catch(() => apps.delete(key));
        apps.set(key, app);
      }
      return app;
    },
  };
}

/**
 * The method and path Hono routes a request by: the URL the Lambda adapter builds from the raw path
 * (dot segments resolved, a backslash read as `/`), percent-escapes decoded as Hono decodes them, and the
 * method as `Request` spells it (`get` is `GET`). A method or path no `Request` takes is left as sent.
 */
function routedAs(method: string, path: string): { method: string; path: string } {
  try {
    const request = new Request(`https://lambda${path}`, { method });
    return { method: request.method, path: getPath(request) };
  } catch {
    return { method, path };
  }
}
