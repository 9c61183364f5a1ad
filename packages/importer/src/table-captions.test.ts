import { Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow } from 'docx';
import { describe, expect, it } from 'vitest';
import { parsePlanFile } from './index.js';

/**
 * A table's caption: a row at its top merged across the table (or one cell alone), above the header,
 * or a group's row alone under the header. It names or describes the table's group; it is never an
 * action nor the header, and never breaks the headings above the tables.
 */

const HEADER = ['Ref', 'Action', 'Lead officer', 'Target date', 'Status'];

/** A heading (Word's Heading 2), or a table whose rows of one cell are merged across it. */
type Part = string | string[][];

async function wordPlan(parts: Part[]) {
  const row = (cells: string[]) =>
    new TableRow({
      children:
        cells.length === 1
          ? [new TableCell({ columnSpan: HEADER.length, children: [new Paragraph(cells[0]!)] })]
          : cells.map((c) => new TableCell({ children: [new Paragraph(c)] })),
    });
  const children = [
    new Paragraph({ text: 'People Strategy Action Plan 2026–2028', heading: HeadingLevel.TITLE }),
    new Paragraph('This plan sets out how we will deliver our People Strategy.'),
    ...parts.flatMap((p) =>
      typeof p === 'string'
        ? [new Paragraph({ text: p, heading: HeadingLevel.HEADING_2 })]
        : [new Table({ rows: p.map(row) }), new Paragraph('')],
    ),
  ];
  return parsePlanFile(await Packer.toBuffer(new Document({ sections: [{ children }] })), {
    filename: 'plan.docx',
  });
}

const ACTIONS: string[][][] = [
  [
    [
      '1.1',
      'Launch a leadership behaviours framework',
      'Director of People',
      'September 2027',
      'Not started',
    ],
    ['1.2', '360-degree feedback for all Heads of Service', 'Head of OD', 'March 2027', 'In progress'],
  ],
  [
    ['2.1', 'Publish the pay gap reports', 'HR Analytics Lead', '31 March 2027', 'On track'],
    ['2.2', 'Achieve Disability Confident Leader status', 'EDI Officer', 'June 2027', 'Not started'],
  ],
  [['3.1', 'Review the hybrid working policy', 'HR Policy Adviser', 'February 2027', 'On track']],
];

const NAMES = ['Leadership and culture', 'Equality, diversity and inclusion', 'Modern ways of working'];

const groupsOf = (plan: Awaited<ReturnType<typeof parsePlanFile>>) =>
  plan.themes.map((t) => [t.ref, t.title, t.actions.map((a) => a.ref)]);
const EXPECTED = NAMES.map((name, i) => [String(i + 1), name, ACTIONS[i]!.map((r) => r[0])]);
const codes = (plan: Awaited<ReturnType<typeof parsePlanFile>>) => plan.warnings.map((w) => w.code);

