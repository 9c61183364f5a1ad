import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { type ParsedPlan, parsePlanFile } from './index.js';

/**
 * Boards exported from a project tool (Monday.com, and trackers laid out alike): the board's name, each
 * group's name on a row of its own above the header written again, and under an item its sub-items
 * under a header of their own, often one column to the right (build/sub-tables.ts, header-groups.ts).
 */

async function workbook(rows: (string | null)[][]): Promise<ParsedPlan> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Board');
  for (const r of rows) ws.addRow(r.length ? r : []);
  return parsePlanFile(Buffer.from(await wb.xlsx.writeBuffer()), { filename: 'board.xlsx' });
}

const HEADER = ['Name', 'People', 'Status', 'Timeline', 'Date', 'Subitems'];
const SUB_HEADER = ['', 'Subitems', 'Owner', 'Status', 'Date'];

/** A board of two groups; the first item has three sub-items, the third two. */
const BOARD = [
  ['Workforce Board 2026/27'],
  [],
  ['Attraction'],
  HEADER,
  [
    'Launch a careers microsite',
    'Ana Costa',
    'Working on it',
    '2026-09-01 - 2027-01-29',
    '2027-01-29',
    'Brief agency, Content signed off, Site live',
  ],
  SUB_HEADER,
  ['', 'Brief agency', 'Ana Costa', 'Done', '2026-09-30'],
  ['', 'Content signed off', 'Comms Team', 'Stuck', '2026-11-30'],
  ['', 'Site live', '', '', '2027-01-29'],
  ['Refer-a-friend bonus', 'Ben Adeyemi', 'Done', '2026-05-01 - 2026-08-28', '2026-08-28', ''],
  [
    'Apprenticeship pathway for care roles',
    'Ben Adeyemi, Cara Lowe',
    'Stuck',
    '2026-10-01 - 2027-03-31',
    '2027-03-31',
    'Levy transfer, College partner',
  ],
  SUB_HEADER,
  ['', 'Levy transfer', 'Finance Team', '', '2026-12-11'],
  ['', 'College partner', 'Cara Lowe', 'Working on it', '2027-02-26'],
  [],
  ['Pay and reward'],
  HEADER,
  ['Job evaluation refresh', 'Dev Patel', 'Working on it', '2026-11-02 - 2027-06-30', '2027-06-30', ''],
  ['Benefits platform re-tender', 'Dev Patel', '', '2027-01-04 - 2027-05-28', '2027-05-28', ''],
];

