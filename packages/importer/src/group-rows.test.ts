import { Document, Packer, Paragraph, Table, TableCell, TableRow } from 'docx';
import { describe, expect, it } from 'vitest';
import { parsePlanFile } from './index.js';

/**
 * A group's name on a row of its own inside the action table, in the first column and often merged
 * across the table: the actions below it are that group's, whatever the plan calls its groups.
 */

const HEADER = ['No', 'Action', 'Responsible officer', 'Target date', 'Status'];
const action = (no: string, title: string, lead: string, due: string, status: string) => [
  no,
  title,
  lead,
  due,
  status,
];

function wordTable(rows: string[][]): Promise<Buffer> {
  const row = (cells: string[]) =>
    new TableRow({
      children:
        cells.length === 1
          ? [new TableCell({ columnSpan: HEADER.length, children: [new Paragraph(cells[0]!)] })]
          : cells.map((c) => new TableCell({ children: [new Paragraph(c)] })),
    });
  return Packer.toBuffer(
    new Document({
      sections: [
        {
          children: [
            new Paragraph('Our People Strategy 2025–2028: Year 2 Action Plan'),
            new Table({ rows: [HEADER, ...rows].map(row) }),
          ],
        },
      ],
    }),
  );
}

const BODY = (groups: [string, string, string]) => [
  [groups[0]],
  action('1', 'Run the all-staff survey and publish results', 'Head of OD', 'November 2026', 'On track'),
  action(
    '2',
    'Refurbish staff welfare facilities at the depot',
    'Facilities Manager',
    'Q4 2026/27',
    'At risk',
  ),
  [groups[1]],
  action('1', 'Every manager completes the essentials course', 'L&D Manager', '31 March 2027', 'On track'),
  [groups[2]],
  action('1', 'Offer digital skills drop-in sessions', 'IT Trainer', 'Ongoing', 'On track'),
];

const groupsOf = (plan: Awaited<ReturnType<typeof parsePlanFile>>) =>
  plan.themes.map((t) => [t.ref, t.title, t.actions.length]);

describe('a group’s name on a row of its own', () => {
  it('with its own word and number ("Ambition 1 – …") starts that group', async () => {
    const plan = await parsePlanFile(
      await wordTable(
        BODY([
          'Ambition 1 – A great place to work',
          'Ambition 2 – Skilled and confident managers',
          'Cross-cutting: digital skills for everyone',
        ]),
      ),
      { filename: 'plan.docx' },
    );
    expect(groupsOf(plan)).toEqual([
      ['1', 'A great place to work', 2],
      ['2', 'Skilled and confident managers', 1],
      ['3', 'Cross-cutting: digital skills for everyone', 1],
    ]);
    expect(plan.themeNoun).toBe('Ambition');
    expect(plan.title).toBe('Our People Strategy 2025–2028: Year 2 Action Plan');
    expect(plan.warnings.map((w) => w.code)).not.toContain('no-title');
    expect(plan.warnings.map((w) => w.code)).not.toContain('no-title');
  });

  it('as a short name alone starts that group too', async () => {
    const plan = await parsePlanFile(await wordTable(BODY(['Recruitment', 'Managers', 'Digital'])), {
      filename: 'plan.docx',
    });
    expect(groupsOf(plan)).toEqual([
      ['1', 'Recruitment', 2],
      ['2', 'Managers', 1],
      ['3', 'Digital', 1],
    ]);
  });

  it('is not taken from a note under an action', async () => {
    const plan = await parsePlanFile(
      await wordTable([
        ['Priority 1: Recruitment'],
        action('1.1', 'Launch the apprenticeship scheme', 'Head of HR', 'March 2026', 'On track'),
        ['Note: the scheme depends on levy funding being agreed by Cabinet'],
        action('1.2', 'Refresh the recruitment website', 'Recruitment Manager', 'June 2026', 'At risk'),
      ]),
      { filename: 'plan.docx' },
    );
    expect(groupsOf(plan)).toEqual([['1', 'Recruitment', 2]]);
    expect(plan.themes[0]!.actions[0]!.unplaced).toEqual([
      'Note: the scheme depends on levy funding being agreed by Cabinet',
    ]);
  });

  it('is not taken from a title alone on its row, a ref alone, or a cell carried over a page break', async () => {
    const text = [
      ['Action', 'Lead', 'Deadline'],
      ['Launch the apprenticeship scheme', 'Head of HR', 'March 2027'],
      ['Refresh the induction programme', '', ''],
      ['Review the pay policy', 'Reward Manager', 'June 2027'],
      ['', 'and Finance Business Partner', ''],
    ]
      .map((r) => r.join('\t'))
      .join('\n');
    const plan = await parsePlanFile(text);
    expect(plan.themes).toHaveLength(1);
    expect(plan.themes[0]!.actions.map((a) => a.title)).toEqual([
      'Launch the apprenticeship scheme',
      'Refresh the induction programme',
      'Review the pay policy',
    ]);
  });
});

