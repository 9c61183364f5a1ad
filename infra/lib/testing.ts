/**
 * Helpers for tests and benchmarks. Tests import CDK's assertions from here so they use infra's own
 * aws-cdk-lib (the repository root holds an older copy pulled in by another tool).
 */
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import type { CloudAssembly } from 'aws-cdk-lib/cx-api';
import * as esbuild from 'esbuild';
import { createPeoplePlanApp, type PeoplePlanApp } from './app.js';
import type { PeoplePlanStacks } from './peopleplan.js';

export { Stack, Validations } from 'aws-cdk-lib';
export { Annotations, Capture, Match, Template } from 'aws-cdk-lib/assertions';
export * as s3 from 'aws-cdk-lib/aws-s3';
export * as sqs from 'aws-cdk-lib/aws-sqs';

export interface SynthOptions {
  context?: Record<string, unknown>;
  /** Stack names to bundle Lambda code for; none by default (fast). */
  bundleStacks?: string[];
  /** CDK's own CloudFormation schema validation (several seconds); off unless a test is about it. */
  cloudFormationValidation?: boolean;
}

export interface Synthesized extends PeoplePlanApp {
  assembly: CloudAssembly;
  outdir: string;
  templates: Record<keyof PeoplePlanStacks, Template>;
}

/** One synth of the whole app (cdk-nag included: it throws on any unacknowledged finding). */
export function synthPeoplePlan(options: SynthOptions = {}): Synthesized {
  const outdir = mkdtempSync(join(tmpdir(), 'peopleplan-cdk-'));
  const built = createPeoplePlanApp({
    outdir,
    builtinCloudFormationValidation: options.cloudFormationValidation ?? false,
    context: {
      stage: 'test',
      webDistDir: join(outdir, 'no-web-build'),
      'aws:cdk:bundling-stacks': options.bundleStacks ?? [],
      ...options.context,
    },
  });
  const assembly = built.app.synth();
  const templates = Object.fromEntries(
    Object.entries(built.stacks).map(([k, s]) => [
      k,
      Template.fromJSON(assembly.getStackArtifact(s.artifactId).template),
    ]),
  ) as Record<keyof PeoplePlanStacks, Template>;
  return { ...built, assembly, outdir, templates };
}

export interface BundleFile {
  /** Path inside the asset (`index.mjs`, `chunks/…`). */
  path: string;
  bytes: number;
  /**
   * Loaded by a cold start: when the function starts (index.mjs and what it imports statically), or by
   * its first request at most (the largest route module, with what it imports statically).
   */
  atColdStart: boolean;
}

export interface BundleSize {
  name: string;
  /** The asset directory (what is zipped and deployed). */
  dir: string;
  /**
   * Bytes of JavaScript a cold start loads at most: index.mjs and every chunk it imports statically, and
   * the largest route module a first request may load (with the chunks it imports beyond those).
   */
  coldStartBytes: number;
  /** Of those, the bytes loaded as the function starts (index.mjs and its static imports). */
  initBytes: number;
  /** The route module counted in `coldStartBytes`, if the function has any. */
  largestRouteModule?: string | undefined;
  /** Bytes of all JavaScript in the asset, chunks loaded on demand (`await import()`) included. */
  totalBytes: number;
  files: BundleFile[];
  /** Bare module names the code imports at run time: must be Node built-ins or the runtime's AWS SDK. */
  externals: string[];
  /** The runtime's AWS SDK packages a cold start loads (imported statically by cold-start code). */
  coldStartSdk: string[];
}

/** The SDK packages a bundled file requires: `sdkViaRequire` (bundle.mjs) leaves each as `require("@aws-sdk/…")`. */
const SDK_REQUIRE = /\("(@aws-sdk\/[a-z0-9-]+)"\)/g;

/**
 * Reads a bundled function's module graph back with esbuild (relative imports followed, packages left
 * external): which files a cold start loads, which load on demand, and what is left to the runtime.
 * `routeModules`: modules a request loads with `import()` when its path needs them (route groups,
 * functions/api/src/group-dispatch.ts): the largest of their chunks, named after the module, counts as
 * cold-start code too, since a cold start's first request may load it.
 */
