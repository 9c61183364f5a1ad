import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePlanFile } from './index.js';

/**
 * multipage-*.pdf (test/fixtures/pdf/make-multipage.ts): one Word table over three pages, exported by
 * LibreOffice: "Priority n – …" rows across it (the second wraps over two lines, at the foot of page 1),
 * a running header "OFFICIAL-SENSITIVE" and "Brackenford Borough Council – People Plan 2026-2028", a
 * footer "Page n of 3" and "Version 2.0 – updated 01/11/2026", and a paragraph after the table.
 */
const fixture = (name: string) => readFileSync(new URL(`../test/fixtures/pdf/${name}`, import.meta.url));

const refs = [
  ['1', ['1.1', '1.2', '1.3', '1.4']],
  ['2', ['2.1', '2.2', '2.3', '2.4']],
  ['3', ['3.1', '3.2', '3.3']],
];

describe.each([
  ['multipage-repeated.pdf', 'its header row repeated on each page'],
  ['multipage-once.pdf', 'its header row on the first page only, and a header of its own there'],
])('a plan table over three pages of a PDF (%s: %s)', (file) => {
  it('imports whole: every priority with its actions, the page breaks and the words around them aside', async () => {
    const plan = await parsePlanFile(fixture(file), { filename: file });
    expect(plan.title).toBe('People Plan Action Plan 2026-2028');
    expect(plan.themes.map((t) => [t.ref, t.actions.map((a) => a.ref)])).toEqual(refs);
    expect(plan.themes.map((t) => t.title)).toEqual([
      'Recruitment and retention',
      'Learning and development: building the skills our managers and leaders need to lead services through change, with coaching for every new manager',
      'Wellbeing',
    ]);
    // Rows either side of a page break keep their own cells.
    const actions = plan.themes.flatMap((t) => t.actions);
    expect(actions.find((a) => a.ref === '2.1')).toMatchObject({
      title: 'Launch a management development programme',
      leads: [{ label: 'L&D Manager' }],
      due: { text: 'September 2027' },
    });
    expect(actions.find((a) => a.ref === '3.1')!.title).toBe(
      'New attendance management policy and manager training',
    );
    // The running header and footer are nobody's text: not a theme's, not an action's, not left over.
    const words = JSON.stringify({
      themes: plan.themes.map((t) => [t.title, t.description]),
      actions,
      unplaced: plan.unplaced,
      sections: plan.sections,
    });
    expect(words).not.toMatch(/OFFICIAL|Brackenford|Page \d|Version 2\.0/);
    expect(plan.warnings.find((w) => w.code === 'page-furniture')?.message).toMatch(
      /"OFFICIAL-SENSITIVE".*"Page \d of 3"/,
    );
  });
});