describe('text too long for a ref in the ref column', () => {
  it('never stops the import: it is kept with its action, with a note', async () => {
    const text = [
      ['Ref', 'Action', 'Lead', 'Deadline'],
      ['1', 'Launch the apprenticeship scheme', 'Head of HR', 'March 2027'],
      ['See the workforce board minutes of May', 'Review the pay policy', 'Reward Manager', 'June 2027'],
    ]
      .map((r) => r.join('\t'))
      .join('\n');
    const plan = await parsePlanFile(text);
    const actions = plan.themes.flatMap((t) => t.actions);
    expect(actions.map((a) => a.title)).toEqual([
      'Launch the apprenticeship scheme',
      'Review the pay policy',
    ]);
    expect(actions[1]!.ref.length).toBeLessThanOrEqual(20);
    expect(actions[1]!.unplaced).toContain('See the workforce board minutes of May');
    expect(plan.warnings.map((w) => w.code)).toContain('long-ref');
  });
});

describe('a RAG column written as letters, and progress as percentages', () => {
  it('stay status and progress: letters under "RAG" are not refs, nor is 40% (0.4 in the cell)', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Action plan');
    ws.addRow(['RAG', 'Deadline', '% complete', 'Action', 'Owner']);
    const rows: Array<[string, string, number, string, string]> = [
      ['G', 'March 2027', 0.4, 'Agree a workforce planning template', 'Strategic HR Lead'],
      ['A', 'Q3 2026/27', 0.25, 'Produce service workforce plans', 'HR Business Partners'],
      ['R', 'Ongoing', 0, 'Introduce a succession plan for every Tier 3 post', 'Head of HR'],
      ['C', 'July 2026', 1, 'Run the senior leadership conference', 'Chief Executive'],
    ];
    for (const r of rows) ws.addRow(r).getCell(3).numFmt = '0%';
    const plan = await parsePlanFile(Buffer.from(await wb.xlsx.writeBuffer()), { filename: 'plan.xlsx' });
    const actions = plan.themes.flatMap((t) => t.actions);
    expect(actions.map((a) => a.status)).toEqual(['on-track', 'at-risk', 'off-track', 'completed']);
    expect(actions.map((a) => a.extra)).toEqual(
      ['40%', '25%', '0%', '100%'].map((text) => [{ label: '% complete', text }]),
    );
    expect(actions.map((a) => a.ref)).toEqual(['1', '2', '3', '4']);
  });

  it('stays as the person chose in the preview', async () => {
    const text = [
      ['Ref', 'Action', 'Lead', 'Code'],
      ['1', 'Launch the apprenticeship scheme', 'Head of HR', 'G'],
      ['2', 'Review the pay policy', 'Reward Manager', 'A'],
      ['3', 'Refresh induction', 'OD Manager', 'R'],
    ]
      .map((r) => r.join('\t'))
      .join('\n');
    const plan = await parsePlanFile(text, { mappingOverride: { Code: 'status' } });
    expect(plan.themes.flatMap((t) => t.actions).map((a) => [a.ref, a.status])).toEqual([
      ['1', 'on-track'],
      ['2', 'at-risk'],
      ['3', 'off-track'],
    ]);
  });
});

describe('refs under a long ref', () => {
  it('a milestone under "WFP/2025-26/REC/01" keeps the end of the ref and fits the 20 characters a ref may have', async () => {
    const text = [
      'Ref\tAction\tLead\tDeadline\tMilestones',
      'WFP/2025-26/REC/01\tLaunch the new recruitment portal\tHead of HR\tMarch 2027\tJun 2026 – supplier chosen',
      'WFP/2025-26/REC/02\tRun a graduate scheme\tHead of HR\tMarch 2027\tSep 2026 – first cohort starts',
    ].join('\n');
    const plan = await parsePlanFile(Buffer.from(text), { filename: 'plan.txt' });
    const milestones = plan.themes.flatMap((t) => t.actions).flatMap((a) => a.milestones.map((m) => m.ref));
    expect(milestones).toEqual(['…P/2025-26/REC/01.M1', '…P/2025-26/REC/02.M1']);
  });
});
