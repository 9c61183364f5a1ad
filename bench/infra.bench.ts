/**
 * `npm run bench infra`: how long a synth takes (with and without bundling the Lambdas) and how big each
 * Lambda bundle is, raw and gzipped: the code a cold start loads (held to the 1.5 MB budget by
 * test/infra/bundle.test.ts) and all of it, chunks loaded on demand included.
 */

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { LOADED_AT_INIT } from '../functions/api/src/routes/index.js';
import { bundleSizes, serviceFunctions, synthPeoplePlan } from '../infra/lib/testing.js';
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
    name: 'synth all stacks, bundling 4 Lambdas',
    value: (performance.now() - t) / 1000,
    unit: 's',
  });

  const kib = (n: number) => Math.round(n / 1024);
  for (const b of bundleSizes(s, serviceFunctions(s), LOADED_AT_INIT)) {
    const gzip = (cold: boolean) =>
      b.files
        .filter((f) => !cold || f.atColdStart)
        .reduce((n, f) => n + gzipSync(readFileSync(join(b.dir, f.path))).length, 0);
    results.push(
      {
        name: `${b.name}: code loaded at cold start`,
        value: kib(b.coldStartBytes),
        unit: 'KiB',
        goal: '<= 1536',
      },
      { name: `${b.name}: code loaded at cold start, gzip`, value: kib(gzip(true)), unit: 'KiB' },
      { name: `${b.name}: all code (chunks loaded on demand too)`, value: kib(b.totalBytes), unit: 'KiB' },
      { name: `${b.name}: all code, gzip (≈ deployed zip)`, value: kib(gzip(false)), unit: 'KiB' },
      {
        name: `${b.name}: cold start / 1.5 MB budget`,
        value: b.coldStartBytes / LIMIT,
        unit: 'ratio',
        goal: '<= 1',
      },
    );
  }
  return results;
}
