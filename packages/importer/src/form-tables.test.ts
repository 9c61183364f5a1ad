import {
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
} from 'docx';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { parsePlanFile } from './index.js';

/**
 * Plans written as forms: each action its own small table of labels and values, under a heading per
 * group. Each table is one action (build/form-tables.ts).
 */

type Pair = [string, string | string[]];

/** A two-column table of labels and values; a value given as lines is a cell of several paragraphs. */
const formTable = (pairs: Pair[]) =>
  new Table({
    rows: pairs.map(
      ([label, value]) =>
        new TableRow({
          children: [
            new TableCell({ children: [new Paragraph(label)] }),
            new TableCell({
              children: (Array.isArray(value) ? value : [value]).map((v) => new Paragraph(v)),
            }),
          ],
        }),
    ),
  });

const heading = (text: string) => new Paragraph({ text, heading: HeadingLevel.HEADING_2 });

const word = async (children: (Paragraph | Table)[]) =>
  parsePlanFile(await Packer.toBuffer(new Document({ sections: [{ children }] })), { filename: 'plan.docx' });

type Act = [ref: string, title: string, lead: string, due: string, progress: string, rag: string];
const THEMES: Array<[string, Act[]]> = [
  [
    'Recruitment and retention',
    [
      ['1.1', 'Launch a new careers site', 'Head of HR', 'September 2026', 'Supplier appointed.', 'Green'],
      [
        '1.2',
        'Introduce a market supplement policy',
        'HR Business Partner',
        'July 2026',
        'Draft out.',
        'Amber',
      ],
    ],
  ],
  [
    'Health and wellbeing',
    [
      [
        '2.1',
        'Reduce sickness absence to 8.5 days',
        'Occupational Health Manager',
        'March 2027',
        '9.7 days.',
        'Red',
      ],
      [
        '2.2',
        'Achieve Disability Confident Leader',
        'EDI Lead',
        'January 2027',
        'Self-assessment done.',
        'Green',
      ],
    ],
  ],
];

const actionsOf = (plan: Awaited<ReturnType<typeof parsePlanFile>>) =>
  plan.themes.flatMap((t) => t.actions.map((a) => ({ theme: t.title, ref: a.ref, title: a.title })));

