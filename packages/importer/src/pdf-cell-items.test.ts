import { describe, expect, it } from 'vitest';
import { parsePlanFile } from './index.js';
import { readPdf } from './readers/pdf.js';

/**
 * A cell of dated steps or bullets in a PDF table, one a line, where a line ends so near the column's
 * edge that the room left cannot tell the next line from its wrapped end (readers/pdf.ts, startsItem).
 * The PDF is written here as "Print to PDF" writes a Word table: Helvetica, each line at its place.
 */

type Text = { x: number; y: number; s: string };

/** Windows-1252 bytes of the characters used here that Latin-1 lacks. */
const CP1252: Record<string, number> = { '–': 0x96, '•': 0x95 };

function pdf(texts: Text[]): Buffer {
  const enc = (s: string) =>
    Buffer.from([...s].map((ch) => CP1252[ch] ?? ch.charCodeAt(0)))
      .toString('latin1')
      .replace(/[\\()]/g, (c) => `\\${c}`);
  const body = texts.map((t) => `BT /F1 9 Tf ${t.x} ${t.y} Td (${enc(t.s)}) Tj ET`).join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 842 300] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    `<< /Length ${Buffer.byteLength(body, 'latin1')} >>\nstream\n${body}\nendstream`,
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  for (const [i, o] of objects.entries()) {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  }
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  out += offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

const COLUMNS = [40, 80, 330, 470, 570, 745];

/** A row's cells, a line each, from `y` down one line (11 points) at a time. */
const row = (y: number, cells: string[][]): Text[] =>
  cells.flatMap((lines, k) => lines.map((s, n) => ({ x: COLUMNS[k]!, y: y - n * 11, s })));

const plan = pdf([
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
