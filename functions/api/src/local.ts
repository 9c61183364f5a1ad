import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { errorBody } from './errors.js';
import type { App } from './types.js';

export interface LocalServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

/**
 * The local HTTP server: the API, the development identity provider and other dev-only tools
 * mounted beside it, and the built web app with a single-page fallback. Loopback only.
 */
export async function serveLocal(opts: {
  api: App;
  port: number;
  mounts?: Record<string, Hono>;
  webDist?: string;
}): Promise<LocalServer> {
  const root = new Hono();
  for (const [path, sub] of Object.entries(opts.mounts ?? {})) root.route(path, sub);
  root.route('/', opts.api as unknown as Hono);
  const dist = opts.webDist;
  if (dist && existsSync(join(dist, 'index.html'))) {
    root.use('/*', serveStatic({ root: dist }));
    // Client-side routes (/councils/harrow/plans/…) get the app shell; API paths never do.
    root.get('*', async (c) =>
      /^\/(api|calendar)(\/|$)/.test(c.req.path)
        ? c.json(errorBody('not-found', 'No such route'), 404)
        : c.html(await readFile(join(dist, 'index.html'), 'utf8')),
    );
  }
  return new Promise((resolve) => {
    const server = serve({ fetch: root.fetch, port: opts.port, hostname: '127.0.0.1' }, (info) => {
      resolve({
        url: `http://127.0.0.1:${info.port}`,
        port: info.port,
        close: () =>
          new Promise<void>((r) => {
            server.close(() => r());
            // Keep-alive sockets would hold close() open.
            (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
          }),
      });
    });
  });
}
