import {
  Document,
  HeadingLevel,
  LevelFormat,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
} from 'docx';
import { describe, expect, it } from 'vitest';
import { actions, heading, item, lvl, read, row, steps } from '../testing/word-lists.js';
import { wordListNumbers } from './readers/word-numbering.js';

/**
 * Numbers Word writes itself (w:numPr: "Priority 1 –", "1.1", "a)"), which are often a plan's only refs:
 * read as Word shows them, in paragraphs and in table cells.
 */

describe('Word multi-level numbering in paragraphs', () => {
  const THEMES = ['Attract and recruit the people we need', 'Develop our people and our leaders'];

  it('reads "Priority n –" headings as groups, "n.m" items as actions by their numbers, "a)" steps as milestones', async () => {
    const p = await read([
      new Paragraph({
        text: 'Workforce Plan 2026–2029: Year One Delivery Plan',
        heading: HeadingLevel.HEADING_1,
      }),
      heading(THEMES[0]!, 'priorities'),
      item('Refresh the careers pages – Lead: Head of HR & OD – by September 2026', 'priorities', 1),
      item('Agree brand brief with Communications – May 2026', 'priorities', 2),
      item('New careers pages live – September 2026', 'priorities', 2),
      item(
        'Introduce a guaranteed interview scheme – Lead: Recruitment Manager – by 31/12/2026',
        'priorities',
        1,
      ),
      heading(THEMES[1]!, 'priorities'),
      item('Launch an Aspiring Managers programme – Lead: OD Manager – by January 2027', 'priorities', 1),
      item('First cohort starts – January 2027', 'priorities', 2),
      item(
        'Introduce annual career conversations – Lead: Heads of Service – by December 2026',
        'priorities',
        1,
      ),
    ]);
    expect(p.themes.map((t) => [t.ref, t.title])).toEqual([
      ['1', THEMES[0]],
      ['2', THEMES[1]],
    ]);
    expect(actions(p).map(row)).toEqual([
      ['1.1', 'Refresh the careers pages', 'Head of HR & OD', 'by September 2026'],
      ['1.2', 'Introduce a guaranteed interview scheme', 'Recruitment Manager', 'by 31/12/2026'],
      ['2.1', 'Launch an Aspiring Managers programme', 'OD Manager', 'by January 2027'],
      ['2.2', 'Introduce annual career conversations', 'Heads of Service', 'by December 2026'],
    ]);
    expect(actions(p).every((a) => !a.generatedRef)).toBe(true);
    expect(steps(actions(p)[0])).toEqual([
      ['Agree brand brief with Communications', 'May 2026'],
      ['New careers pages live', 'September 2026'],
    ]);
    expect(steps(actions(p)[2])).toEqual([['First cohort starts', 'January 2027']]);
  });

  it('reads "Title. Lead: X. Target: Y." sentences as the title, lead and deadline', async () => {
    const p = await read([
      heading(THEMES[0]!, 'priorities'),
      item('Refresh the careers pages. Lead: Head of HR & OD. Target: September 2026.', 'priorities', 1),
      item(
        'Introduce a guaranteed interview scheme. Owner: Recruitment Manager. By: 31/12/2026.',
        'priorities',
        1,
      ),
      heading(THEMES[1]!, 'priorities'),
      item(
        'Launch an Aspiring Managers programme. Lead: OD Manager. Deadline: January 2027.',
        'priorities',
        1,
      ),
    ]);
    expect(p.themes.map((t) => t.title)).toEqual(THEMES);
    expect(actions(p).map(row)).toEqual([
      ['1.1', 'Refresh the careers pages', 'Head of HR & OD', 'September 2026'],
      ['1.2', 'Introduce a guaranteed interview scheme', 'Recruitment Manager', '31/12/2026'],
      ['2.1', 'Launch an Aspiring Managers programme', 'OD Manager', 'January 2027'],
    ]);
  });

  it('reads a flat numbered list under plain headings, its numbers running on across them', async () => {
    const p = await read([
      heading(THEMES[0]!),
      item('Refresh the careers pages. Lead: Head of HR & OD. Target: September 2026.', 'flat'),
      item('Introduce a guaranteed interview scheme. Lead: Recruitment Manager. Target: 31/12/2026.', 'flat'),
      heading(THEMES[1]!),
      item('Launch an Aspiring Managers programme. Lead: OD Manager. Target: January 2027.', 'flat'),
      item('Introduce annual career conversations. Lead: Heads of Service. Target: April 2027.', 'flat'),
    ]);
    expect(p.themes.map((t) => [t.title, t.actions.map((a) => a.ref)])).toEqual([
      [THEMES[0], ['1', '2']],
      [THEMES[1], ['3', '4']],
    ]);
    expect(actions(p)[3]!.leads.map((l) => l.label)).toEqual(['Heads of Service']);
  });

  it('counts as Word does: a level restarts under its parent, a new list instance starts again', async () => {
    const p = await read([
      heading('Recruitment'),
      item('Refresh the careers pages (Lead: Head of HR; by September 2026)', 'flat', 0, 1),
      item('Launch a guaranteed interview scheme (Lead: Head of HR; by December 2026)', 'flat', 0, 1),
      heading('Pay'),
      item('Review market supplements (Lead: Reward Manager; by June 2026)', 'flat', 0, 2),
      item('Publish the pay policy (Lead: Reward Manager; by March 2027)', 'flat', 0, 2),
    ]);
    expect(p.themes.map((t) => t.actions.map((a) => [a.ref, a.title]))).toEqual([
      [
        ['1', 'Refresh the careers pages'],
        ['2', 'Launch a guaranteed interview scheme'],
      ],
      [
        ['1', 'Review market supplements'],
        ['2', 'Publish the pay policy'],
      ],
    ]);
  });
});

