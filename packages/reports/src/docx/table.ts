import type { Rag } from '@peopleplan/core';
import { type IContext, type IXmlableObject, Table, TableRow, WidthType } from 'docx';
import { cellXml, tableCell } from './cell-xml.js';

/**
 * Tables of the committee paper: every table's header row repeats on each printed page and is never
 * split, and a status cell is tinted with its RAG colour beside the words that carry the meaning.
 */

/** Light tints keep black text readable in print and on screen; the word carries the meaning. */
const RAG_FILL: Record<Rag, string> = {
  red: 'F4C7C3',
  amber: 'FCE8B2',
  green: 'B7E1CD',
  blue: 'C9DAF8',
  grey: 'E0E0E0',
};
const HEADER_FILL = 'D9D9D9';
/** Landscape A4 text width with 2 cm margins, in twentieths of a point. */
const TEXT_WIDTH = 16838 - 2 * 1134;

/** A column: its header and its width relative to the table's other columns. */
export type Column = readonly [header: string, width: number];

export type CellValue = string | { text: string; rag?: Rag; bold?: boolean };

/** Column widths in twentieths of a point, in proportion, filling the text width. */
function columnWidths(columns: readonly Column[]): number[] {
  const total = columns.reduce((s, [, w]) => s + w, 0);
  return columns.map(([, w]) => Math.floor((w / total) * TEXT_WIDTH));
}

/** The header row: repeated at the top of every page the table runs onto, and never split. */
function headerRow(columns: readonly Column[], widths: number[]): TableRow {
  return new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: columns.map(([header], i) =>
      tableCell(header, { width: widths[i]!, fill: HEADER_FILL, bold: true }),
    ),
  });
}

/**
 * A body row, written straight to XML (see `cell-xml.ts`): the bulk of a long report. It is a
 * `TableRow` with no cell components, so the table takes it as it is and asks it for its XML.
 */
class BodyRow extends TableRow {
  constructor(
    private readonly values: CellValue[],
    private readonly widths: number[],
  ) {
    super({ children: [] });
  }

  override prepForXml(context: IContext): IXmlableObject {
    const cells = this.values.map((v, i) => {
      const c = typeof v === 'string' ? { text: v } : v;
      const fill = c.rag && RAG_FILL[c.rag];
      return cellXml(c.text || ' ', { width: this.widths[i]!, ...(fill && { fill }), bold: c.bold }, context);
    });
    return { 'w:tr': cells };
  }
}

export function table(columns: readonly Column[], rows: CellValue[][]): Table {
  const widths = columnWidths(columns);
  return new Table({
    rows: [headerRow(columns, widths), ...rows.map((r) => new BodyRow(r, widths))],
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
  });
}
