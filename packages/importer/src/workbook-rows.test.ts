import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { parsePlanFile } from './index.js';

/**
 * Rows of a workbook's action table that are not the plan's actions as Excel shows them: rows a council
 * hid (withdrawn actions), and a totals row under the table, its cells counting the column above.
 */

type Plan = Awaited<ReturnType<typeof parsePlanFile>>;
const actionsOf = (plan: Plan) => plan.themes.flatMap((t) => t.actions);

async function workbook(build: (ws: ExcelJS.Worksheet) => void): Promise<Plan> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Action Plan');
  build(ws);
  return parsePlanFile(Buffer.from(await wb.xlsx.writeBuffer()), { filename: 'plan.xlsx' });
}

const HEADER = ['Ref', 'Action', 'Lead', 'Deadline', 'RAG', 'Progress'];

describe('rows a council hid', () => {
  it('are left out, with one note naming each', async () => {
    const plan = await workbook((ws) => {
      ws.addRow(['Workforce Delivery Plan 2026/27']);
      ws.addRow(HEADER);
      ws.addRow(['1.1', 'Launch a workforce planning toolkit', 'Head of HR', '31/12/2026', 'Green', '']);
      ws.addRow([
        '1.2',
        'Withdrawn – merged into 1.1 (CLT, May 2026)',
        'Head of HR',
        '30/09/2026',
        'Blue',
        '',
      ]);
      ws.addRow(['1.3', 'Review honoraria', 'Reward Manager', '31/10/2026', 'Red', '']);
      ws.addRow([]);
      ws.addRow(['2.1', 'Withdrawn – superseded by the national pathway', 'PSW', '31/01/2027', 'Blue', '']);
      ws.getRow(4).hidden = true;
      // An empty row hidden as spacing holds nothing to name.
      ws.getRow(6).hidden = true;
      ws.getRow(7).hidden = true;
    });
    expect(actionsOf(plan).map((a) => a.ref)).toEqual(['1.1', '1.3']);
    expect(JSON.stringify(plan.themes)).not.toContain('Withdrawn');
    const notes = plan.warnings.filter((w) => w.code === 'hidden-rows-left-out');
    expect(notes).toHaveLength(1);
    expect(notes[0]!.message).toContain('sheet "Action Plan"');
    expect(notes[0]!.message).toContain('row 4 ("1.2 | Withdrawn – merged into 1.1');
    expect(notes[0]!.message).toContain('row 7 ("2.1 | Withdrawn – superseded');
    expect(notes[0]!.message).not.toContain('row 6');
  });

  it('in a collapsed group (Excel’s outline) are still the plan’s, and no note is made', async () => {
    const plan = await workbook((ws) => {
      ws.addRow(['Activity', 'Responsible officer', 'Target date', 'Status']);
      const theme = ws.addRow(['Attracting talent']);
      theme.outlineLevel = 1;
      for (const r of [
        ['Launch a careers website', 'Recruitment Manager', '31/03/2027', 'In progress'],
        ['Reduce time to hire to 45 days', 'HR Business Partner', '31/03/2028', 'Not started'],
      ]) {
        const row = ws.addRow(r);
        row.outlineLevel = 2;
        row.hidden = true;
      }
    });
    expect(actionsOf(plan).map((a) => a.title)).toEqual([
      'Launch a careers website',
      'Reduce time to hire to 45 days',
    ]);
    expect(plan.warnings.map((w) => w.code)).not.toContain('hidden-rows-left-out');
  });

  it('make no note when none is hidden', async () => {
    const plan = await workbook((ws) => {
      ws.addRow(HEADER);
      ws.addRow(['1.1', 'Launch a workforce planning toolkit', 'Head of HR', '31/12/2026', 'Green', '']);
    });
    expect(plan.warnings.map((w) => w.code)).not.toContain('hidden-rows-left-out');
  });
});

describe('a totals row under the action table', () => {
  it('is no action when its first cell says Total, whatever the other cells hold', async () => {
    const plan = await workbook((ws) => {
      ws.addRow(HEADER);
      ws.addRow([
        '1.1',
        'Launch a workforce planning toolkit',
        'Head of HR',
        '31/12/2026',
        'Green',
        'Piloted.',
      ]);
      ws.addRow(['1.2', 'Establish a talent pool', 'Head of Resourcing', '31/03/2027', 'Amber', '']);
      ws.addRow([]);
      ws.addRow([
        'Total',
        { formula: 'COUNTIF(A2:A3,"?.?")&" actions"', result: '2 actions' },
        '',
        'Green:',
        { formula: 'COUNTIF(E2:E3,"Green")', result: 1 },
        { formula: '"Amber "&COUNTIF(E2:E3,"Amber")', result: 'Amber 1' },
      ]);
    });
    expect(actionsOf(plan).map((a) => a.ref)).toEqual(['1.1', '1.2']);
    expect(plan.sections.find((s) => s.title === 'Summary')?.body).toBe(
      'Total | 2 actions | Green: | 1 | Amber 1',
    );
    expect(plan.warnings.map((w) => w.code)).not.toContain('status-not-read');
    expect(plan.warnings.map((w) => w.code)).not.toContain('unparsed-deadline');
  });

  it('is no action when its values count or add up the columns above, under a label', async () => {
    const plan = await workbook((ws) => {
      ws.addRow(HEADER);
      ws.addRow(['1.1', 'Launch a workforce planning toolkit', 'Head of HR', '31/12/2026', 'Green', '']);
      ws.addRow(['1.2', 'Establish a talent pool', 'Head of Resourcing', '31/03/2027', 'Complete', '']);
      ws.addRow([
        '',
        'Actions complete',
        '',
        '',
        { formula: 'COUNTIF(E$2:E$3,"Complete")', result: 1 },
        { formula: 'COUNTA(B2:B3)', result: 2 },
      ]);
    });
    expect(actionsOf(plan).map((a) => a.ref)).toEqual(['1.1', '1.2']);
    expect(plan.sections.find((s) => s.title === 'Summary')?.body).toBe('Actions complete | 1 | 2');
  });

  it('leaves an action whose own cells a formula counts an action', async () => {
    const plan = await workbook((ws) => {
      ws.addRow(['Ref', 'Action', 'Lead', 'Deadline', 'Step 1', 'Step 2', 'Steps done']);
      ws.addRow(['1.1', 'Run the staff survey', 'OD Manager', '31/12/2026', 'Done', 'Done', '']);
      ws.getCell('G2').value = { formula: 'COUNTIF(E2:F2,"Done")', result: 2 };
      ws.addRow(['1.2', 'Publish the pay gap report', 'Reward Manager', '31/03/2027', 'Done', '', '']);
      ws.getCell('G3').value = { formula: 'SUM(COUNTIF(E3:F3,"Done"))', result: 1 };
    });
    expect(actionsOf(plan).map((a) => a.title)).toEqual([
      'Run the staff survey',
      'Publish the pay gap report',
    ]);
    expect(plan.sections.find((s) => s.title === 'Summary')).toBeUndefined();
  });
});
