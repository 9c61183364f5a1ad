import { Document, Packer, Paragraph, Table, TableCell, TableRow } from 'docx';
import { describe, expect, it } from 'vitest';
import { parsePlanFile } from './index.js';
import type { ParsedAction, ParsedPlan } from './parsed-plan.js';

/**
 * Rows of an action table under an action, with no ref of their own, that are its milestones: the
 * title says so ("Milestone: …", "MS1: …") or sets the row under the action as a dash or bullet item
 * ("– Launch to staff"). Each is a dated milestone of the action above, never an action.
 */

const HEADER = ['Ref', 'Action / milestone', 'Lead', 'Target date', 'Status'];

function wordTable(rows: string[][], header = HEADER): Promise<Buffer> {
  const row = (cells: string[]) =>
    new TableRow({
      children:
        cells.length === 1
          ? [new TableCell({ columnSpan: header.length, children: [new Paragraph(cells[0]!)] })]
          : cells.map((c) => new TableCell({ children: [new Paragraph(c)] })),
    });
  return Packer.toBuffer(
    new Document({
      sections: [
        {
          children: [
            new Paragraph('Workforce Development Action Plan 2026–2028'),
            new Table({ rows: [header, ...rows].map(row) }),
          ],
        },
      ],
    }),
  );
}

const tabs = (rows: string[][]) => rows.map((r) => r.join('\t')).join('\n');
const actionsOf = (plan: ParsedPlan) => plan.themes.flatMap((t) => t.actions);
const steps = (a: ParsedAction) => a.milestones.map((m) => [m.ref, m.title, m.due.due, !!m.completed]);

const BODY = [
  ['People'],
  ['P1', 'Replace the e-learning platform', 'Learning Manager', 'June 2027', 'On track'],
  ['', 'Milestone: Supplier chosen', '', 'Feb 2027', 'Complete'],
  ['', 'Milestone 2 – Courses moved across', '', 'April 2027', ''],
  ['', 'MS3: Old platform switched off', '', 'June 2027', ''],
  ['P2', 'Run a coaching pilot for new managers', 'OD Lead', 'Q2 2027/28', ''],
  ['', '– Coaches trained', '', 'May 2027', 'Done'],
  ['', '- Pilot evaluated', '', 'Sept 2027', ''],
  ['Places'],
  ['P3', 'Open a second training room at the depot', 'Facilities Manager', 'Dec 2027', ''],
  ['P3.1', 'Fit out the room', 'Facilities Officer', 'Oct 2027', ''],
  ['', 'o Furniture delivered', '', 'Sept 2027', ''],
  ['P4', 'Review the induction day', 'HR Adviser', 'March 2028', ''],
];

