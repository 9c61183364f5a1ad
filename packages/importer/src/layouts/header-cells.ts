import { readHeaderRow } from '../header-mapping.js';
import type { ColumnField } from '../parsed-plan.js';
import { type ColumnType, columnType } from './align.js';

/** The share of a header's cells that must be known column names when a layout rule found it by shape. */
export const LAYOUT_HEADER_SHARE = 0.5;

export interface LayoutHeader {
  cells: string[];
  fields: (ColumnField | undefined)[];
  types: ColumnType[];
}

/** Reads cells as an action table's header, or undefined when they are not one. */
export function actionHeader(cells: string[]): LayoutHeader | undefined {
  const trimmed = cells.map((c) => c.trim());
  if (trimmed.filter((c) => c !== '').length < 2) return undefined;
  const h = readHeaderRow(trimmed, undefined, undefined, LAYOUT_HEADER_SHARE);
  if (h?.kind !== 'actions') return undefined;
  const fields = trimmed.map((_, i) => {
    const f = h.columns.find((c) => c.index === i)?.field;
    return f === 'ignore' ? undefined : f;
  });
  if (!fields.some((f) => f === 'title' || f === 'themeDescription' || f === 'currentPosition'))
    return undefined;
  return { cells: trimmed, fields, types: fields.map(columnType) };
}
