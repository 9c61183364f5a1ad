import { Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow } from 'docx';
import { describe, expect, it } from 'vitest';
import { parsePlanFile } from './index.js';
import type { ParsedPlan } from './parsed-plan.js';

/**
 * A document's own details written after its actions ("Document owner: …", "Review: this plan will be
 * reviewed in …", "Version 2.1"): the document's, kept in its "Document control" section, never a note
 * on the last action.
 */

const word = async (children: (Paragraph | Table)[]) =>
  parsePlanFile(await Packer.toBuffer(new Document({ sections: [{ children }] })), { filename: 'plan.docx' });

const h = (text: string) => new Paragraph({ text, heading: HeadingLevel.HEADING_1 });
const p = (text: string) => new Paragraph(text);

/** Numbered paragraphs with "Lead:" and "Timescale:" lines, no table at all. */
const NUMBERED = [
  p('People Strategy 2026–2030'),
  h('1. Our workforce'),
  p('1.1 Launch a new workforce planning toolkit for all service areas.'),
  p('Lead: Head of HR & OD'),
  p('Timescale: Q3 2026/27'),
  p('1.2 Introduce a recruitment and retention payments policy.'),
  p('Lead: Assistant Director People'),
  p('Timescale: March 2027'),
  h('2. Our leaders'),
  p('2.1 Launch a leadership development programme for the top 120 managers.'),
  p('Lead: Head of Organisational Development'),
  p('Timescale: By end of Sept 26'),
];

const table = (rows: string[][]) =>
  new Table({
    rows: rows.map((r) => new TableRow({ children: r.map((c) => new TableCell({ children: [p(c)] })) })),
  });

const ACTIONS = table([
  ['Ref', 'Action', 'Lead', 'Deadline'],
  ['1', 'Run the staff survey', 'Head of HR', 'May 2026'],
  ['2', 'Publish the results', 'Communications Manager', 'July 2026'],
]);

const lastAction = (plan: ParsedPlan) => plan.themes.at(-1)!.actions.at(-1)!;
const section = (plan: ParsedPlan, title: string) => plan.sections.find((s) => s.title === title)?.body;
const codes = (plan: ParsedPlan) => plan.warnings.map((w) => w.code);

