/**
 * `npm run bench`: runs every `bench/*.bench.ts` in turn and prints its figures.
 * Each module exports `run(): Promise<BenchResult[]>`; ratios are measured side by side in one run.
 */
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
const only = process.argv[2];
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => !only || f.includes(only))
  .sort();

let failed = false;
for (const f of files) {
  console.log(`\n== ${f.replace('.bench.ts', '')}`);
  try {
    const mod = (await import(join(here, f))) as { run: () => Promise<BenchResult[]> };
    for (const r of await mod.run()) {
      const v = Number.isInteger(r.value) ? String(r.value) : r.value.toFixed(3);
      console.log(`  ${r.name.padEnd(60)} ${v.padStart(12)} ${r.unit}${r.goal ? `   (goal ${r.goal})` : ''}`);
    }
  } catch (e) {
    failed = true;
    console.error(`  failed: ${(e as Error).stack ?? e}`);
  }
}
process.exitCode = failed ? 1 : 0;
