import { isRefCell } from './cell-kinds.js';
import { isBlank, type Line } from './lines.js';
import { type LayoutRule, row } from './rule.js';

/** How far a cell's paragraphs may run on before a short row is taken to be short in its own right. */
const MAX_CELL_LINES = 12;

/**
 * Text pasted from Word or a web page: a line with tabs is a table row. Blank lines inside a run of rows
 * (Word's page breaks) do not end the table; a paragraph does. Header rows are found later, by their words.
 *
 * A cell of several paragraphs comes out over several lines: the row stops short of the table's width,
 * the next lines carry on the open cell, and the one with tabs carries on with the row's next cells
 * ("…Approved by Cabinet in November." then "First payments made in January.⇥Complete"). Those lines
 * are one row when, together, they make exactly the table's width (the most common number of cells),
 * and none starts as a row or a table does (with a ref, "A" or "1.2", a heading in capitals or a question), and a line without tabs among them reads as a
 * cell's paragraph (it ends as a sentence does, or is a bullet), not a heading. A row short in its own right (a theme
 * row, trailing cells dropped, a smaller table below) is left as it is.
 */
export const tabSeparated: LayoutRule = {
  name: 'tab-separated',
  read(lines, i) {
    if (!lines[i]!.text.includes('\t')) return undefined;
    const width = tableWidth(lines, i);
    const items = [];
    let j = i;
    while (j < lines.length) {
      const l = lines[j]!;
      if (isBlank(l)) {
        j++;
        continue;
      }
      if (!l.text.includes('\t')) break;
      const cells = l.text.split('\t');
      const rest =
        cells.length < width && opensOn(cells.at(-1)!, lines, j + 1)
          ? runOn(lines, j + 1, width - cells.length)
          : undefined;
      if (rest) {
        for (const more of rest.cells) {
          cells[cells.length - 1] = `${cells.at(-1)}\n${more[0]}`.trim();
          cells.push(...more.slice(1));
        }
        j = rest.next;
      } else j++;
      items.push(row(cells, l.line, 'tab-separated'));
    }
    // Trailing blank lines belong to what follows.
    while (j > i && isBlank(lines[j - 1])) j--;
    return { items, next: j };
  },
};

/** The most common number of cells among the run of tabbed lines from `i` (its header's and rows'). */
function tableWidth(lines: Line[], i: number): number {
  const counts = new Map<number, number>();
  for (let j = i; j < lines.length; j++) {
    const l = lines[j]!;
    if (isBlank(l)) continue;
    if (!l.text.includes('\t')) break;
    const n = l.text.split('\t').length;
    counts.set(n, (counts.get(n) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]?.[0] ?? 0;
}

/** A paragraph of a cell: it ends as a sentence does, or is a bullet (a heading between tables is neither). */
const CELL_PARAGRAPH = /[.;:!?)”"’]$|^[•▪◦‣●○■□➢►*–-]\s/;

/**
 * Whether the next line reads as more of the row's last cell: that cell ends as a sentence does
 * ("Approved by Cabinet.") or the line carries on one (lower case, a bracket, a bullet). "Run the staff
 * survey⇥OD Manager" above "Publish the pay gap report⇥HR Manager" is two short rows, not one.
 */
function opensOn(lastCell: string, lines: Line[], j: number): boolean {
  // The next line with text, found in place: a copy of the rest of a long paste for every short row
  // would make reading it quadratic.
  let k = j;
  while (k < lines.length && isBlank(lines[k])) k++;
  const next = lines[k]?.text.trim() ?? '';
  return /[.;:,!?]$/.test(lastCell.trim()) || /^(?:\p{Ll}|[(•▪◦‣●○■□➢►*–-]\s?)/u.test(next);
}

/** A first cell that starts a row or a table of its own: a ref ("A", "1.2"), a heading in capitals, a question. */
const startsRow = (cell: string) => {
  const t = cell.trim();
  return isRefCell(t) || /\?$/.test(t) || (/\p{Lu}{2}/u.test(t) && t === t.toUpperCase());
};

/**
 * The lines from `j` that carry a short row on by exactly `missing` cells (each line's first cell goes on
 * with the open cell), or undefined when no run of lines does: a line of the table's full width, or one
 * that starts with a ref, starts a row of its own.
 */
function runOn(lines: Line[], j: number, missing: number) {
  const cells: string[][] = [];
  let added = 0;
  for (let k = j; k < lines.length && cells.length < MAX_CELL_LINES; k++) {
    const l = lines[k]!;
    if (isBlank(l)) continue;
    const parts = l.text.split('\t');
    if (parts.length - 1 > missing - added || startsRow(parts[0]!)) return undefined;
    if (parts.length === 1 && !CELL_PARAGRAPH.test(l.text.trim())) return undefined;
    cells.push(parts);
    added += parts.length - 1;
    if (added === missing) return { cells, next: k + 1 };
  }
  return undefined;
}
