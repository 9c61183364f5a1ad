import type { CellKind } from './cell-kinds.js';
import type { LayoutHeader } from './header-cells.js';

interface RefCell {
  text: string;
  kind: CellKind;
}

export interface RefRows<C extends RefCell> {
  /** Each row's cells, in the header's order; a row with fewer cells than the header has empty ones. */
  rows: C[][];
  /** Cells after the last row: the page's own text (links, footer), not the table's. */
  after: C[];
}

/**
 * A flattened table whose first column is the ref, read one row per ref: each ref starts a row of at
 * most the header's width. Rows are a text cell and then leads and dates otherwise, which breaks where
 * text columns follow the date ("… | Target date | Progress | RAG", as committee reports print them):
 * the progress would start a row of its own. Only when the refs mark out rows cleanly (every row but the
 * last no wider than the header, one exactly as wide); the last row ends at the header's width, and
 * what follows it ("Supporting documents", "Back to agenda") is the page's, left to the next rules.
 */
export function refRows<C extends RefCell>(header: LayoutHeader, cells: C[]): RefRows<C> | undefined {
  const width = header.cells.length;
  if (header.fields[0] !== 'ref' || width < 3 || cells[0]?.kind !== 'ref') return undefined;
  const rows: C[][] = [];
  for (const c of cells) {
    if (c.kind === 'ref') rows.push([c]);
    else rows.at(-1)!.push(c);
  }
  if (rows.length < 2) return undefined;
  const body = rows.slice(0, -1);
  if (body.some((r) => r.length < 2 || r.length > width) || !body.some((r) => r.length === width))
    return undefined;
  const last = rows.at(-1)!;
  return { rows: [...body, last.slice(0, width)], after: last.slice(width) };
}
