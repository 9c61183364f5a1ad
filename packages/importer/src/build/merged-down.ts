import { cleanText } from '../cells.js';
import type { ColumnField } from '../parsed-plan.js';
import type { SourceItem } from '../source.js';
import type { ActiveMapping } from './drafts.js';

/**
 * Which row a cell merged down over several rows belongs to, read by its column. A lead, a deadline,
 * a status merged over the actions it spans ("Head of HR" beside 1.1 to 1.3) is each action's: Excel
 * keeps its text in the top row alone, so every row it covers takes it. A ref or title merged down is
 * one action written over several rows, whose rows below carry it on: those rows take nothing, as
 * before. A group merged down already makes its theme by its empty cells (header-mapping.ts), so it is
 * left so; a merge across a row (a title or group banner) is never repeated (readers/xlsx.ts).
 */
const OWN: ColumnField[] = ['ref', 'title', 'group', 'themeDescription'];

/** A row's cells and fills with what merges from above cover, when the row is a record of its own. */
export function withMergedDown(
  item: Extract<SourceItem, { type: 'row' }>,
  cells: string[],
  m: ActiveMapping,
): { cells: string[]; fills: (string | undefined)[] | undefined } {
  const down = item.mergedDown;
  if (!down) return { cells, fills: item.fills };
  // A row with no ref or title of its own, or one under a ref or title merged down, carries on the
  // row above, which already holds the merged text.
  const identity = m.columns.filter((c) => c.field === 'ref' || c.field === 'title');
  const ownRecord =
    identity.some((c) => cells[c.index]?.trim()) && !identity.some((c) => down.cells[c.index]?.trim());
  if (!ownRecord) return { cells, fills: item.fills };
  const out = [...cells];
  const fills = [...(item.fills ?? cells.map(() => undefined))];
  down.cells.forEach((text, i) => {
    const field = m.columns.find((c) => c.index === i)?.field;
    // Only where the merge holds something (a word, or a RAG colour alone) and the row's cell nothing.
    if (!(text.trim() || down.fills[i]) || (field && OWN.includes(field)) || out[i]?.trim()) return;
    out[i] = cleanText(text);
    fills[i] = down.fills[i];
  });
  return { cells: out, fills: fills.some(Boolean) ? fills : undefined };
}
