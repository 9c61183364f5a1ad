import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { parsePlanFile } from './index.js';

/**
 * Rows grouped with Excel's outline (Data › Group rows), with no indent or ref to show the plan's shape:
 * a theme's row, its actions a level under it, their dated steps a level under them.
 */

type Line = [level: number, title: string, lead?: string, due?: string, status?: string];

async function outlined(lines: Line[], opts: { outline?: boolean; collapsed?: boolean } = {}) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Delivery plan');
  ws.addRow(['Workforce Delivery Plan 2026–2029']);
  ws.addRow(['Activity', 'Responsible officer', 'Target date', 'Status']);
  for (const [level, title, lead, due, status] of lines) {
    const row = ws.addRow(lead === undefined && due === undefined ? [title] : [title, lead, due, status]);
    if (opts.outline !== false) row.outlineLevel = level;
    // A collapsed group's rows are hidden: still the plan's.
    if (opts.collapsed && level > Math.min(...lines.map((l) => l[0]))) row.hidden = true;
  }
  return parsePlanFile(Buffer.from(await wb.xlsx.writeBuffer()), { filename: 'delivery-plan.xlsx' });
}

const THREE_LEVELS: Line[] = [
  [1, 'Attracting talent'],
  [2, 'Launch a new careers website', 'Recruitment Manager', '31/03/2027', 'In progress'],
  [3, 'Brand signed off', '', '30/11/2026', 'Complete'],
  [3, 'Site live', '', '28/02/2027', ''],
  [2, 'Reduce time to hire to 45 days', 'HR Business Partner', '31/03/2028', 'Not started'],
  [1, 'Growing our own'],
  [2, 'Expand the apprenticeship programme', 'Apprenticeship Lead', '31/03/2027', 'On track'],
  [3, 'Levy transfer policy agreed', '', '31/10/2026', ''],
];

const shape = (plan: Awaited<ReturnType<typeof parsePlanFile>>) =>
  plan.themes.map((t) => [
    t.title,
    t.actions.map((a) => [a.title, a.leads.map((l) => l.label), a.milestones.map((m) => m.title)]),
  ]);

const SHAPE = [
  [
    'Attracting talent',
    [
      ['Launch a new careers website', ['Recruitment Manager'], ['Brand signed off', 'Site live']],
      ['Reduce time to hire to 45 days', ['HR Business Partner'], []],
    ],
  ],
  [
    'Growing our own',
    [['Expand the apprenticeship programme', ['Apprenticeship Lead'], ['Levy transfer policy agreed']]],
  ],
];

