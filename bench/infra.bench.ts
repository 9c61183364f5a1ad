/**
 * `npm run bench infra`: how long a synth takes (with and without bundling the Lambdas) and how big each
 * Lambda bundle is, raw and gzipped: the code a cold start loads (its init and its first request's
 * largest route module; held to 500 KiB by test/infra/bundle.test.ts) and all of it, chunks loaded on demand included; and how long each
 * function's init takes in a fresh process, against an empty handler's.
 */

import { execFileSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ROUTE_GROUPS, ROUTE_MODULES_OF } from '../functions/api/src/routes/index.js';
import { ROUTE_TABLE } from '../functions/api/src/routes/route-table.js';
import { bundle } from '../infra/lib/bundle.mjs';
import { REPO_ROOT } from '../infra/lib/paths.js';
import { type BundleSize, bundleSizes, serviceFunctions, synthPeoplePlan } from '../infra/lib/testing.js';
import { httpEvent } from '../test/infra/support/bundles.js';
import type { BenchResult } from './run.js';
import { sideBySide } from './support/world.js';

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
  const sizes = bundleSizes(s, serviceFunctions(s), ROUTE_MODULES_OF);
  for (const b of sizes) {
    const gzip = (cold: boolean) =>
      b.files
        .filter((f) => !cold || f.atColdStart)
        .reduce((n, f) => n + gzipSync(readFileSync(join(b.dir, f.path))).length, 0);
    results.push(
      {
        name: `lambda ${b.name}: code loaded at cold start`,
        value: kib(b.coldStartBytes),
        unit: 'KiB',
        goal: '≤ 500',
      },
      {
        name: `lambda ${b.name}: of which loaded at init${b.largestRouteModule ? ` (then route module ${b.largestRouteModule})` : ''}`,
        value: kib(b.initBytes),
        unit: 'KiB',
      },
      { name: `lambda ${b.name}: code loaded at cold start, gzip`, value: kib(gzip(true)), unit: 'KiB' },
      {
        name: `lambda ${b.name}: all code (chunks loaded on demand too)`,
        value: kib(b.totalBytes),
        unit: 'KiB',
      },
      { name: `lambda ${b.name}: all code, gzip (≈ deployed zip)`, value: kib(gzip(false)), unit: 'KiB' },
    );
  }
  results.push(...(await initTimes(sizes)));
  return results;
}

const RUNNER = join(REPO_ROOT, 'test/infra/support/run-bundle.mjs');
/** What the API functions check at start; the jobs read theirs when invoked. */
const INIT_ENV = {
  TABLE_NAME: 'peopleplan-bench',
  AUTH_ISSUER: 'http://127.0.0.1:9/dev/idp',
  AUTH_AUDIENCE: 'x',
  AUTH_JWKS_URI: 'http://127.0.0.1:9/jwks',
  POWERTOOLS_LOG_LEVEL: 'SILENT',
  // Lambda runs Node 22, where the AWS SDK gives no notice of Node 20's end; this machine's Node 20
  // would otherwise time the notice too.
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
};

/**
 * Wall time of a fresh Node.js process that loads a bundle's handler (its init) and exits; with `event`,
 * that also serves it (a cold start's first request).
 */
function initMs(dir: string, event?: unknown): number {
  const t = performance.now();
  const args = event ? [RUNNER, dir, 'invoke', JSON.stringify(event)] : [RUNNER, dir, 'init'];
  execFileSync(process.execPath, args, {
    env: { PATH: process.env.PATH ?? '', AWS_REGION: 'eu-west-2', ...INIT_ENV },
    stdio: 'ignore',
  });
  return performance.now() - t;
}

/**
 * Each function's init in a fresh process, set against the same for an empty handler bundled the same
 * way, run interleaved (median of 7) so that a busy machine skews both alike. The AWS SDK is resolved
 * from this repository, as Lambda's runtime provides it.
 */
async function initTimes(sizes: BundleSize[]): Promise<BenchResult[]> {
  const work = mkdtempSync(join(tmpdir(), 'peopleplan-empty-handler-'));
  /** An empty handler, bundled as the functions are; with `sdk`, it also loads those SDK packages. */
  const emptyHandler = async (name: string, sdk: string[] = []) => {
    const entry = join(work, `${name}.ts`);
    writeFileSync(
      entry,
      `${sdk.map((m) => `import '${m}';`).join('\n')}\nexport { handler } from '${join(REPO_ROOT, 'bench/support/empty-handler.ts')}';\n`,
    );
    const outdir = join(work, name);
    await bundle({ entry, outdir, tsconfig: join(REPO_ROOT, 'tsconfig.json') });
    return outdir;
  };
  const emptyDir = await emptyHandler('empty');
  // One empty handler per distinct set of SDK packages (the API, documents and bounces share theirs).
  const withSdk = new Map<string, string>();
  for (const b of sizes) {
    const key = b.coldStartSdk.join(' ');
    if (!withSdk.has(key)) withSdk.set(key, await emptyHandler(`sdk-${withSdk.size}`, b.coldStartSdk));
  }
  for (const dir of [emptyDir, ...withSdk.values(), ...sizes.map((b) => b.dir)]) {
    if (!existsSync(join(dir, 'node_modules'))) {
      mkdirSync(join(dir, 'node_modules'));
      symlinkSync(join(REPO_ROOT, 'node_modules/@aws-sdk'), join(dir, 'node_modules/@aws-sdk'), 'dir');
    }
  }
  const out: BenchResult[] = [];
  for (const b of sizes) {
    const sdkDir = withSdk.get(b.coldStartSdk.join(' '))!;
    const [fn, empty, sdk] = (await sideBySide(
      [() => initMs(b.dir), () => initMs(emptyDir), () => initMs(sdkDir)],
      7,
      1,
    )) as [number, number, number];
    out.push(
      { name: `lambda ${b.name}: init time in a fresh process`, value: fn, unit: 'ms' },
      ...(await firstRequest(b, emptyDir)),
      {
        name: `lambda ${b.name}: init time in a fresh process / empty handler`,
        value: fn / empty,
        unit: 'x',
        goal: '≤ 3',
      },
      {
        name: `lambda ${b.name}: init time / empty handler loading the same AWS SDK (${b.coldStartSdk.join(', ')})`,
        value: fn / sdk,
        unit: 'x',
      },
    );
  }
  rmSync(work, { recursive: true, force: true });
  return out;
}

/**
 * What a first request adds to a function whose route groups load on demand: an unauthenticated request
 * (401) to the first API route of its largest route module, which loads that module before it answers.
 */
async function firstRequest(b: BundleSize, emptyDir: string): Promise<BenchResult[]> {
  const group = ROUTE_GROUPS.find((g) => g.source === b.largestRouteModule);
  const route = (ROUTE_TABLE[group?.name ?? ''] ?? []).find((r) => r.includes(' /api/v1/'));
  if (!route) return [];
  const [method, path] = route.split(' ') as [string, string];
  const event = httpEvent(method === 'ALL' ? 'GET' : method, path.replace(/:[^/]+/g, 'x'));
  const [served, empty] = (await sideBySide([() => initMs(b.dir, event), () => initMs(emptyDir)], 7, 1)) as [
    number,
    number,
  ];
  return [
    {
      name: `lambda ${b.name}: init and a first request (${method} ${path}, 401)`,
      value: served,
      unit: 'ms',
    },
    {
      name: `lambda ${b.name}: init and a first request / empty handler's init`,
      value: served / empty,
      unit: 'x',
    },
  ];
}
