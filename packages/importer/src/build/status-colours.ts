import { greyWordOfFill, isPaleFill, ragWordOfFill } from '../readers/cell-colours.js';
import type { SourceItem } from '../source.js';
import type { ActiveMapping } from './drafts.js';

/**
 * Reading a status column's colours (readers/cell-colours.ts) without mistaking shading for ratings. A
 * colour rates nothing when it is the column's own shading (one pale fill on most of its rows), when
 * the column holds no colour but blue (a blue wash is not "completed" without reds, ambers or greens
 * beside it), or when most of the row's read cells share it (banded or highlighted rows).
 */

type Row = Extract<SourceItem, { type: 'row' }>;

/** The fills of a table's status column that say nothing, from its body rows (`rows`, after the header). */
export function shadingOf(rows: readonly Row[], statusCol: number): Set<string> {
  const counts = new Map<string, number>();
  for (const r of rows) {
    const fill = r.fills?.[statusCol];
    if (fill && !r.cells[statusCol]?.trim()) counts.set(fill, (counts.get(fill) ?? 0) + 1);
  }
  const ignored = new Set<string>();
  for (const [fill, n] of counts)
    if (rows.length >= 3 && n >= 0.8 * rows.length && isPaleFill(fill)) ignored.add(fill);
  const words = new Set(
    [...counts.keys()]
      .filter((f) => !ignored.has(f))
      .map(ragWordOfFill)
      .filter(Boolean),
  );
  if (words.size === 1 && words.has('Blue'))
    for (const f of counts.keys()) if (ragWordOfFill(f) === 'Blue') ignored.add(f);
  // Grey is "not started" only in a column whose other cells are rated by colour.
  const rated = [...counts.keys()].some((f) => !ignored.has(f) && ragWordOfFill(f));
  if (!rated) for (const f of counts.keys()) if (greyWordOfFill(f)) ignored.add(f);
  return ignored;
}

/** The RAG word of an empty status cell's colour, or undefined when the colour rates nothing. */
export function ratingColour(fills: Row['fills'], index: number, m: ActiveMapping): string | undefined {
  const fill = fills?.[index];
  if (!fill || m.statusShading?.has(fill)) return undefined;
  const read = m.columns.filter((c) => c.field !== 'ignore').map((c) => c.index);
  if (read.filter((i) => fills[i] === fill).length > read.length / 2) return undefined;
  return ragWordOfFill(fill) ?? greyWordOfFill(fill);
}
