/**
 * Where a PDF table's rows begin. The gap between lines cannot always tell: a row of a table from Word
 * or LibreOffice is often only a point or so taller than a wrapped line, and where most rows are one
 * line high the most common gap is the row's own. The text can tell: a cell's text is written on
 * until the next word does not fit in its column, so a line with text where the row's cell had room
 * left for it starts a row of its own (readers/pdf.ts).
 */

/** A run of words on one line of a page: one cell's text where the line is in a table. */
export interface Chunk {
  text: string;
  x: number;
  right: number;
}

/**
 * The open row as far as read: which columns have text, the chunks of its last line, and the gap above
 * its first line (a row's own, which a wrapped line's is a little less than), where known.
 */
export interface OpenRow {
  filled: boolean[];
  last: Chunk[];
  gap?: number;
  /** One cell heading the rows under it (a theme's row): the rows' cells are never its text. */
  group?: boolean;
}

/** The column whose left edge is nearest at or left of x (a little to the right is allowed). */
export function columnOf(columns: number[], x: number): number {
  let best = 0;
  for (let k = 0; k < columns.length; k++) if (columns[k]! <= x + 4) best = k;
  return best;
}

/** Text running well over the next column's left edge: one cell across columns (a theme's row). */
export function spansColumns(columns: number[], c: Chunk, height: number): boolean {
  const next = columns[columnOf(columns, c.x) + 1];
  return next !== undefined && c.right > next + height;
}

/**
 * Whether `line` can be the next line of the open row: no cell of it runs from the first column across
 * the next (a theme's row) or sits under a cell that spans its column, and none is in a column whose
 * cell in the row has ended (no text on the row's last line, or a last line its first word would have
 * fitted on). A column the row has no text in yet says nothing (a cell centred or set at the bottom
 * starts lower down), nor does a line of one cell outside the first column (a cell's next paragraph:
 * a lead a line, a bullet). Nor do several cells' next paragraphs ("Head of HR⏎OD Manager" beside
 * "Adverts out.⏎Twelve appointed."): cells outside the first column, each under text of its column on
 * the row's last line, on a line closer below it (`gap`) than rows are apart; a row of the same columns
 * with no ref (a second action of an area) sits a row's gap below. `right` is where the table's text has
 * reached: the last column's right edge as far as known. A theme's row (`group`) goes on only in a line
 * of one cell from the first column whose first word would not have fitted above it.
 */
export function continuesRow(
  row: OpenRow,
  line: Chunk[],
  columns: number[],
  right: number,
  height: number,
  gap: number,
): boolean {
  if (row.group) {
    const [above, below] = [row.last[0]!, line[0]!];
    if (line.length > 1 || columnOf(columns, below.x) > 0) return false;
    // One across the table wraps at the table's right edge, not a column's.
    return spansColumns(columns, above, height)
      ? !fitsAfter(above, below, right, height)
      : !startsParagraph(above, below, columns, right, height);
  }
  const lone = line.length === 1 && columnOf(columns, line[0]!.x) > 0;
  const paragraphs =
    line.length >= 2 &&
    row.gap !== undefined &&
    gap < row.gap - height * CLOSER &&
    line.every((c) => columnOf(columns, c.x) > 0 && row.filled[columnOf(columns, c.x)]);
  for (const c of line) {
    const k = columnOf(columns, c.x);
    // Only from the first column: elsewhere it may be two cells' text closer than a wide gap.
    if (k === 0 && spansColumns(columns, c, height)) return false;
    if (row.last.some((a) => columnOf(columns, a.x) < k && a.right > columns[k]!)) return false;
    if (lone || !row.filled[k]) continue;
    const above = row.last.find((a) => columnOf(columns, a.x) === k);
    if (!above || (!paragraphs && startsParagraph(above, c, columns, right, height))) return false;
  }
  return true;
}

/**
 * Whether `below`, in the column of `above` on the line before, is the start of a paragraph, not the
 * wrapped end of the one above: its first word would have fitted on that line.
 */
export function startsParagraph(
  above: Chunk,
  below: Chunk,
  columns: number[],
  right: number,
  height: number,
): boolean {
  const next = columns[columnOf(columns, above.x) + 1];
  const edge = next === undefined ? right : next - height * GUTTER;
  return fitsAfter(above, below, edge, height);
}

/**
 * Whether the first word of `below` would have fitted after `above` in a column whose text can reach
 * `edge`: then the writer would have put it there, and `below` is not the same cell's text. A word's
 * width is its share of its chunk's, by its letters' widths; a space is a quarter of the line's height.
 * A word must fit with a quarter of a line height to spare: the widths are estimates, and a word that
 * only just fits by them ("New attendance" / "management policy") often did not.
 */
function fitsAfter(above: Chunk, below: Chunk, edge: number, height: number): boolean {
  const word = below.text.split(' ')[0]!;
  const width = ((below.right - below.x) * advance(word)) / Math.max(1, advance(below.text));
  return above.right + height * 0.25 + width <= edge - height * 0.25;
}

/**
 * How wide a run of text is, in thousandths of the type size, by Arial's widths (Liberation Sans in
 * LibreOffice, much like Calibri's in proportion): a word of wide letters ("management") takes more of
 * its line than its count of letters says.
 */
function advance(text: string): number {
  let w = 0;
  for (const ch of text) w += WIDTHS.get(ch) ?? (/\p{Lu}/u.test(ch) ? 700 : 556);
  return w;
}

const WIDTHS = new Map<string, number>(
  (
    [
      [" fijlt.,:;!|'/I", 250],
      ['r-()[]', 333],
      ['ckszvxyJ', 500],
      ['w%', 800],
      ['mM', 833],
      ['W', 944],
    ] as const
  ).flatMap(([chars, w]) => [...chars].map((c) => [c, w] as const)),
);

/**
 * The space between one column's text and the next column's, in line heights: the cell padding either
 * side of the border (about 11 points in Word and LibreOffice for 10-point text), at its widest usual.
 */
const GUTTER = 1.2;

/**
 * How much closer a wrapped line sits than the next row, in line heights: the row's border and any cell
 * padding, half a point or more in Word's and LibreOffice's PDFs, where lines of 10-point text are
 * placed to a tenth of a point.
 */
const CLOSER = 0.03;
