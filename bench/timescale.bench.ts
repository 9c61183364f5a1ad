/**
 * Timescale parser throughput: every deadline/start/year form from the seed plans, repeated to
 * 100k strings, parsed in its plan's context. The baseline is the cheapest possible look at the
 * same strings (trim, lower-case, split on spaces), timed side by side in the same run. Goal: a plan
 * has a few hundred timescale cells, so 10k/s imports a hundred plans in seconds.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { parseTimescale } from '../packages/timescale/src/index.js';
import { SEED_CONTEXTS, SEED_FORMS } from '../packages/timescale/src/seed-forms.js';
import { contextForLine } from '../packages/timescale/test/deadline-contexts.js';
import type { BenchResult } from './run.js';

const TARGET = 100_000;

function timeIt(fn: () => void, rounds = 3): number {
  let best = Number.POSITIVE_INFINITY;
  for (let r = 0; r < rounds; r++) {
    const t0 = performance.now();
    fn();
    best = Math.min(best, performance.now() - t0);
  }
  return best;
}

export async function run(): Promise<BenchResult[]> {
  const forms = SEED_FORMS.map((f) => ({ text: f.text, ctx: SEED_CONTEXTS[f.ctx] }));
  const list = Array.from({ length: TARGET }, (_, i) => forms[i % forms.length]!);
  let sink = 0;

  // Warm both paths so the JIT has seen them before timing.
  for (const { text, ctx } of list.slice(0, 5_000)) sink += parseTimescale(text, ctx).kind.length;

  const parseMs = timeIt(() => {
    for (const { text, ctx } of list) sink += parseTimescale(text, ctx).kind.length;
  });
  const baseMs = timeIt(() => {
    for (const { text } of list) sink += text.trim().toLowerCase().split(/\s+/).length;
  });
  if (sink < 0) console.log(sink);

  const perSecond = (ms: number) => Math.round((list.length / ms) * 1000);
  const corpus = corpusDeadlines();
  return [
    {
      name: `corpus deadlines unparsed (${corpus.unparsed} of ${corpus.total}, in their plans' context)`,
      value: corpus.unparsed / corpus.total,
      unit: 'fraction',
      goal: '< 0.05',
    },
    {
      name: `parseTimescale, ${list.length} seed strings (${forms.length} forms)`,
      value: perSecond(parseMs),
      unit: 'strings/s',
      goal: '> 10000',
    },
    { name: 'baseline trim/lowercase/split, same strings', value: perSecond(baseMs), unit: 'strings/s' },
    { name: 'parseTimescale time / baseline time', value: parseMs / baseMs, unit: 'x slower' },
  ];
}

/** The 107 real deadline strings (packages/timescale/test/fixtures/deadlines.tsv), read in their plans' context. */
function corpusDeadlines(): { unparsed: number; total: number } {
  const file = new URL('../packages/timescale/test/fixtures/deadlines.tsv', import.meta.url);
  const lines = readFileSync(file, 'utf8').split('\n');
  let unparsed = 0;
  let total = 0;
  lines.forEach((raw, i) => {
    if (i === 0 || raw === '') return;
    total++;
    if (parseTimescale(raw.replace(/\\n/g, '\n'), contextForLine(i + 1)).kind === 'unparsed') unparsed++;
  });
  return { unparsed, total };
}
