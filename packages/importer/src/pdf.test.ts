import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ImportError, parsePlanFile } from './index.js';

/** PDFs made from Word by LibreOffice (test/fixtures/pdf/make-pdfs.ts). */
const fixture = (name: string) => readFileSync(new URL(`../test/fixtures/pdf/${name}`, import.meta.url));

describe('PDF import', () => {
  it('rebuilds an Investors in People table from text positions: areas, actions, leads, dates', async () => {
    const plan = await parsePlanFile(fixture('iip-plan.pdf'), {
      filename: 'iip.pdf',
      planStart: '2014-04-01',
    });
    expect(plan.format).toBe('pdf');
    expect(plan.kind).toBe('iip-assessment');
    expect(plan.title).toBe('Investors in People Action Plan 2014-15');
    expect(plan.themes.map((t) => [t.ref, t.title])).toEqual([
      ['1', 'Managers do not hold regular appraisals'],
      ['2', 'Induction is patchy across services'],
    ]);
    const [a, b] = plan.themes[0]!.actions;
    expect(a).toMatchObject({
      ref: '1.1',
      title: 'Train all managers in appraisal',
      leads: [{ label: 'HR/OD Manager' }],
      due: { text: 'March 2015', due: '2015-03-31' },
      constraints: 'Budget',
      measureOfSuccess: 'All staff appraised',
    });
    // A column too narrow for a word broke it over two lines: "Team/Corpo" + "rate".
    expect(b!.leads.map((l) => l.label)).toEqual(['L&D Team', 'Corporate Communications']);
    expect(plan.themes[1]!.actions[0]!.due).toMatchObject({ kind: 'relative', due: '2014-10-01' });
  });

  it('refuses a scanned PDF (no text layer) with a message saying so', async () => {
    const err = await parsePlanFile(fixture('scanned.pdf')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ImportError);
    expect((err as ImportError).code).toBe('empty');
    expect((err as ImportError).message).toMatch(/no text layer.*scanned/);
  });
});
