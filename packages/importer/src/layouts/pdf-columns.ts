import type { ImportWarning } from '../parsed-plan.js';
import type { SourceItem } from '../source.js';
import type { CellKind } from './cell-kinds.js';
import type { LayoutHeader } from './header-cells.js';
import { row } from './rule.js';

/**
 * PDF columns out of order. A PDF's text comes out column block by column block rather than row by
 * row: one table's objective prose run together, then an action, its timeframe and its lead, then a
 * whole column of success measures, then several timeframes and leads in a row with their actions
 * run into one paragraph elsewhere. Each timeframe with its lead is one row. A row's action is the
 * short line just before its timeframe; a row with none there cannot be matched with its text, and is
 * not guessed: a warning names those rows' lines, and the prose stays as text. Refs alone on a line
 * ("5.3") head the rows after them.
 */
export interface Cell {
  text: string;
  line: number;
  kind: CellKind;
}

const typed = (c: Cell | undefined) => c?.kind === 'date' || c?.kind === 'lead';
const sentences = (t: string) => (t.match(/[.!?](?:\s+|$)/g) ?? []).length;
const isProse = (c: Cell) => c.kind === 'text' && (c.text.length > 250 || sentences(c.text) >= 3);
const isShortText = (c: Cell | undefined) =>
  c?.kind === 'text' && c.text.split(/\s+/).length <= 25 && sentences(c.text) <= 1;

/**
 * Short lines broken mid-sentence (many start in lower case): narrow PDF columns wrapped side by side,
 * not one cell a line. A single column wrapped at the page's width keeps long lines.
 */
export function isWrappedText(texts: string[]): boolean {
  if (texts.length < 4) return false;
  const lower = texts.filter((t) => /^[a-z]/.test(t.trim())).length / texts.length;
  const words = texts.map((t) => t.trim().split(/\s+/).length).sort((a, b) => a - b);
  return lower >= 0.3 && words[Math.floor(words.length / 2)]! <= 5;
}

/** Timeframe-and-lead pairs with no text between them, beside paragraphs of several sentences. */
export function isOutOfOrder(cells: Cell[]): boolean {
  let backToBack = false;
  for (let k = 0; k + 3 < cells.length; k++)
    if ([0, 1, 2, 3].every((n) => typed(cells[k + n])) && cells[k]!.kind !== cells[k + 1]!.kind)
      backToBack = true;
  return backToBack && cells.some(isProse);
}

export function readOutOfOrder(
  header: LayoutHeader,
  cells: Cell[],
  line: number,
): { items: SourceItem[]; warnings: ImportWarning[] } {
  const name = 'pdf-columns-out-of-order';
  // "Objective | Actions and outputs": the action goes in the last column naming what is done.
  const titleAt = header.fields.lastIndexOf('title');
  const dateAt = header.types.indexOf('date');
  const leadAt = header.types.indexOf('lead');
  const items: SourceItem[] = [row(header.cells, line, name, true)];
  const used = new Set<number>();
  const unmatched: number[] = [];
  let read = 0;
  for (let k = 0; k < cells.length; k++) {
    const c = cells[k]!;
    // "5.4" heads the rows after it; a plain number ("53") is a page's number, kept as text.
    if (c.kind === 'ref' && /\d\.\d/.test(c.text)) {
      items.push({ type: 'heading', text: c.text, line: c.line });
      continue;
    }
    if (!typed(c) || !typed(cells[k + 1]) || c.kind === cells[k + 1]!.kind) {
      // Text that is no row's action stays as text; a ref between pairs heads the next rows.
      if (!typed(c) && !isShortText(cells[k + 1]) && !(isShortText(c) && typed(cells[k + 1])))
        items.push({ type: 'para', text: c.text, line: c.line });
      continue;
    }
    const pair = [c, cells[k + 1]!];
    const before = cells[k - 1];
    const date = pair.find((x) => x.kind === 'date')!;
    const lead = pair.find((x) => x.kind === 'lead')!;
    k++;
    if (!isShortText(before) || used.has(k - 2) || titleAt < 0) {
      unmatched.push(date.line);
      continue;
    }
    used.add(k - 2);
    const out = header.cells.map(() => '');
    out[titleAt] = before!.text;
    if (dateAt >= 0) out[dateAt] = date.text;
    if (leadAt >= 0) out[leadAt] = lead.text;
    items.push(row(out, before!.line, name));
    read++;
  }
  const warnings: ImportWarning[] = unmatched.length
    ? [
        {
          code: 'columns-out-of-order',
          message: `This table's columns came out of the PDF out of order. ${read} rows were read; ${unmatched.length} more rows have a timeframe and a lead (lines ${unmatched.join(', ')}) whose action could not be matched: their text is kept as paragraphs. Add those actions by hand.`,
          where: `lines ${unmatched.join(', ')}`,
        },
      ]
    : [];
  return { items, warnings };
}
