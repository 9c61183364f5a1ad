import { BULLETED_ACTIONS } from './layouts/bulleted-actions.js';
import type { SourceDocument, SourceItem } from './source.js';

/**
 * Where a note points, in words a person can find in their own file. The importer counts every
 * paragraph and table row as a "line" as it reads; that is how pasted text is numbered, but a Word
 * document or a workbook has no line 23. So a note about a Word document names the table and row
 * (with the start of the row's text) or quotes the paragraph, and one about a workbook names the
 * sheet and row as Excel numbers them. Other formats keep their lines.
 */
export function placeNamer(doc: SourceDocument): (text: string) => string {
  if (doc.format !== 'docx' && doc.format !== 'html' && doc.format !== 'xlsx') return (text) => text;
  const places = new Map<number, Place>();
  const rowsSoFar = new Map<number, number>();
  for (const item of doc.items) places.set(item.line, placeOf(item, doc.format, rowsSoFar));
  const one = (line: number) => places.get(line)?.full;
  const range = (from: number, to: number): string | undefined => {
    const a = places.get(from);
    const b = places.get(to);
    if (!a || !b) return undefined;
    if (from === to) return a.full;
    // Rows of one table or sheet: "table 2, rows 4–9".
    if (a.container && a.container === b.container && a.row && b.row)
      return `${a.container}, rows ${a.row}–${b.row}`;
    return `from ${a.short} to ${b.short}`;
  };
  return (text) =>
    text.replace(
      LINE_REF,
      (whole, from: string, to?: string) =>
        (to ? range(Number(from), Number(to)) : one(Number(from))) ?? whole,
    );
}

/** "line 14", "lines 5–8" (an en dash, as the importer writes ranges). */
const LINE_REF = /\blines? (\d+)(?:–(\d+))?\b/g;

interface Place {
  /** On its own: "table 2, row 5 ("Run the staff survey")". */
  full: string;
  /** As one end of a range: "table 2, row 5". */
  short: string;
  /** The table or sheet a row is in, and its row number there. */
  container?: string;
  row?: number;
}

function placeOf(item: SourceItem, format: 'docx' | 'html' | 'xlsx', rowsSoFar: Map<number, number>): Place {
  if (item.type !== 'heading' && item.sheetRow) {
    const container = `sheet "${item.sheetRow.sheet}"`;
    const short = `${container}, row ${item.sheetRow.row}`;
    return { full: short, short, container, row: item.sheetRow.row };
  }
  // A Word list read as actions (layouts/bulleted-actions.ts) is paragraphs, not a table, in the file.
  if (item.type === 'row' && format !== 'xlsx' && item.layout !== BULLETED_ACTIONS) {
    const row = (rowsSoFar.get(item.table) ?? 0) + 1;
    rowsSoFar.set(item.table, row);
    const container = `table ${item.table + 1}`;
    const short = `${container}, row ${row}`;
    const first = item.cells.find((c) => c.trim());
    return { full: first ? `${short} ("${opening(first)}")` : short, short, container, row };
  }
  const text = item.type === 'row' ? item.cells.join(' ') : item.text;
  const quoted = `the paragraph "${opening(text)}"`;
  return { full: quoted, short: quoted };
}

/**
 * A note with its places named (see `placeNamer`), leaving what it quotes from the document as written:
 * a quoted cell that says "see line 4" is the council's text, not the importer's pointer.
 */
export function namePlacesInMessage(message: string, name: (text: string) => string): string {
  return message
    .split(/("[^"]*")/)
    .map((part, i) => (i % 2 ? part : name(part)))
    .join('');
}

/** The first words of a cell or paragraph, cut at a word: enough to find it with Ctrl+F. */
function opening(text: string, max = 40): string {
  const s = text.replace(/\s+/g, ' ').trim();
  if (s.length <= max) return s;
  const cut = s.lastIndexOf(' ', max - 1);
  return `${s.slice(0, cut > max / 2 ? cut : max - 1)}…`;
}
