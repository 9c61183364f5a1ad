import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CfnTemplate } from './cfn-resolve.js';
import { loadPolicySet, policySourceHash } from './policy-cache.js';

const dirs: string[] = [];
const temp = () => {
  const d = mkdtempSync(join(tmpdir(), 'iam-cache-test-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A stand-in synth: one table and one role with a policy, counted, slow enough for callers to overlap. */
function fakeSynth() {
  const calls = { n: 0 };
  const synth = async (): Promise<Record<string, CfnTemplate>> => {
    calls.n++;
    await new Promise((r) => setTimeout(r, 300));
    return {
      'PeoplePlan-local-Data': {
        Resources: {
          Table: {
            Type: 'AWS::DynamoDB::Table',
            Properties: { KeySchema: [{ AttributeName: 'PK', KeyType: 'HASH' }] },
          },
        },
      },
      'PeoplePlan-local-Access': {
        Resources: {
          Role: {
            Type: 'AWS::IAM::Role',
            Properties: { AssumeRolePolicyDocument: { Statement: [] } },
            Metadata: { 'aws:cdk:path': 'PeoplePlan-local-Access/ApiRole/Resource' },
          },
          Policy: {
            Type: 'AWS::IAM::Policy',
            Properties: {
              Roles: [{ Ref: 'Role' }],
              PolicyDocument: { Statement: [{ Effect: 'Allow', Action: 'dynamodb:GetItem', Resource: '*' }] },
            },
          },
        },
      },
    };
  };
  return { calls, synth };
}

describe('the policy cache', () => {
  it('synthesises once for callers that miss together, then serves the file', async () => {
    const cacheDir = temp();
    const { calls, synth } = fakeSynth();
    const [a, b] = await Promise.all([
      loadPolicySet({ cacheDir, synth }),
      loadPolicySet({ cacheDir, synth }),
    ]);
    expect(calls.n).toBe(1);
    expect([a.synthesised, b.synthesised].sort()).toEqual([false, true]);
    expect(b.policies).toEqual(a.policies);
    expect(a.policies.roles.api?.identityPolicies[0]?.document.Statement).toHaveLength(1);

    const again = await loadPolicySet({ cacheDir, synth });
    expect(again.synthesised).toBe(false);
    expect(calls.n).toBe(1);
    expect(readdirSync(cacheDir)).toEqual([again.file.split('/').pop()]);
  });

  it('takes over a lock abandoned by a process that died mid-synth', async () => {
    const cacheDir = temp();
    const { calls, synth } = fakeSynth();
    const first = await loadPolicySet({ cacheDir, synth, refresh: true });
    rmSync(first.file);
    writeFileSync(`${first.file}.lock`, '');
    const old = new Date(Date.now() - 10 * 60_000);
    utimesSync(`${first.file}.lock`, old, old);
    const next = await loadPolicySet({ cacheDir, synth });
    expect(next.synthesised).toBe(true);
    expect(calls.n).toBe(2);
    expect(existsSync(`${first.file}.lock`)).toBe(false);
  });

  it('keys the cache on the infrastructure sources', () => {
    const root = temp();
    mkdirSync(join(root, 'infra/lib'), { recursive: true });
    mkdirSync(join(root, 'infra/node_modules/x'), { recursive: true });
    mkdirSync(join(root, 'packages/db/src'), { recursive: true });
    writeFileSync(join(root, 'infra/lib/stack.ts'), 'export const a = 1;');
    writeFileSync(join(root, 'packages/db/src/table.ts'), 'export const TABLE = {};');
    const before = policySourceHash(root);
    writeFileSync(join(root, 'infra/node_modules/x/index.js'), 'ignored');
    expect(policySourceHash(root)).toBe(before);
    writeFileSync(join(root, 'infra/lib/stack.ts'), 'export const a = 2;');
    expect(policySourceHash(root)).not.toBe(before);
    writeFileSync(join(root, 'infra/lib/stack.ts'), 'export const a = 1;');
    expect(policySourceHash(root)).toBe(before);
    writeFileSync(join(root, 'packages/db/src/table.ts'), 'export const TABLE = { x: 1 };');
    expect(policySourceHash(root)).not.toBe(before);
  });
});
