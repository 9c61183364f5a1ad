import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { parsePlanFile } from './index.js';

/**
 * A cell merged down over several rows of a workbook's action table: a lead or a deadline the council
 * means for every action it spans (Excel keeps its text in the top row alone). A merge across a row (a
 * title, a group's banner) is not repeated, and an action written over rows is still one action.
 */

const ACTIONS = [
  [
    'Resourcing',
    '1.1',
    'Introduce a workforce planning template',
    'Head of HR',
    'January 2027',
    'In progress',
  ],
  ['', '1.2', 'Agree a corporate approach to agency workers', '', 'December 2026', 'Complete'],
  ['', '1.3', 'Launch a returners scheme', '', 'June 2027', 'Not started'],
  ['Skills', '2.1', 'Complete a skills audit', 'L&D Manager', 'March 2027', 'In progress'],
  ['', '2.2', 'Publish a corporate training calendar', 'Heads of Service', '', 'In progress'],
];

async function workbook(build: (ws: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  build(wb.addWorksheet('Action plan'));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const merged = () =>
  workbook((ws) => {
    ws.addRow(['Workforce Development Action Plan 2026/27']);
    ws.mergeCells('A1:F1');
    ws.addRow(['Theme', 'No.', 'Action', 'Lead', 'Deadline', 'Status']);
    for (const a of ACTIONS) ws.addRow(a);
    // Themes and the first lead down their rows; the second theme's deadline over both its actions.
    for (const range of ['A3:A5', 'A6:A7', 'D3:D5', 'E6:E7']) ws.mergeCells(range);
  });

const actionsOf = (plan: Awaited<ReturnType<typeof parsePlanFile>>) =>
  plan.themes.flatMap((t) => t.actions.map((a) => [a.ref, a.leads.map((l) => l.label), a.due?.text]));

describe('a cell merged down the rows of an action table', () => {
  it('is each row’s: its lead or deadline is every action’s it spans', async () => {
    const plan = await parsePlanFile(await merged(), { filename: 'plan.xlsx' });
    expect(actionsOf(plan)).toEqual([
      ['1.1', ['Head of HR'], 'January 2027'],
      ['1.2', ['Head of HR'], 'December 2026'],
      ['1.3', ['Head of HR'], 'June 2027'],
      ['2.1', ['L&D Manager'], 'March 2027'],
      ['2.2', ['Heads of Service'], 'March 2027'],
    ]);
  });

  it('of themes still makes one theme of each name, and a title merged across stays the title', async () => {
    const plan = await parsePlanFile(await merged(), { filename: 'plan.xlsx' });
    expect(plan.title).toBe('Workforce Development Action Plan 2026/27');
    expect(plan.themes.map((t) => [t.title, t.actions.map((a) => a.ref)])).toEqual([
      ['Resourcing', ['1.1', '1.2', '1.3']],
      ['Skills', ['2.1', '2.2']],
    ]);
  });

  it('of a RAG colour alone is each row’s, beside rows with colours of their own', async () => {
    const buffer = await workbook((ws) => {
      ws.addRow(['Priority', 'Action', 'Lead', 'Target date', 'RAG']);
      ws.addRow(['Recruitment', 'Recruitment microsite', 'Recruitment Manager', 'Oct 2027', '']);
      ws.addRow(['', 'Apprenticeship fair', 'L&D Manager', 'Nov 2027', '']);
      ws.addRow(['', 'Refer a friend', 'Head of HR', 'Dec 2027', '']);
      ws.addRow(['Wellbeing', 'Wellbeing hub', 'OH Manager', 'Jan 2028', '']);
      ws.addRow(['', 'Sickness policy', 'HR Policy Officer', 'Feb 2028', '']);
      const fill = (ref: string, argb: string) => {
        ws.getCell(ref).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb } };
      };
      fill('E2', 'FF00B050');
      fill('E4', 'FFFF0000');
      fill('E5', 'FFFFC000');
      fill('E6', 'FF00B050');
      // The green of the first two actions is one cell; the priorities are merged down theirs.
      for (const range of ['E2:E3', 'A2:A4', 'A5:A6']) ws.mergeCells(range);
    });
    const plan = await parsePlanFile(buffer, { filename: 'plan.xlsx' });
    expect(plan.themes.map((t) => [t.title, t.actions.map((a) => a.status)])).toEqual([
      ['Recruitment', ['on-track', 'on-track', 'off-track']],
      ['Wellbeing', ['at-risk', 'on-track']],
    ]);
  });

  it('of an action written over rows keeps it one action, as if the cells below were empty', async () => {
    const rows = [
      ['1', 'Run a leadership programme', 'Head of OD', 'January 2027', 'Cohort 1 recruited.'],
      ['', '', '', '', 'Cohort 2 planned for the spring.'],
      ['2', 'Refresh the appraisal scheme', 'HR Manager', 'March 2027', 'New form agreed.'],
    ];
    const read = async (merge: boolean) =>
      parsePlanFile(
        await workbook((ws) => {
          ws.addRow(['Ref', 'Action', 'Lead', 'Target date', 'Progress']);
          for (const r of rows) ws.addRow(r);
          if (merge) for (const range of ['A2:A3', 'B2:B3', 'C2:C3', 'D2:D3']) ws.mergeCells(range);
        }),
        { filename: 'plan.xlsx' },
      );
    const withMerges = await read(true);
    expect(withMerges.themes).toEqual((await read(false)).themes);
    const actions = withMerges.themes.flatMap((t) => t.actions);
    expect(actions.map((a) => [a.ref, a.subActions.length, a.progress])).toEqual([
      ['1', 0, 'Cohort 1 recruited.\nCohort 2 planned for the spring.'],
      ['2', 0, 'New form agreed.'],
    ]);
  });

  it('of a header over two rows names each column once', async () => {
    const buffer = await workbook((ws) => {
      ws.addRow(['Ref', 'Action', 'Timescale', '', 'Lead']);
      ws.addRow(['', '', 'Start', 'End', '']);
      for (const range of ['A1:A2', 'B1:B2', 'C1:D1', 'E1:E2']) ws.mergeCells(range);
      ws.addRow(['1.1', 'Launch the apprenticeship scheme', 'April 2026', 'March 2027', 'Head of HR']);
      ws.addRow([
        '1.2',
        'Refresh the recruitment website',
        'June 2026',
        'December 2026',
        'Recruitment Manager',
      ]);
    });
    const plan = await parsePlanFile(buffer, { filename: 'plan.xlsx' });
    const a = plan.themes[0]!.actions[0]!;
    expect([a.title, a.start?.text, a.due?.text, a.leads.map((l) => l.label)]).toEqual([
      'Launch the apprenticeship scheme',
      'April 2026',
      'March 2027',
      ['Head of HR'],
    ]);
  });
});
