import { Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import { describe, expect, it } from 'vitest';
import { parsePlanFile } from './index.js';
import type { ParsedPlan } from './parsed-plan.js';

/**
 * A Word table inside a cell: each of its rows keeps its cells apart ("Supplier appointed | Sept 2026"),
 * so a milestones column written as a small table of steps and dates gives each action its dated
 * milestones, the small table's own header no milestone.
 */

const p = (text: string, bold = false) => new Paragraph({ children: [new TextRun({ text, bold })] });
const cell = (children: (Paragraph | Table)[], columnSpan?: number) =>
  new TableCell({ children, ...(columnSpan ? { columnSpan } : {}) });
const inner = (rows: string[][]) =>
  new Table({
    rows: rows.map((r, i) => new TableRow({ children: r.map((c) => cell([p(c, i === 0)])) })),
  });

type Act = [ref: string, title: string, lead: string, steps: string[][], due: string];

const ACTIONS: Array<[string, Act[]]> = [
  [
    'Priority 1 – A great place to work',
    [
      [
        '1a',
        'Deliver the new employee benefits platform',
        'Head of HR & OD',
        [
          ['Supplier appointed', 'Sept 2026'],
          ['Staff launch', 'Jan 2027'],
          ['Take-up review', 'June 2027'],
        ],
        'June 2027',
      ],
      [
        '1b',
        'Redesign induction for all new starters',
        'Learning & Development Manager',
        [
          ['New e-induction live', '31/10/2026'],
          ['Corporate welcome day relaunched', 'Feb 2027'],
        ],
        'Q4 2026/27',
      ],
    ],
  ],
  [
    'Priority 2 – Growing our own talent',
    [
      [
        '2a',
        'Double the number of apprenticeship starts',
        'Apprenticeship Coordinator',
        [
          ['Levy plan agreed', 'May 2026'],
          ['Intake 1 (15 starts)', 'Sept 2026'],
          ['Intake 2 (15 starts)', 'Sept 2027'],
        ],
        'March 2028',
      ],
    ],
  ],
];

async function plan(column: string, innerHeader: string[] = ['Milestone', 'Date'], flip = false) {
  const order = (r: string[]) => (flip ? [...r].reverse() : r);
  const rows = [
    new TableRow({
      children: ['Ref', 'Action', 'Lead', column, 'Completion date'].map((h) => cell([p(h, true)])),
    }),
    ...ACTIONS.flatMap(([group, acts]) => [
      new TableRow({ children: [cell([p(group, true)], 5)] }),
      ...acts.map(
        ([ref, title, lead, steps, due]) =>
          new TableRow({
            children: [
              cell([p(ref)]),
              cell([p(title)]),
              cell([p(lead)]),
              // Word leaves an empty paragraph after a table in a cell.
              cell([inner([order(innerHeader), ...steps.map(order)]), p('')]),
              cell([p(due)]),
            ],
          }),
      ),
    ]),
  ];
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph({
            text: 'Wendlebury Council – Workforce Development Plan 2026/27 to 2027/28',
            heading: HeadingLevel.HEADING_1,
          }),
          p('The table below shows each action with its key milestones.'),
          new Table({ rows }),
        ],
      },
    ],
  });
  return parsePlanFile(await Packer.toBuffer(doc), { filename: 'plan.docx' });
}

const steps = (pl: ParsedPlan) =>
  pl.themes.flatMap((t) => t.actions.map((a) => [a.ref, a.milestones.map((m) => [m.title, m.due.due])]));

const EXPECTED = [
  [
    '1a',
    [
      ['Supplier appointed', '2026-09-30'],
      ['Staff launch', '2027-01-31'],
      ['Take-up review', '2027-06-30'],
    ],
  ],
  [
    '1b',
    [
      ['New e-induction live', '2026-10-31'],
      ['Corporate welcome day relaunched', '2027-02-28'],
    ],
  ],
  [
    '2a',
    [
      ['Levy plan agreed', '2026-05-31'],
      ['Intake 1 (15 starts)', '2026-09-30'],
      ['Intake 2 (15 starts)', '2027-09-30'],
    ],
  ],
];

