import { excerpt } from '../cells.js';
import type { SourceItem } from '../source.js';
import { type ActiveMapping, type BuildState, type RowDraft, warn } from './drafts.js';

type Row = Extract<SourceItem, { type: 'row' }>;

/**
 * An action row struck through (its action's words, or every filled cell) is one the council has
 * dropped but kept in view: imported as withdrawn (cancelled), not as work still to do, its status as
 * written kept under its column's name, and named in a warning so the officer can check.
 */
export function withdrawStruckRow(s: BuildState, item: Row, r: RowDraft, m: ActiveMapping, where: string) {
  const struck = new Set(item.struck ?? []);
  if (struck.size === 0) return;
  const title = m.columns.find((c) => c.field === 'title' && item.cells[c.index]?.trim());
  const filled = item.cells.flatMap((c, i) => (c.trim() ? [i] : []));
  if (!(title ? struck.has(title.index) : filled.every((i) => struck.has(i)))) return;
  const status = m.columns.find((c) => c.field === 'status');
  if (r.fields.status) r.extra.push({ label: status?.header || 'Status', text: r.fields.status });
  r.fields.status = 'Withdrawn';
  const named = excerpt(r.fields.title ?? item.cells.find((c) => c.trim()) ?? '', 60);
  warn(
    s,
    'struck-through',
    `"${named}" is struck through, so it was imported as withdrawn (Cancelled). If it is still part of the plan, set its status after importing.`,
    where,
  );
}
