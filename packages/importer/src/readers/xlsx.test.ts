import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { parsePlanFile } from '../index.js';

const PLAN: (string | number | Date)[][] = [
  ['Ref', 'Action', 'Lead', 'Deadline', 'Status'],
  ['1', 'Agree a hybrid working policy', 'Head of HR', 'October 2026', 'In progress'],
  ['2', 'Refresh the induction e-learning', 'L&D Manager', 'December 2026', 'Not started'],
];

/** A plan sheet, then a sheet in view of the lists its drop-downs could pick from. */
async function withLists(name: string, lists: string[][], opts: { validation?: boolean } = {}) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Plan');
  for (const r of PLAN) ws.addRow(r);
  if (opts.validation)
    for (const cell of ['E2', 'E3'])
      ws.getCell(cell).dataValidation = { type: 'list', allowBlank: true, formulae: [`'${name}'!$A$2:$A$5`] };
  const lk = wb.addWorksheet(name);
  for (const r of lists) lk.addRow(r);
  return parsePlanFile(Buffer.from(await wb.xlsx.writeBuffer()), { filename: 'plan.xlsx' });
}

const titles = (plan: Awaited<ReturnType<typeof parsePlanFile>>) =>
  plan.themes.flatMap((t) => t.actions.map((a) => a.title));

describe('a sheet of lists of values beside the plan', () => {
  const LOOKUPS = [
    ['Status', 'RAG', 'Officer', 'Directorate'],
    ['Not started', 'Amber', 'Head of HR', 'Resources'],
    ['In progress', 'Green', 'L&D Manager', 'People'],
    ['Complete', 'Blue', 'OH Manager', 'Place'],
  ];

  it('is not read as actions, and one note names it', async () => {
    const plan = await withLists('Lookups', LOOKUPS);
    expect(titles(plan)).toEqual(['Agree a hybrid working policy', 'Refresh the induction e-learning']);
    const notes = plan.warnings.filter((w) => w.code === 'list-sheets-left-out');
    expect(notes).toHaveLength(1);
    expect(notes[0]!.message).toContain('"Lookups" (Status, RAG, Officer, Directorate)');
    expect(plan.warnings.map((w) => w.code)).not.toContain('unplaced-row');
  });

  it('is known by its values (the plan’s own statuses and officers), whatever the sheet is called', async () => {
    const plan = await withLists('Sheet2', LOOKUPS);
    expect(titles(plan)).toHaveLength(2);
    expect(plan.warnings.map((w) => w.code)).toContain('list-sheets-left-out');
  });

  it('is known by a drop-down drawing on it, though none of its values is in the plan yet', async () => {
    const lists = [
      ['Status', 'Officer'],
      ['Proposed', 'Head of Finance'],
      ['Agreed', 'Payroll Manager'],
      ['Withdrawn', 'Head of Legal'],
    ];
    const plan = await withLists('Sheet2', lists, { validation: true });
    expect(titles(plan)).toHaveLength(2);
    expect(plan.warnings.map((w) => w.code)).toContain('list-sheets-left-out');
  });

  it('is still read when its columns are records, not lists (a value repeated down a column)', async () => {
    const team = [
      ['Officer', 'Status'],
      ['Head of HR', 'In progress'],
      ['L&D Manager', 'In progress'],
      ['OH Manager', 'Not started'],
    ];
    const plan = await withLists('Lookups', team);
    expect(plan.warnings.map((w) => w.code)).not.toContain('list-sheets-left-out');
  });
});

describe('a formula with no saved result', () => {
  it('reads as empty, not as its formula text joined into the status or progress', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Plan');
    ws.addRow(['Ref', 'Action', 'Lead', 'Deadline', 'Status', 'RAG']);
    const rows = [
      ['1', 'Update the recruitment policy', 'Head of HR', 'July 2026', 'Complete'],
      ['2', 'Introduce an onboarding app', 'HR Systems Manager', 'January 2027', 'Delayed'],
      ['3', 'Deliver unconscious bias training', 'EDI Lead', 'March 2027', 'In progress'],
    ];
    rows.forEach((r, i) => {
      const row = ws.addRow(r);
      // Written by a program, never calculated in Excel: no result saved.
      row.getCell(6).value = {
        formula: `IF(E${i + 2}="Complete","Blue",IF(E${i + 2}="Delayed","Red","Green"))`,
      };
    });
    const plan = await parsePlanFile(Buffer.from(await wb.xlsx.writeBuffer()), { filename: 'plan.xlsx' });
    const actions = plan.themes.flatMap((t) => t.actions);
    expect(actions.map((a) => a.status)).toEqual(['completed', 'off-track', 'on-track']);
    expect(actions.map((a) => a.progress ?? '')).toEqual(['', '', '']);
    const codes = plan.warnings.map((w) => w.code);
    expect(codes).not.toContain('status-not-read');
    expect(codes).not.toContain('formula-cell');
    const note = plan.warnings.filter((w) => w.code === 'formula-no-result');
    expect(note).toHaveLength(1);
    expect(note[0]!.message).toContain('sheet "Plan", cells F2, F3, F4');
  });
});

describe('a date pasted as its number into a General cell', () => {
  it('reads as the date under a date column, and stays a number under any other', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Plan');
    ws.addRow(['Ref', 'Action', 'Lead', 'Budget', 'Target date']);
    // 46295 is 30/09/2026 in Excel's numbering; the cells are General, so Excel shows the numbers.
    ws.addRow(['A1', 'Run the staff survey', 'Head of OD', 46295, 46295]);
    ws.addRow(['A2', 'Publish the workforce profile', 'HR Analyst', 500, '31/01/2027']);
    ws.addRow(['A3', 'Agree the EDI action plan', 'EDI Lead', 0, 12]);
    const plan = await parsePlanFile(Buffer.from(await wb.xlsx.writeBuffer()), { filename: 'plan.xlsx' });
    const actions = plan.themes.flatMap((t) => t.actions);
    expect(actions.map((a) => a.due?.due)).toEqual(['2026-09-30', '2027-01-31', undefined]);
    expect(actions[0]!.extra?.find((e) => e.label === 'Budget')?.text).toBe('46295');
    const notes = plan.warnings.filter((w) => w.code === 'date-from-number');
    expect(notes).toHaveLength(1);
    expect(notes[0]!.message).toContain('46295 as 30/09/2026 (sheet "Plan", cell E2)');
  });
});
