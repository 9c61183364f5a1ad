import { createHash, timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { errorBody } from './errors.js';

/**
 * The header CloudFront adds to every request it forwards to the API (infra/lib/stacks/web-stack.ts).
 * CloudFront overwrites a viewer's header of the same name, so only CloudFront can set it.
 */
export const ORIGIN_VERIFY_HEADER = 'x-origin-verify';

const digest = (s: string) => createHash('sha256').update(s).digest();

/**
 * Rejects requests that did not come through CloudFront, i.e. that lack CloudFront's secret origin
 * header (config ORIGIN_VERIFY_SECRET), so its headers, geo restriction and WAF cannot be bypassed by
 * calling the API's own endpoint. Without a secret (local stack, tests) it lets everything through.
 */
export function originGuard(expectedSecret: string | undefined): MiddlewareHandler {
  if (!expectedSecret) return async (_c, next) => next();
  // Compared as digests: equal lengths for timingSafeEqual, and no early exit that times the secret.
  const expected = digest(expectedSecret);
  return async (c, next) => {
    const sent = c.req.header(ORIGIN_VERIFY_HEADER);
    if (sent === undefined || !timingSafeEqual(digest(sent), expected)) {
      return c.json(errorBody('forbidden', 'Use PeoplePlan through its web address'), 403);
    }
    await next();
  };
}