describe('a board exported from a project tool', () => {
  it('reads each group as a theme, its items as actions and the rows under a sub-items header as theirs', async () => {
    const plan = await workbook(BOARD);
    expect(plan.title).toBe('Workforce Board 2026/27');
    expect(
      plan.themes.map((t) => [t.title, t.actions.map((a) => [a.title, a.subActions.map((s) => s.title)])]),
    ).toEqual([
      [
        'Attraction',
        [
          ['Launch a careers microsite', ['Brief agency', 'Content signed off']],
          ['Refer-a-friend bonus', []],
          ['Apprenticeship pathway for care roles', ['Levy transfer', 'College partner']],
        ],
      ],
      [
        'Pay and reward',
        [
          ['Job evaluation refresh', []],
          ['Benefits platform re-tender', []],
        ],
      ],
    ]);
    // A sub-item with a date and no owner of its own is the item's milestone.
    expect(plan.themes[0]!.actions[0]!.milestones.map((m) => [m.title, m.due.due])).toEqual([
      ['Site live', '2027-01-29'],
    ]);
  });

  it('reads the items after a sub-items block with the board’s own columns: statuses are never leads', async () => {
    const plan = await workbook(BOARD);
    const actions = plan.themes.flatMap((t) => t.actions);
    expect(actions.map((a) => [a.leads.map((l) => l.label), a.status ?? null])).toEqual([
      [['Ana Costa'], 'on-track'],
      [['Ben Adeyemi'], 'completed'],
      [['Ben Adeyemi', 'Cara Lowe'], 'off-track'],
      [['Dev Patel'], 'on-track'],
      [['Dev Patel'], null],
    ]);
    const subs = actions.flatMap((a) => a.subActions);
    expect(subs.map((s) => [s.title, s.leads.map((l) => l.label), s.status ?? null, s.due?.due])).toEqual([
      ['Brief agency', ['Ana Costa'], 'completed', '2026-09-30'],
      ['Content signed off', ['Comms Team'], 'off-track', '2026-11-30'],
      ['Levy transfer', ['Finance Team'], null, '2026-12-11'],
      ['College partner', ['Cara Lowe'], 'on-track', '2027-02-26'],
    ]);
    const leads = [...actions, ...subs].flatMap((a) => a.leads.map((l) => l.label));
    expect(leads).not.toContain('Done');
    expect(leads).not.toContain('Working on it');
    // The board's groups are themes, never the cover or an action.
    expect(plan.sections.find((s) => s.key === 'cover')?.body ?? '').not.toContain('Attraction');
  });

  it('reads the Timeline as when the work runs, and the Date that repeats its end once', async () => {
    const plan = await workbook(BOARD);
    const first = plan.themes[0]!.actions[0]!;
    expect(first.due).toMatchObject({ kind: 'range', start: '2026-09-01', due: '2027-01-29' });
    expect(first.due?.text).toBe('2026-09-01 - 2027-01-29');
    // The item's list of its sub-items' names says nothing its sub-items' rows do not.
    expect(first.extra ?? []).toEqual([]);
  });

  it('shows the sub-items header once among the mappings', async () => {
    const plan = await workbook(BOARD);
    expect(plan.mapping.tables.map((t) => t.columns.map((c) => `${c.header}=${c.field}`))).toEqual([
      [
        'Name=title',
        'People=lead:responsible',
        'Status=status',
        'Timeline=due',
        'Date=due',
        'Subitems=ignore',
      ],
      ['Subitems=title', 'Owner=lead:accountable', 'Status=status', 'Date=due'],
    ]);
  });
});

describe('a header part way down an action table', () => {
  it('naming sub-items in its first column heads the sub-items of the item above, until a row runs wider', async () => {
    const plan = await workbook([
      ['Ref', 'Action', 'Lead', 'Status', 'Deadline', 'Notes'],
      ['1', 'Refresh the induction programme', 'OD Manager', 'On track', 'March 2027', 'Pilot in Q3'],
      ['Sub-tasks', 'Assigned to', 'Due'],
      ['Map the current induction', 'OD Adviser', 'October 2026'],
      ['Corporate welcome day', '', 'January 2027'],
      [
        '2',
        'Introduce stay interviews',
        'HR Business Partner',
        'Not started',
        'June 2027',
        'For hard-to-fill roles',
      ],
    ]);
    const actions = plan.themes.flatMap((t) => t.actions);
    expect(actions.map((a) => [a.ref, a.title, a.leads.map((l) => l.label), a.status])).toEqual([
      ['1', 'Refresh the induction programme', ['OD Manager'], 'on-track'],
      ['2', 'Introduce stay interviews', ['HR Business Partner'], 'not-started'],
    ]);
    expect(actions[0]!.subActions.map((s) => [s.title, s.leads.map((l) => l.label)])).toEqual([
      ['Map the current induction', ['OD Adviser']],
    ]);
    expect(actions[0]!.milestones.map((m) => m.title)).toEqual(['Corporate welcome day']);
  });

  it('with the table’s names shifted one column right heads the item’s sub-items; the header again resumes the table', async () => {
    const plan = await workbook([
      ['Action', 'Lead', 'Status', 'Deadline'],
      ['Agile working policy', 'Head of HR', 'Amber', 'December 2026'],
      ['', 'Action', 'Lead', 'Status', 'Deadline'],
      ['', 'Draft for consultation', 'HR Policy Officer', 'Green', 'September 2026'],
      ['', 'Unison consultation', 'Head of HR', 'Red', 'November 2026'],
      ['Action', 'Lead', 'Status', 'Deadline'],
      ['Menopause awareness sessions', 'Wellbeing Lead', 'Green', 'February 2027'],
    ]);
    const actions = plan.themes.flatMap((t) => t.actions);
    expect(actions.map((a) => [a.title, a.leads.map((l) => l.label), a.status, a.subActions.length])).toEqual(
      [
        ['Agile working policy', ['Head of HR'], 'at-risk', 2],
        ['Menopause awareness sessions', ['Wellbeing Lead'], 'on-track', 0],
      ],
    );
    expect(actions[0]!.subActions.map((s) => [s.title, s.status])).toEqual([
      ['Draft for consultation', 'on-track'],
      ['Unison consultation', 'off-track'],
    ]);
    // The table's own header again is the same table: one mapping for it, one for the sub-items.
    expect(plan.mapping.tables).toHaveLength(2);
  });

  it('leaves a key milestones table under the actions to its own header', async () => {
    const plan = await workbook([
      ['Ref', 'Action', 'Lead', 'Deadline'],
      ['1', 'Workforce planning toolkit', 'Head of OD', 'March 2027'],
      ['', '', '', 'Date'],
      ['A', 'Toolkit launched', '', 'January 2027'],
    ]);
    expect(plan.themes.flatMap((t) => t.actions).map((a) => a.subActions.length)).toEqual([0]);
  });
});

