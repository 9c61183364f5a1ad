import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { parsePlanFile } from './index.js';
import { toEntities } from './to-entities.js';

const ENTITY_CONTEXT = {
  councilId: 'kent',
  importId: '01JD0000000000000000000000',
  now: '2026-04-01T09:00:00.000Z',
  actor: { sub: 'user-1', name: 'Editor' },
  people: [],
};

/**
 * A "Priority" column means the plan's groups in some councils' workbooks (a merged cell over the
 * actions of each) and a rating in others (High, Medium, Low). The first makes themes; the second stays
 * with each action as written.
 */
const ACTIONS = [
  ['1.1', 'Launch the apprenticeship scheme', 'Head of HR', 'March 2027'],
  ['1.2', 'Refresh the recruitment website', 'Recruitment Manager', 'June 2027'],
  ['2.1', 'Introduce wellbeing champions', 'OD Manager', 'September 2027'],
  ['2.2', 'Review the sickness absence policy', 'HR Adviser', 'December 2027'],
];

async function workbook(priority: (row: number) => string, merge: boolean): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Action plan');
  ws.addRow(['Priority', 'Ref', 'Action', 'Lead', 'Deadline']);
  for (const [i, a] of ACTIONS.entries()) ws.addRow([priority(i), ...a]);
  if (merge) {
    ws.mergeCells('A2:A3');
    ws.mergeCells('A4:A5');
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('a sheet’s title row', () => {
  it('merged across the top is the plan’s title, not a table', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Action plan');
    ws.addRow(['Mercia County Council – Workforce Action Plan 2026/27']);
    ws.mergeCells('A1:E1');
    ws.addRow(['Ref', 'Action', 'Lead', 'Deadline']);
    for (const a of ACTIONS) ws.addRow(a);
    const plan = await parsePlanFile(Buffer.from(await wb.xlsx.writeBuffer()), {
      filename: 'action-plan.xlsx',
    });
    expect(plan.title).toBe('Mercia County Council – Workforce Action Plan 2026/27');
    expect(plan.sections.map((s) => s.title)).not.toContain(expect.stringMatching(/^Table:/));
    expect(plan.themes.flatMap((t) => t.actions)).toHaveLength(4);
  });
});

describe('a Priority column', () => {
  it('of merged group names makes the themes', async () => {
    const names = ['Recruitment and retention', '', 'Health and wellbeing', ''];
    const plan = await parsePlanFile(await workbook((i) => names[i]!, true), { filename: 'plan.xlsx' });
    expect(plan.themes.map((t) => [t.title, t.actions.map((a) => a.ref)])).toEqual([
      ['Recruitment and retention', ['1.1', '1.2']],
      ['Health and wellbeing', ['2.1', '2.2']],
    ]);
  });

  it('of group names repeated on every row makes the themes too', async () => {
    const names = ['Recruitment', 'Recruitment', 'Wellbeing', 'Wellbeing'];
    const plan = await parsePlanFile(await workbook((i) => names[i]!, false), { filename: 'plan.xlsx' });
    expect(plan.themes.map((t) => t.title)).toEqual(['Recruitment', 'Wellbeing']);
  });

  it.each([
    [['P1', 'P2', 'P1', 'P3']],
    [['High priority', 'Low priority', 'High priority', 'Low priority']],
    [['Must do', 'Should do', 'Must do', 'Could do']],
    // Names that come back after another name are ratings or tags, not groups.
    [['Recruitment', 'Wellbeing', 'Recruitment', 'Wellbeing']],
  ])('of %j is not read as themes', async (values) => {
    const plan = await parsePlanFile(await workbook((i) => values[i]!, false), { filename: 'plan.xlsx' });
    expect(plan.themes).toHaveLength(1);
    expect(plan.themes[0]!.actions.map((a) => a.extra)).toEqual(
      values.map((text) => [{ label: 'Priority', text }]),
    );
  });

  it('of ratings stays with each action, as written', async () => {
    const ratings = ['High', 'Medium', 'High', 'Low'];
    const plan = await parsePlanFile(await workbook((i) => ratings[i]!, false), { filename: 'plan.xlsx' });
    const actions = plan.themes.flatMap((t) => t.actions);
    expect(actions).toHaveLength(4);
    expect(actions.map((a) => a.extra)).toEqual(ratings.map((text) => [{ label: 'Priority', text }]));
  });

  it('of ratings leaves the actions in one unnumbered group, not "Priority 1"', async () => {
    const ratings = ['High', 'Medium', 'High', 'Low'];
    const plan = await parsePlanFile(await workbook((i) => ratings[i]!, false), { filename: 'plan.xlsx' });
    expect(plan.themes.map((t) => [t.ref, t.title])).toEqual([['', 'Actions']]);
    const { themes } = toEntities(plan, ENTITY_CONTEXT);
    expect(themes.map((t) => t.ref)).toEqual(['']);
  });
});

describe('headings after actions that come before any', () => {
  it('are numbered from 1: the first group is not one of the plan’s own', async () => {
    const plan = await parsePlanFile(
      [
        'Ref\tAction\tLead\tDeadline',
        'A\tAgree the plan with the People Board\tDirector of People\tApril 2026',
        '',
        'Recruitment and retention',
        'Ref\tAction\tLead\tDeadline',
        'B\tLaunch the apprenticeship scheme\tHead of HR\tMarch 2027',
        '',
        'Wellbeing',
        'Ref\tAction\tLead\tDeadline',
        'C\tIntroduce wellbeing champions\tOD Manager\tSeptember 2027',
      ].join('\n'),
    );
    expect(plan.themes.map((t) => [t.ref, t.title, t.actions.length])).toEqual([
      ['', 'Actions', 1],
      ['1', 'Recruitment and retention', 1],
      ['2', 'Wellbeing', 1],
    ]);
  });
});

describe('an "Objective" column beside the action’s own', () => {
  const csv = (objective: (i: number) => string) =>
    [
      'Ref;Objective;Action;Lead;Due',
      ...ACTIONS.map(([ref, title, lead, due], i) => [ref, objective(i), title, lead, due].join(';')),
    ].join('\n');

  it('names the groups when its names run over the actions', async () => {
    const plan = await parsePlanFile(
      Buffer.from(csv((i) => (i < 2 ? 'Be an inclusive employer' : 'Look after our people'))),
      { filename: 'plan.csv' },
    );
    expect(plan.themes.map((t) => [t.title, t.actions.map((a) => a.title)])).toEqual([
      ['Be an inclusive employer', ['Launch the apprenticeship scheme', 'Refresh the recruitment website']],
      ['Look after our people', ['Introduce wellbeing champions', 'Review the sickness absence policy']],
    ]);
  });

  it('stays part of each action when every row has an objective of its own', async () => {
    const plan = await parsePlanFile(Buffer.from(csv((i) => `Objective ${i + 1}: a distinct aim`)), {
      filename: 'plan.csv',
    });
    expect(plan.themes.flatMap((t) => t.actions).map((a) => a.title)[0]).toMatch(
      /Objective 1: a distinct aim[\s\S]*Launch the apprenticeship scheme/,
    );
  });
});
