/**
 * `npm run --silent plan:import -- FILE [--json] [--kind KIND] [--plan-start YYYY-MM-DD]`: parses a plan
 * file without any database and prints the ParsedPlan (--json) or a summary; `--plan-start` is the
 * wizard's "the plan starts on". Exit 2 when the file cannot be read.
 */
import { readFile } from 'node:fs/promises';
import { PlanKind } from '@peopleplan/core';
import { ImportError, parsePlanFile } from './index.js';
import { summarize } from './summary.js';

const args = process.argv.slice(2);
const json = args.includes('--json');
const option = (flag: string) => {
  const at = args.indexOf(flag);
  return at >= 0 ? args[at + 1] : undefined;
};
const kindArg = option('--kind');
const planStart = option('--plan-start');
const values = new Set(['--kind', '--plan-start'].map((f) => args.indexOf(f) + 1).filter((i) => i > 0));
const file = args.find((a, i) => !a.startsWith('--') && !values.has(i));

if (!file) {
  console.error(
    'usage: plan:import FILE [--json] [--kind people-strategy|peer-review|best-value-review|business-plan|iip-assessment] [--plan-start YYYY-MM-DD]',
  );
  process.exit(2);
}
if (planStart !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(planStart)) {
  console.error(`--plan-start must be a date like 2026-04-01, not ${planStart}`);
  process.exit(2);
}
const kind = kindArg === undefined ? undefined : PlanKind.safeParse(kindArg);
if (kind && !kind.success) {
  console.error(`unknown plan kind: ${kindArg}`);
  process.exit(2);
}

try {
  const buf = await readFile(file);
  const plan = await parsePlanFile(buf, {
    filename: file,
    kindHint: kind?.data,
    ...(planStart ? { planStart } : {}),
  });
  process.stdout.write(json ? `${JSON.stringify(plan, null, 2)}\n` : `${summarize(plan)}\n`);
} catch (e) {
  if (e instanceof ImportError) {
    console.error(`cannot import ${file}: ${e.message} (${e.code})`);
    // The reader's own words, for whoever looks into why.
    if (e.cause instanceof Error) console.error(`  reader said: ${e.cause.message}`);
    process.exit(2);
  }
  const err = e as NodeJS.ErrnoException;
  if (err.code === 'ENOENT' || err.code === 'EACCES' || err.code === 'EISDIR') {
    console.error(`cannot read ${file}: ${err.message}`);
    process.exit(2);
  }
  throw e;
}
