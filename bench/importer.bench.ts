/**
 * Importer speed: parsing the four seeds and a synthetic 2,000-action plan, as a ratio against only
 * reading the same bytes and splitting them into lines and cells (the floor any parser pays).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { duplicateGroups, parsePlanFile } from '../packages/importer/src/index.js';
import { recovered, topLevelActions } from '../packages/importer/test/corpus-score.js';
import { corpusPlans } from '../packages/importer/test/helpers.js';
import { zeroBombDocx } from '../packages/importer/test/zip-bomb.js';
import type { BenchResult } from './run.js';

const SEEDS =
  process.env.PEOPLEPLAN_SEEDS ?? fileURLToPath(new URL('../packages/devstack/seeds/', import.meta.url));
const seedFiles = [
  '000_f3942cf1abaae3da.txt',
  '001_25f8ced919f1fae7.txt',
  '002_b54f9266a8e85b22.txt',
  '003_864b78674d56bd2d.txt',
].map((f) => readFileSync(join(SEEDS, f)));

/** A business-plan-shaped TSV: 20 priorities × 100 actions, each with a sub-action line. */
function synthetic(actions: number): Buffer {
  const lines = ['Synthetic Business Plan 2013-14', ''];
  const perTheme = 100;
  for (let i = 0; i < actions; i++) {
    if (i % perTheme === 0) {
      lines.push(
        `PRIORITY ${i / perTheme + 1}: Theme ${i / perTheme + 1}\t\tDESCRIPTION OF PRIORITY: generated\t\t`,
      );
      lines.push('Actions\t\tAccountable Officer\tStart Date (month/year)\tEnd Date (month/year)');
    }
    lines.push(`${i + 1}\tDeliver workstream ${i + 1} of the workforce programme\t\t\t`);
    lines.push(
      `${i + 1}.1\tComplete stage one of workstream ${i + 1}\tJulie Cudmore and Paul Royel\tApril 2013\tMarch 2014`,
    );
  }
  return Buffer.from(lines.join('\n'));
}

const baseline = (buf: Buffer) => {
  let cells = 0;
  for (const line of buf.toString('utf8').split(/\r?\n/)) cells += line.split('\t').length;
  return cells;
};

/** `n` labels as a council's directory holds them: names, some with a job title, some roles. */
function directory(n: number): string[] {
  const first = [
    'Jane',
    'John',
    'Jackie',
    'Sam',
    'Pat',
    'Lee',
    'Kim',
    'Alex',
    'Jo',
    'Mark',
    'Rachel',
    'Philip',
  ];
  const last = ['Smith', 'Jones', 'Turner-Robinson', 'Bennett', 'Patel', 'Khan', 'Brown', 'Taylor', 'Evans'];
  return Array.from({ length: n }, (_, i) =>
    i % 7 === 0
      ? `Head of Service ${i}`
      : `${first[i % first.length]} ${last[(i * 7) % last.length]}${i}${i % 5 === 0 ? ' (HR Manager)' : ''}`,
  );
}

async function time(fn: () => unknown, minMs = 300): Promise<number> {
  await fn();
  let n = 0;
  const start = performance.now();
  while (performance.now() - start < minMs) {
    await fn();
    n++;
  }
  return (performance.now() - start) / n;
}

/** The corpus of real plans: the share of each file's counted actions recovered, and overall. */
async function corpus(): Promise<BenchResult[]> {
  const out: BenchResult[] = [];
  let found = 0;
  let counted = 0;
  let shares = 0;
  const plans = corpusPlans();
  for (const p of plans) {
    let n = 0;
    let note = '';
    try {
      const plan = await parsePlanFile(p.text, { filename: p.file });
      n = topLevelActions(plan);
      const ack = plan.warnings.filter((w) => w.requiresAcknowledgement).map((w) => w.code);
      note = ack.length ? ` [${ack.join(', ')}]` : '';
    } catch (e) {
      note = ` [refused: ${(e as Error).message}]`;
    }
    found += Math.min(n, p.counted);
    counted += p.counted;
    shares += recovered(n, p.counted);
    out.push({
      name: `corpus ${p.file}: ${n} of ${p.counted} actions${note}`,
      value: recovered(n, p.counted),
      unit: 'recovered',
      goal: '≥ 0.8 or a warning',
    });
  }
  out.push({
    name: 'corpus overall (actions recovered / counted)',
    value: found / counted,
    unit: 'recovered',
    goal: '≥ 0.8',
  });
  out.push({ name: 'corpus mean of per-file fractions', value: shares / plans.length, unit: 'recovered' });
  return out;
}

export async function run(): Promise<BenchResult[]> {
  const fromCorpus = await corpus();
  const big = synthetic(2000);
  const plan = await parsePlanFile(big);
  const count = plan.themes.reduce((n, t) => n + t.actions.length, 0);
  if (count !== 2000) throw new Error(`synthetic plan parsed to ${count} actions`);

  const seedsParse = await time(async () => {
    for (const f of seedFiles) await parsePlanFile(f);
  });
  const seedsSplit = await time(() => seedFiles.forEach(baseline));
  const bigParse = await time(() => parsePlanFile(big), 1000);
  const bigSplit = await time(() => baseline(big));
  // A DOCX holding a 300 MB entry of zeros (about 300 KB packed): refused from its zip directory.
  const bomb = zeroBombDocx(300);
  const bombStart = performance.now();
  const refused = await parsePlanFile(bomb).then(
    () => false,
    () => true,
  );
  const bombMs = performance.now() - bombStart;
  if (!refused) throw new Error('the zip bomb was not refused');
  // Likely duplicates among the people an import names and the directory: every pair is compared, so
  // twice the people should take about four times as long, no more.
  const [dir1k, dir2k] = [directory(1000), directory(2000)];
  const match1k = await time(() => duplicateGroups(dir1k));
  const match2k = await time(() => duplicateGroups(dir2k));
  return [
    ...fromCorpus,
    { name: 'likely duplicates among 1,000 people', value: match1k, unit: 'ms' },
    { name: 'likely duplicates: 2,000 people ÷ 1,000', value: match2k / match1k, unit: '×', goal: '≤ 4.5' },
    {
      name: `refuse a DOCX that unpacks to 300 MB (${(bomb.length / 1024).toFixed(0)} KB)`,
      value: bombMs,
      unit: 'ms',
      goal: '< 2000 ms',
    },
    { name: 'parse 4 seeds', value: seedsParse, unit: 'ms' },
    { name: 'parse 4 seeds ÷ read+split lines and cells', value: seedsParse / seedsSplit, unit: '×' },
    {
      name: `parse synthetic 2,000 actions (${(big.length / 1024).toFixed(0)} KB)`,
      value: bigParse,
      unit: 'ms',
      goal: '< 1000 ms',
    },
    { name: 'parse 2,000 actions ÷ read+split lines and cells', value: bigParse / bigSplit, unit: '×' },
  ];
}
