import { describe, expect, it } from 'vitest';
import { parsePlanFile } from '../index.js';

describe('a struck-through row of a tracker', () => {
  it('is a withdrawn action, whether the whole row or its action alone is struck', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Tracker');
    ws.addRow(['Ref', 'Action', 'Lead', 'Target date', 'Status']);
    ws.addRow(['1', 'Modernise job adverts', 'Recruitment Manager', 'Sep 2026', 'On track']);
    ws.addRow(['2', 'Run a careers fair', 'HR Business Partner', 'Mar 2027', 'Not started']);
    ws.addRow(['3', 'Introduce wellbeing conversations', 'Head of OD', 'Jan 2027', 'Not started']);
    // A lead's name struck and retyped is an edit, not a dropped action.
    ws.addRow(['4', 'Train mental health first aiders', 'Wellbeing Lead', 'Mar 2027', 'On track']);
    for (let c = 1; c <= 5; c++) ws.getCell(3, c).font = { strike: true };
    ws.getCell(4, 2).value = {
      richText: [{ text: 'Introduce wellbeing conversations', font: { strike: true } }],
    };
    ws.getCell(5, 3).font = { strike: true };
    const plan = await parsePlanFile(Buffer.from(await wb.xlsx.writeBuffer()), { filename: 'tracker.xlsx' });
    const actions = plan.themes.flatMap((t) => t.actions);
    expect(actions.map((a) => [a.ref, a.status])).toEqual([
      ['1', 'on-track'],
      ['2', 'cancelled'],
      ['3', 'cancelled'],
      ['4', 'on-track'],
    ]);
    expect(actions[1]!.extra).toContainEqual({ label: 'Status', text: 'Not started' });
    expect(plan.warnings.filter((w) => w.code === 'struck-through').map((w) => w.where)).toEqual([
      'sheet "Tracker", row 3',
      'sheet "Tracker", row 4',
    ]);
  });
});

describe('a struck-through row of a Word table', () => {
  it('is a withdrawn action; a word struck and retyped in a cell is an edit', async () => {
    const { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun } = await import('docx');
    const cell = (runs: { text: string; strike?: boolean }[]) =>
      new TableCell({ children: [new Paragraph({ children: runs.map((r) => new TextRun(r)) })] });
    const row = (...cells: { text: string; strike?: boolean }[][]) =>
      new TableRow({ children: cells.map(cell) });
    const t = (text: string, strike = false) => [{ text, strike }];
    const table = new Table({
      rows: [
        row(t('Ref'), t('Action'), t('Lead'), t('Deadline')),
        row(t('1'), t('Run a careers fair', true), t('HR Business Partner'), t('March 2027')),
        row(
          t('2'),
          [{ text: 'Train ' }, { text: '20', strike: true }, { text: ' 40 first aiders' }],
          t('Wellbeing Lead'),
          t('June 2027'),
        ),
      ],
    });
    const doc = new Document({ sections: [{ children: [new Paragraph('Workforce plan 2026-27'), table] }] });
    const plan = await parsePlanFile(Buffer.from(await Packer.toBuffer(doc)), { filename: 'plan.docx' });
    expect(plan.themes.flatMap((t) => t.actions).map((a) => [a.ref, a.status])).toEqual([
      ['1', 'cancelled'],
      ['2', undefined],
    ]);
  });
});
