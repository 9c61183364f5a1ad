import type { StructuredTextItem } from 'unpdf';
import { ImportError, MAX_PDF_PAGES } from '../errors.js';
import { actionHeader } from '../layouts/header-cells.js';
import type { SourceDocument, SourceItem } from '../source.js';
import { cellChunks } from './pdf-cells.js';
import { pageFurniture } from './pdf-furniture.js';
import { type Chunk, columnOf, continuesRow, spansColumns, startsParagraph } from './pdf-rows.js';
import { checkPdfStreams } from './pdf-streams.js';

/**
 * Text PDFs (committee papers, plans saved from Word): the words and where they sit on each page.
 * Lines are words at the same height; a table's cells are the runs of words with a wide gap between
 * them, put under the columns of the header row above them by their left edge; a row of the table
 * ends where the gap to the next line is wider than a wrapped line's, or where the next line's text
 * cannot carry on the row's cells (pdf-rows.ts). A table goes on over a page break: its header row
 * repeated there is not read again, and the running header and footer between the pages are the pages'
 * own (pdf-furniture.ts). A PDF with no text on any page is a scan, which cannot be read without OCR.
 */
interface PdfLine {
  y: number;
  page: number;
  chunks: Chunk[];
  height: number;
}

export async function readPdf(buffer: Buffer): Promise<SourceDocument> {
  // The library unpacks every stream whole: a decompression bomb is refused before it opens the file.
  checkPdfStreams(buffer);
  // Loaded only once the file has passed: the library alone takes seconds to load on a busy machine.
  const { extractTextItems, getDocumentProxy } = await import('unpdf');
  const pdf = await getDocumentProxy(new Uint8Array(buffer));
  if (pdf.numPages > MAX_PDF_PAGES) {
    throw new ImportError(
      'too-large',
      `This PDF has ${pdf.numPages} pages; the limit is ${MAX_PDF_PAGES}. Import the pages with the plan on them, or the Word or Excel file it was made from.`,
    );
  }
  const { items: pages } = await extractTextItems(pdf);
  const lines = pages.flatMap((items, p) => toLines(items, p + 1));
  cellChunks(lines);
  if (lines.length === 0) {
    throw new ImportError(
      'empty',
      'This PDF has no text layer: it looks like a scanned document. Run it through OCR, or import the Word or Excel file it was made from.',
    );
  }
  const { furniture, warnings } = pageFurniture(lines);
  return {
    format: 'pdf',
    items: toItems(lines, furniture),
    formulaCells: [],
    ...(warnings.length ? { warnings } : {}),
  };
}

function toLines(items: StructuredTextItem[], page: number): PdfLine[] {
  const words = items.filter((i) => i.str.trim() !== '');
  const lines: PdfLine[] = [];
  for (const w of [...words].sort((a, b) => b.y - a.y || a.x - b.x)) {
    const tol = Math.max(2, w.height * 0.4);
    const line = lines.find((l) => Math.abs(l.y - w.y) <= tol);
    const chunk = { text: w.str, x: w.x, right: w.x + w.width };
    if (line) line.chunks.push(chunk);
    else lines.push({ y: w.y, page, chunks: [chunk], height: w.height || w.fontSize });
  }
  return lines.sort((a, b) => b.y - a.y);
}

