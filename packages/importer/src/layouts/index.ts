import type { ImportWarning } from '../parsed-plan.js';
import type { SourceItem } from '../source.js';
import { pipeTable, slashSeparatedTable } from './delimited-table.js';
import { isBlank, type Line } from './lines.js';
import { numberedList } from './numbered-list.js';
import { oneCellPerLine } from './one-cell-per-line.js';
import type { LayoutContext, LayoutRule } from './rule.js';
import { tabSeparated } from './tab-separated.js';

/** The rules tried at each line, in order: the first that reads the text there wins. */
export const TEXT_RULES: LayoutRule[] = [
  tabSeparated,
  pipeTable,
  slashSeparatedTable,
  oneCellPerLine,
  numberedList,
];

/**
 * Reads plain text into paragraphs, headings and table rows by trying each layout rule at each line;
 * text no rule reads stays a paragraph, one per line.
 */
export function readLayouts(
  lines: Line[],
  rules: LayoutRule[] = TEXT_RULES,
  known: Iterable<string> = [],
): { items: SourceItem[]; warnings: ImportWarning[] } {
  const ctx: LayoutContext = { known: new Set([...known].map((k) => k.toLowerCase())) };
  const items: SourceItem[] = [];
  const warnings: ImportWarning[] = [];
  let table = 0;
  let i = 0;
  while (i < lines.length) {
    if (isBlank(lines[i])) {
      i++;
      continue;
    }
    let matched = false;
    for (const rule of rules) {
      const m = rule.read(lines, i, ctx);
      if (!m || m.next <= i) continue;
      for (const it of m.items) items.push(it.type === 'row' ? { ...it, table } : it);
      if (m.items.some((it) => it.type === 'row')) table++;
      warnings.push(...(m.warnings ?? []));
      i = m.next;
      matched = true;
      break;
    }
    if (!matched) {
      items.push({ type: 'para', text: lines[i]!.text, line: lines[i]!.line });
      i++;
    }
  }
  return { items, warnings };
}
