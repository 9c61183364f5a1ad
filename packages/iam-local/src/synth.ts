/**
 * One offline synth of the whole CDK app (no Lambda bundling, no web build), returning each stack's
 * template. aws-cdk-lib is imported only here and only when the policy cache misses, so a cached run
 * never loads it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CfnTemplate } from './cfn-resolve.js';
import { FAKE_ACCOUNT, FAKE_REGION, SYNTH_STAGE } from './environment.js';

export async function synthTemplates(): Promise<Record<string, CfnTemplate>> {
  const { createPeoplePlanApp } = await import('@peopleplan/infra');
  const outdir = mkdtempSync(join(tmpdir(), 'peopleplan-iam-synth-'));
  try {
    const { app, stacks } = createPeoplePlanApp({
      outdir,
      context: {
        stage: SYNTH_STAGE,
        region: FAKE_REGION,
        // Explicit, so a developer's CDK_DEFAULT_ACCOUNT never leaks into the templates.
        account: FAKE_ACCOUNT,
        webDistDir: join(outdir, 'no-web-build'),
        'aws:cdk:bundling-stacks': [],
        // Construct paths in the templates: they are how roles get their stable names.
        'aws:cdk:enable-path-metadata': true,
      },
    });
    let assembly: ReturnType<typeof app.synth>;
    try {
      assembly = app.synth();
    } catch (e) {
      // cdk-nag runs inside synth: a finding fails here too, before any policy is read.
      throw new Error(`iam-local: synthesising the CDK app failed: ${(e as Error).message}`, { cause: e });
    }
    return Object.fromEntries(
      Object.values(stacks).map((s) => [
        s.stackName,
        assembly.getStackArtifact(s.artifactId).template as CfnTemplate,
      ]),
    );
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}
