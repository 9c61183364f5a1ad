/**
 * Helpers for tests and benchmarks. Tests import CDK's assertions from here so they use infra's own
 * aws-cdk-lib (the repository root holds an older copy pulled in by another tool).
 */
import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import type { CloudAssembly } from 'aws-cdk-lib/cx-api';
import { createPeoplePlanApp, type PeoplePlanApp } from './app.js';
import type { PeoplePlanStacks } from './peopleplan.js';

export { Stack, Validations } from 'aws-cdk-lib';
export { Annotations, Capture, Match, Template } from 'aws-cdk-lib/assertions';
export * as s3 from 'aws-cdk-lib/aws-s3';

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

export interface BundleSize {
  name: string;
  /** Bytes of the bundled `index.mjs` (the code Lambda loads; the source map is beside it). */
  bytes: number;
  dir: string;
}

/** Size of each bundled function, read from the asset directory its template points at. */
export function bundleSizes(
  synthesized: Pick<Synthesized, 'assembly' | 'outdir'>,
  functions: Record<string, { stack: Stack; fn: lambda.Function }>,
): BundleSize[] {
  return Object.entries(functions).map(([name, { stack, fn }]) => {
    const template = synthesized.assembly.getStackArtifact(stack.artifactId).template;
    const logicalId = stack.getLogicalId(fn.node.defaultChild as lambda.CfnFunction);
    const key = template.Resources[logicalId]?.Properties?.Code?.S3Key;
    if (typeof key !== 'string') throw new Error(`${name}: no S3 code key (was it bundled?)`);
    const dir = join(synthesized.outdir, `asset.${key.replace(/\.zip$/, '')}`);
    return { name, bytes: statSync(join(dir, 'index.mjs')).size, dir };
  });
}