describe('an action plan of one small table per action', () => {
  it('reads each table as an action; "Action 1.1" gives its ref, the heading above its theme', async () => {
    const plan = await word([
      new Paragraph({ text: 'Workforce Strategy Action Plan 2026–2028', heading: HeadingLevel.TITLE }),
      ...THEMES.flatMap(([name, acts], t) => [
        heading(`Theme ${t + 1}: ${name}`),
        ...acts.flatMap(([ref, title, lead, due, progress, rag]) => [
          formTable([
            [`Action ${ref}`, title],
            ['Lead officer', lead],
            ['Target date', due],
            ['Progress', progress],
            ['RAG', rag],
          ]),
          new Paragraph(''),
        ]),
      ]),
    ]);
    expect(plan.themes.map((t) => [t.ref, t.title])).toEqual([
      ['1', 'Recruitment and retention'],
      ['2', 'Health and wellbeing'],
    ]);
    expect(actionsOf(plan)).toEqual(
      THEMES.flatMap(([theme, acts]) => acts.map(([ref, title]) => ({ theme, ref, title }))),
    );
    const a = plan.themes[1]!.actions[1]!;
    // "EDI Lead" is the value of a row, not a header of the rows below it.
    expect(a.leads.map((l) => l.label)).toEqual(['EDI Lead']);
    expect(a.due?.text).toBe('January 2027');
    expect(a.progress).toBe('Self-assessment done.');
    expect(a.status).toBe('on-track');
    expect(plan.themes[1]!.actions[0]!.status).toBe('off-track');
    expect(plan.sections.map((s) => s.title)).not.toContain(expect.stringMatching(/^Table/));
    const codes = plan.warnings.map((w) => w.code);
    expect(codes).not.toContain('unrecognised-table');
    expect(codes).not.toContain('unplaced-row');
  });

  it('reads plain labels with a Ref row, under headings that are names alone', async () => {
    const plan = await word([
      new Paragraph({ text: 'People Plan 2026–2028', heading: HeadingLevel.TITLE }),
      ...THEMES.flatMap(([name, acts]) => [
        heading(name),
        ...acts.map(([ref, title, lead, due]) =>
          formTable([
            ['Ref', ref],
            ['Action', title],
            ['Lead officer', lead],
            ['Target date', due],
          ]),
        ),
      ]),
    ]);
    expect(actionsOf(plan)).toEqual(
      THEMES.flatMap(([theme, acts]) => acts.map(([ref, title]) => ({ theme, ref, title }))),
    );
    expect(plan.themes[0]!.actions[0]!.leads.map((l) => l.label)).toEqual(['Head of HR']);
  });

  it('takes labels with colons, values that look like header words and values of several paragraphs', async () => {
    const table = (title: string, lead: string, progress: string[], status: string) =>
      formTable([
        ['Action:', title],
        ['Lead officer:', lead],
        ['Deadline:', 'March 2027'],
        ['Progress update:', progress],
        ['Status:', status],
      ]);
    const plan = await word([
      new Paragraph({ text: 'Action Plan 2026–27', heading: HeadingLevel.TITLE }),
      heading('Priority 1: Inclusion'),
      table(
        'Publish the pay gap reports',
        'EDI Lead',
        ['Data collected.', 'Report drafted for CMT.'],
        'Complete',
      ),
      table('Review the hybrid working policy', 'Owner', ['Survey closes in May.'], 'Amber'),
    ]);
    const [first, second] = plan.themes[0]!.actions;
    expect(plan.themes[0]!.title).toBe('Inclusion');
    expect(first?.title).toBe('Publish the pay gap reports');
    expect(first?.leads.map((l) => l.label)).toEqual(['EDI Lead']);
    expect(first?.progress).toBe('Data collected.\nReport drafted for CMT.');
    expect(first?.status).toBe('completed');
    expect(second?.leads.map((l) => l.label)).toEqual(['Owner']);
    expect(second?.status).toBe('at-risk');
  });

  it('keeps a label it does not know with its action, and reads a RAG cell by its shading alone', async () => {
    const table = (n: string, title: string, fill: string) =>
      new Table({
        rows: [
          [`Recommendation ${n}`, title],
          ['Owner', 'Head of HR'],
          ['Link to corporate plan', 'Priority A'],
          ['By when', 'May 2026'],
          ['RAG', ''],
        ].map(
          ([label, value], r) =>
            new TableRow({
              children: [
                new TableCell({ children: [new Paragraph(label!)] }),
                new TableCell({
                  children: [new Paragraph(value!)],
                  ...(r === 4 && { shading: { type: ShadingType.CLEAR, fill, color: 'auto' } }),
                }),
              ],
            }),
        ),
      });
    const plan = await word([
      new Paragraph({ text: 'Peer review action plan 2026', heading: HeadingLevel.TITLE }),
      table('1', 'Set up a workforce board', 'FF0000'),
      table('2', 'Publish a people dashboard', '00B050'),
    ]);
    const actions = plan.themes.flatMap((t) => t.actions);
    expect(actions.map((a) => [a.ref, a.title, a.status])).toEqual([
      ['1', 'Set up a workforce board', 'off-track'],
      ['2', 'Publish a people dashboard', 'on-track'],
    ]);
    expect(actions[0]!.extra).toEqual([{ label: 'Link to corporate plan', text: 'Priority A' }]);
  });

  it('still reads a cover table, a RAG key table and a tally as before', async () => {
    const plan = await word([
      formTable([
        ['Plan title', 'People Plan 2026–2029'],
        ['Plan owner', 'Director of Resources'],
        ['Approved by', 'Cabinet'],
        ['Review date', 'March 2027'],
      ]),
      heading('Theme 1: Recruitment'),
      ...THEMES[0]![1].map(([ref, title, lead, due, progress, rag]) =>
        formTable([
          [`Action ${ref}`, title],
          ['Lead officer', lead],
          ['Target date', due],
          ['Progress', progress],
          ['RAG', rag],
        ]),
      ),
      new Paragraph('RAG key'),
      formTable([
        ['Red', 'Off track'],
        ['Amber', 'At risk'],
        ['Green', 'On track'],
      ]),
      new Paragraph('Summary'),
      formTable([
        ['Total actions', '2'],
        ['Complete', '0'],
      ]),
    ]);
    expect(plan.title).toBe('People Plan 2026–2029');
    expect(plan.ownerLabel).toBe('Director of Resources');
    expect(actionsOf(plan).map((a) => a.ref)).toEqual(['1.1', '1.2']);
    expect(plan.sections.find((s) => s.title === 'RAG key')?.body).toBe(
      'Red – Off track\nAmber – At risk\nGreen – On track',
    );
    // "Total actions | 2" names no action: the tally is kept as text, as it was.
    expect(plan.sections.find((s) => s.body.includes('Total actions | 2'))).toBeDefined();
  });

  it('leaves a document-control box out of the actions, even one for each part of a pack', async () => {
    const grid = (rows: string[][]) =>
      new Table({
        rows: rows.map(
          (r) => new TableRow({ children: r.map((c) => new TableCell({ children: [new Paragraph(c)] })) }),
        ),
      });
    const part = (name: string, lead: string, acts: [string, string, string][]) => [
      heading(`Part ${name}`),
      formTable([
        ['Title', `${name} Service Action Plan`],
        ['Owner', lead],
        ['Review date', '31 March 2026'],
        ['Version', '0.3'],
        ['Status', 'Draft'],
      ]),
      grid([['Ref', 'Action', 'Lead', 'Due'], ...acts.map(([t, l, d], i) => [`${i + 1}`, t, l, d])]),
    ];
    const plan = await word([
      new Paragraph({ text: 'Workforce Strategy Action Plans 2025-26', heading: HeadingLevel.TITLE }),
      ...part('HR', 'Head of HR', [
        ['Recruit apprentices', 'Head of HR', 'March 2026'],
        ['Review pay policy', 'HR Manager', 'June 2026'],
      ]),
      ...part('OD', 'Head of OD', [
        ['Launch mentoring', 'OD Manager', 'June 2026'],
        ['Wellbeing offer', 'OD Manager', 'September 2026'],
      ]),
    ]);
    expect(actionsOf(plan).map((a) => a.title)).toEqual([
      'Recruit apprentices',
      'Review pay policy',
      'Launch mentoring',
      'Wellbeing offer',
    ]);
    expect(plan.warnings.map((w) => w.code)).not.toContain('status-not-read');
  });

  it('still reads action forms whose title label is "Title" when they say no more about a document', async () => {
    const plan = await word([
      new Paragraph({ text: 'People Plan 2026–2028', heading: HeadingLevel.TITLE }),
      ...THEMES[0]![1].map(([, title, lead, due, progress]) =>
        formTable([
          ['Title', title],
          ['Owner', lead],
          ['Target date', due],
          ['Progress', progress],
        ]),
      ),
    ]);
    expect(actionsOf(plan).map((a) => a.title)).toEqual(THEMES[0]![1].map(([, title]) => title));
  });

  it("reads a label on rows one under another as one field of several lines: each action's milestones", async () => {
    const plan = await word([
      new Paragraph({ text: 'People Strategy Action Plan 2025-28', heading: HeadingLevel.TITLE }),
      heading('Theme 1: Attract and recruit'),
      formTable([
        ['Action 1.1', 'Launch a careers site'],
        ['Lead officer', 'Head of HR'],
        ['Milestone', 'Design agreed – June 2026'],
        ['Milestone', 'Site live – September 2026'],
        ['Target date', 'September 2026'],
      ]),
      formTable([
        ['Action 1.2', 'Grow apprenticeships'],
        ['Lead officer', 'OD Manager'],
        ['Milestone', '10 starts – March 2026'],
        ['Milestone', '20 starts – March 2027'],
        ['Target date', 'March 2027'],
      ]),
    ]);
    const actions = plan.themes.flatMap((t) => t.actions);
    expect(actions.map((a) => [a.ref, a.title, a.milestones.map((m) => [m.title, m.due?.due])])).toEqual([
      [
        '1.1',
        'Launch a careers site',
        [
          ['Design agreed', '2026-06-30'],
          ['Site live', '2026-09-30'],
        ],
      ],
      [
        '1.2',
        'Grow apprenticeships',
        [
          ['10 starts', '2026-03-31'],
          ['20 starts', '2027-03-31'],
        ],
      ],
    ]);
  });

  it('in a workbook: label in column A, value in column B, records one under another', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Actions');
    ws.addRow(['People Plan 2026–2028']);
    for (const [t, [name, acts]] of THEMES.entries()) {
      ws.addRow([`Theme ${t + 1}: ${name}`]);
      for (const [ref, title, lead, due, , rag] of acts) {
        ws.addRow([`Action ${ref}`, title]);
        ws.addRow(['Lead officer', lead]);
        ws.addRow(['Target date', due]);
        ws.addRow(['RAG', rag]);
        ws.addRow([]);
      }
    }
    const plan = await parsePlanFile(Buffer.from(await wb.xlsx.writeBuffer()), { filename: 'plan.xlsx' });
    expect(actionsOf(plan)).toEqual(
      THEMES.flatMap(([theme, acts]) => acts.map(([ref, title]) => ({ theme, ref, title }))),
    );
    expect(plan.themes[0]!.actions[1]!.status).toBe('at-risk');
  });
});

