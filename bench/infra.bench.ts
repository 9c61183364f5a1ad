/**
 * `npm run bench infra`: how long a synth takes (with and without bundling the Lambdas) and how big each
 * Lambda bundle is against the 1.5 MB budget the bundle test enforces.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { bundleSizes, synthPeoplePlan } from '../infra/lib/testing.js';
import type { BenchResult } from './run.js';

const LIMIT = 1.5 * 1024 * 1024;

export async function run(): Promise<BenchResult[]> {
  const results: BenchResult[] = [];

  let t = performance.now();
  synthPeoplePlan();
  results.push({
    name: 'synth all stacks, no bundling (+ cdk-nag)',
    value: (performance.now() - t) / 1000,
    unit: 's',
  });

  t = performance.now();
  synthPeoplePlan({ cloudFormationValidation: true });
  results.push({
    name: 'synth all stacks, no bundling (+ cdk-nag, CFN validation)',
    value: (performance.now() - t) / 1000,
    unit: 's',
  });

  t = performance.now();
  const s = synthPeoplePlan({ bundleStacks: ['PeoplePlan-test-Api', 'PeoplePlan-test-Jobs'] });
  results.push({
    name: 'synth all stacks, bundling 3 Lambdas',
    value: (performance.now() - t) / 1000,
    unit: 's',
  });

  const sizes = bundleSizes(s, {
    api: { stack: s.stacks.api, fn: s.stacks.api.api.fn },
    alerts: { stack: s.stacks.jobs, fn: s.stacks.jobs.alerts.fn },
    notifier: { stack: s.stacks.jobs, fn: s.stacks.jobs.notifier.fn },
  });
  for (const b of sizes) {
    const gz = gzipSync(readFileSync(join(b.dir, 'index.mjs'))).length;
    results.push({
      name: `${b.name} bundle (index.mjs)`,
      value: Math.round(b.bytes / 1024),
      unit: 'KiB',
      goal: '<= 1536',
    });
    results.push({
      name: `${b.name} bundle gzip (≈ deployed zip)`,
      value: Math.round(gz / 1024),
      unit: 'KiB',
    });
    results.push({
      name: `${b.name} bundle / 1.5 MB budget`,
      value: b.bytes / LIMIT,
      unit: 'ratio',
      goal: '<= 1',
    });
  }
  return results;
}
