import { Document, Packer, Paragraph, ShadingType, Table, TableCell, TableRow } from 'docx';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { parsePlanFile } from './index.js';

/** A key to the RAG colours under a plan's table explains the plan: it is kept as its own section. */
const TABLE = [
  'Workforce Plan 2026-27',
  'Ref\tAction\tLead\tDeadline\tRAG',
  '1\tLaunch the apprenticeship scheme\tHead of HR\tMarch 2027\tGreen',
  '2\tRefresh the sickness absence policy\tHR Adviser\tJune 2027\tAmber',
];

const lastAction = (plan: Awaited<ReturnType<typeof parsePlanFile>>) =>
  plan.themes.flatMap((t) => t.actions).at(-1)!;

describe('a RAG key under the table', () => {
  it.each([
    [['RAG key: Red – off track; Amber – at risk; Green – on track; Blue – complete']],
    [['Key', 'Red = significant slippage', 'Amber = some slippage', 'Green = on track', 'B – Completed']],
    [['RAG status key', 'R – not on target', 'A – at risk of missing target', 'G – on target']],
    [['Red - behind schedule, Amber - at risk, Green - on schedule']],
    // "C" for complete, where the plan writes its blue so.
    [['RAG key', 'R – off track', 'A – at risk', 'G – on track', 'C – complete']],
  ])('%j is the plan’s RAG key, not a note on the last action', async (key) => {
    const plan = await parsePlanFile([...TABLE, ...key].join('\n'));
    expect(lastAction(plan).unplaced).toEqual([]);
    const section = plan.sections.find((s) => s.title === 'RAG key');
    // A line that only says "Key" is the section's own title.
    expect(section?.body).toBe(key.filter((l) => !/^(rag |status )*key$/i.test(l)).join('\n'));
    expect(plan.warnings.map((w) => w.code)).not.toContain('orphan-text');
  });

  it('ends at the first line that is not part of it', async () => {
    const plan = await parsePlanFile(
      [...TABLE, 'Key', 'Green = on track', 'Next review by the People Board in March.'].join('\n'),
    );
    expect(plan.sections.find((s) => s.title === 'RAG key')?.body).toBe('Green = on track');
    expect(lastAction(plan).unplaced).toEqual(['Next review by the People Board in March.']);
  });

  it.each([
    ['Green travel plan to be agreed with Red Cross partners.'],
    ['Key: training delivered to all managers by March.'],
    ['Overall: Red (2), Amber (5), Green (10) at the last review.'],
    ['We will cut red-tape, protect green-space and support blue-light services.'],
  ])('leaves %j where it was', async (line) => {
    const plan = await parsePlanFile([...TABLE, line].join('\n'));
    expect(plan.sections.find((s) => s.title === 'RAG key')).toBeUndefined();
    expect(lastAction(plan).unplaced).toEqual([line]);
  });

  it('ends at a theme heading', async () => {
    const plan = await parsePlanFile(
      [
        'Theme 1: Recruitment',
        ...TABLE.slice(1),
        'RAG key',
        'Red – off track',
        'Theme 2: Pay',
        'Ref\tAction\tLead\tDeadline\tRAG',
        'A\tAppoint a reward lead\tHead of HR\tMay 2027\tGreen',
      ].join('\n'),
    );
    expect(plan.sections.find((s) => s.title === 'RAG key')?.body).toBe('Red – off track');
    expect(plan.themes.map((t) => t.actions.map((a) => a.title))).toEqual([
      ['Launch the apprenticeship scheme', 'Refresh the sickness absence policy'],
      ['Appoint a reward lead'],
    ]);
  });

  it('typed into a spreadsheet’s rows under the table is the key, not themes or a risk', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Plan');
    for (const line of TABLE.slice(1)) ws.addRow(line.split('\t'));
    ws.addRow([]);
    for (const line of ['Key', 'Red – off track', 'Amber – at risk', 'Green – on track']) ws.addRow([line]);
    const plan = await parsePlanFile(Buffer.from(await wb.xlsx.writeBuffer()), { filename: 'plan.xlsx' });
    expect(plan.sections.find((s) => s.title === 'RAG key')?.body).toBe(
      'Red – off track\nAmber – at risk\nGreen – on track',
    );
    expect(plan.themes.flatMap((t) => t.actions)).toHaveLength(2);
    expect(plan.themes).toHaveLength(1);
    expect(plan.risks).toEqual([]);
  });

  it('on a sheet of its own, a table of letters, ends where rows of something else begin', async () => {
    const wb = new ExcelJS.Workbook();
    const key = wb.addWorksheet('Key');
    for (const row of [
      ['R', 'Off track'],
      ['A', 'Some slippage'],
      ['G', 'On track'],
      ['C', 'Complete'],
      [],
      ['Sickness absence', 'Days lost per FTE'],
      ['Turnover', 'Leavers as a share of headcount'],
    ])
      key.addRow(row);
    const ws = wb.addWorksheet('Plan');
    for (const line of TABLE.slice(1)) ws.addRow(line.split('\t'));
    const plan = await parsePlanFile(Buffer.from(await wb.xlsx.writeBuffer()), { filename: 'plan.xlsx' });
    expect(plan.sections.find((s) => s.title === 'RAG key')?.body).toBe(
      'Red – Off track\nAmber – Some slippage\nGreen – On track\nBlue (C) – Complete',
    );
    expect(plan.themes.flatMap((t) => t.actions)).toHaveLength(2);
  });
});