describe('form tables with no title row, each under its action written as a paragraph', () => {
  const bold = (text: string) => new Paragraph({ children: [new TextRun({ text, bold: true })] });

  it('takes a bold line just above each table as its title and ref; the heading above that, its group', async () => {
    const plan = await word([
      new Paragraph({
        text: 'Eastmoor Council – Workforce Action Plan 2026-2028',
        heading: HeadingLevel.TITLE,
      }),
      new Paragraph('Each action has a named lead and a deadline.'),
      heading('Priority 1: Recruitment'),
      bold('1.1 Launch a new careers site'),
      formTable([
        ['Lead', 'Head of HR'],
        ['Deadline', 'December 2026'],
        ['Milestones', ['Design agreed – July 2026', 'Site live – December 2026']],
        ['Status', 'On track'],
      ]),
      bold('1.2 Run a graduate scheme'),
      formTable([
        ['Lead', 'Recruitment Manager'],
        ['Deadline', 'April 2027'],
        ['Status', 'Not started'],
      ]),
      heading('Priority 2: Wellbeing'),
      bold('2.1 Achieve the Thrive at Work award'),
      formTable([
        ['Lead', 'Head of Health and Safety'],
        ['Deadline', 'September 2027'],
        ['Status', 'At risk'],
      ]),
    ]);
    expect(plan.themes.map((t) => t.title)).toEqual(['Recruitment', 'Wellbeing']);
    const actions = plan.themes.flatMap((t) => t.actions);
    expect(actions.map((a) => [a.ref, a.title, a.leads.map((l) => l.label), a.due?.due, a.status])).toEqual([
      ['1.1', 'Launch a new careers site', ['Head of HR'], '2026-12-31', 'on-track'],
      ['1.2', 'Run a graduate scheme', ['Recruitment Manager'], '2027-04-30', 'not-started'],
      ['2.1', 'Achieve the Thrive at Work award', ['Head of Health and Safety'], '2027-09-30', 'at-risk'],
    ]);
    expect(actions[0]!.milestones.map((m) => [m.title, m.due?.due])).toEqual([
      ['Design agreed', '2026-07-31'],
      ['Site live', '2026-12-31'],
    ]);
    expect(plan.sections.map((s) => s.title)).not.toContain(expect.stringMatching(/^Table/));
    expect(plan.unplaced).toEqual([]);
  });

  it('takes a Heading 3 above each table as its title, under Heading 2 groups', async () => {
    const h3 = (text: string) => new Paragraph({ text, heading: HeadingLevel.HEADING_3 });
    const form = (lead: string, due: string, measure: string) =>
      formTable([
        ['Lead officer', lead],
        ['Target date', due],
        ['Success measure', measure],
      ]);
    const plan = await word([
      new Paragraph({ text: 'HR Service Plan 2026/27', heading: HeadingLevel.TITLE }),
      heading('Workforce planning'),
      h3('A1 Workforce plans for every directorate'),
      form('Strategic HR Manager', '31/10/2026', 'Every directorate has a plan'),
      h3('A2 Succession plans for critical roles'),
      form('HR Business Partners', '31/03/2027', 'Plans in place'),
      heading('Equality and inclusion'),
      h3('B1 Publish the gender pay gap report'),
      form('Head of Reward', '30/03/2027', 'Report published'),
    ]);
    expect(
      plan.themes.map((t) => [t.title, t.actions.map((a) => [a.ref, a.title, a.leads[0]?.label])]),
    ).toEqual([
      [
        'Workforce planning',
        [
          ['A1', 'Workforce plans for every directorate', 'Strategic HR Manager'],
          ['A2', 'Succession plans for critical roles', 'HR Business Partners'],
        ],
      ],
      ['Equality and inclusion', [['B1', 'Publish the gender pay gap report', 'Head of Reward']]],
    ]);
    expect(plan.themes[1]!.actions[0]!.due?.due).toBe('2027-03-30');
    expect(plan.themes[1]!.actions[0]!.measureOfSuccess).toBe('Report published');
  });

  it('leaves a document-control box under its heading as the document’s, even one for each part of a pack', async () => {
    const part = (name: string) => [
      heading(`${name} Service Plan`),
      new Paragraph('Document control'),
      formTable([
        ['Owner', `Head of ${name}`],
        ['Review date', 'March 2027'],
        ['Version', '1.2'],
        ['Status', 'Approved'],
      ]),
      ...THEMES[0]![1].map(([ref, title, lead, due]) =>
        formTable([
          [`Action ${ref}`, `${title} (${name})`],
          ['Lead officer', lead],
          ['Target date', due],
        ]),
      ),
    ];
    const plan = await word([
      new Paragraph({ text: 'People Plans 2026–2028', heading: HeadingLevel.TITLE }),
      ...part('HR'),
      ...part('OD'),
    ]);
    expect(actionsOf(plan).map((a) => a.title)).not.toContain('Document control');
    expect(actionsOf(plan)).toHaveLength(4);
  });
});