describe('a caption at the top of each table under a heading per group', () => {
  it('leaves the headings the groups, numbered as written: the caption says the same, describes the group or labels the table', async () => {
    const plan = await wordPlan([
      '1. Leadership and culture',
      [['Outcome: managers are confident leading change'], HEADER, ...ACTIONS[0]!],
      '2. Equality, diversity and inclusion',
      [['What we will do'], HEADER, ...ACTIONS[1]!],
      '3. Modern ways of working',
      [['Theme 3: Modern ways of working'], HEADER, ...ACTIONS[2]!],
    ]);
    expect(groupsOf(plan)).toEqual(EXPECTED);
    expect(plan.themes.map((t) => t.description)).toEqual([
      'Outcome: managers are confident leading change',
      undefined,
      undefined,
    ]);
    expect(plan.title).toBe('People Strategy Action Plan 2026–2028');
    for (const code of ['orphan-text', 'orphan-sub-action', 'unrecognised-table', 'no-theme'])
      expect(codes(plan)).not.toContain(code);
  });

  it('is the same when the caption is written under the header, as the table’s one group row', async () => {
    const plan = await wordPlan([
      '1. Leadership and culture',
      [HEADER, ['1. Leadership and culture'], ...ACTIONS[0]!],
      '2. Equality, diversity and inclusion',
      [HEADER, ['Outcome: a workforce that reflects our communities'], ...ACTIONS[1]!],
      '3. Modern ways of working',
      [HEADER, ...ACTIONS[2]!],
    ]);
    expect(groupsOf(plan)).toEqual(EXPECTED);
    expect(plan.themes[1]!.description).toBe('Outcome: a workforce that reflects our communities');
    expect(codes(plan)).not.toContain('orphan-sub-action');
  });

  it('prefers the heading to a caption naming another group, which describes the heading’s', async () => {
    const plan = await wordPlan([
      'Priority 1: Leadership and culture',
      [['Theme 4: Culture change'], HEADER, ...ACTIONS[0]!],
      'Priority 2: Equality, diversity and inclusion',
      [HEADER, ...ACTIONS[1]!],
    ]);
    expect(groupsOf(plan)).toEqual(EXPECTED.slice(0, 2));
    expect(plan.themes[0]!.description).toBe('Theme 4: Culture change');
  });

  it('takes a caption for the title a heading leaves out ("Objective 2" alone)', async () => {
    const plan = await wordPlan([
      'Objective 1',
      [['Leadership and culture'], HEADER, ...ACTIONS[0]!],
      'Objective 2',
      [['Equality, diversity and inclusion'], HEADER, ...ACTIONS[1]!],
    ]);
    expect(groupsOf(plan)).toEqual(EXPECTED.slice(0, 2));
  });

  it('reads a caption over every table (the plan’s name again) as naming none of them', async () => {
    const plan = await wordPlan(
      NAMES.flatMap((name, i) => [
        `${i + 1}. ${name}`,
        [['Our People Strategy: year one'], HEADER, ...ACTIONS[i]!],
      ]),
    );
    expect(groupsOf(plan)).toEqual(EXPECTED);
    expect(plan.themes.map((t) => t.description)).toEqual([undefined, undefined, undefined]);
  });
});

describe('a caption at the top of a table with no heading above', () => {
  it('names the table’s group, its number the group’s ref', async () => {
    const plan = await wordPlan(NAMES.map((name, i) => [[`${i + 1}. ${name}`], HEADER, ...ACTIONS[i]!]));
    expect(groupsOf(plan)).toEqual(EXPECTED);
    for (const code of ['orphan-sub-action', 'unrecognised-table', 'no-theme'])
      expect(codes(plan)).not.toContain(code);
  });

  it('names the group of a table after the first, when only that one has a caption', async () => {
    const plan = await wordPlan([
      [HEADER, ...ACTIONS[0]!, ...ACTIONS[1]!],
      [['3. Modern ways of working'], HEADER, ...ACTIONS[2]!],
    ]);
    expect(plan.themes.at(-1)).toMatchObject({ ref: '3', title: 'Modern ways of working' });
    expect(plan.themes.at(-1)!.actions.map((a) => a.ref)).toEqual(['3.1']);
  });

  it('over the plan’s one table, is the plan’s title, not an action nor a table of unknown header', async () => {
    const row = (cells: string[]) =>
      new TableRow({
        children:
          cells.length === 1
            ? [new TableCell({ columnSpan: HEADER.length, children: [new Paragraph(cells[0]!)] })]
            : cells.map((c) => new TableCell({ children: [new Paragraph(c)] })),
      });
    const doc = new Document({
      sections: [
        {
          children: [
            new Table({ rows: [['Workforce Action Plan 2026–2027'], HEADER, ...ACTIONS[0]!].map(row) }),
          ],
        },
      ],
    });
    const plan = await parsePlanFile(await Packer.toBuffer(doc), { filename: 'plan.docx' });
    expect(plan.title).toBe('Workforce Action Plan 2026–2027');
    expect(plan.themes.flatMap((t) => t.actions).map((a) => a.title)).toEqual(ACTIONS[0]!.map((r) => r[1]));
    expect(codes(plan)).not.toContain('unrecognised-table');
  });
});
