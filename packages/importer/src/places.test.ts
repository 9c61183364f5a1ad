import { Document, Packer, Paragraph, Table, TableCell, TableRow } from 'docx';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { parsePlanFile } from './index.js';
import { namePlacesInMessage } from './places.js';

/**
 * A note about a Word document or a workbook points where the council can look: a table and row, a
 * quoted paragraph, a sheet and row. Pasted text keeps its line numbers.
 */

const HEADER = ['Ref', 'Action', 'Lead', 'Deadline'];
const BODY = [
  ['', '', 'Head of HR', ''],
  ['1', 'Refresh the workforce strategy', 'Head of HR', 'March 2027'],
  ['2', 'Launch the apprenticeship scheme', 'OD Manager', 'June 2027'],
];
const AFTER = 'Progress against this plan is reported to the People Board every quarter.';

const row = (cells: string[]) =>
  new TableRow({ children: cells.map((c) => new TableCell({ children: [new Paragraph(c)] })) });

async function wordPlan(): Promise<Buffer> {
  return Packer.toBuffer(
    new Document({
      sections: [
        {
          children: [
            new Paragraph('People Plan 2026-27'),
            new Paragraph('Our priorities for the year.'),
            new Table({ rows: [row(['Summary', 'Owner']), row(['Pay', 'HR'])] }),
            new Table({ rows: [HEADER, ...BODY].map(row) }),
            new Paragraph(AFTER),
          ],
        },
      ],
    }),
  );
}

async function workbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const notes = wb.addWorksheet('Read me');
  notes.addRow(['People Plan 2026-27']);
  notes.addRow(['Owner', 'Director of People']);
  const ws = wb.addWorksheet('Actions');
  ws.addRow(['People Plan actions']);
  ws.addRow([]);
  ws.addRow(HEADER);
  for (const r of BODY) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const whereOf = (plan: Awaited<ReturnType<typeof parsePlanFile>>, code: string) =>
  plan.warnings.find((w) => w.code === code)?.where;

describe('where a note points', () => {
  it('names a Word table and row, with the start of the row, and quotes a paragraph', async () => {
    const plan = await parsePlanFile(await wordPlan(), { filename: 'plan.docx' });
    expect(whereOf(plan, 'unplaced-row')).toBe('table 2, row 2 ("Head of HR")');
    expect(whereOf(plan, 'orphan-text')).toBe('the paragraph "Progress against this plan is reported…"');
    // A note that lists places names each one.
    expect(whereOf(plan, 'partly-unread')).toBe(
      'table 2, row 2 ("Head of HR"), the paragraph "Our priorities for the year."',
    );
    for (const w of plan.warnings) expect(w.where).not.toMatch(/\blines? \d/);
  });

  it('names a sheet and the row as Excel numbers it, across sheets that repeat row numbers', async () => {
    const plan = await parsePlanFile(await workbook(), { filename: 'plan.xlsx' });
    expect(whereOf(plan, 'unplaced-row')).toBe('sheet "Actions", row 4');
    for (const w of plan.warnings) expect(w.where).not.toMatch(/\blines? \d/);
  });

  it('keeps line numbers for pasted text', async () => {
    const text = [HEADER, ...BODY].map((r) => r.join('\t')).join('\n');
    const plan = await parsePlanFile(text);
    expect(whereOf(plan, 'unplaced-row')).toBe('line 2');
  });
});

describe('a quoted cell that mentions a line', () => {
  it('is the council’s text and is left as written', () => {
    const name = (t: string) => t.replace(/line 4/g, 'table 1, row 2');
    expect(namePlacesInMessage('Kept aside at line 4: "see line 4 of the budget"', name)).toBe(
      'Kept aside at table 1, row 2: "see line 4 of the budget"',
    );
  });
});
