import { describe, expect, it } from 'vitest';
import { type PlacedText, pdfOfTexts } from '../testing/pdf-text.js';
import { parsePlanFile } from './index.js';
import { readPdf } from './readers/pdf.js';

/**
 * A table printed to PDF with little padding in its cells (a web page's table, a Word table with narrow
 * margins): two cells on one line can be closer than the two letters' gap that parts cells elsewhere
 * ("AFI" and "The service…", "March 2027" and "Amber"). Their columns still show where the same left
 * edge starts a cell after another cell on other lines (readers/pdf-cells.ts).
 */
const COLUMNS = [40, 64, 200, 330, 440, 494];

const row = (y: number, cells: string[][]): PlacedText[] =>
  cells.flatMap((lines, k) => lines.map((s, n) => ({ x: COLUMNS[k]!, y: y - n * 11, s })));

const plan = pdfOfTexts([
  { x: 40, y: 270, s: 'Inspection action plan 2026' },
  ...row(240, [['Ref'], ['Area for improvement'], ['Action'], ['Owner'], ['Target date'], ['RAG']]),
  ...row(222, [
    ['AFI', '1'],
    ['The service should target its', 'prevention at people most at', 'risk.'],
    ['Rebuild the visit targeting', 'model with partner data.'],
    ['Head of Prevention'],
    ['March 2027'],
    ['Amber'],
  ]),
  ...row(180, [
    ['AFI', '2'],
    ['The service should evaluate the', 'difference prevention makes.'],
    ['Agree an evaluation framework', 'with the Performance Board.'],
    ['Head of Prevention'],
    ['December', '2026'],
    ['Green'],
  ]),
  ...row(148, [
    ['AFI', '3'],
    ['The service should improve the', 'way it develops its leaders.'],
    ['Run a leadership programme', 'covering all managers.'],
    ['Head of People'],
    ['June 2027'],
    ['Amber'],
  ]),
  ...row(116, [
    ['AFI', '4'],
    ['The service should widen who', 'applies to join it.'],
    ['Hold open days before each', 'recruitment round.'],
    ['Head of People'],
    ['May 2027'],
    ['Red'],
  ]),
]);

describe('a PDF table whose cells sit closer than two letters apart', () => {
  it('parts the cells at the columns other lines show', async () => {
    const rows = (await readPdf(plan)).items.filter((i) => i.type === 'row');
    expect(rows.map((r) => (r.type === 'row' ? r.cells : []))).toEqual([
      ['Ref', 'Area for improvement', 'Action', 'Owner', 'Target date', 'RAG'],
      [
        'AFI 1',
        'The service should target its prevention at people most at risk.',
        'Rebuild the visit targeting model with partner data.',
        'Head of Prevention',
        'March 2027',
        'Amber',
      ],
      [
        'AFI 2',
        'The service should evaluate the difference prevention makes.',
        'Agree an evaluation framework with the Performance Board.',
        'Head of Prevention',
        'December 2026',
        'Green',
      ],
      [
        'AFI 3',
        'The service should improve the way it develops its leaders.',
        'Run a leadership programme covering all managers.',
        'Head of People',
        'June 2027',
        'Amber',
      ],
      [
        'AFI 4',
        'The service should widen who applies to join it.',
        'Hold open days before each recruitment round.',
        'Head of People',
        'May 2027',
        'Red',
      ],
    ]);
  });

  it('reads an action a row, with its lead, deadline and rating', async () => {
    const parsed = await parsePlanFile(plan, { filename: 'plan.pdf', planStart: '2026-04-01' });
    const actions = parsed.themes.flatMap((t) => t.actions);
    expect(
      actions.map((a) => [a.ref, a.leads.map((l) => l.label).join('; '), a.due?.text, a.status]),
    ).toEqual([
      ['AFI 1', 'Head of Prevention', 'March 2027', 'at-risk'],
      ['AFI 2', 'Head of Prevention', 'December 2026', 'on-track'],
      ['AFI 3', 'Head of People', 'June 2027', 'at-risk'],
      ['AFI 4', 'Head of People', 'May 2027', 'off-track'],
    ]);
  });

  it('keeps words of one cell together when no other line starts a cell where they fall', async () => {
    const prose = pdfOfTexts([
      { x: 40, y: 240, s: 'We will' },
      { x: 78, y: 240, s: 'review the plan each year and report to the committee.' },
      { x: 40, y: 229, s: 'Progress is shared with staff.' },
    ]);
    const paragraphs = (await readPdf(prose)).items.filter((i) => i.type === 'para');
    expect(paragraphs.map((p) => (p.type === 'para' ? p.text : ''))).toContain(
      'We will review the plan each year and report to the committee.',
    );
  });
});
