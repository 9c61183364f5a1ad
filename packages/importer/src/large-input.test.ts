import { MAX_SECTION_CHARS } from '@peopleplan/core';
import { describe, expect, it } from 'vitest';
import { checkRowCount, MAX_TABLE_ROWS } from './errors.js';
import { withinSectionLimits } from './finalize.js';
import { ImportError, parsePlanFile } from './index.js';
import { ParsedPlan } from './parsed-plan.js';

/** Long documents: kept whole or refused with a reason, never a crash (issue 12: no 500s). */
describe('large input', () => {
  it('keeps narrative longer than a section holds as parts, split at line ends', async () => {
    const text = `${'A paragraph of the plan’s introduction that runs on.\n'.repeat(4000)}`;
    const plan = await parsePlanFile(Buffer.from(text), { filename: 'intro.txt' });
    expect(() => ParsedPlan.parse(plan)).not.toThrow();
    const parts = plan.sections;
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.every((s) => s.body.length <= MAX_SECTION_CHARS)).toBe(true);
    expect(parts[1]!.title).toMatch(/\(part 2\)$/);
    // Nothing lost: a sentence is no title (the file names the plan for now), so the parts hold every line.
    expect(plan.title).toBe('intro');
    expect(parts.reduce((n, s) => n + s.body.split('\n').filter(Boolean).length, 0)).toBe(4000);
  });

  it('reads a document of 130,000 lines without overflowing the stack, in bounded time', async () => {
    const plan = await parsePlanFile(Buffer.from('word\n'.repeat(130_000)), { filename: 'x.txt' });
    expect(plan.warnings.map((w) => w.code)).toContain('no-actions');
  });

  it('refuses more text outside tables than a plan keeps, saying so', async () => {
    const line = `${'x'.repeat(99)}\n`;
    const err = await parsePlanFile(Buffer.from(line.repeat(42_000)), { filename: 'huge.txt' }).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(ImportError);
    expect((err as ImportError).code).toBe('too-large');
    expect((err as ImportError).message).toMatch(/characters of text outside its tables/);
  });
  it('puts many short sections together rather than refusing them', () => {
    const many = Array.from({ length: 45 }, (_, i) => ({
      key: `s${i}`,
      title: `Heading ${i + 1}`,
      body: `Text ${i + 1}`,
    }));
    const kept = withinSectionLimits(many);
    expect(kept.length).toBeLessThanOrEqual(40);
    const all = kept.map((s) => `${s.title}\n${s.body}`).join('\n');
    for (let i = 1; i <= 45; i++) expect(all).toContain(`Text ${i}`);
  });

  it('refuses a file of more table rows than any plan has, quickly and saying so', async () => {
    // 200,000 quoted rows, just under 10 MB: a data export, not a plan. It took minutes (and then ran out
    // of stack) before the rows were counted.
    const rows = ['"Ref","Action","Lead","Deadline"'];
    for (let i = 1; i <= 200_000; i++) rows.push(`"${i}","Action ${i}","HR","Mar 27"`);
    const err = await parsePlanFile(Buffer.from(rows.join('\r\n')), { filename: 'export.csv' }).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(ImportError);
    expect((err as ImportError).code).toBe('too-large');
    expect((err as ImportError).message).toMatch(
      /^The file has 200,001 rows; PeoplePlan reads plans of up to 20,000 rows\./,
    );
  });

  it('counts rows only: a plan of up to the limit is read', () => {
    const row = { type: 'row' };
    expect(() => checkRowCount(Array.from({ length: MAX_TABLE_ROWS }, () => row))).not.toThrow();
    expect(() =>
      checkRowCount([...Array.from({ length: MAX_TABLE_ROWS }, () => row), { type: 'para' }]),
    ).not.toThrow();
    expect(() => checkRowCount(Array.from({ length: MAX_TABLE_ROWS + 1 }, () => row))).toThrow(ImportError);
  });
});