export function analyseBundle(name: string, dir: string, routeModules: readonly string[] = []): BundleSize {
  const { metafile } = esbuild.buildSync({
    entryPoints: ['index.mjs'],
    absWorkingDir: dir,
    bundle: true,
    write: false,
    metafile: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    logLevel: 'silent',
  });
  const inputs = metafile.inputs;
  const externals = new Set<string>();
  const coldStart = new Set<string>();
  // Each file read once: cold-start files are asked again below, with all the others.
  const required = new Map(
    Object.keys(inputs).map((file) => [
      file,
      [...readFileSync(join(dir, file), 'utf8').matchAll(SDK_REQUIRE)].map((m) => m[1]!),
    ]),
  );
  const sdkRequired = (file: string) => required.get(file) ?? [];
  const visit = (file: string) => {
    if (coldStart.has(file)) return;
    coldStart.add(file);
    for (const i of inputs[file]?.imports ?? []) {
      if (i.external) externals.add(i.path);
      else if (i.kind === 'import-statement') visit(i.path);
    }
  };
  visit('index.mjs');
  const atInit = new Set(coldStart);
  // The route modules are imported with `import()` by code the entry loads statically; only those
  // chunks are candidates (a service module loaded on demand may share a route module's file name).
  const imported = new Set(
    [...coldStart].flatMap((f) =>
      (inputs[f]?.imports ?? []).filter((i) => i.kind === 'dynamic-import').map((i) => i.path),
    ),
  );
  const size = (files: Iterable<string>) => [...files].reduce((n, f) => n + statSync(join(dir, f)).size, 0);
  let largest: { base: string; files: Set<string>; bytes: number } | undefined;
  for (const base of routeModules) {
    const name = new RegExp(`(^|/)${base}-[A-Z0-9]+\\.mjs$`);
    const chunks = [...imported].filter((f) => name.test(f));
    if (chunks.length !== 1)
      throw new Error(`${name}: route module ${base} is ${chunks.length} chunks, not one`);
    // What it loads beyond the init code: a throwaway walk from the init set.
    const before = new Set(coldStart);
    visit(chunks[0]!);
    const added = new Set([...coldStart].filter((f) => !before.has(f)));
    for (const f of added) coldStart.delete(f);
    const bytes = size(added);
    if (!largest || bytes > largest.bytes) largest = { base, files: added, bytes };
  }
  for (const f of largest?.files ?? []) coldStart.add(f);
  const sdk = new Set<string>();
  for (const file of coldStart) {
    // A module-level require (esbuild evaluates its CommonJS wrappers as the importing module loads).
    for (const m of sdkRequired(file)) sdk.add(m);
    for (const i of inputs[file]?.imports ?? [])
      if (i.external && i.kind === 'import-statement' && i.path.startsWith('@aws-sdk/')) sdk.add(i.path);
  }
  for (const [file, v] of Object.entries(inputs)) {
    for (const i of v.imports) if (i.external) externals.add(i.path);
    for (const m of sdkRequired(file)) externals.add(m);
  }
  const files = Object.keys(inputs).map((path) => ({
    path,
    bytes: statSync(join(dir, path)).size,
    atColdStart: coldStart.has(path),
  }));
  const sum = (fs: BundleFile[]) => fs.reduce((n, f) => n + f.bytes, 0);
  return {
    name,
    dir,
    coldStartBytes: sum(files.filter((f) => f.atColdStart)),
    initBytes: sum(files.filter((f) => atInit.has(f.path))),
    largestRouteModule: largest?.base,
    totalBytes: sum(files),
    files,
    externals: [...externals].sort(),
    coldStartSdk: [...sdk].sort(),
  };
}

/** The asset directory of each bundled function, read from the template that points at it. */
export function bundleSizes(
  synthesized: Pick<Synthesized, 'assembly' | 'outdir'>,
  functions: Record<string, { stack: Stack; fn: lambda.Function }>,
  routeModules: Record<string, readonly string[]> = {},
): BundleSize[] {
  return Object.entries(functions).map(([name, { stack, fn }]) => {
    const template = synthesized.assembly.getStackArtifact(stack.artifactId).template;
    const logicalId = stack.getLogicalId(fn.node.defaultChild as lambda.CfnFunction);
    const key = template.Resources[logicalId]?.Properties?.Code?.S3Key;
    if (typeof key !== 'string') throw new Error(`${name}: no S3 code key (was it bundled?)`);
    return analyseBundle(
      name,
      join(synthesized.outdir, `asset.${key.replace(/\.zip$/, '')}`),
      routeModules[name],
    );
  });
}

/** The five service functions of a synthesized app, by name. */
export function serviceFunctions(s: Pick<Synthesized, 'stacks'>) {
  return {
    api: { stack: s.stacks.api, fn: s.stacks.api.api.fn },
    documents: { stack: s.stacks.api, fn: s.stacks.api.documents.fn },
    alerts: { stack: s.stacks.jobs, fn: s.stacks.jobs.alerts.fn },
    notifier: { stack: s.stacks.jobs, fn: s.stacks.jobs.notifier.fn },
    bounces: { stack: s.stacks.jobs, fn: s.stacks.jobs.bounces.fn },
  };
}
