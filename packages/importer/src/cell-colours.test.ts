import {
  Document,
  Packer,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  VerticalMergeType,
} from 'docx';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { parsePlanFile } from './index.js';
import { ragWordOfFill } from './readers/cell-colours.js';

/**
 * A RAG rating shown only by the cell's colour, as many councils write it: the status column's empty
 * cell reads as its colour; coloured cells elsewhere (a shaded header, a timeline bar) mean nothing.
 */

const HEADER = ['Ref', 'Action', 'Lead', 'Deadline', 'RAG', 'Jan', 'Feb'];
/** Rows of [ref, title, lead, due, RAG text, RAG colour, timeline colour]. */
const ROWS: Array<[string, string, string, string, string, string | undefined, string | undefined]> = [
  ['1', 'Refresh the workforce strategy', 'Head of HR', 'March 2027', '', '00B050', '4472C4'],
  ['2', 'Launch the apprenticeship scheme', 'Head of HR', 'June 2027', '', 'FFC000', undefined],
  ['3', 'Reduce agency spend', 'Finance Lead', 'December 2026', '', 'FF0000', '4472C4'],
  ['4', 'Publish the pay gap report', 'Head of HR', 'April 2026', '', '0070C0', undefined],
  ['5', 'Review the sickness policy', 'HR Adviser', 'May 2027', 'Amber', '00B050', undefined],
  ['6', 'Staff survey action plan', 'OD Manager', 'July 2027', '', 'D9D9D9', undefined],
];

const shaded = (text: string, fill?: string) =>
  new TableCell({
    children: [new Paragraph(text)],
    ...(fill && { shading: { type: ShadingType.CLEAR, fill, color: 'auto' } }),
  });

async function wordPlan(): Promise<Buffer> {
  // Actions 1 and 2 share their lead in one vertically merged cell: the colours line up with the text
  // only if merges are followed as mammoth follows them.
  const lead = (i: number, text: string) =>
    i > 1
      ? shaded(text)
      : new TableCell({
          children: [new Paragraph(i === 0 ? text : '')],
          verticalMerge: i === 0 ? VerticalMergeType.RESTART : VerticalMergeType.CONTINUE,
        });
  const rows = [
    new TableRow({ tableHeader: true, children: HEADER.map((h) => shaded(h, '1F3864')) }),
    ...ROWS.map(
      ([ref, title, leadName, due, rag, fill, bar], i) =>
        new TableRow({
          children: [shaded(ref), shaded(title), lead(i, leadName), shaded(due)].concat(
            shaded(rag, fill),
            shaded('', bar),
            shaded(''),
          ),
        }),
    ),
  ];
  return Packer.toBuffer(
    new Document({ sections: [{ children: [new Paragraph('People Plan 2026-27'), new Table({ rows })] }] }),
  );
}

