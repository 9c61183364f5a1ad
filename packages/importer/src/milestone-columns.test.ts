import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { parsePlanFile } from './index.js';

/** A tracker of one action a row, its milestones across the row, each beside its date, then the deadline. */
const HEADER = [
  'Ref',
  'Action',
  'Lead',
  'Milestone 1',
  'M1 date',
  'Milestone 2',
  'M2 date',
  'Milestone 3',
  'M3 date',
  'Overall deadline',
  'RAG',
];
const ROWS: (string | Date)[][] = [
  [
    'WP1',
    'Create a social work academy',
    'Principal Social Worker',
    'Business case approved',
    new Date(Date.UTC(2026, 8, 30)),
    'First cohort starts',
    new Date(Date.UTC(2027, 0, 31)),
    'Cohort 1 completes',
    new Date(Date.UTC(2028, 0, 31)),
    new Date(Date.UTC(2028, 0, 31)),
    'Green',
  ],
  [
    'WP2',
    'Reduce agency spend by 30%',
    'Director of Children’s Services',
    'Agreement with neighbouring councils',
    new Date(Date.UTC(2026, 9, 31)),
    'Agency spend reported to CMT',
    'Quarterly',
    'Impact review',
    'TBC',
    new Date(Date.UTC(2028, 2, 31)),
    'Amber',
  ],
  [
    'WP3',
    'Review recruitment panels',
    'Recruitment Manager',
    'Panel guidance published',
    '',
    '',
    '',
    '',
    '',
    new Date(Date.UTC(2027, 5, 30)),
    'Green',
  ],
];

