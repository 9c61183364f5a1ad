import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ParsedAction, ParsedPlan } from '../src/parsed-plan.js';

/** The seed plans kept in the repository (packages/devstack/seeds); PEOPLEPLAN_SEEDS overrides the folder. */
export const SEEDS_DIR =
  process.env.PEOPLEPLAN_SEEDS ?? fileURLToPath(new URL('../../devstack/seeds/', import.meta.url));
export const SEED = {
  harrow: '000_f3942cf1abaae3da.txt',
  eastHerts: '001_25f8ced919f1fae7.txt',
  oxfordshire: '002_b54f9266a8e85b22.txt',
  kent: '003_864b78674d56bd2d.txt',
} as const;
export const seedPath = (name: string) => join(SEEDS_DIR, name);
export const readSeed = (name: string) => readFileSync(seedPath(name));

export const allActions = (plan: ParsedPlan): ParsedAction[] => plan.themes.flatMap((t) => t.actions);
export const withSubs = (plan: ParsedPlan): ParsedAction[] =>
  allActions(plan).flatMap((a) => [a, ...a.subActions]);

/** Words of a text, HTML tags and markup aside. */
export function words(text: string): Set<string> {
  const plain = text.replace(/<[^>]*>/g, ' ');
  return new Set((plain.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => w.length > 0));
}

/** Every string anywhere in the parsed output, so the no-loss check sees fields, unplaced and mapping. */
export function outputWords(value: unknown, into = new Set<string>()): Set<string> {
  if (typeof value === 'string' || typeof value === 'number')
    for (const w of words(String(value))) into.add(w);
  else if (Array.isArray(value)) for (const v of value) outputWords(v, into);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) outputWords(v, into);
  return into;
}

/** The corpus of real plans kept in the repository (packages/importer/corpus, copied from shared/corpus). */
export const CORPUS_DIR = fileURLToPath(new URL('../corpus/', import.meta.url));

export interface CorpusPlan {
  file: string;
  /** `# key: value` lines at the top of the file. */
  meta: Record<string, string>;
  /** How many actions a careful reader counts in the visible text. */
  counted: number;
  /** The plan's text as published, metadata lines stripped. */
  text: string;
}

/** Every plan of the corpus, metadata lines (`# ` at the top, up to the first blank line) stripped. */
export function corpusPlans(): CorpusPlan[] {
  const dir = join(CORPUS_DIR, 'plans');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((file) => {
      const lines = readFileSync(join(dir, file), 'utf8').split('\n');
      const meta: Record<string, string> = {};
      let i = 0;
      for (; i < lines.length && lines[i]!.startsWith('# '); i++) {
        const m = /^# ([^:]+):\s*(.*)$/.exec(lines[i]!);
        if (m) meta[m[1]!.trim()] = m[2]!.trim();
      }
      while (i < lines.length && lines[i]!.trim() === '') i++;
      const counted = Number(meta['actions counted']);
      if (!Number.isInteger(counted)) throw new Error(`${file}: no "actions counted" line`);
      return { file, meta, counted, text: lines.slice(i).join('\n') };
    });
}