async function excelPlan(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Plan');
  ws.addRow(HEADER);
  for (const [ref, title, lead, due, rag, fill, bar] of ROWS) {
    const row = ws.addRow([ref, title, lead, due, rag, '', '']);
    const paint = (col: number, argb?: string) => {
      if (argb) row.getCell(col).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${argb}` } };
    };
    paint(5, fill);
    paint(6, bar);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const statuses = (plan: Awaited<ReturnType<typeof parsePlanFile>>) =>
  Object.fromEntries(plan.themes.flatMap((t) => t.actions).map((a) => [a.ref, a.status]));

describe('RAG ratings shown by cell colour', () => {
  const expected = {
    '1': 'on-track',
    '2': 'at-risk',
    '3': 'off-track',
    '4': 'completed',
    // Words win over the colour; grey among rating colours is BRAG-G's "not yet started".
    '5': 'at-risk',
    '6': 'not-started',
  };

  it('reads an empty RAG cell of a Word table by its shading', async () => {
    const plan = await parsePlanFile(await wordPlan(), { filename: 'people-plan.docx' });
    expect(statuses(plan)).toEqual(expected);
    // A timeline bar in another column is not an extra of the action.
    expect(plan.themes[0]!.actions[0]!.extra ?? []).toEqual([]);
  });

  it('reads an empty RAG cell of a spreadsheet by its fill', async () => {
    const plan = await parsePlanFile(await excelPlan(), { filename: 'people-plan.xlsx' });
    expect(statuses(plan)).toEqual(expected);
  });

  it('reads Excel’s theme colours ("Green, Accent 6"), tints included', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Plan');
    ws.addRow(HEADER);
    // The workbook's own theme says what each number is: exceljs writes Office 2007's, where accent 3 is
    // green (9BBB59), accent 2 red (C0504D) and accent 6 orange (F79646); a tint keeps the hue.
    const themed = [
      { theme: 6 },
      { theme: 5, tint: 0.3999755851924192 },
      { theme: 9, tint: -0.249977111117893 },
    ];
    for (const [i, [ref, title, lead, due]] of ROWS.slice(0, 3).entries()) {
      const row = ws.addRow([ref, title, lead, due, '', '', '']);
      row.getCell(5).fill = { type: 'pattern', pattern: 'solid', fgColor: themed[i] as ExcelJS.Color };
    }
    const plan = await parsePlanFile(Buffer.from(await wb.xlsx.writeBuffer()), { filename: 'plan.xlsx' });
    expect(statuses(plan)).toEqual({ '1': 'on-track', '2': 'off-track', '3': 'at-risk' });
  });

  /** The plan with every other row banded in `fill` across all its cells; `also` adds to the sheet. */
  const banded = async (fill: string, also: (ws: ExcelJS.Worksheet) => void = () => {}) => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Plan');
    ws.addRow(HEADER);
    for (const [i, [ref, title, lead, due]] of ROWS.entries()) {
      const row = ws.addRow([ref, title, lead, due, '', '', '']);
      if (i % 2)
        for (let c = 1; c <= HEADER.length; c++)
          row.getCell(c).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${fill}` } };
    }
    also(ws);
    return parsePlanFile(Buffer.from(await wb.xlsx.writeBuffer()), { filename: 'plan.xlsx' });
  };

  it('does not read a colour the whole row has (banded rows) as a rating', async () => {
    expect(Object.values(statuses(await banded('BDD7EE'))).filter(Boolean)).toEqual([]);
  });

  it('does not read a status column’s own shading, or blue alone, as ratings', async () => {
    for (const fill of ['DDEBF7', 'FFFF99', '0070C0']) {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('Plan');
      ws.addRow(HEADER);
      for (const [ref, title, lead, due] of ROWS) {
        const row = ws.addRow([ref, title, lead, due, '', '', '']);
        row.getCell(5).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${fill}` } };
      }
      const plan = await parsePlanFile(Buffer.from(await wb.xlsx.writeBuffer()), { filename: 'plan.xlsx' });
      expect(Object.values(statuses(plan)).filter(Boolean), fill).toEqual([]);
    }
  });

  it('does not read grey as a rating in a column no other colour rates', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Plan');
    ws.addRow(HEADER);
    for (const [i, [ref, title, lead, due]] of ROWS.entries()) {
      const row = ws.addRow([ref, title, lead, due, '', '', '']);
      if (i % 2) row.getCell(5).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFBFBFBF' } };
    }
    const plan = await parsePlanFile(Buffer.from(await wb.xlsx.writeBuffer()), { filename: 'plan.xlsx' });
    expect(Object.values(statuses(plan)).filter(Boolean)).toEqual([]);
  });

  it('counts only the read cells of a wide sheet when telling banding from a rating', async () => {
    // One stray cell far to the right makes the sheet 20 columns wide.
    const plan = await banded('9BC2E6', (ws) => {
      ws.getCell('T2').value = 'x';
    });
    expect(Object.values(statuses(plan)).filter(Boolean)).toEqual([]);
  });

  it.each([
    ['00B050', 'Green'],
    ['92D050', 'Green'],
    ['C6EFCE', 'Green'],
    ['FFC000', 'Amber'],
    ['FFFF00', 'Amber'],
    ['F79646', 'Amber'],
    ['FFEB9C', 'Amber'],
    ['FF0000', 'Red'],
    ['C00000', 'Red'],
    ['FFC7CE', 'Red'],
    ['0070C0', 'Blue'],
    ['00B0F0', 'Blue'],
    ['D9D9D9', undefined],
    ['000000', undefined],
    ['7030A0', undefined],
    ['FFFFFF', undefined],
    ['F2F2F2', undefined],
  ])('%s is %s', (hex, word) => expect(ragWordOfFill(hex)).toBe(word));
});

/**
 * The colours people pick from the palettes of Word and Excel (Office 2013+ and Office 2007 themes, each
 * accent's lighter 80/60/40% and darker 25/50% tints, and the standard colours) and of Google Docs and
 * Sheets (its light 3/2/1 and dark 1/2/3 rows). The lightest tints are barely coloured, but they are
 * what a RAG column is shaded with; a wash of one down a whole column or row is told apart by the
 * column and the row (build/status-colours.ts), not here.
 */
describe('the standard palettes’ tints', () => {
  const PALETTES: Record<string, Record<string, string[]>> = {
    Red: {
      google: ['f4cccc', 'ea9999', 'e06666', 'cc0000', '990000', '660000'],
      office2007: ['F2DCDB', 'E6B8B7', 'DA9694', '963634', '632523'],
      standard: ['FF0000', 'C00000'],
    },
    Amber: {
      google: ['fff2cc', 'ffe599', 'ffd966', 'f1c232', 'bf9000', '7f6000', 'fce5cd', 'f9cb9c', 'b45f06'],
      office2013: ['FFF2CC', 'FFE699', 'FFD966', 'BF8F00', '806000', 'FCE4D6', 'F8CBAD', 'C65911', '833C0C'],
      office2007: ['FDE9D9', 'FCD5B4', 'FABF8F', 'E26B0A', '974706'],
      standard: ['FFC000', 'FFFF00'],
    },
    Green: {
      google: ['d9ead3', 'b6d7a8', '93c47d', '6aa84f', '38761d', '274e13'],
      office2013: ['E2EFDA', 'C6E0B4', 'A9D08E', '548235', '375623', 'E2EFD9', 'C5E0B3'],
      office2007: ['EBF1DE', 'D8E4BC', 'C4D79B', '76933C', '4F6228'],
      standard: ['92D050', '00B050'],
    },
    Blue: {
      google: ['cfe2f3', '9fc5e8', '6fa8dc', '3d85c6', '0b5394', '073763'],
      office2013: ['D9E1F2', 'B4C6E7', '8EA9DB', '2F5496', '203764', 'DDEBF7', 'DEEAF6', 'BDD7EE', '1F4E78'],
      office2007: ['DCE6F1', 'B8CCE4', '95B3D7', '366092', '244062', 'DAEEF3', 'B7DEE8', '31869B'],
      standard: ['00B0F0', '0070C0', '002060'],
    },
  };
  const cases = Object.entries(PALETTES).flatMap(([word, palettes]) =>
    Object.entries(palettes).flatMap(([palette, hexes]) => hexes.map((hex) => [hex, palette, word])),
  );
  it.each(cases)('%s (%s) is %s', (hex, _palette, word) => expect(ragWordOfFill(hex)).toBe(word));

  // Greys, and the themes' grey-blue (Text 2) and tan (Background 2) tints, a header's or a band's
  // colours, rate nothing; nor do purple, magenta, or a near-white with a trace of colour.
  it.each([
    ['efefef', 'd9d9d9', 'cccccc', 'b7b7b7', '999999', '666666', '434343', 'f3f3f3'],
    ['EDEDED', 'DBDBDB', 'C9C9C9', '7B7B7B', '525252', 'F2F2F2', 'E7E6E6', 'AEAAAA', '757171'],
    ['D6DCE4', 'ACB9CA', '8497B0', '333F4F', '222B35', 'EEECE1', 'DDD9C4', 'C4BD97', '948A54'],
    ['d9d2e9', 'ead1dc', 'd0e0e3', '7030A0', 'E4DFEC', 'CCC0DA', 'F0FFF0', 'F0F8FF', 'FFFFF0'],
  ])('%s … rate nothing', (...hexes) => {
    expect(hexes.map(ragWordOfFill)).toEqual(hexes.map(() => undefined));
  });
});

describe('a Google Docs export rated by its pastel shading alone', () => {
  it('reads light green 3, light yellow 3 and light red 3 as Green, Amber and Red', async () => {
    const rows = [
      new TableRow({ children: ['Ref', 'Action', 'Lead', 'Due', 'RAG'].map((h) => shaded(h, 'cfe2f3')) }),
      ...[
        ['HM1', 'Train 40 mental health first aiders', 'Priya Shah', '30/11/2026', 'd9ead3'],
        ['HM2', 'Launch a menopause policy', 'Sam Patel', '31/03/2027', 'fff2cc'],
        ['HM3', 'Reduce stress-related absence', 'Occupational Health', '12/01/2027', 'f4cccc'],
        ['HB1', 'Offer free health checks', 'Health & Safety Team', '01/09/2026', 'd9ead3'],
      ].map(
        ([ref, title, lead, due, fill]) =>
          new TableRow({
            children: [shaded(ref!), shaded(title!), shaded(lead!), shaded(due!), shaded('', fill)],
          }),
      ),
    ];
    const doc = new Document({
      sections: [
        { children: [new Paragraph('Workforce Wellbeing Action Plan 2026-27'), new Table({ rows })] },
      ],
    });
    const plan = await parsePlanFile(await Packer.toBuffer(doc), { filename: 'wellbeing.docx' });
    expect(statuses(plan)).toEqual({ HM1: 'on-track', HM2: 'at-risk', HM3: 'off-track', HB1: 'on-track' });
  });
});
