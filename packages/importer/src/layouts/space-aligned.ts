import { isBoilerplate } from '../finalize/boilerplate.js';
import { PAGE_N_OF_M } from '../page-furniture.js';
import type { SourceItem } from '../source.js';
import { actionHeader, type LayoutHeader } from './header-cells.js';
import { type HeaderLineMatch, headerLineAt } from './header-line.js';
import { isBlank, type Line, wordsAt } from './lines.js';
import { type LayoutRule, row } from './rule.js';

/**
 * Space-aligned columns: a spreadsheet or PDF printed as fixed-width text, each column starting at the
 * same place on every line ("Ref Requirements      Deliverables      Tasks      Owner  Start Date").
 * The header's words give where each column starts; each word of the lines below goes to the column
 * it starts under. A row's cells wrap over several lines, interleaved with the next column's, and its
 * ref may sit on its last line: the lines from one blank line to the next are one row.
 */
const SPACED = /\S {3,}\S/;

/** The column a word starting at `at` belongs to: the last one starting at or just before it. */
function columnOf(starts: number[], at: number): number {
  let col = 0;
  for (let k = 0; k < starts.length; k++) if (starts[k]! <= at + 2) col = k;
  return col;
}

const NAME = 'space-aligned-columns';

/**
 * Header cells wrapped onto the line below ("Target" over "date"): a line of a few plain words, each
 * starting under a column's start, that lengthen those columns' names into a header read as well.
 */
function withWrappedHeader(lines: Line[], h: HeaderLineMatch): HeaderLineMatch {
  const x = lines[h.next];
  if (!x || isBlank(x)) return h;
  const words = wordsAt(x.text);
  if (words.length > 4 || !words.every((w) => /^[A-Za-z][a-z()/&-]*$/.test(w.word))) return h;
  const cells = [...h.header.cells];
  for (const w of words) {
    const k = h.at.findIndex((s) => Math.abs(s - w.at) <= 2);
    if (k < 0) return h;
    cells[k] = `${cells[k]} ${w.word}`;
  }
  const header: LayoutHeader | undefined = actionHeader(cells);
  if (!header) return h;
  // Each lengthened name must still name a column the importer reads.
  if (words.some((w) => header.fields[h.at.findIndex((s) => Math.abs(s - w.at) <= 2)] === undefined))
    return h;
  return { header, at: h.at, next: h.next + 1 };
}

export const spaceAlignedColumns: LayoutRule = {
  name: NAME,
  read(lines, i) {
    const l = lines[i]!;
    if (!SPACED.test(l.text) || l.text.includes('\t')) return undefined;
    const first = headerLineAt(lines, i);
    if (!first || first.header.cells.length < 3) return undefined;
    const h = withWrappedHeader(lines, first);
    const starts = h.at;
    const titleAt = h.header.fields.lastIndexOf('title');
    const refAt = h.header.fields.indexOf('ref');
    const dates = h.header.types.flatMap((t, k) => (t === 'date' ? [k] : []));
    const records: { cells: string[]; line: number }[] = [];
    let rec: { cells: string[]; line: number } | undefined;
    let j = h.next;
    for (; j < lines.length; j++) {
      const x = lines[j]!;
      if (isBlank(x)) {
        rec = undefined;
        continue;
      }
      // A page's running header or footer between a table's rows ends the row it interrupts.
      if (PAGE_N_OF_M.test(x.text)) {
        rec = undefined;
        continue;
      }
      // Lines with no wide gap, nothing indented under a column and no lone ref ("1.1") under the
      // first column are the page's text again.
      const words = wordsAt(x.text);
      const lone = words.length <= 2 && starts.some((s) => Math.abs(s - words[0]!.at) <= 2);
      if ((!SPACED.test(x.text) && !/^ {3,}\S/.test(x.text) && !lone) || isBoilerplate(x.text)) break;
      const parts = starts.map(() => '');
      for (const w of words) {
        const c = columnOf(starts, w.at);
        parts[c] = parts[c] ? `${parts[c]} ${w.word}` : w.word;
      }
      // A capitalised task under a row that already has its task and dates starts the next row (a
      // requirement spanning several rows leaves its own cells empty there).
      // So does a second ref under the ref column: rows not parted by blank lines each have their own.
      const next =
        (rec && refAt >= 0 && parts[refAt] !== '' && rec.cells[refAt] !== '') ||
        (rec &&
          titleAt >= 0 &&
          /^[A-Z]/.test(parts[titleAt]!) &&
          rec.cells[titleAt] !== '' &&
          dates.some((d) => rec!.cells[d] !== ''));
      if (!rec || next) {
        rec = { cells: starts.map(() => ''), line: x.line };
        records.push(rec);
      }
      const cells = rec.cells;
      parts.forEach((p, k) => {
        if (p) cells[k] = cells[k] ? `${cells[k]} ${p}` : p;
      });
    }
    if (records.length === 0) return undefined;
    const items: SourceItem[] = [row(h.header.cells, l.line, NAME, true)];
    for (const r of records) items.push(row(r.cells, r.line, NAME));
    // Only a real table: most rows fill two columns or more.
    const wide = items.filter(
      (it) => it.type === 'row' && !it.header && it.cells.filter(Boolean).length >= 2,
    );
    if (wide.length * 2 < records.length) return undefined;
    while (j > i && isBlank(lines[j - 1])) j--;
    return { items, next: j };
  },
};
