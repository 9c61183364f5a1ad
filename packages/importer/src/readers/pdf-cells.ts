import type { Chunk } from './pdf-rows.js';

/**
 * A PDF line's words into its cells' texts. Words closer than a wide gap (two letters or more) are one
 * cell's text. A table with little padding in its cells (a web page's, a Word table's with narrow
 * margins) can set two cells closer than that ("AFI" beside "The service should…", "March 2027" beside
 * "Amber"), so a column's left edge is also a cell's start: an x where a cell begins after another
 * cell on at least COLUMN_LINES lines of the document, a word there after more than a space's gap
 * starts a cell. Only cells begun after another count: the start of a hanging indent's wrapped lines
 * parts nothing.
 */
const COLUMN_LINES = 3;
/** Wider than a word space (about a quarter of the text's height), narrower than cells' padding. */
const CELL_GAP = 0.5;

interface WordLine {
  chunks: Chunk[];
  height: number;
}

export function cellChunks<L extends WordLine>(lines: L[]): void {
  const first = lines.map((l) => merge(l.chunks, l.height, () => false));
  const starts = new Map<number, number>();
  for (const chunks of first)
    for (const x of new Set(chunks.slice(1).map((c) => Math.round(c.x))))
      starts.set(x, (starts.get(x) ?? 0) + 1);
  const column = (x: number) => {
    const r = Math.round(x);
    return (starts.get(r - 1) ?? 0) + (starts.get(r) ?? 0) + (starts.get(r + 1) ?? 0) >= COLUMN_LINES;
  };
  for (const l of lines)
    l.chunks = merge(l.chunks, l.height, (gap, c) => gap > l.height * CELL_GAP && column(c.x));
}

function merge(words: Chunk[], height: number, startsCell: (gap: number, c: Chunk) => boolean): Chunk[] {
  const out: Chunk[] = [];
  for (const c of [...words].sort((a, b) => a.x - b.x)) {
    const prev = out.at(-1);
    const gap = prev ? c.x - prev.right : Number.POSITIVE_INFINITY;
    if (prev && gap < height * 1.1 && !startsCell(gap, c)) {
      out[out.length - 1] = {
        ...prev,
        text: gap > height * 0.15 && !prev.text.endsWith(' ') ? `${prev.text} ${c.text}` : prev.text + c.text,
        right: c.right,
      };
    } else out.push({ ...c });
  }
  return out.map((c) => ({ ...c, text: c.text.replace(/\s+/g, ' ').trim() }));
}
