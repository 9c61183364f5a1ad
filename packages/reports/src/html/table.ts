import { formatDate } from '../format.js';
import type { ActionRow } from '../model.js';
import { esc, multiline } from './escape.js';

/** A column: its header, and whether it holds numbers (right-aligned). */
export interface Col {
  header: string;
  num?: boolean;
}

const cellHtml = (cols: Col[], cell: string, i: number, header: boolean) =>
  header ? `<th scope="row">${cell}</th>` : `<td${cols[i]?.num ? ' class="num"' : ''}>${cell}</td>`;

/** Whether an escaped HTML cell shows any text (an action with no ref has an empty first cell). */
const showsText = (cell: string) => cell.replace(/<[^>]*>/g, '').trim() !== '';

/**
 * A data table with its caption and scoped header cells. `rows` are already-escaped HTML; the first
 * cell of each row that shows text is its row header (the ref, or the title when there is no ref): an
 * empty row header names nothing to a screen reader.
 */
export function table(captionText: string, cols: Col[], rows: string[][]): string {
  const head = cols.map((c) => `<th scope="col">${esc(c.header)}</th>`).join('');
  const body = rows
    .map((r) => {
      const header = Math.max(0, r.findIndex(showsText));
      return `<tr>${r.map((cell, i) => cellHtml(cols, cell, i, i === header)).join('')}</tr>`;
    })
    .join('\n');
  return `<table><caption>${esc(captionText)}</caption><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

/** Columns from their headers, none numeric. */
export const textCols = (...headers: string[]): Col[] => headers.map((header) => ({ header }));

/** Status in words beside its colour, never colour alone. */
export const status = (s: { text: string; rag: string }) =>
  `<span class="rag rag-${s.rag}">${esc(s.text)}</span>`;
export const latest = (a: { latest?: { date: string; narrative: string; authorName: string } }) =>
  a.latest
    ? `<span class="muted">${esc(formatDate(a.latest.date))}, ${esc(a.latest.authorName)}:</span><br><span class="narrative">${multiline(a.latest.narrative)}</span>`
    : '<span class="muted">No update</span>';
/** A sub-action's ref is indented under its parent's. */
export const refCell = (a: ActionRow) =>
  a.depth > 0 ? `<span class="sub">${esc(a.ref)}</span>` : esc(a.ref);
