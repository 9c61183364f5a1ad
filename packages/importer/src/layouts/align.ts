import type { ColumnField } from '../parsed-plan.js';
import { type CellKind, cellKind } from './cell-kinds.js';

/** What a column's cells should look like, from the field its header names. */
export type ColumnType = 'ref' | 'date' | 'lead' | 'priority' | 'text' | 'any';

export function columnType(field: ColumnField | undefined): ColumnType {
  if (!field || field === 'ignore') return 'any';
  if (field === 'ref') return 'ref';
  if (field === 'due' || field === 'start') return 'date';
  if (field.startsWith('lead:')) return 'lead';
  if (field === 'status') return 'priority';
  return 'text';
}

function fit(kind: CellKind, type: ColumnType): number {
  if (type === 'any') return kind === 'text' ? 0.8 : 0.5;
  if (type === 'text') return kind === 'ref' ? 0 : kind === 'priority' ? 0.3 : 1;
  if (kind === type) return 2;
  if (type === 'priority') return kind === 'text' ? 0 : -1;
  // A text cell under a date, lead or ref column is what a shifted row looks like.
  return kind === 'text' ? -2 : -1;
}

const MERGE = -1.2;
const SAME_PLACE = 0.4;
const GAP = -0.3;

/**
 * Puts the cells of a row whose separators went wrong under the right columns: a row with a cell
 * missing, or a cell split in two by a separator inside its text ("efficiencies / benefits"). Cells
 * keep their order; each goes under one column, several neighbours may share a text or lead column,
 * and each column takes cells that look like it (dates under a deadline, names under a lead).
 */
export function alignCells(
  cells: string[],
  types: ColumnType[],
  known?: ReadonlySet<string>,
  joiner = ' / ',
  /** What each cell was read as where the caller knows better than its text alone (a two-line date). */
  given?: (CellKind | undefined)[],
): string[] {
  const m = types.length;
  const filled = cells.map((c, i) => ({ c: c.trim(), i })).filter((x) => x.c !== '');
  const out: string[] = Array.from({ length: m }, () => '');
  if (filled.length === 0 || m === 0) return out;
  const kinds = filled.map((x) => given?.[x.i] ?? cellKind(x.c, known));
  const n = filled.length;
  // score[i][j]: best for cells 0..i with cell i under column j.
  const score: number[][] = filled.map(() => Array.from({ length: m }, () => Number.NEGATIVE_INFINITY));
  const from: number[][] = filled.map(() => Array.from({ length: m }, () => -1));
  const gain = (i: number, j: number) =>
    fit(kinds[i]!, types[j]!) + (cells.length === m && filled[i]!.i === j ? SAME_PLACE : 0);
  for (let j = 0; j < m; j++) score[0]![j] = gain(0, j);
  for (let i = 1; i < n; i++) {
    for (let j = 0; j < m; j++) {
      let best = Number.NEGATIVE_INFINITY;
      let arg = -1;
      for (let k = 0; k < j; k++) {
        // Columns skipped between two cells of a row cost a little: cells sit side by side.
        const v = score[i - 1]![k]! + GAP * (j - k - 1);
        if (v > best) [best, arg] = [v, k];
      }
      const t = types[j]!;
      if ((t === 'text' || t === 'lead' || t === 'any') && score[i - 1]![j]! + MERGE > best)
        [best, arg] = [score[i - 1]![j]! + MERGE, j];
      if (arg >= 0) {
        score[i]![j] = best + gain(i, j);
        from[i]![j] = arg;
      }
    }
  }
  let j = score[n - 1]!.indexOf(Math.max(...score[n - 1]!));
  const place: number[] = [];
  for (let i = n - 1; i >= 0; i--) {
    place[i] = j;
    j = from[i]![j]!;
  }
  filled.forEach((x, i) => {
    const col = place[i]!;
    out[col] = out[col] ? `${out[col]}${joiner}${x.c}` : x.c;
  });
  return out;
}