describe('a document’s own details after its actions', () => {
  it('are its document control, not a note on the last action, in a document with no table', async () => {
    const line =
      'Document owner: Assistant Director People. Approved by Cabinet 9 April 2026. Next review: April 2027.';
    const plan = await word([...NUMBERED, p(line)]);
    expect(plan.themes.flatMap((t) => t.actions.map((a) => a.ref))).toEqual(['1.1', '1.2', '2.1']);
    expect(lastAction(plan).unplaced).toEqual([]);
    expect(section(plan, 'Document control')).toBe(line);
    // The owner is read from it, as from a cover's line.
    expect(plan.ownerLabel).toBe('Assistant Director People');
    expect(codes(plan)).not.toContain('orphan-text');
  });

  it('are its document control after a table, a heading of their own or none', async () => {
    const plan = await word([
      p('Staff Survey Action Plan 2026/27'),
      ACTIONS,
      p('Review: this plan will be reviewed in April 2027.'),
      p('Version 2.1'),
      p('This action plan was approved by the People Board on 3 March 2026.'),
      p('Contact: hr@council.gov.uk'),
    ]);
    expect(lastAction(plan).unplaced).toEqual([]);
    expect(section(plan, 'Document control')).toBe(
      [
        'Review: this plan will be reviewed in April 2027.',
        'Version 2.1',
        'This action plan was approved by the People Board on 3 March 2026.',
        'Contact: hr@council.gov.uk',
      ].join('\n'),
    );
    expect(codes(plan)).not.toContain('orphan-text');
    // Under a heading that names them, every line is theirs.
    const headed = await word([
      p('Staff Survey Action Plan 2026/27'),
      ACTIONS,
      h('Document control'),
      p('Author: HR Business Partner'),
      p('Agreed at the People Board, 3 March 2026'),
    ]);
    expect(lastAction(headed).unplaced).toEqual([]);
    expect(section(headed, 'Document control')).toBe(
      'Author: HR Business Partner\nAgreed at the People Board, 3 March 2026',
    );
  });

  it('include a decision by a body with its date, and a row of its own at the table’s foot', async () => {
    const closing = [
      'Agreed at Corporate Management Team, May 2025',
      'Approved by Cabinet on 12 March 2026',
      'Plan owner – Director of Resources',
      'Next review: March 2027',
    ];
    const merged = (text: string) =>
      new TableRow({ children: [new TableCell({ children: [p(text)], columnSpan: 4 })] });
    const plan = await word([
      p('Staff Survey Action Plan 2026/27'),
      new Table({
        rows: [
          ...[
            ['Ref', 'Action', 'Lead', 'Deadline'],
            ['1', 'Run the staff survey', 'Head of HR', 'May 2026'],
          ].map((r) => new TableRow({ children: r.map((c) => new TableCell({ children: [p(c)] })) })),
          merged(closing[0]!),
        ],
      }),
      ...closing.slice(1).map(p),
    ]);
    expect(plan.themes.map((t) => t.title)).toEqual(['Actions']);
    expect(lastAction(plan).unplaced).toEqual([]);
    expect(section(plan, 'Document control')).toBe(closing.join('\n'));
    // The same rows in a sheet's first column, under its table.
    const csv = await parsePlanFile(
      Buffer.from(
        ['Ref,Action,Lead,Deadline', '1,Run the staff survey,Head of HR,May 2026', ',,,']
          .concat(closing.map((c) => `"${c}",,,`))
          .join('\n'),
      ),
      { filename: 'plan.csv' },
    );
    expect(csv.themes.flatMap((t) => t.actions).map((a) => a.ref)).toEqual(['1']);
    expect(section(csv, 'Document control')).toBe(closing.join('\n'));
  });

  it('include who prepared a committee paper, labelled or with its date', async () => {
    const closing = [
      'Prepared by the Programme Office for the People Board, 12 October 2026.',
      'Report author: Sam Okafor, HR Strategy Officer',
    ];
    const plan = await word([
      p('Pay and Reward Improvement Plan – Exception Report'),
      new Table({
        rows: [
          ['Ref', 'Action', 'Lead', 'Deadline'],
          ['PR2', 'Agree the honoraria policy', 'Reward Manager', 'December 2026'],
        ].map((r) => new TableRow({ children: r.map((c) => new TableCell({ children: [p(c)] })) })),
      }),
      ...closing.map(p),
    ]);
    expect(lastAction(plan).unplaced).toEqual([]);
    expect(section(plan, 'Document control')).toBe(closing.join('\n'));
  });

  it('leave other text with the action above, said to be outside the list where there is no table', async () => {
    const after = await word([
      p('Staff Survey Action Plan 2026/27'),
      ACTIONS,
      p('Approved by CMT in May; results shared at the staff conference.'),
      p('Progress against this plan is reported to the People Board.'),
    ]);
    expect(lastAction(after).unplaced).toEqual([
      'Approved by CMT in May; results shared at the staff conference.',
      'Progress against this plan is reported to the People Board.',
    ]);
    expect(after.warnings.find((w) => w.code === 'orphan-text')?.message).toMatch(/outside the table/);

    // Bullets under group headings, no table: a paragraph after them is no part of the list.
    const bullet = (text: string) => new Paragraph({ text, bullet: { level: 0 } });
    const list = await word([
      p('People Strategy 2026–2030'),
      h('Recruitment'),
      bullet('Launch a careers site (Lead: Head of HR; by Sept 2026)'),
      h('Wellbeing'),
      bullet('Train mental health first aiders (Lead: Wellbeing Lead; by Dec 2026)'),
      p('Further detail is given in the appendix to this report.'),
    ]);
    expect(lastAction(list).unplaced).toEqual(['Further detail is given in the appendix to this report.']);
    const orphan = list.warnings.find((w) => w.code === 'orphan-text');
    expect(orphan?.message).toMatch(/^Text outside the list of actions kept with the action above/);
    expect(orphan?.message).not.toMatch(/table/);
    // Two lines or more are said once, in the same words.
    const two = await word([
      p('People Strategy 2026–2030'),
      h('Recruitment'),
      bullet('Launch a careers site (Lead: Head of HR; by Sept 2026)'),
      p('Further detail is given in the appendix to this report.'),
      p('Figures are as at the end of March.'),
    ]);
    expect(two.warnings.filter((w) => w.code === 'orphan-text').map((w) => w.message)).toEqual([
      expect.stringMatching(
        /^2 lines \(\d+–\d+\) were kept as text outside the list of actions; the first: Text outside the list/,
      ),
    ]);
  });

  it('under a Word heading of its own after the last table are that section’s, whatever the heading says', async () => {
    const plan = await word([
      p('Staff Survey Action Plan 2026/27'),
      ACTIONS,
      h('How we will deliver this plan'),
      p('Progress is reported to the People Board every quarter by the lead officers.'),
      h('Governance'),
      p('The People Board oversees the plan.'),
    ]);
    expect(lastAction(plan).unplaced).toEqual([]);
    expect(section(plan, 'How we will deliver this plan')).toBe(
      'Progress is reported to the People Board every quarter by the lead officers.',
    );
    expect(section(plan, 'Governance')).toBe('The People Board oversees the plan.');
    expect(plan.themes.map((t) => t.title)).toEqual(['Actions']);
    expect(codes(plan)).not.toContain('orphan-text');
  });
});
