import { Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow } from 'docx';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { parsePlanFile } from './index.js';

/**
 * Plans that give each group its own table, under a heading or on a sheet named for it: the heading
 * names the group, and its table's actions are the group's.
 */

const HEADER = ['No.', 'What we will do', 'Lead officer', 'Timescale'];
const GROUPS: Array<[string, string[][]]> = [
  [
    'Recruitment and retention',
    [
      ['1', 'Launch the apprenticeship scheme', 'Head of HR', 'March 2027'],
      ['2', 'Refresh the recruitment website', 'Recruitment Manager', 'June 2027'],
    ],
  ],
  ['Health and wellbeing', [['3', 'Introduce wellbeing champions', 'OD Manager', 'September 2027']]],
  [
    'Leadership and culture',
    [
      ['4', 'Run a leadership programme for new managers', 'OD Manager', 'December 2027'],
      ['5', 'Hold a staff conference', 'Chief Executive', 'May 2027'],
    ],
  ],
];

const tableOf = (rows: string[][]) =>
  new Table({
    rows: rows.map(
      (r) => new TableRow({ children: r.map((c) => new TableCell({ children: [new Paragraph(c)] })) }),
    ),
  });

const groupsOf = (plan: Awaited<ReturnType<typeof parsePlanFile>>) =>
  plan.themes.map((t) => [t.title, t.actions.map((a) => a.title)]);

const EXPECTED = GROUPS.map(([name, rows]) => [name, rows.map((r) => r[1])]);

describe('one table per group', () => {
  it('in Word, under Heading 2 headings: each heading names its table’s group', async () => {
    const doc = new Document({
      sections: [
        {
          children: [
            new Paragraph({ text: 'Workforce Strategy Action Plan 2026-2029', heading: HeadingLevel.TITLE }),
            new Paragraph('This plan sets out what we will do in each of our three priorities.'),
            ...GROUPS.flatMap(([name, rows]) => [
              new Paragraph({ text: name, heading: HeadingLevel.HEADING_2 }),
              tableOf([HEADER, ...rows]),
            ]),
          ],
        },
      ],
    });
    const plan = await parsePlanFile(await Packer.toBuffer(doc), { filename: 'plan.docx' });
    expect(plan.title).toBe('Workforce Strategy Action Plan 2026-2029');
    expect(groupsOf(plan)).toEqual(EXPECTED);
    expect(plan.warnings.map((w) => w.code)).not.toContain('orphan-text');
  });

  it('in a workbook, one sheet per group: each sheet’s name is its group', async () => {
    const wb = new ExcelJS.Workbook();
    for (const [name, rows] of GROUPS) {
      const ws = wb.addWorksheet(name);
      ws.addRow(HEADER);
      for (const r of rows) ws.addRow(r);
    }
    const plan = await parsePlanFile(Buffer.from(await wb.xlsx.writeBuffer()), { filename: 'plan.xlsx' });
    expect(groupsOf(plan)).toEqual(EXPECTED);
  });

  it('in a workbook whose sheets have a title row, the title names the group', async () => {
    const wb = new ExcelJS.Workbook();
    for (const [i, [name, rows]] of GROUPS.entries()) {
      const ws = wb.addWorksheet(`P${i + 1}`);
      ws.addRow([name]);
      ws.addRow(HEADER);
      for (const r of rows) ws.addRow(r);
    }
    const plan = await parsePlanFile(Buffer.from(await wb.xlsx.writeBuffer()), { filename: 'plan.xlsx' });
    expect(groupsOf(plan)).toEqual(EXPECTED);
  });

  it('in pasted text, a line above each repeated header', async () => {
    const text = [
      'People Plan 2026-27',
      '',
      ...GROUPS.flatMap(([name, rows]) => [name, ...[HEADER, ...rows].map((r) => r.join('\t')), '']),
    ].join('\n');
    expect(groupsOf(await parsePlanFile(text))).toEqual(EXPECTED);
  });

  it('leaves a title above the plan’s one table as its title', async () => {
    const rows = GROUPS.flatMap(([, r]) => r);
    const text = ['Recruitment and retention actions', [HEADER, ...rows].map((r) => r.join('\t'))]
      .flat()
      .join('\n');
    const plan = await parsePlanFile(text);
    expect(plan.title).toBe('Recruitment and retention actions');
    expect(plan.themes).toHaveLength(1);
  });

  it('does not take a running head repeated above each page’s header for groups', async () => {
    const rows = GROUPS.flatMap(([, r]) => r);
    const page = (r: string[][]) => ['Corporate People Plan', ...[HEADER, ...r].map((x) => x.join('\t'))];
    const text = [...page(rows.slice(0, 3)), ...page(rows.slice(3))].join('\n');
    const plan = await parsePlanFile(text);
    expect(plan.themes).toHaveLength(1);
    expect(plan.themes[0]!.actions).toHaveLength(5);
  });

  it('does not take sentences or page numbers above tables for groups', async () => {
    const lead = ['Actions agreed at the board are listed below.', 'Page 2 of 3', 'Continued'];
    const text = GROUPS.flatMap(([, rows], i) => [
      lead[i]!,
      ...[HEADER, ...rows].map((r) => r.join('\t')),
    ]).join('\n');
    const plan = await parsePlanFile(text);
    expect(plan.themes.map((t) => t.title)).not.toContain('Page 2 of 3');
    expect(plan.themes.map((t) => t.title)).not.toContain('Continued');
  });
});

describe('a cover sheet of labels and values', () => {
  it('gives the plan its title, owner and period, and is not read as an action table', async () => {
    const wb = new ExcelJS.Workbook();
    const cover = wb.addWorksheet('Cover');
    cover.addRow(['Southdale County Council']);
    cover.addRow([]);
    for (const row of [
      ['Plan title', 'People Plan 2026–2029: Delivery Plan'],
      ['Plan owner', 'Director of Resources'],
      ['Approved by', 'Cabinet'],
      ['Date approved', '18 June 2026'],
      ['Version', '1.3'],
    ])
      cover.addRow(row);
    for (const [name, rows] of GROUPS) {
      const ws = wb.addWorksheet(name);
      ws.addRow(HEADER);
      for (const r of rows) ws.addRow(r);
    }
    const plan = await parsePlanFile(Buffer.from(await wb.xlsx.writeBuffer()), { filename: 'plan.xlsx' });
    expect(plan.title).toBe('People Plan 2026–2029: Delivery Plan');
    expect(plan.ownerLabel).toBe('Director of Resources');
    expect(plan.period?.label).toBe('2026–2029');
    expect(groupsOf(plan)).toEqual(EXPECTED);
  });

  it('leaves a two-column action table alone', async () => {
    const text = [
      ['Action', 'Deadline'],
      ['Launch the apprenticeship scheme', 'March 2027'],
      ['Review the pay policy', 'June 2027'],
    ]
      .map((r) => r.join('\t'))
      .join('\n');
    const plan = await parsePlanFile(text);
    expect(plan.themes.flatMap((t) => t.actions).map((a) => a.title)).toEqual([
      'Launch the apprenticeship scheme',
      'Review the pay policy',
    ]);
  });
});
