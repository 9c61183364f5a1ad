import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Timescale } from '@peopleplan/core';
import { describe, expect, it } from 'vitest';
import { parseTimescale } from './parse.js';
import { SEED_CONTEXTS, SEED_FORMS } from './seed-forms.js';

const here = dirname(fileURLToPath(import.meta.url));

describe('every timescale form in the seed plans', () => {
  it.each(SEED_FORMS.map((f) => [f.seed, f.text, f] as const))('%s: %j', (_seed, text, form) => {
    const got = parseTimescale(text, SEED_CONTEXTS[form.ctx]);
    expect(Timescale.safeParse(got).success).toBe(true);
    expect(got.text).toBe(text);
    const { note, ...dates } = form.expect;
    const { note: gotNote, text: _t, ...gotDates } = got;
    expect(gotDates).toEqual(dates);
    if (typeof note === 'string') expect(gotNote).toBe(note);
    else if (note) expect(gotNote).toMatch(note);
  });
});

/** The seed plans kept in the repository (packages/devstack/seeds): the table must cover them. */
const seedDir = [join(here, '../../devstack/seeds')].find(existsSync);
const seedFile = (prefix: string) => {
  const dir = seedDir!;
  const name = readdirSync(dir).find((f) => f.startsWith(prefix));
  return readFileSync(join(dir, name!), 'utf8').split('\n');
};

describe('the table covers the seed files', () => {
  const known = new Set(SEED_FORMS.map((f) => f.text.trim()));
  const cells = (lines: string[], pick: (fields: string[], line: string) => (string | undefined)[]) =>
    lines.flatMap((l) => pick(l.split('\t'), l)).filter((c): c is string => c !== undefined);

  it('001: every Deadline cell', () => {
    const deadlines = cells(seedFile('001'), (f) =>
      f.length >= 7 && f.at(-1) !== 'Deadline' ? [f.at(-1)!.trim()] : [],
    );
    expect(deadlines.length).toBeGreaterThan(50);
    expect(deadlines.filter((d) => !known.has(d))).toEqual([]);
  });

  it('003: every start and end date, milestone date and expected date', () => {
    const dates = cells(seedFile('003'), (f, l) => {
      if (/^\d+\.\d+\t/.test(l)) return [f.at(-2)?.trim(), f.at(-1)?.trim()];
      if (/^[A-Z]\t/.test(l))
        return [
          f
            .filter((x) => x.trim())
            .at(-1)
            ?.trim(),
        ];
      return [];
    });
    expect(dates.length).toBeGreaterThan(80);
    expect(dates.filter((d) => !known.has(d))).toEqual([]);
  });

  it('000: every financial year and bracketed progress date', () => {
    const text = seedFile('000').join('\n');
    const years = [...text.matchAll(/\b(?:19|20)\d\d\s*[-–/ ]\s*\d{1,4}\b|\[[^\]]*\]/g)].map((m) => m[0]);
    expect(years.length).toBeGreaterThan(40);
    expect(years.filter((y) => !known.has(y))).toEqual([]);
  });
});
