import { createConfig, lintFromString } from '@redocly/openapi-core';
import { describe, expect, it } from 'vitest';
import { createTestApi } from '../support/api.js';

/**
 * The OpenAPI document is the contract clients are generated from (the web app's own types among
 * them): it must pass Redocly's recommended rules, and every operation needs an id, a summary and a
 * tag, so generated clients get good names.
 */
describe('the OpenAPI document', () => {
  it('passes Redocly’s recommended rules with no error or warning', async () => {
    const api = await createTestApi();
    try {
      const doc = (await api.call('GET', '/api/v1/openapi.json')).body;
      const config = await createConfig({ extends: ['recommended'] });
      const problems = await lintFromString({
        source: JSON.stringify(doc),
        absoluteRef: 'openapi.json',
        config,
      });
      expect(
        problems.map((p) => `${p.severity} ${p.ruleId}: ${p.message} at ${p.location?.[0]?.pointer}`),
      ).toEqual([]);
      const ops = Object.entries<Record<string, { operationId?: string; summary?: string; tags?: string[] }>>(
        doc.paths,
      ).flatMap(([path, item]) =>
        Object.entries(item).map(([method, op]) => ({ name: `${method} ${path}`, op })),
      );
      expect(ops.length).toBeGreaterThan(60);
      for (const { name, op } of ops) {
        expect(op.operationId, name).toMatch(/^[a-z][A-Za-z]+$/);
        expect(op.summary, name).toBeTruthy();
        expect(op.tags?.length, name).toBe(1);
      }
      const ids = ops.map((o) => o.op.operationId);
      expect(new Set(ids).size).toBe(ids.length);
    } finally {
      await api.drop();
    }
  });
});