async function tracker(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Milestones');
  ws.addRow(['Workforce Plan 2026-28: Action and Milestone Tracker']);
  ws.addRow(HEADER);
  for (const r of ROWS) {
    const row = ws.addRow(r);
    row.eachCell((c) => {
      if (c.value instanceof Date) c.numFmt = 'dd/mm/yyyy';
    });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const csv = (rows: string[][]) => Buffer.from(rows.map((r) => r.map((c) => `"${c}"`).join(',')).join('\n'));

/** One action's row: its two milestones with their dates, between its lead and its deadline. */
const survey = (first: string, second: string) => [
  '1',
  'Run the staff survey',
  'Head of HR',
  'Survey launched',
  first,
  'Results to CMT',
  second,
  'March 2027',
];

const read = async (file: Buffer, filename: string) => {
  const plan = await parsePlanFile(file, { filename });
  const actions = plan.themes.flatMap((t) => t.actions);
  return {
    plan,
    actions,
    milestones: actions.map((a) => [a.ref, a.milestones.map((m) => [m.title, m.due.kind, m.due.due])]),
  };
};

describe('milestones a column each, beside their dates', () => {
  it('are each action’s milestones in order, dated by their own column; the overall deadline is the action’s', async () => {
    const { plan, actions, milestones } = await read(await tracker(), 'tracker.xlsx');
    expect(actions.map((a) => [a.ref, a.title, a.due?.due])).toEqual([
      ['WP1', 'Create a social work academy', '2028-01-31'],
      ['WP2', 'Reduce agency spend by 30%', '2028-03-31'],
      ['WP3', 'Review recruitment panels', '2027-06-30'],
    ]);
    expect(milestones).toEqual([
      [
        'WP1',
        [
          ['Business case approved', 'date', '2026-09-30'],
          ['First cohort starts', 'date', '2027-01-31'],
          ['Cohort 1 completes', 'date', '2028-01-31'],
        ],
      ],
      [
        'WP2',
        [
          ['Agreement with neighbouring councils', 'date', '2026-10-31'],
          // Its column says it is a milestone: kept; "Quarterly" is each quarter's end from the plan's start.
          ['Agency spend reported to CMT', 'recurring', '2026-06-30'],
          ['Impact review', 'tbc', undefined],
        ],
      ],
      ['WP3', [['Panel guidance published', 'unparsed', undefined]]],
    ]);
    expect(actions[0]!.milestones.map((m) => m.ref)).toEqual(['WP1.M1', 'WP1.M2', 'WP1.M3']);
    // Nothing of the milestones is left as a note on the action.
    expect(actions.flatMap((a) => [...(a.extra ?? []), ...a.unplaced])).toEqual([]);
    const undated = plan.warnings.filter((w) => w.code === 'undated-milestone');
    expect(undated.map((w) => w.message)).toEqual([
      'Milestone "Panel guidance published" has no date: it is kept as a milestone to date after importing.',
    ]);
    expect(plan.mapping.tables[0]!.columns.map((c) => c.field)).toEqual([
      'ref',
      'title',
      'lead:responsible',
      'milestones',
      'milestones',
      'milestones',
      'milestones',
      'milestones',
      'milestones',
      'due',
      'status',
    ]);
  });

  it('pairs the ways councils name them: numbered dates, or a date column right after each', async () => {
    const numbered = await read(
      csv([
        [
          'Ref',
          'Action',
          'Lead',
          'Key milestone 1',
          'Target date 1',
          'Key milestone 2',
          'Target date 2',
          'Final deadline',
        ],
        survey('01/10/2026', '31/01/2027'),
      ]),
      'numbered.csv',
    );
    const after = await read(
      csv([
        ['Ref', 'Action', 'Lead', 'Milestone 1', 'Date', 'Milestone 2', 'Date', 'Deadline'],
        survey('Oct 2026', 'Jan 2027'),
        ['2', 'Publish the pay gap report', 'Reward Lead', '', '31/12/2026', '', '', '31/03/2027'],
      ]),
      'after.csv',
    );
    const short = await read(
      csv([
        ['Ref', 'Action', 'Lead', 'M1', 'M1 date', 'M2', 'M2 date', 'Deadline'],
        survey('Oct 2026', 'Jan 2027'),
      ]),
      'short.csv',
    );
    const steps = [
      ['Survey launched', 'date', expect.stringMatching(/^2026-10-/)],
      ['Results to CMT', 'date', '2027-01-31'],
    ];
    for (const x of [numbered, after, short]) {
      expect(x.milestones[0]).toEqual(['1', steps]);
      expect(x.actions[0]!.due?.due).toBe('2027-03-31');
      expect(x.actions[0]!.title).toBe('Run the staff survey');
    }
    // Steps with no dates of their own, then a deadline: the deadline is the action's, each step dated by
    // its own words or not at all.
    const undated = await read(
      csv([
        ['Ref', 'Action', 'Lead', 'Milestone 1', 'Milestone 2', 'Deadline'],
        [
          '1',
          'Run the staff survey',
          'Head of HR',
          'Survey launched – Oct 2026',
          'Results to CMT',
          'March 2027',
        ],
      ]),
      'undated.csv',
    );
    expect(undated.milestones[0]).toEqual([
      '1',
      [
        ['Survey launched', 'date', '2026-10-31'],
        ['Results to CMT', 'unparsed', undefined],
      ],
    ]);
    expect(undated.actions[0]!.due?.due).toBe('2027-03-31');
    // A date under no milestone is kept, named for whose it is.
    expect(after.actions[1]!.milestones).toEqual([]);
    expect(after.actions[1]!.extra).toEqual([{ label: 'Milestone 1 date', text: '31/12/2026' }]);
  });

  it('reads a step’s number over two header rows ("Milestone 1" over "Description | Date")', async () => {
    const { milestones, actions } = await read(
      csv([
        ['Ref', 'Action', 'Lead', 'Milestone 1', '', 'Milestone 2', '', 'Deadline'],
        ['', '', '', 'Description', 'Date', 'Description', 'Date', ''],
        survey('Oct 2026', 'Jan 2027'),
      ]),
      'two-rows.csv',
    );
    expect(milestones).toEqual([
      [
        '1',
        [
          ['Survey launched', 'date', '2026-10-31'],
          ['Results to CMT', 'date', '2027-01-31'],
        ],
      ],
    ]);
    expect(actions[0]!.due?.due).toBe('2027-03-31');
  });

  it('leaves "M1", "M2" alone with no dates beside them: a year’s months of figures', async () => {
    const { actions } = await read(
      csv([
        ['Ref', 'Action', 'Lead', 'Deadline', 'M1', 'M2', 'M3'],
        ['1', 'Cut sickness absence', 'Head of HR', 'March 2027', '0.7 days', '0.6 days', '0.8 days'],
        ['2', 'Reduce turnover', 'HR Manager', 'March 2027', '1.2%', '1.1%', '0.9%'],
      ]),
      'months.csv',
    );
    expect(actions.map((a) => [a.milestones.length, a.extra?.map((x) => x.label)])).toEqual([
      [0, ['M1', 'M2', 'M3']],
      [0, ['M1', 'M2', 'M3']],
    ]);
  });
});
