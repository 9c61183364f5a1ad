import { Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import { describe, expect, it } from 'vitest';
import { parsePlanFile } from './index.js';

/**
 * A Word table of milestones inside an action's cell with a third column for each step's status
 * ("Milestone | Date | Status"): each row is a milestone, its date and its state, the state never part
 * of the milestone's title.
 */

const p = (text: string, bold = false) => new Paragraph({ children: [new TextRun({ text, bold })] });
const cell = (children: (Paragraph | Table)[]) => new TableCell({ children });
const inner = (rows: string[][]) =>
  new Table({
    rows: rows.map((r, i) => new TableRow({ children: r.map((c) => cell([p(c, i === 0)])) })),
  });

async function plan(header: string[], steps: string[][], where: 'own' | 'column') {
  const row = (cells: (Paragraph | Table)[][]) => new TableRow({ children: cells.map((c) => cell(c)) });
  const head =
    where === 'own'
      ? ['Ref', 'Action and milestones', 'Lead', 'Due']
      : ['Ref', 'Action', 'Lead', 'Milestones', 'Due'];
  const body = (ref: string, title: string, rows: string[][] | undefined, due: string) =>
    where === 'own'
      ? row([[p(ref)], rows ? [p(title), inner(rows), p('')] : [p(title)], [p('Head of OD')], [p(due)]])
      : row([[p(ref)], [p(title)], [p('Head of OD')], rows ? [inner(rows), p('')] : [p('')], [p(due)]]);
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph({ text: 'Workforce Development Plan 2026/27', heading: HeadingLevel.HEADING_1 }),
          new Table({
            rows: [
              row(head.map((h) => [p(h, true)])),
              body('1.1', 'Implement a new e-learning platform', [header, ...steps], 'March 2027'),
              body('1.2', 'Run a corporate induction day', undefined, 'March 2027'),
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

const STEPS = [
  ['Procure supplier', 'July 2026', 'Complete'],
  ['Migrate content', 'November 2026', 'In progress'],
  ['Go live', 'January 2027', 'Not started'],
];

describe('a milestone table of three columns, its third each step’s status', () => {
  it.each(['own', 'column'] as const)(
    'in the action’s %s cell: milestone, due and status apart',
    async (where) => {
      const { pl, first } = await plan(['Milestone', 'Date', 'Status'], STEPS, where);
      expect(first.title).toBe('Implement a new e-learning platform');
      expect(first.milestones.map((m) => [m.title, m.due.due, !!m.completed])).toEqual([
        ['Procure supplier', '2026-07-31', true],
        ['Migrate content', '2026-11-30', false],
        ['Go live', '2027-01-31', false],
      ]);
      expect(JSON.stringify(first.milestones)).not.toMatch(/In progress|Not started|Complete"/);
      expect(pl.themes[0]!.actions).toHaveLength(2);
    },
  );

  it('with the status first and the date last', async () => {
    const { first } = await plan(
      ['RAG', 'Key milestone', 'Target date'],
      STEPS.map(([t, d, s]) => [s!, t!, d!]),
      'column',
    );
    expect(first.milestones.map((m) => [m.title, m.due.due, !!m.completed])).toEqual([
      ['Procure supplier', '2026-07-31', true],
      ['Migrate content', '2026-11-30', false],
      ['Go live', '2027-01-31', false],
    ]);
  });

  it('keeps a state that is more than a status with the action, the title still the step alone', async () => {
    const { pl, first } = await plan(
      ['Milestone', 'Date', 'Status'],
      [
        ['Procure supplier', 'July 2026', 'On hold'],
        ['Go live', 'January 2027', 'Complete'],
      ],
      'own',
    );
    expect(first.milestones.map((m) => [m.title, !!m.completed])).toEqual([
      ['Procure supplier', false],
      ['Go live', true],
    ]);
    expect(first.unplaced).toEqual(['Milestone "Procure supplier" – Status: On hold']);
    expect(pl.warnings.map((w) => w.code)).toContain('milestone-row-notes');
  });
});