describe('who leads', () => {
  it.each(['Person', 'People', 'Owner', 'Assignee', 'Assigned to', 'Responsible person'])(
    '"%s" heads the column of who leads',
    async (name) => {
      const plan = await workbook([
        ['Action', name, 'Deadline'],
        ['Launch a staff wellbeing hub', 'Jo Finch', 'March 2027'],
      ]);
      expect(plan.themes[0]!.actions[0]!.leads.map((l) => l.label)).toEqual(['Jo Finch']);
    },
  );

  it('reads a group named "People" alone on its row as a group, not a header', async () => {
    const plan = await workbook([
      ['Ref', 'Action', 'Lead', 'Deadline'],
      ['People'],
      ['1.1', 'Launch a staff wellbeing hub', 'Jo Finch', 'March 2027'],
      ['Our People'],
      ['2.1', 'Run a pulse survey', 'HR Manager', 'June 2027'],
    ]);
    expect(plan.themes.map((t) => [t.title, t.actions.map((a) => a.leads.map((l) => l.label))])).toEqual([
      ['People', [['Jo Finch']]],
      ['Our People', [['HR Manager']]],
    ]);
  });

  it('never takes a status written in the lead column for a person: it is kept with the action', async () => {
    const plan = await parsePlanFile(
      Buffer.from(
        [
          'Action,Lead,Deadline',
          'Review the pay policy,Done,March 2027',
          'Stress risk assessments,Working on it,June 2027',
          'Recruit to the OD team,Green,May 2027',
          'Hybrid working review,Head of HR,April 2027',
        ].join('\n'),
      ),
      { filename: 'plan.csv' },
    );
    const actions = plan.themes.flatMap((t) => t.actions);
    expect(actions.map((a) => a.leads.map((l) => l.label))).toEqual([[], [], [], ['Head of HR']]);
    expect(actions.map((a) => a.unplaced)).toEqual([['Done'], ['Working on it'], ['Green'], []]);
    expect(plan.warnings.filter((w) => w.code === 'lead-is-status')).toHaveLength(3);
  });
});

describe('group names above a header written again', () => {
  it('are groups only where every later copy of the header has one above it', async () => {
    // A header written again after a row of the table (a page's) names no group.
    const plan = await workbook([
      ['Action plan 2026/27'],
      ['Action', 'Lead', 'Deadline'],
      ['Launch a staff wellbeing hub', 'Jo Finch', 'March 2027'],
      ['Action', 'Lead', 'Deadline'],
      ['Run a pulse survey', 'HR Manager', 'June 2027'],
    ]);
    expect(plan.title).toBe('Action plan 2026/27');
    expect(plan.themes.flatMap((t) => t.actions).map((a) => a.title)).toEqual([
      'Launch a staff wellbeing hub',
      'Run a pulse survey',
    ]);
    expect(plan.themes.map((t) => t.title)).toEqual(['Actions']);
  });
});