describe('Word numbering in table cells', () => {
  const HEADER = ['No.', 'Action', 'Lead officer', 'Target date', 'Status'];
  const cell = (children: Paragraph[], columnSpan?: number) =>
    new TableCell({ children, ...(columnSpan ? { columnSpan } : {}) });
  const text = (t: string) => cell([new Paragraph(t)]);
  const GROUPS: [string, [string, string, string, string][]][] = [
    [
      'Attract and recruit the people we need',
      [
        ['Refresh the careers pages', 'Head of HR & OD', 'September 2026', 'On track'],
        ['Pilot values-based assessment', 'Customer Services Manager', 'March 2027', 'On track'],
      ],
    ],
    [
      'Develop our people and our leaders',
      [
        ['Launch an Aspiring Managers programme', 'OD Manager', 'January 2027', 'On track'],
        ['Roll out people-management training', 'OD Manager', 'December 2026', 'Not started'],
      ],
    ],
  ];
  /** The table, its numbers Word's own ("numbered") or typed into the cells. */
  const table = (numbers: 'numbered' | 'typed') =>
    new Table({
      rows: [
        new TableRow({ tableHeader: true, children: HEADER.map(text) }),
        ...GROUPS.flatMap(([group, rows], g) => [
          new TableRow({
            children: [
              numbers === 'typed' ? text(`${g + 1}.`) : cell([item('', 'plan', 0)]),
              cell([new Paragraph({ children: [new TextRun({ text: group, bold: true })] })], 4),
            ],
          }),
          ...rows.map(
            (cells, a) =>
              new TableRow({
                children: [
                  numbers === 'typed' ? text(`${g + 1}.${a + 1}`) : cell([item('', 'plan', 1)]),
                  ...cells.map(text),
                ],
              }),
          ),
        ]),
      ],
    });

  for (const numbers of ['numbered', 'typed'] as const) {
    it(`reads a row of a number and a title across the table as a group (${numbers} numbers)`, async () => {
      const p = await read([
        new Paragraph({ text: 'Workforce Plan 2026–2029: Action Plan', heading: HeadingLevel.HEADING_1 }),
        table(numbers),
      ]);
      expect(p.themes.map((t) => [t.ref, t.title, t.actions.map((a) => a.ref)])).toEqual([
        ['1', GROUPS[0]![0], ['1.1', '1.2']],
        ['2', GROUPS[1]![0], ['2.1', '2.2']],
      ]);
      expect(actions(p).every((a) => a.subActions.length === 0 && !a.generatedRef)).toBe(true);
      expect(actions(p).map((a) => a.leads[0]?.label)).toEqual([
        'Head of HR & OD',
        'Customer Services Manager',
        'OD Manager',
        'OD Manager',
      ]);
      expect(p.warnings.map((w) => w.code)).not.toContain('no-theme');
    });
  }
});

describe('Word’s list numbers, worked out from the document’s numbering', () => {
  it('writes each level as its text says, from its start, legal numbering as decimals', async () => {
    const file = await Packer.toBuffer(
      new Document({
        numbering: {
          config: [
            {
              reference: 'roman',
              levels: [
                lvl(0, LevelFormat.UPPER_ROMAN, 'Part %1.', 3),
                { ...lvl(1, LevelFormat.DECIMAL, '%1.%2'), isLegalNumberingStyle: true },
                lvl(2, LevelFormat.LOWER_LETTER, '(%3)'),
              ],
            },
          ],
        },
        sections: [
          {
            children: [0, 1, 2, 2, 1, 0, 1, 2].map((level, i) => item(`Item ${i}`, 'roman', level)),
          },
        ],
      }),
    );
    expect(wordListNumbers(file)?.map((n) => n.label)).toEqual([
      'Part III.',
      '3.1',
      '(a)',
      '(b)',
      '3.2',
      'Part IV.',
      '4.1',
      '(a)',
    ]);
  });
});