/** A Word table: each row's cells as [text, fill?]. */
const wordTable = (rows: Array<Array<[string, string?]>>) =>
  new Table({
    rows: rows.map(
      (r) =>
        new TableRow({
          children: r.map(
            ([text, fill]) =>
              new TableCell({
                children: [new Paragraph(text)],
                ...(fill && { shading: { type: ShadingType.CLEAR, fill, color: 'auto' } }),
              }),
          ),
        }),
    ),
  });

async function wordPlanWithKey(key: Array<Array<[string, string?]>>, above: boolean): Promise<Buffer> {
  const main = wordTable(TABLE.slice(1).map((l) => l.split('\t').map((c): [string] => [c])));
  const keyTable = wordTable(key);
  return Packer.toBuffer(
    new Document({
      sections: [
        {
          children: [
            new Paragraph(TABLE[0]!),
            ...(above ? [keyTable, new Paragraph(''), main] : [main, new Paragraph(''), keyTable]),
          ],
        },
      ],
    }),
  );
}

describe('a RAG key laid out as a Word table', () => {
  it.each([true, false])(
    'of shaded cells beside their meanings is the key (above the plan: %s)',
    async (above) => {
      const key: Array<Array<[string, string?]>> = [
        [['RAG key']],
        [['', 'FF0000'], ['Significantly off track']],
        [['', 'FFC000'], ['At risk of missing the deadline']],
        [['', '00B050'], ['On track']],
        [['', '0070C0'], ['Complete']],
        [['', 'BFBFBF'], ['Not yet started / not due']],
      ];
      const plan = await parsePlanFile(await wordPlanWithKey(key, above), { filename: 'plan.docx' });
      expect(plan.sections.find((s) => s.title === 'RAG key')?.body).toBe(
        'Red – Significantly off track\nAmber – At risk of missing the deadline\nGreen – On track\nBlue – Complete\nGrey – Not yet started / not due',
      );
      expect(plan.sections.map((s) => s.title)).not.toContain(expect.stringMatching(/^Table/));
      expect(plan.themes.flatMap((t) => t.actions.map((a) => a.title))).toEqual([
        'Launch the apprenticeship scheme',
        'Refresh the sickness absence policy',
      ]);
      expect(plan.warnings.map((w) => w.code)).not.toContain('unrecognised-table');
    },
  );

  it('with the colours written in their cells is the key', async () => {
    const key: Array<Array<[string, string?]>> = [
      [['R'], ['Not on target']],
      [['A'], ['At risk']],
      [['G'], ['On target']],
    ];
    const plan = await parsePlanFile(await wordPlanWithKey(key, false), { filename: 'plan.docx' });
    expect(plan.sections.find((s) => s.title === 'RAG key')?.body).toBe(
      'Red – Not on target\nAmber – At risk\nGreen – On target',
    );
  });

  it('that counts actions by colour is not a key', async () => {
    const counts: Array<Array<[string, string?]>> = [
      [['Red'], ['2']],
      [['Amber'], ['5']],
      [['Green'], ['10']],
    ];
    const plan = await parsePlanFile(await wordPlanWithKey(counts, false), { filename: 'plan.docx' });
    expect(plan.sections.find((s) => s.title === 'RAG key')).toBeUndefined();
  });
});
