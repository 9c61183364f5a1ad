/**
 * The web app's API types (web/src/lib/api-schema.d.ts) are generated from the OpenAPI document the API
 * serves: a route whose schema changed without regenerating them fails here, before a page reads a field
 * that is no longer there.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { API_TYPES_FILE, apiTypesSource, openApiDocument } from '../../scripts/api-types.js';

describe('web API types', () => {
  it('match the OpenAPI document the API serves', async () => {
    const fresh = await apiTypesSource();
    const committed = readFileSync(API_TYPES_FILE, 'utf8');
    expect(
      committed === fresh,
      'web/src/lib/api-schema.d.ts is out of date with the API: run `npm run api:types` and commit the result',
    ).toBe(true);
  });

  it('are read from the document with every route group mounted', async () => {
    const doc = await openApiDocument();
    const paths = Object.keys(doc.paths ?? {});
    // One path from the API function's own routes and one from each kind of module the app mounts.
    for (const p of [
      '/api/v1/me',
      '/api/v1/councils/{c}/dashboard',
      '/api/v1/partnerships/{p}/overview',
      '/api/v1/councils/{c}/imports',
      '/api/v1/councils/{c}/plans/{planId}/reports',
    ])
      expect(paths).toContain(p);
  });
});
