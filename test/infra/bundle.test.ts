/**
 * The one test that really bundles: the three Lambda entry points through esbuild, as `cdk deploy` would.
 * A Lambda bundle over 1.5 MB means something heavy slipped in (cold starts grow with it).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { type BundleSize, bundleSizes, type Synthesized, synthPeoplePlan } from '../../infra/lib/testing.js';

const LIMIT_BYTES = 1.5 * 1024 * 1024;

let s: Synthesized;
let sizes: BundleSize[];
beforeAll(() => {
  s = synthPeoplePlan({ bundleStacks: ['PeoplePlan-test-Api', 'PeoplePlan-test-Jobs'] });
  sizes = bundleSizes(s, {
    api: { stack: s.stacks.api, fn: s.stacks.api.api.fn },
    alerts: { stack: s.stacks.jobs, fn: s.stacks.jobs.alerts.fn },
    notifier: { stack: s.stacks.jobs, fn: s.stacks.jobs.notifier.fn },
  });
}, 300_000);

describe('Lambda bundles', () => {
  it('bundles all three functions, each under 1.5 MB', () => {
    expect(sizes.map((b) => b.name)).toEqual(['api', 'alerts', 'notifier']);
    for (const b of sizes) {
      expect(b.bytes, `${b.name} bundle`).toBeGreaterThan(0);
      expect(b.bytes, `${b.name} bundle is ${(b.bytes / 1024 / 1024).toFixed(2)} MB`).toBeLessThanOrEqual(
        LIMIT_BYTES,
      );
    }
  });

  it('emits ES modules that export handler and leave the runtime AWS SDK out', () => {
    for (const b of sizes) {
      const code = readFileSync(join(b.dir, 'index.mjs'), 'utf8');
      expect(code, b.name).toMatch(/export\s*\{[^}]*\bas handler\b[^}]*\}|export\s*\{[^}]*\bhandler\b/);
      expect(code, b.name).not.toMatch(/\bmodule\.exports\s*=\s*\{?\s*handler/);
      // The SDK stays external (provided by the Node.js 22 runtime), imported, not inlined.
      expect(code, b.name).not.toContain('@aws-sdk/client-dynamodb/dist-cjs');
    }
  });
});
