/**
 * `npm run bench`: runs every `bench/*.bench.ts` in turn and prints its figures.
 * Each module exports `run(): Promise<BenchResult[]>`; ratios are measured side by side in one run.
 *
 * Each file runs in a fresh Node.js process of its own: a ratio compares two things measured in that
 * process, and a heap left large by an earlier file (the CDK synth holds hundreds of MB) would slow the
 * allocation-heavy side of a later ratio (building a DOCX) more than its I/O side (a DynamoDB read).
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  goal?: string;
}

// Lambda runs Node 22; the AWS SDK's notice about Node 20 is known and only noise here (docs/architecture.md).
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const here = dirname(fileURLToPath(import.meta.url));
const ONE_FILE = '--file';

/** Runs one bench file in this process and prints its figures; false when it failed. */
async function runFile(f: string): Promise<boolean> {
  try {
    const mod = (await import(join(here, f))) as { run: () => Promise<BenchResult[]> };
    for (const r of await mod.run()) {
      const v = Number.isInteger(r.value) ? String(r.value) : r.value.toFixed(3);
      console.log(`  ${r.name.padEnd(60)} ${v.padStart(12)} ${r.unit}${r.goal ? `   (goal ${r.goal})` : ''}`);
    }
    return true;
  } catch (e) {
    console.error(`  failed: ${(e as Error).stack ?? e}`);
    return false;
  }
}

if (process.argv[2] === ONE_FILE) {
  process.exitCode = (await runFile(process.argv[3]!)) ? 0 : 1;
} else {
  const only = process.argv[2];
  const files = readdirSync(here)
    .filter((f) => f.endsWith('.bench.ts'))
    .filter((f) => !only || f.includes(only))
    .sort();
  let failed = false;
  for (const f of files) {
    console.log(`\n== ${f.replace('.bench.ts', '')}`);
    // The same Node.js and loader (tsx) as this process, so TypeScript files import as they do here.
    const child = spawnSync(
      process.execPath,
      [...process.execArgv, fileURLToPath(import.meta.url), ONE_FILE, f],
      {
        stdio: 'inherit',
      },
    );
    if (child.status !== 0) failed = true;
  }
  process.exitCode = failed ? 1 : 0;
}
