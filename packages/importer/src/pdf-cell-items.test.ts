import { describe, expect, it } from 'vitest';
import { type PlacedText, pdfOfTexts } from '../testing/pdf-text.js';
import { parsePlanFile } from './index.js';
import { readPdf } from './readers/pdf.js';

/**
 * A cell of dated steps or bullets in a PDF table, one a line, where a line ends so near the column's
 * edge that the room left cannot tell the next line from its wrapped end (readers/pdf.ts, startsItem).
 * The PDF is written here as "Print to PDF" writes a Word table: Helvetica, each line at its place.
 */

const COLUMNS = [40, 80, 330, 470, 570, 745];

/** A row's cells, a line each, from `y` down one line (11 points) at a time. */
const row = (y: number, cells: string[][]): PlacedText[] =>
  cells.flatMap((lines, k) => lines.map((s, n) => ({ x: COLUMNS[k]!, y: y - n * 11, s })));

const plan = pdfOfTexts([
  { x: 40, y: 260, s: 'Workforce Action Plan 2026-28' },
  ...row(230, [['Ref'], ['Action'], ['Lead officer'], ['Target date'], ['Milestones'], ['Status']]),
  ...row(210, [
    ['1.1'],
    ['Review the market supplement policy'],
    ['Head of Reward'],
    ['June 2027'],
    // The first step's date wraps; the second step ends 18 points short of the next column.
    [
      'Benchmarking complete – November',
      '2026',
      'Options paper to CMT – February 2027',
      'Committee decision – June 2027',
    ],
    ['Not started'],
  ]),
  ...row(155, [
    ['1.2'],
    ['Train managers in coaching'],
    ['Head of OD'],
    ['March 2027'],
    ['• Course content agreed with the unions', '• First cohort starts – September 2026'],
    ['On track'],
  ]),
]);

describe('a PDF cell of steps one a line, a line ending near the column edge', () => {
  it('keeps a step that ends in a date apart from the next step, a bullet apart from the line above', async () => {
    const rows = (await readPdf(plan)).items.filter((i) => i.type === 'row' && !i.header);
    expect(rows.map((r) => (r.type === 'row' ? r.cells[4] : ''))).toEqual([
      'Benchmarking complete – November 2026\nOptions paper to CMT – February 2027\nCommittee decision – June 2027',
      '• Course content agreed with the unions\n• First cohort starts – September 2026',
    ]);
  });

  it('reads each dated step as a milestone with its own date', async () => {
    const parsed = await parsePlanFile(plan, { filename: 'plan.pdf', planStart: '2026-04-01' });
    const action = parsed.themes.flatMap((t) => t.actions).find((a) => a.ref === '1.1');
    expect(action?.milestones.map((m) => [m.title, m.due?.due])).toEqual([
      ['Benchmarking complete', '2026-11-30'],
      ['Options paper to CMT', '2027-02-28'],
      ['Committee decision', '2027-06-30'],
    ]);
  });
});
