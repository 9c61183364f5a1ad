import { describe, expect, it } from 'vitest';
import { parsePlanFile } from './index.js';

const dueOf = async (file: Buffer, filename: string) =>
  (await parsePlanFile(file, { filename })).themes
    .flatMap((t) => t.actions)
    .map((a) => [a.ref, a.due?.text, a.due?.start, a.due?.due]);

describe('a Gantt chart: months or quarters marked along each row', () => {
  it('reads shaded months as when the action runs, from the first to the last', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Action Plan 2026-27');
    ws.addRow(['Early Careers Action Plan 2026/27']);
    const months = ['Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec', 'Jan', 'Feb', 'Mar'];
    ws.addRow(['Ref', 'Action', 'Responsible officer', ...months, 'Status']);
    const rows: Array<[string, string, string, number[], string]> = [
      [
        'AP1',
        'Agree the levy spend plan with each directorate',
        'Apprenticeship Manager',
        [0, 1, 2],
        'Complete',
      ],
      ['AP2', 'Transfer unspent levy to care providers', 'Head of HR', [6, 7, 8, 9, 10, 11], 'On track'],
      ['AP3', 'Hold a recruitment open day', 'Recruitment Officer', [9], 'Not started'],
    ];
    for (const [ref, action, lead, shaded, status] of rows) {
      const row = ws.addRow([ref, action, lead, ...months.map(() => ''), status]);
      for (const m of shaded)
        row.getCell(4 + m).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF4472C4' } };
    }
    const file = Buffer.from(await wb.xlsx.writeBuffer());
    expect(await dueOf(file, 'gantt.xlsx')).toEqual([
      ['AP1', 'Apr – Jun', '2026-04-01', '2026-06-30'],
      ['AP2', 'Oct – Mar', '2026-10-01', '2027-03-31'],
      ['AP3', 'Jan', undefined, '2027-01-31'],
    ]);
  });

  it('reads quarters marked X, never as refs; a status a quarter (RAG letters) stays a status', async () => {
    const text = [
      'Workforce Plan 2026/27',
      '',
      'Ref\tAction\tLead\tQ1 (Apr–Jun)\tQ2 (Jul–Sep)\tQ3 (Oct–Dec)\tQ4 (Jan–Mar)\tStatus',
      'AP4\tTransfer unspent levy to care providers\tHead of HR\t\t\tX\tX\tOn track',
      'AP5\tPublish the apprenticeship return\tHR Systems Officer\t\tX\t\t\tNot started',
    ].join('\n');
    expect(await dueOf(Buffer.from(text), 'plan.txt')).toEqual([
      ['AP4', 'Q3 – Q4', undefined, '2027-03-31'],
      ['AP5', 'Q2', undefined, '2026-09-30'],
    ]);
    const ratings = [
      'Ref,Action,Lead,Deadline,Q1,Q2,Q3,Q4',
      '1,Run the staff survey,Head of HR,March 2027,G,A,,',
      '2,Publish the pay gap report,Reward Lead,March 2027,G,G,G,',
    ].join('\n');
    const plan = await parsePlanFile(Buffer.from(ratings), { filename: 'ratings.csv' });
    expect(plan.themes.flatMap((t) => t.actions).map((a) => a.status)).toEqual(['at-risk', 'on-track']);
  });
});