/** Lines into paragraphs and table rows (a header row fixes the columns for the lines below it). */
function toItems(lines: PdfLine[], furniture: Set<PdfLine>): SourceItem[] {
  const pitch = linePitch(lines.filter((l) => !furniture.has(l)));
  const items: SourceItem[] = [];
  let columns: number[] | undefined;
  let table = 0;
  let block:
    | {
        cells: string[];
        line: number;
        full: boolean[];
        last: Chunk[];
        gap: number | undefined;
        group: boolean;
      }
    | undefined;
  let prev: PdfLine | undefined;
  let headerFull: boolean[] = [];
  let headerLast: Chunk[] = [];
  let headerGap: number | undefined;
  // The header row's lines as written, to know it where a page repeats it; how many of them are skipped.
  let headerLines: string[] = [];
  let repeating = 0;
  // The table's first line on a page after a break: the gap above it says nothing of the row it is in.
  let resumed = false;
  // The gap above the table's last row begun below a line of its page: a row's own gap, which a row
  // begun at the top of a page goes by (continuesRow tells a wrapped line by it).
  let rowGap: number | undefined;
  const opening = (gap: number) => {
    if (Number.isFinite(gap)) rowGap = gap;
    return rowGap;
  };
  // How far right the table's text has reached: the last column's right edge, as far as known.
  let right = 0;
  const flush = () => {
    if (block) items.push({ type: 'row', cells: block.cells, table, line: block.line });
    block = undefined;
  };
  lines.forEach((l, n) => {
    // Line numbers count the page's own lines too: the same numbers whatever is left out.
    if (furniture.has(l)) return;
    const lineNo = n + 1;
    const gap = prev && prev.page === l.page ? prev.y - l.y : Number.POSITIVE_INFINITY;
    // A wrapped line of a cell sits one line pitch below; a new row has the cell padding on top. The
    // padding can be too thin to see, so a line this close is a row's next line only if its text can
    // carry on that row's cells (continuesRow).
    const wrapped = gap <= pitch * 1.03;
    if (columns && prev && prev.page !== l.page) resumed = true;
    prev = l;
    const texts = l.chunks.map((c) => c.text).join('\n');
    // The rest of a header of two lines or more ("Measure of" / "success"), repeated on a new page.
    if (repeating > 0 && wrapped && texts === headerLines[repeating]) {
      repeating++;
      return;
    }
    repeating = 0;
    if (l.chunks.length >= 2) {
      const header = actionHeader(l.chunks.map((c) => c.text));
      if (header && (!columns || !wrapped)) {
        // The header Word and Excel repeat at the top of each page goes on with the table above it:
        // a row the page break cut goes on below it.
        if (columns && gap === Number.POSITIVE_INFINITY && texts === headerLines[0]) {
          repeating = 1;
          return;
        }
        flush();
        columns = l.chunks.map((c) => c.x);
        table++;
        rowGap = undefined;
        resumed = false;
        headerGap = opening(gap);
        headerLines = [texts];
        headerFull = columns.map((_, k) => fillsColumn(l, columns!, k));
        headerLast = l.chunks;
        right = Math.max(...l.chunks.map((c) => c.right));
        const cells = l.chunks.map((c) => c.text);
        items.push({ type: 'row', cells, table, line: lineNo, header: true, layout: 'pdf-columns' });
        return;
      }
    }
    if (columns) right = Math.max(right, ...l.chunks.map((c) => c.right));
    // A header cell wrapped over two lines ("Measure of" / "success"): the next line completes the header.
    const last = items.at(-1);
    if (
      columns &&
      !block &&
      wrapped &&
      last?.type === 'row' &&
      last.header &&
      continuesRow(
        { filled: last.cells.map((c) => c !== ''), last: headerLast, gap: headerGap },
        l.chunks,
        columns,
        right,
        l.height,
        gap,
      )
    ) {
      for (const c of l.chunks) {
        const k = columnOf(columns, c.x);
        last.cells[k] = last.cells[k] ? joinWrapped(last.cells[k]!, c.text, headerFull[k]) : c.text;
      }
      headerFull = columns.map((_, k) => fillsColumn(l, columns!, k));
      headerLast = l.chunks;
      headerLines.push(texts);
      return;
    }
    // Over a page break, only text set in the table's cells (at their left edges) goes on with its row.
    const carries = wrapped || (resumed && !!columns && inColumns(l, columns, true));
    resumed = false;
    if (columns) {
      const cells = columns.map(() => '');
      for (const c of l.chunks) {
        const k = columnOf(columns, c.x);
        cells[k] = cells[k] ? `${cells[k]} ${c.text}` : c.text;
      }
      const open = block && {
        filled: block.cells.map((c) => c !== ''),
        last: block.last,
        gap: block.gap,
        group: block.group,
      };
      if (block && open && carries && continuesRow(open, l.chunks, columns, right, l.height, gap)) {
        const b = block;
        // A cell's next paragraph goes on a line of its own, as Word's reader gives it (a lead a line).
        const starts = (k: number) => {
          const above = b.last.find((a) => columnOf(columns!, a.x) === k);
          const below = l.chunks.find((c) => columnOf(columns!, c.x) === k);
          return !!above && !!below && startsParagraph(above, below, columns!, right, l.height);
        };
        b.cells = b.cells.map((x, k) => {
          if (!cells[k]) return x;
          if (!x) return cells[k]!;
          return starts(k) || startsItem(x, cells[k]!)
            ? `${x}\n${cells[k]}`
            : joinWrapped(x, cells[k]!, b.full[k]);
        });
        b.full = columns.map((_, k) => fillsColumn(l, columns!, k));
        b.last = l.chunks;
        return;
      }
      // One cell across the table's columns, close below it: a row of its own (a theme's heading); so
      // is one the table's rows go on under (groupRow), however far below the row above it sits. (One
      // close under a row, in the first column alone, may be a row whose other cells start lower.)
      const spans = l.chunks.length === 1 && spansColumns(columns, l.chunks[0]!, l.height);
      const group =
        l.chunks.length === 1 &&
        ((wrapped && spans) ||
          (!(wrapped && block) && groupRow(lines, n, columns, furniture, headerLines, pitch)));
      if (l.chunks.length >= 2 || (wrapped && block) || group) {
        flush();
        block = {
          cells,
          line: lineNo,
          full: columns.map((_, k) => fillsColumn(l, columns!, k)),
          last: l.chunks,
          gap: opening(gap),
          group,
        };
        return;
      }
    }
    flush();
    columns = undefined;
    items.push({ type: 'para', text: l.chunks.map((c) => c.text).join(' '), line: lineNo });
  });
  flush();
  return items;
}

