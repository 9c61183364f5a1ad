/**
 * `npm run --silent plan:import -- FILE [--json] [--kind KIND]`: parses a plan file without any
 * database and prints the ParsedPlan (--json) or a summary. Exit 2 when the file cannot be read.
 */
import { readFile } from 'node:fs/promises';
import { PlanKind } from '@peopleplan/core';
import { ImportError, parsePlanFile } from './index.js';
import { summarize } from './summary.js';

const args = process.argv.slice(2);
const json = args.includes('--json');
const kindAt = args.indexOf('--kind');
const kindArg = kindAt >= 0 ? args[kindAt + 1] : undefined;
const file = args.find((a, i) => !a.startsWith('--') && (kindAt < 0 || i !== kindAt + 1));

if (!file) {
  console.error(
    'usage: plan:import FILE [--json] [--kind people-strategy|peer-review|best-value-review|business-plan|iip-assessment]',
  );
  process.exit(2);
}
const kind = kindArg === undefined ? undefined : PlanKind.safeParse(kindArg);
if (kind && !kind.success) {
  console.error(`unknown plan kind: ${kindArg}`);
  process.exit(2);
}

try {
  const buf = await readFile(file);
  const plan = await parsePlanFile(buf, { filename: file, kindHint: kind?.data });
  process.stdout.write(json ? `${JSON.stringify(plan, null, 2)}\n` : `${summarize(plan)}\n`);
} catch (e) {
  if (e instanceof ImportError) {
    console.error(`cannot import ${file}: ${e.message} (${e.code})`);
    process.exit(2);
  }
  const err = e as NodeJS.ErrnoException;
  if (err.code === 'ENOENT' || err.code === 'EACCES' || err.code === 'EISDIR') {
    console.error(`cannot read ${file}: ${err.message}`);
    process.exit(2);
  }
  throw e;
}