describe('a table of milestones inside an action’s cell', () => {
  it('gives each action its dated milestones under "Key milestones", the small table’s header none', async () => {
    const pl = await plan('Key milestones');
    expect(pl.themes.map((t) => t.actions.length)).toEqual([2, 1]);
    expect(steps(pl)).toEqual(EXPECTED);
    const actions = pl.themes.flatMap((t) => t.actions);
    expect(actions.flatMap((a) => [...a.unplaced, ...(a.extra ?? []).map((x) => x.text)])).toEqual([]);
    expect(pl.warnings.map((w) => w.code)).toEqual([]);
    // A span of two financial years in the title is the plan's period.
    expect(pl.period).toMatchObject({ start: '2026-04-01', end: '2028-03-31' });
  });

  it('reads the same under "Milestones", and with the date first', async () => {
    expect(steps(await plan('Milestones'))).toEqual(EXPECTED);
    const flipped = await plan('Milestones', ['Target date', 'Key milestone'], true);
    expect(steps(flipped)).toEqual(EXPECTED);
    expect(flipped.warnings.map((w) => w.code)).toEqual([]);
  });

  it('keeps a small table under another column with its cells apart', async () => {
    const pl = await plan('Progress by quarter', ['Quarter', 'Update']);
    const [first] = pl.themes[0]!.actions;
    expect(first!.milestones).toEqual([]);
    expect(first!.progress ?? first!.extra?.map((x) => x.text).join('\n')).toContain(
      'Supplier appointed | Sept 2026',
    );
  });
});

describe('a small table inside the action’s own cell, under its words', () => {
  async function nested(innerRows: string[][]) {
    const row = (cells: (Paragraph | Table)[][]) => new TableRow({ children: cells.map((c) => cell(c)) });
    const doc = new Document({
      sections: [
        {
          children: [
            new Paragraph({
              text: 'Organisational Development Plan 2026/27',
              heading: HeadingLevel.HEADING_1,
            }),
            new Table({
              rows: [
                row([
                  [p('Ref', true)],
                  [p('Action and steps', true)],
                  [p('Lead', true)],
                  [p('Completion date', true)],
                ]),
                row([
                  [p('OD1')],
                  [p('Implement a new e-learning platform'), inner(innerRows), p('')],
                  [p('L&D Manager')],
                  [p('January 2027')],
                ]),
                row([
                  [p('OD2')],
                  [p('Run a corporate induction day')],
                  [p('L&D Manager')],
                  [p('March 2027')],
                ]),
              ],
            }),
          ],
        },
      ],
    });
    const pl = await parsePlanFile(await Packer.toBuffer(doc), {
      filename: 'plan.docx',
      planStart: '2026-04-01',
    });
    return { pl, first: pl.themes[0]!.actions[0]! };
  }

  it('is not the title: its dated rows are the action’s milestones, its header none', async () => {
    const { pl, first } = await nested([
      ['Step', 'When'],
      ['Procure supplier', 'July 2026'],
      ['Migrate content', 'November 2026'],
      ['Go live', 'January 2027'],
    ]);
    expect(first.title).toBe('Implement a new e-learning platform');
    expect(first.milestones.map((m) => [m.title, m.due.due])).toEqual([
      ['Procure supplier', '2026-07-31'],
      ['Migrate content', '2026-11-30'],
      ['Go live', '2027-01-31'],
    ]);
    expect(first.unplaced).toEqual([]);
    expect(pl.warnings.map((w) => w.code)).not.toContain('undated-milestone');
  });

  it('of no dates is the action’s description, not its title', async () => {
    const { first } = await nested([
      ['Measure', 'Target'],
      ['Staff using the platform', '80%'],
    ]);
    expect(first.title).toBe('Implement a new e-learning platform');
    expect(first.milestones).toEqual([]);
    expect(first.description).toBe('Measure | Target\nStaff using the platform | 80%');
  });
});