/**
 * Whether the line at `n`, one cell across the table or in its first column ("Objective 2 – Learning
 * and skills"), is a row of the table: the table's rows go on under it (after the header a page
 * repeats, or another such row). A paragraph after the table has none under it. The gap above it is
 * no help: the row's padding may leave it a paragraph's distance from the row above.
 */
function groupRow(
  lines: PdfLine[],
  n: number,
  columns: number[],
  furniture: Set<PdfLine>,
  header: string[],
  pitch: number,
): boolean {
  let above = lines[n]!;
  const one = (l: PdfLine) =>
    l.chunks.length === 1 &&
    (columnOf(columns, l.chunks[0]!.x) === 0 || spansColumns(columns, l.chunks[0]!, l.height));
  if (!one(above)) return false;
  for (let m = n + 1, seen = 0; m < lines.length && seen < 4; m++) {
    const l = lines[m]!;
    if (furniture.has(l)) continue;
    const texts = l.chunks.map((c) => c.text).join('\n');
    if (l.page !== above.page) {
      if (header.includes(texts)) continue;
    } else if (above.y - l.y > pitch * 2) return false;
    if (l.chunks.length >= 2) return inColumns(l, columns) && !actionHeader(l.chunks.map((c) => c.text));
    if (!one(l)) return false;
    above = l;
    seen++;
  }
  return false;
}

/**
 * Whether a line can be a row of the table: one run of text a column, none across the next column's
 * edge (the lines of a table of other columns under it, "Improved | No change | Worse" under "Status |
 * Actions", are not); `aligned`, each run also starting at its column's left edge, as cell text does.
 */
function inColumns(l: PdfLine, columns: number[], aligned = false): boolean {
  const ks = l.chunks.map((c) => columnOf(columns, c.x));
  return (
    new Set(ks).size === ks.length &&
    l.chunks.every(
      (c, i) =>
        c.right <= (columns[ks[i]! + 1] ?? Number.POSITIVE_INFINITY) + 2 &&
        (!aligned || Math.abs(c.x - columns[ks[i]!]!) <= l.height),
    )
  );
}

/** The usual distance between two lines of text: the most common gap, to the half point. */
function linePitch(lines: PdfLine[]): number {
  const counts = new Map<number, number>();
  for (let i = 1; i < lines.length; i++) {
    if (lines[i]!.page !== lines[i - 1]!.page) continue;
    const g = Math.round((lines[i - 1]!.y - lines[i]!.y) * 2) / 2;
    if (g > 0) counts.set(g, (counts.get(g) ?? 0) + 1);
  }
  const best = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0];
  return best?.[0] ?? 12;
}

/** Whether the line's text in column k runs up to the next column: a word broken there continues below. */
function fillsColumn(l: PdfLine, columns: number[], k: number): boolean {
  const next = columns[k + 1];
  if (next === undefined) return false;
  const chunk = l.chunks.filter((c) => columnOf(columns, c.x) === k).at(-1);
  return !!chunk && next - chunk.right < l.height * 1.4;
}

/**
 * Whether the line `below` starts an item of its own in a cell whose text so far is `above`, though
 * the line above ended too near the column's edge to tell by the room left (startsParagraph): a bullet
 * ("• Committee decision"), or a capital after a line that ends in a date, as each of a list of dated
 * steps does ("Options paper to CMT – February 2027" / "Committee decision – June 2027"). A date
 * wrapped over the line's end ("… – November" / "2026") goes on as before.
 */
function startsItem(above: string, below: string): boolean {
  if (BULLET.test(below)) return true;
  const last = above.split('\n').at(-1)!;
  return ENDS_WITH_DATE.test(last) && /^\p{Lu}/u.test(below);
}

const BULLET = /^[•●○◦▪▫■□‣⁃➢✓]\s*\S/u;

const MONTH =
  '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';

/**
 * A line's last words a date: "June 2027", "30 June 2027", "Jun-27", "30/06/2027", "Q4 2026/27",
 * "2026/27", a closing bracket or full stop after it allowed.
 */
const ENDS_WITH_DATE = new RegExp(
  String.raw`(?:\b${MONTH}[\s-]+(?:\d{4}|\d{2})|\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\bQ[1-4]\s+\d{4}(?:/\d{2})?|\b\d{4}/\d{2})\)?\.?$`,
  'i',
);

/** "Responsibilit" + "y": a word the column was too narrow for is joined back; other lines join with a space. */
function joinWrapped(above: string, below: string, full: boolean | undefined): string {
  // Only a short lower-case piece alone on its line is the end of a broken word ("y", "rate", "ions").
  if (full && /[A-Za-z]$/.test(above) && /^[a-z]{1,4}$/.test(below)) return above + below;
  return /-$/.test(above) ? above + below : `${above} ${below}`;
}
