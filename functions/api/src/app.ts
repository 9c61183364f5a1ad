import { OpenAPIHono } from '@hono/zod-openapi';
import { newId } from '@peopleplan/db';
import { bodyLimit } from 'hono/body-limit';
import { secureHeaders } from 'hono/secure-headers';
import type { AppDeps, AppEnv } from './context.js';
import { errorBody, fieldErrors, onError } from './errors.js';
import { originGuard } from './origin-guard.js';
import { roleBeforeInput } from './tenant.js';
import type { App, RouteModule } from './types.js';

/**
 * Paths as logged: calendar feed and alert-link paths carry their secret in the last segment, which
 * must never reach a log.
 */
export const loggablePath = (path: string) =>
  path.replace(/^(\/calendar\/[^/]+|\/api\/alert-preferences\/[^/]+)\/[^/]+$/, '$1/:secret');

const BEARER = { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } as const;

const IMPORT_LIMIT_BYTES = 10 * 1024 * 1024 + 64 * 1024;
const isImportUpload = (path: string) => /^\/api\/v1\/councils\/[^/]+\/imports$/.test(path);

/**
 * The app with the given route groups (routes/index.ts: every group locally, one function's in AWS).
 * `document`: where the full OpenAPI document comes from when this app serves only some groups.
 */
export function createApp(
  deps: AppDeps,
  modules: RouteModule[],
  opts: { document?: () => Promise<unknown> } = {},
): App {
  const app = new OpenAPIHono<AppEnv>({
    // Validation failures answer in the project's error shape, with one entry per field. An id in the
    // path that could never name anything (a mistyped or cut-off address) is not found, as an unknown one
    // is: the page it was for says "Page not found", not that the request was badly made.
    defaultHook: (result, c) => {
      if (!result.success) {
        const details = fieldErrors(result.error);
        if (result.target === 'param') {
          return c.json(errorBody('not-found', 'Nothing has this address', details), 404);
        }
        return c.json(errorBody('bad-request', 'The request is not valid', details), 400);
      }
    },
  });
  const { logger } = deps;

  app.use('*', secureHeaders({ contentSecurityPolicy: undefined }));
  app.use('*', async (c, next) => {
    const requestId = c.req.header('x-request-id') ?? newId();
    c.set('requestId', requestId);
    logger.resetKeys();
    logger.appendKeys({ requestId, path: loggablePath(c.req.path) });
    await next();
    c.header('x-request-id', requestId);
    if (c.res.status >= 500) deps.onServerError?.();
  });
  // Only requests that came through CloudFront (its secret origin header) reach the API in AWS.
  const guard = originGuard(deps.config.ORIGIN_VERIFY_SECRET);
  app.use('/api/*', guard);
  app.use('/calendar/*', guard);
  app.onError((err, c) =>
    onError(
      err,
      c,
      (e) => {
        logger.error('unhandled error', e);
        deps.onHandledError?.(e);
      },
      (e, cause) => logger.warn('request refused', { error: e.message, cause: cause.message }),
    ),
  );
  app.notFound((c) => c.json(errorBody('not-found', 'No such route'), 404));

  app.get('/health', (c) => c.json({ status: 'ok', stage: deps.config.STAGE }));

  app.use('/api/v1/*', async (c, next) => {
    if (c.req.path === '/api/v1/openapi.json') return next();
    const header = c.req.header('authorization') ?? '';
    const token = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
    if (!token) return c.json(errorBody('unauthorised', 'Sign in first: no bearer token was sent'), 401);
    try {
      c.set('principal', await deps.verifier.verify(token));
    } catch {
      return c.json(
        errorBody('unauthorised', 'Your sign-in has expired or is not valid: sign in again'),
        401,
      );
    }
    logger.appendKeys({ user: c.get('principal').sub });
    await next();
  });
  // JSON bodies up to 1 MB; plan files for import up to 10 MB (plus multipart overhead).
  const limit = (maxSize: number) =>
    bodyLimit({
      maxSize,
      onError: (c) =>
        c.json(errorBody('payload-too-large', `The request body is over ${maxSize} bytes`), 413),
    });
  const jsonLimit = limit(deps.config.MAX_BODY_BYTES);
  const importLimit = limit(IMPORT_LIMIT_BYTES);
  app.use('/api/v1/*', (c, next) => (isImportUpload(c.req.path) ? importLimit : jsonLimit)(c, next));
  // JSON routes take JSON only: anything else is a 415 before any validation or write.
  app.use('/api/v1/*', async (c, next) => {
    const method = c.req.method;
    if ((method === 'POST' || method === 'PATCH' || method === 'PUT') && !isImportUpload(c.req.path)) {
      const type = c.req.header('content-type') ?? '';
      if (!/^application\/json\b/i.test(type)) {
        return c.json(errorBody('unsupported-media-type', 'Send the body as application/json'), 415);
      }
    }
    await next();
  });
  app.use('/api/v1/councils/:c/*', async (c, next) => {
    logger.appendKeys({ council: c.req.param('c') });
    await next();
  });

  // Every council route checks the caller's role before it reads the request's input (tenant.ts).
  const register = app.openapi;
  app.openapi = ((route, handler, hook) =>
    register(roleBeforeInput(route, deps), handler, hook)) as App['openapi'];
  for (const m of modules) m(app, deps);

  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', BEARER);
  if (opts.document) {
    const document = opts.document;
    app.get('/api/v1/openapi.json', async (c) => c.json(await document()));
  } else app.doc31('/api/v1/openapi.json', DOCUMENT);
  return app;
}

/** The OpenAPI document's own fields (the paths come from the route groups). */
const DOCUMENT = {
  openapi: '3.1.0',
  info: {
    title: 'PeoplePlan API',
    version: '1.0.0',
    description:
      'People and workforce action plans for UK councils. All routes but /health need a bearer token.',
    license: { name: 'Proprietary', identifier: 'LicenseRef-PeoplePlan-Proprietary' },
  },
  // Relative: the document describes whichever deployment serves it (CloudFront in AWS, npm start here).
  servers: [{ url: '/', description: 'This deployment' }],
  security: [{ bearer: [] }],
};

/**
 * The whole document, every route group's operations, for a function that serves only some of them:
 * built once, on first request, from an app with every group (loaded only then).
 */
export function wholeDocument(deps: AppDeps, all: () => Promise<RouteModule[]>): () => Promise<unknown> {
  let built: Promise<unknown> | undefined;
  return () => {
    built ??= all().then((modules) => createApp(deps, modules).getOpenAPI31Document(DOCUMENT));
    return built;
  };
}
