import { Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, WidthType } from 'docx';

/**
 * Small Word plans for the import tests (API and browser), built with `docx` at test time: what a
 * council uploads, in the layouts issue 15 names. No binary fixture to keep in step.
 */
const cell = (text: string) => new TableCell({ children: text.split('\n').map((t) => new Paragraph(t)) });
/** A full-width Word table of plain cells (a line break in a cell makes a new paragraph). */
export const table = (rows: string[][]) =>
  new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: rows.map((r) => new TableRow({ children: r.map(cell) })),
  });
const docx = (title: string, rows: string[][]) =>
  Packer.toBuffer(
    new Document({
      sections: [
        { children: [new Paragraph({ text: title, heading: HeadingLevel.HEADING_1 }), table(rows)] },
      ],
    }),
  );

/**
 * A workforce action plan whose lead column is headed "Champion" (a heading the importer does not know:
 * a person maps it), with a deadline tied to an event, one relative to the plan's start, and a column
 * kept as a note on each action.
 */
export const WORKFORCE_PLAN_TITLE = 'Workforce action plan 2026-27';
export function workforcePlanDocx(): Promise<Buffer> {
  return docx(WORKFORCE_PLAN_TITLE, [
    ['Ref', 'Action', 'Champion', 'Deadline', 'Supporting partners'],
    ['1', 'Refresh the workforce strategy', 'J. Turner-Robinson', 'Post restructuring', 'Unison'],
    ['2', 'Train every manager in appraisal', 'HOP OS', 'Within next 6 months', 'ACAS'],
    ['3', 'Run a corporate induction day', 'Jackie Turner Robinson', 'March 2027', 'Learning team'],
  ]);
}

/** An Investors in People action plan (also the PDF fixture's: packages/importer/test/fixtures/pdf). */
export const IIP_PLAN = {
  title: 'Investors in People Action Plan 2014-15',
  rows: [
    [
      'Area number',
      'Issue being faced',
      'Actions needed or planned',
      'Responsibility',
      'Timescales',
      'Constraints',
      'Measure of success',
    ],
    [
      '1',
      'Managers do not hold regular appraisals',
      'Train all managers in appraisal',
      'HR/OD Manager',
      'March 2015',
      'Budget',
      'All staff appraised',
    ],
    [
      '',
      '',
      'Audit appraisal returns each quarter',
      'L&D Team/Corporate Communications',
      'Quarterly',
      'None',
      'Returns above 90%',
    ],
    [
      '2',
      'Induction is patchy across services',
      'Run a corporate induction day',
      'Principal Policy Officer',
      'Within next 6-months',
      'Venue',
      'Every starter inducted',
    ],
  ],
};
export function iipPlanDocx(): Promise<Buffer> {
  return docx(IIP_PLAN.title, IIP_PLAN.rows);
}
