import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { SEED, seedPath } from '../test/helpers.js';
import { iipPlanDocx } from '../testing/docx-plans.js';
import { ParsedPlan } from './parsed-plan.js';

const run = promisify(execFile);
const root = join(import.meta.dirname, '../../..');
const cli = (...args: string[]) =>
  run(join(root, 'node_modules/.bin/tsx'), [join(import.meta.dirname, 'cli.ts'), ...args], { cwd: root });

describe('plan:import CLI', () => {
  it('prints the ParsedPlan as JSON', async () => {
    const { stdout } = await cli(seedPath(SEED.kent), '--json');
    const plan = ParsedPlan.parse(JSON.parse(stdout));
    expect(plan.kind).toBe('business-plan');
    expect(plan.themes).toHaveLength(6);
  }, 120_000);

  it('prints a readable summary without --json', async () => {
    const { stdout } = await cli(seedPath(SEED.eastHerts));
    expect(stdout).toMatch(/kind: peer-review/);
    expect(stdout).toMatch(/themes: 5\s+actions: 43\s+sub-actions: 14/);
    expect(stdout).toMatch(/warnings: \d+/);
  }, 120_000);

  it('reads the Word and PDF forms of an Investors in People plan alike, from the plan start given', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'importer-cli-'));
    const docx = join(dir, 'iip.docx');
    writeFileSync(docx, await iipPlanDocx());
    const pdf = join(import.meta.dirname, '../test/fixtures/pdf/iip-plan.pdf');
    for (const file of [docx, pdf]) {
      const { stdout } = await cli(file, '--json', '--plan-start', '2014-06-01');
      const plan = ParsedPlan.parse(JSON.parse(stdout));
      expect(plan.kind).toBe('iip-assessment');
      expect(plan.themes.map((t) => t.actions.length)).toEqual([2, 1]);
      expect(plan.themes[0]!.actions[1]!.leads.map((l) => l.label)).toEqual([
        'L&D Team',
        'Corporate Communications',
      ]);
      expect(plan.themes[1]!.actions[0]!.due).toMatchObject({ kind: 'relative', due: '2014-12-01' });
    }
  }, 120_000);

  it('exits 2 with a message for unsupported or unreadable files', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'importer-cli-'));
    const bin = join(dir, 'plan.bin');
    writeFileSync(bin, Buffer.from(Array.from({ length: 2048 }, (_, i) => (i * 31) % 256)));
    const errors = await Promise.all(
      [bin, join(dir, 'missing.docx')].map((file) =>
        cli(file).then(
          () => undefined,
          (e: { code: number; stderr: string }) => e,
        ),
      ),
    );
    for (const err of errors) {
      expect(err?.code).toBe(2);
      expect(err?.stderr).toMatch(/cannot (import|read)/);
    }
  }, 120_000);
});