describe('milestone rows under an action', () => {
  it('are its dated milestones, done when their status says so, never actions (Word)', async () => {
    const plan = await parsePlanFile(await wordTable(BODY), { filename: 'plan.docx' });
    expect(plan.themes.map((t) => t.title)).toEqual(['People', 'Places']);
    const actions = actionsOf(plan);
    expect(actions.map((a) => a.ref)).toEqual(['P1', 'P2', 'P3', 'P4']);
    expect(steps(actions[0]!)).toEqual([
      ['P1.M1', 'Supplier chosen', '2027-02-28', true],
      ['P1.M2', 'Courses moved across', '2027-04-30', false],
      ['P1.M3', 'Old platform switched off', '2027-06-30', false],
    ]);
    expect(steps(actions[1]!)).toEqual([
      ['P2.M1', 'Coaches trained', '2027-05-31', true],
      ['P2.M2', 'Pilot evaluated', '2027-09-30', false],
    ]);
    // The action keeps its own status; a milestone's "Complete" is the milestone's.
    expect(actions[0]!.status).toBe('on-track');
    // A sub-action with its own ref stays one, and the step under it is its milestone.
    expect(actions[2]!.subActions.map((s) => s.ref)).toEqual(['P3.1']);
    expect(steps(actions[2]!.subActions[0]!)).toEqual([
      ['P3.1.M1', 'Furniture delivered', '2027-09-30', false],
    ]);
    expect(steps(actions[3]!)).toEqual([]);
    expect(actions.flatMap((a) => a.unplaced)).toEqual([]);
  });

  it('are its milestones when the ref column numbers them (M1, M1.2, Milestone 1, P1.M1)', async () => {
    const rows = [
      ['P1', 'Replace the e-learning platform', 'Learning Manager', 'June 2027', 'On track'],
      ['M1', 'Supplier chosen', '', 'Feb 2027', 'Complete'],
      ['M2', 'Courses moved across', '', 'April 2027', ''],
      ['P2', 'Run a coaching pilot for new managers', 'OD Lead', 'Q2 2027/28', ''],
      ['Milestone 1', 'Coaches trained', '', 'May 2027', 'Done'],
      ['Milestone 2', 'Pilot evaluated', '', 'Sept 2027', ''],
      ['P3', 'Open a second training room at the depot', 'Facilities Manager', 'Dec 2027', ''],
      ['P3.M1', 'Furniture delivered', '', 'Sept 2027', ''],
      ['M1.2', 'Screens fitted', '', 'Oct 2027', ''],
    ];
    for (const plan of [
      await parsePlanFile(await wordTable(rows), { filename: 'plan.docx' }),
      await parsePlanFile(tabs([HEADER, ...rows]), { filename: 'plan.txt' }),
    ]) {
      const actions = actionsOf(plan);
      expect(actions.map((a) => a.ref)).toEqual(['P1', 'P2', 'P3']);
      expect(actions.map(steps)).toEqual([
        [
          ['P1.M1', 'Supplier chosen', '2027-02-28', true],
          ['P1.M2', 'Courses moved across', '2027-04-30', false],
        ],
        [
          ['P2.M1', 'Coaches trained', '2027-05-31', true],
          ['P2.M2', 'Pilot evaluated', '2027-09-30', false],
        ],
        [
          ['P3.M1', 'Furniture delivered', '2027-09-30', false],
          ['P3.M2', 'Screens fitted', '2027-10-31', false],
        ],
      ]);
    }
  });

  it('leave a plan’s own letter for a group an action’s ref: M1 with a lead, or after an M action', async () => {
    const rows = [
      ['L1', 'Launch the leadership programme', 'OD Lead', 'June 2027', ''],
      ['M1', 'Refresh the managers’ toolkit', 'HR Adviser', 'April 2027', ''],
      ['M2', 'Run managers’ briefings', '', 'May 2027', ''],
    ];
    const plan = await parsePlanFile(tabs([HEADER, ...rows]), { filename: 'plan.txt' });
    expect(actionsOf(plan).map((a) => a.ref)).toEqual(['L1', 'M1', 'M2']);
  });

  it('read the same from pasted, tab-separated rows', async () => {
    const rows = BODY.filter((r) => r.length > 1);
    const plan = await parsePlanFile(tabs([HEADER, ...rows]), { filename: 'plan.txt' });
    const actions = actionsOf(plan);
    expect(actions.map((a) => a.ref)).toEqual(['P1', 'P2', 'P3', 'P4']);
    expect(actions.map((a) => a.milestones.length)).toEqual([3, 2, 0, 0]);
    expect(actions[1]!.milestones.map((m) => m.completed ?? false)).toEqual([true, false]);
  });

  it('leave an action of its own as one: a lead, a deadline and a title not marked as a step', async () => {
    const plan = await parsePlanFile(
      tabs([
        HEADER,
        ['1', 'Refresh the appraisal scheme', 'Head of OD', 'March 2027', ''],
        ['', 'Train managers in the new scheme', 'Learning Manager', 'June 2027', ''],
      ]),
    );
    expect(actionsOf(plan).map((a) => a.title)).toEqual([
      'Refresh the appraisal scheme',
      'Train managers in the new scheme',
    ]);
    expect(actionsOf(plan)[0]!.milestones).toEqual([]);
  });

  it('leave a list of actions written as bullets a list of actions', async () => {
    const plan = await parsePlanFile(
      tabs([
        ['Action', 'Lead', 'Deadline'],
        ['– Refresh the appraisal scheme', 'Head of OD', 'March 2027'],
        ['– Train managers in the new scheme', 'Learning Manager', 'June 2027'],
        ['– Publish the results', 'Head of OD', 'Sept 2027'],
      ]),
    );
    expect(actionsOf(plan)).toHaveLength(3);
    expect(actionsOf(plan).flatMap((a) => a.milestones)).toEqual([]);
  });

  it('make a bullet item with a lead of its own a sub-action, so its lead is kept', async () => {
    const plan = await parsePlanFile(
      tabs([
        HEADER,
        ['1', 'Refresh the appraisal scheme', 'Head of OD', 'March 2027', ''],
        ['', '– Consult the unions', 'HR Policy Manager', 'Jan 2027', ''],
        ['', '– New form live', '', 'March 2027', ''],
      ]),
    );
    const [one] = actionsOf(plan);
    expect(actionsOf(plan)).toHaveLength(1);
    expect(one!.subActions.map((s) => [s.title, s.leads.map((l) => l.label)])).toEqual([
      ['Consult the unions', ['HR Policy Manager']],
    ]);
    // The next step is the action's, not the sub-action's.
    expect(steps(one!)).toEqual([['1.M1', 'New form live', '2027-03-31', false]]);
  });

  it('keep a milestone with no date, and the words beside one, with the action, with a note', async () => {
    const plan = await parsePlanFile(
      await wordTable([
        ['1', 'Refresh the appraisal scheme', 'Head of OD', 'March 2027', ''],
        ['', 'Milestone: Scheme agreed by CMT', '', 'TBC', ''],
        ['', 'Milestone: New form live', 'Systems Team', 'March 2027', 'Delayed by the supplier'],
        ['', '- Agree the wording', 'HR Adviser', '', ''],
      ]),
      { filename: 'plan.docx' },
    );
    const [one] = actionsOf(plan);
    expect(steps(one!)).toEqual([['1.M1', 'New form live', '2027-03-31', false]]);
    expect(one!.unplaced).toEqual([
      'Milestone: Scheme agreed by CMT (TBC)',
      'Milestone "New form live" – Status: Delayed by the supplier',
      'Milestone "New form live" – Lead: Systems Team',
    ]);
    expect(plan.warnings.map((w) => w.code)).toEqual(
      expect.arrayContaining(['undated-milestone', 'milestone-row-notes']),
    );
    // A dash item with no date says nothing of being a milestone: the rules for rows read it.
    expect(actionsOf(plan).map((a) => a.title)).toContain('- Agree the wording');
  });

  it('count towards the order of numeric dates the document is read in (month first here)', async () => {
    const plan = await parsePlanFile(
      tabs([
        HEADER,
        ['1', 'Refresh the appraisal scheme', 'Head of OD', 'March 2027', ''],
        ['', 'Milestone: Unions consulted', '', '1/15/2027', ''],
        ['', 'Milestone: New form live', '', '3/31/2027', ''],
      ]),
    );
    expect(steps(actionsOf(plan)[0]!)).toEqual([
      ['1.M1', 'Unions consulted', '2027-01-15', false],
      ['1.M2', 'New form live', '2027-03-31', false],
    ]);
  });

  it('see a Word list item or a typed round bullet in the title cell as a dash item', async () => {
    // A cell given as ["•", text] is a Word list item (mammoth writes it without its bullet).
    const cellOf = (c: string | [string, string]) =>
      new TableCell({
        children: [
          typeof c === 'string' ? new Paragraph(c) : new Paragraph({ text: c[1], bullet: { level: 0 } }),
        ],
      });
    const word = async (rows: (string | [string, string])[][], header = HEADER) =>
      parsePlanFile(
        await Packer.toBuffer(
          new Document({
            sections: [
              {
                children: [
                  new Paragraph('Workforce Development Action Plan 2026–2028'),
                  new Table({
                    rows: [header, ...rows].map((r) => new TableRow({ children: r.map(cellOf) })),
                  }),
                ],
              },
            ],
          }),
        ),
        { filename: 'plan.docx' },
      );
    const plan = await word([
      ['1', 'Refresh the appraisal scheme', 'Head of OD', 'March 2027', ''],
      ['', ['•', 'Consult the unions'], '', 'Jan 2027', 'Done'],
      ['', '• New form live', '', 'March 2027', ''],
      ['', ['•', 'Train the panel'], 'Learning Manager', 'Feb 2027', ''],
    ]);
    const [one] = actionsOf(plan);
    expect(actionsOf(plan)).toHaveLength(1);
    expect(steps(one!)).toEqual([
      ['1.M1', 'Consult the unions', '2027-01-31', true],
      ['1.M2', 'New form live', '2027-03-31', false],
    ]);
    // A bullet item with its own lead is a sub-action, as a dash item is.
    expect(one!.subActions.map((x) => [x.title, x.leads.map((l) => l.label)])).toEqual([
      ['Train the panel', ['Learning Manager']],
    ]);
    // Pasted, the bullet is typed in the cell.
    const pasted = await parsePlanFile(
      tabs([
        HEADER,
        ['1', 'Refresh the appraisal scheme', 'Head of OD', 'March 2027', ''],
        ['', '• Consult the unions', '', 'Jan 2027', 'Done'],
        ['', '• New form live', '', 'March 2027', ''],
      ]),
    );
    expect(steps(actionsOf(pasted)[0]!)).toEqual(steps(one!));
    // A table of actions all written as Word list items is a list of actions.
    const list = await word(
      [
        [['•', 'Refresh the appraisal scheme'], 'Head of OD', 'March 2027'],
        [['•', 'Train managers in the new scheme'], 'Learning Manager', 'June 2027'],
        [['•', 'Publish the results'], 'Head of OD', 'Sept 2027'],
      ],
      ['Action', 'Lead', 'Deadline'],
    );
    expect(actionsOf(list).map((a) => a.title)).toEqual([
      'Refresh the appraisal scheme',
      'Train managers in the new scheme',
      'Publish the results',
    ]);
  });
});
