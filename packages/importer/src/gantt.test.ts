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

  it('keeps words written in a year column under a later group, and counts that year', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Delivery plan');
    ws.addRow(['Ref', 'Action', 'Lead', 'Year 1 (2026/27)', 'Year 2 (2027/28)', 'Year 3 (2028/29)']);
    ws.addRow(['Theme 1: Our culture']);
    ws.addRow(['1.1', 'Refresh the council values with staff', 'Head of OD', '✓', '', '']);
    ws.addRow(['1.2', 'Launch staff recognition awards', 'Head of Communications', '✓', '✓', '✓']);
    ws.addRow(['Theme 2: Our skills']);
    ws.addRow([
      '2.1',
      'Digital skills training for frontline staff',
      'Head of Digital',
      'Sep 2026',
      'Mar 2028',
      'N/A',
    ]);
    const plan = await parsePlanFile(Buffer.from(await wb.xlsx.writeBuffer()), { filename: 'years.xlsx' });
    const a = plan.themes.flatMap((t) => t.actions).find((x) => x.ref === '2.1')!;
    expect([a.due?.start, a.due?.due]).toEqual(['2026-04-01', '2028-03-31']);
    expect(a.extra).toEqual([
      { label: 'Year 1 (2026/27)', text: 'Sep 2026' },
      { label: 'Year 2 (2027/28)', text: 'Mar 2028' },
    ]);
  });

  it('reads ticks in financial-year columns as from 1 April of the first to 31 March after the last', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Delivery plan');
    ws.addRow(['Workforce Strategy 2026-2029 – Three Year Delivery Plan']);
    ws.addRow(['Key: ✓ = activity takes place in that financial year']);
    ws.addRow([]);
    ws.addRow(['Ref', 'Action', 'Lead', '2026/27', '2027/28', '2028/29', 'Success measure']);
    ws.addRow(['1.1', 'Modernise job adverts', 'Recruitment Manager', '✓', '', '', 'Applications up 20%']);
    ws.addRow([
      '1.2',
      'Run a campaign for hard-to-fill roles',
      'Comms',
      'x',
      'X',
      '',
      'Vacancy rate under 8%',
    ]);
    ws.addRow(['1.3', 'Offer T-level placements', 'Apprenticeship Lead', 'No', '●', 'Yes', '20 a year']);
    ws.addRow(['2.1', 'Introduce career conversations', 'Head of OD', '', '✔', '', 'Survey score up']);
    ws.addRow(['2.2', 'Hold annual staff awards', 'Comms', 'Y', 'Y', 'Y', 'Awards held']);
    const plan = await parsePlanFile(Buffer.from(await wb.xlsx.writeBuffer()), { filename: 'grid.xlsx' });
    const actions = plan.themes.flatMap((t) => t.actions);
    expect(actions.map((a) => [a.ref, a.due?.kind, a.due?.start, a.due?.due])).toEqual([
      ['1.1', 'range', '2026-04-01', '2027-03-31'],
      ['1.2', 'range', '2026-04-01', '2028-03-31'],
      ['1.3', 'range', '2027-04-01', '2029-03-31'],
      // Ticked in one year alone: it starts then, not now.
      ['2.1', 'range', '2027-04-01', '2028-03-31'],
      ['2.2', 'range', '2026-04-01', '2029-03-31'],
    ]);
    expect(actions.map((a) => a.due?.text)).toContain('2027/28 – 2028/29');
    // The ticks are the dates, not notes; the success measure stays the action's.
    expect(actions.flatMap((a) => a.extra ?? [])).toEqual([]);
    expect(actions[0]!.measureOfSuccess).toBe('Applications up 20%');
    // The key keeps its tick: a symbol it explains is no bullet.
    expect(JSON.stringify(plan.sections)).toContain('Key: ✓ = activity takes place in that financial year');
  });

  it('reads two year columns, calendar years by their months, and leaves year columns of figures', async () => {
    const twoYears = [
      'Ref,Action,Lead,2026/27,2027/28',
      '1,Recruit a cohort of apprentices,Head of HR,Y,',
      '2,Review the pay policy,Reward Lead,Y,Y',
    ].join('\n');
    expect(await dueOf(Buffer.from(twoYears), 'two.csv')).toEqual([
      ['1', 'Apr 2026 – Mar 2027', '2026-04-01', '2027-03-31'],
      ['2', '2026/27 – 2027/28', '2026-04-01', '2028-03-31'],
    ]);
    // A header of only the action, its lead and years is still a header.
    const calendar = [
      'Action,Lead,2026,2027,2028',
      'Recruit a cohort of apprentices,Head of HR,x,x,',
      'Review the pay policy,Reward Lead,,,x',
    ].join('\n');
    expect(await dueOf(Buffer.from(calendar), 'calendar.csv')).toEqual([
      ['1', 'Jan 2026 – Dec 2027', '2026-01-01', '2027-12-31'],
      ['2', 'Jan – Dec 2028', '2028-01-01', '2028-12-31'],
    ]);
    const figures = [
      'Ref,Action,Lead,Deadline,2026/27,2027/28,2028/29',
      '1,Cut sickness absence,Head of HR,March 2029,9 days,8.5 days,8 days',
      '2,Reduce turnover,HR Manager,March 2029,12%,11%,10%',
    ].join('\n');
    const plan = await parsePlanFile(Buffer.from(figures), { filename: 'figures.csv' });
    const actions = plan.themes.flatMap((t) => t.actions);
    expect(actions.map((a) => [a.due?.due, a.extra?.map((x) => x.text)])).toEqual([
      ['2029-03-31', ['9 days', '8.5 days', '8 days']],
      ['2029-03-31', ['12%', '11%', '10%']],
    ]);
  });

  it('reads a cross as "not that year" in a row that ticks other years', async () => {
    const text = [
      'Workforce Strategy 2026-2029: Action Plan',
      '',
      ['No.', 'Action', 'Lead', 'Year 1', 'Year 2', 'Year 3'].join('\t'),
      ['1', 'Develop a workforce planning toolkit', 'Head of HR', '✓', 'X', 'X'].join('\t'),
      ['2', 'Grow our own social workers', 'Principal Social Worker', '✓', '✓', '✓'].join('\t'),
      ['3', 'Implement a new HR and payroll system', 'HR Systems Manager', 'X', '✓', 'X'].join('\t'),
      ['4', 'Review pay and grading', 'Head of Reward', '✗', '✔', '✔'].join('\t'),
    ].join('\n');
    const plan = await parsePlanFile(text);
    expect(plan.themes.flatMap((t) => t.actions).map((a) => [a.ref, a.due?.text, a.due?.due])).toEqual([
      ['1', 'Year 1', '2027-03-31'],
      ['2', 'Year 1 – Year 3', '2029-03-31'],
      ['3', 'Year 2', '2028-03-31'],
      ['4', 'Year 2 – Year 3', '2029-03-31'],
    ]);
  });
});