describe('rows grouped with Excel’s outline', () => {
  it('read as themes, their actions and the actions’ dated milestones', async () => {
    const plan = await outlined(THREE_LEVELS);
    expect(shape(plan)).toEqual(SHAPE);
    const website = plan.themes[0]!.actions[0]!;
    expect(website.milestones.map((m) => [m.due.due, m.completed ?? false])).toEqual([
      ['2026-11-30', true],
      ['2027-02-28', false],
    ]);
  });

  it('read by their levels one to another: themes left at the sheet’s top, as Excel groups them', async () => {
    const plan = await outlined(THREE_LEVELS.map(([level, ...rest]) => [level - 1, ...rest] as Line));
    expect(shape(plan)).toEqual(SHAPE);
  });

  it('read so when the groups are collapsed (their rows hidden)', async () => {
    const plan = await outlined(THREE_LEVELS, { collapsed: true });
    expect(shape(plan)).toEqual(SHAPE);
  });

  it('are read as rows are on a sheet that groups none', async () => {
    const plan = await outlined(THREE_LEVELS, { outline: false });
    expect(plan.themes.flatMap((t) => t.actions.map((a) => a.milestones.length))).not.toContain(2);
    expect(plan.themes.map((t) => t.title)).not.toContain('Attracting talent');
  });

  it('make a step with a lead of its own, or no date, a sub-action', async () => {
    const plan = await outlined([
      [0, 'Introduce a menopause policy', 'Wellbeing Officer', '31/01/2027', 'In progress'],
      [1, 'Trade union consultation', 'ER Manager', '15/12/2026', ''],
      [1, 'Publish guidance for managers', '', '', ''],
      [1, 'Policy approved', '', '31/01/2027', ''],
      [0, 'Train 40 Mental Health First Aiders', 'Wellbeing Officer', '30/04/2027', 'On track'],
    ]);
    const [policy, training] = plan.themes.flatMap((t) => t.actions);
    expect(policy!.subActions.map((a) => [a.title, a.leads.map((l) => l.label)])).toEqual([
      ['Trade union consultation', ['ER Manager']],
      ['Publish guidance for managers', []],
    ]);
    expect(policy!.milestones.map((m) => m.title)).toEqual(['Policy approved']);
    expect(training!.title).toBe('Train 40 Mental Health First Aiders');
    expect(plan.themes.map((t) => t.title)).toEqual(['Actions']);
  });

  it('make no themes of actions written as a title alone over their dated steps', async () => {
    const plan = await outlined([
      [1, 'Refresh the induction programme'],
      [2, 'Content agreed', '', '30/11/2026', ''],
      [2, 'First cohort', '', '31/01/2027', ''],
      [1, 'Launch a staff recognition scheme'],
      [2, 'Scheme approved', '', '31/03/2027', ''],
    ]);
    expect(shape(plan)).toEqual([
      [
        'Actions',
        [
          ['Refresh the induction programme', [], ['Content agreed', 'First cohort']],
          ['Launch a staff recognition scheme', [], ['Scheme approved']],
        ],
      ],
    ]);
  });

  it('read a project tool’s summary rows, their dates rolled up from their rows, as themes', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Delivery');
    ws.addRow(['Task Name', 'Assigned To', 'Start Date', 'End Date', 'Status']);
    for (const [level, ...cells] of [
      [0, 'Attract and recruit', '', '01/04/2026', '30/09/2027', ''],
      [1, 'Modernise the recruitment website', 'Head of HR', '01/04/2026', '18/12/2026', 'Green'],
      [2, 'Supplier appointed', 'HR Systems Manager', '01/06/2026', '30/06/2026', 'Green'],
      [
        1,
        'Launch an apprenticeship campaign',
        'Apprenticeship Coordinator',
        '04/01/2027',
        '30/09/2027',
        'Amber',
      ],
      [0, 'Develop and grow', '', '01/09/2026', '31/03/2028', ''],
      [1, 'Management essentials programme', 'L&D Manager', '01/09/2026', '30/07/2027', 'Green'],
    ] as const)
      ws.addRow(cells).outlineLevel = level;
    const plan = await parsePlanFile(Buffer.from(await wb.xlsx.writeBuffer()), { filename: 'export.xlsx' });
    expect(
      plan.themes.map((t) => [
        t.title,
        t.description,
        t.actions.map((a) => [a.title, a.subActions.map((x) => [x.title, x.leads.map((l) => l.label)])]),
      ]),
    ).toEqual([
      [
        'Attract and recruit',
        undefined,
        [
          ['Modernise the recruitment website', [['Supplier appointed', ['HR Systems Manager']]]],
          ['Launch an apprenticeship campaign', []],
        ],
      ],
      ['Develop and grow', undefined, [['Management essentials programme', []]]],
    ]);
  });

  it('read a tree three levels deep as themes over actions over steps, though its top rows name an owner', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Delivery');
    ws.addRow(['Task Name', 'Assigned To', 'Start Date', 'End Date', 'Status']);
    for (const [level, ...cells] of [
      [0, 'Attract and recruit', 'Head of HR', '01/04/2026', '31/03/2027', 'In Progress'],
      [1, 'Launch a careers microsite', 'Recruitment Lead', '01/04/2026', '30/09/2026', 'Complete'],
      [2, 'Content drafted', 'Recruitment Lead', '01/04/2026', '30/06/2026', 'Complete'],
      [1, 'Introduce a refer-a-friend bonus', 'Reward Lead', '01/10/2026', '31/03/2027', 'Not Started'],
      [0, 'Develop our people', 'Head of OD', '01/04/2026', '31/03/2027', 'In Progress'],
      [1, 'Leadership programme for 120 managers', 'OD Manager', '01/04/2026', '31/03/2027', 'In Progress'],
    ] as const)
      ws.addRow(cells).outlineLevel = level;
    const plan = await parsePlanFile(Buffer.from(await wb.xlsx.writeBuffer()), { filename: 'export.xlsx' });
    expect(
      plan.themes.map((t) => [t.title, t.actions.map((a) => [a.title, a.subActions.map((x) => x.title)])]),
    ).toEqual([
      [
        'Attract and recruit',
        [
          ['Launch a careers microsite', ['Content drafted']],
          ['Introduce a refer-a-friend bonus', []],
        ],
      ],
      ['Develop our people', [['Leadership programme for 120 managers', []]]],
    ]);
    // The group's owner is kept with the group, in its own words.
    expect(plan.themes[0]!.description).toContain('Head of HR');
  });

  it('are read as rows are when summaries come below what they sum', async () => {
    const plan = await outlined([
      [1, 'Launch a new careers website', 'Recruitment Manager', '31/03/2027', 'In progress'],
      [1, 'Reduce time to hire to 45 days', 'HR Business Partner', '31/03/2028', 'Not started'],
      [0, 'Recruitment: 2 actions'],
      [1, 'Expand the apprenticeship programme', 'Apprenticeship Lead', '31/03/2027', 'On track'],
      [0, 'Skills: 1 action'],
    ]);
    const actions = plan.themes.flatMap((t) => t.actions);
    expect(actions.map((a) => a.title)).toContain('Expand the apprenticeship programme');
    expect(actions.flatMap((a) => a.subActions)).toEqual([]);
    expect(plan.themes.map((t) => t.title)).not.toContain('Recruitment: 2 actions');
  });
});
