import { Document, Packer, Paragraph, Table, TableCell, TableRow } from 'docx';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { allActions } from '../test/helpers.js';
import { parsePlanFile } from './index.js';

const table = (rows: string[][]) =>
  new Table({
    rows: rows.map(
      (r) => new TableRow({ children: r.map((c) => new TableCell({ children: [new Paragraph(c)] })) }),
    ),
  });
const docx = (children: (Paragraph | Table)[]) => Packer.toBuffer(new Document({ sections: [{ children }] }));

const ACTIONS = [
  ['Ref', 'Action', 'Lead', 'Timescale'],
  ['EDI1', 'Publish the ethnicity pay gap alongside the gender pay gap', 'Head of HR', 'March 2027'],
  ['EDI2', 'Set up staff networks for disabled and LGBTQ+ staff', 'EDI Officer', 'Q2 2026/27'],
];
const GOVERNANCE = [
  ['Forum', 'Role', 'Frequency', 'Chair'],
  ['Corporate Management Team', 'Owns the plan and agrees changes', 'Quarterly', 'Chief Executive'],
  ['EDI Steering Group', 'Monitors progress on each action', 'Every two months', 'Director of People'],
];

describe('a table of another kind after the action table, with a header the importer does not know', () => {
  it('Word: a governance table under the actions is kept as text, not read as more actions', async () => {
    const plan = await parsePlanFile(
      await docx([
        new Paragraph('EDI Workforce Action Plan'),
        table(ACTIONS),
        new Paragraph('Monitoring'),
        table(GOVERNANCE),
      ]),
      { filename: 'plan.docx' },
    );
    expect(allActions(plan).map((a) => a.ref)).toEqual(['EDI1', 'EDI2']);
    expect(plan.indicators).toEqual([]);
    const kept = plan.sections.flatMap((s) => s.body.split('\n'));
    expect(kept).toContain(
      'EDI Steering Group | Monitors progress on each action | Every two months | Director of People',
    );
  });

  it('Excel: a governance sheet after the sheets of actions is kept as text', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Actions').addRows(ACTIONS);
    wb.addWorksheet('Governance').addRows([
      ['Group', 'Chair', 'Frequency', 'Reports to'],
      ['People Board', 'Chief Executive', 'Quarterly', 'Cabinet'],
      ['Employee Forum', 'Head of HR', 'Bi-monthly', 'People Board'],
    ]);
    const plan = await parsePlanFile(Buffer.from(await wb.xlsx.writeBuffer()), { filename: 'plan.xlsx' });
    expect(allActions(plan).map((a) => a.ref)).toEqual(['EDI1', 'EDI2']);
    expect(plan.sections.flatMap((s) => s.body.split('\n'))).toContain(
      'Employee Forum | Head of HR | Bi-monthly | People Board',
    );
  });

  it('a table carried on over a page, its first row an action, is still the action table', async () => {
    const plan = await parsePlanFile(
      await docx([
        table(ACTIONS),
        table([
          ['EDI3', 'Anonymise applications for all posts', 'Recruitment Manager', 'Q3 2026/27'],
          ['', 'Train recruiting managers', 'Learning Team', 'Ongoing'],
        ]),
      ]),
      { filename: 'plan.docx' },
    );
    expect(allActions(plan).map((a) => a.title)).toEqual([
      ACTIONS[1]![1],
      ACTIONS[2]![1],
      'Anonymise applications for all posts',
      'Train recruiting managers',
    ]);
  });

  it('a sign-off table under the actions (Name | Role | Date) is who agreed the plan, not more actions', async () => {
    const plan = await parsePlanFile(
      [
        'Customer Services Workforce Action Plan',
        '',
        'Action\tOwner\tBy when',
        'Cross-train advisers on council tax and benefits\tTeam Leader (Revs)\tNov 2026',
        'Introduce a peak-time rota\tCustomer Services Manager\tQ2 2026/27',
        '',
        'Sign-off',
        'Name\tRole\tDate',
        'Priya Shah\tAssistant Director, Customer Services\t15/05/2026',
        'Mark Jones\tHead of HR\t16/05/2026',
      ].join('\n'),
    );
    expect(allActions(plan).map((a) => a.title)).toEqual([
      'Cross-train advisers on council tax and benefits',
      'Introduce a peak-time rota',
    ]);
    expect(plan.sections.flatMap((s) => s.body.split('\n'))).toContain(
      'Mark Jones | Head of HR | 16/05/2026',
    );
  });

  it.each(['Sign-off', 'Approval', 'Monitoring and governance', 'Governance arrangements'])(
    'a "%s" heading after the actions starts a section of its own, not a note on the last action',
    async (heading) => {
      const plan = await parsePlanFile(
        [
          'Action\tOwner\tBy when',
          'Cross-train advisers on council tax and benefits\tTeam Leader (Revs)\tNov 2026',
          'Introduce a peak-time rota\tCustomer Services Manager\tQ2 2026/27',
          '',
          heading,
          'The plan is reviewed by the Customer Services board every quarter.',
        ].join('\n'),
      );
      expect(allActions(plan).map((a) => a.unplaced)).toEqual([[], []]);
      expect(plan.sections.find((s) => s.title === heading)?.body).toBe(
        'The plan is reviewed by the Customer Services board every quarter.',
      );
    },
  );

  it('a project tool’s export headed "Name" is still its actions', async () => {
    const plan = await parsePlanFile(
      ['Name\tPerson\tStatus\tDate', 'Launch the staff survey\tSam Patel\tWorking on it\t30/06/2026'].join(
        '\n',
      ),
    );
    expect(allActions(plan).map((a) => a.title)).toEqual(['Launch the staff survey']);
  });

  it('a key to a column under the table ("Priority key: …") is the plan’s key, not a note on the last action', async () => {
    const plan = await parsePlanFile(
      [
        'Rec. No.\tRecommendation\tPriority\tResponsible officer\tImplementation date',
        '1\tDBS checks should be renewed every three years.\tHigh\tHR Operations Manager\t30 September 2026',
        '2\tReferences should be obtained before any start date.\tMedium\tRecruitment Team Leader\t31 July 2026',
        '',
        'Priority key: High – fundamental control weakness; Medium – significant; Low – good practice.',
      ].join('\n'),
    );
    expect(allActions(plan).map((a) => a.unplaced)).toEqual([[], []]);
    expect(plan.sections.find((s) => s.title === 'Key')?.body).toMatch(/^Priority key: High/);
  });
});
