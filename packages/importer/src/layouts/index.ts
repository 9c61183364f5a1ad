import { SECTION_HEADINGS, THEME_PATTERNS } from '../heading-words.js';
import type { ImportWarning } from '../parsed-plan.js';
import type { SourceItem } from '../source.js';
import { bulletedActions } from './bulleted-actions.js';
import { bulletedList } from './bulleted-list.js';
import { columnBlocks } from './column-blocks.js';
import { pipeTable, slashSeparatedTable } from './delimited-table.js';
import { gluedCells } from './glued-cells.js';
import { labelLineBlocks } from './label-lines.js';
import { labelValueBlocks } from './label-value.js';
import { moveLeadingRefs } from './leading-refs.js';
import { isBlank, type Line } from './lines.js';
import { numberedList } from './numbered-list.js';
import { numberedRows } from './numbered-rows.js';
import { oneCellPerLine } from './one-cell-per-line.js';
import { paragraphRows } from './paragraph-rows.js';
import type { LayoutContext, LayoutRule } from './rule.js';
import { runOnTable } from './run-on-table.js';
import { spaceAlignedColumns } from './space-aligned.js';
import { tabSeparated } from './tab-separated.js';
import { trailingFields } from './trailing-fields.js';

/** Lists that are a report's own paragraphs when they sit under a narrative heading. */
const NARRATIVE_LISTS = new Set(['numbered-list', 'bulleted-list']);

/** Rules for text whose tables lost their structure. */
const FLATTENED = new Set([
  'one-cell-per-line',
  'numbered-list',
  'trailing-fields',
  'glued-cells',
  'column-blocks',
  'bulleted-list',
  'space-aligned-columns',
  'label-value-blocks',
  'label-line-blocks',
  'paragraph-rows',
  'numbered-rows',
  'table-run-into-paragraph',
]);

/** The rules tried at each line, in order: the first that reads the text there wins. */
export const TEXT_RULES: LayoutRule[] = [
  tabSeparated,
  spaceAlignedColumns,
  pipeTable,
  slashSeparatedTable,
  gluedCells,
  trailingFields,
  columnBlocks,
  oneCellPerLine,
  numberedRows,
  paragraphRows,
  labelValueBlocks,
  labelLineBlocks,
  bulletedActions,
  numberedList,
  bulletedList,
  runOnTable,
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
  // Text pasted from Word keeps its tables as tab-separated rows: there, a numbered paragraph is
  // narrative, and the rules for tables that lost their structure stay out of the way.
  const tabRows = lines.filter((l) => l.text.includes('\t')).length;
  if (tabRows >= 3) rules = rules.filter((r) => !FLATTENED.has(r.name));
  const items: SourceItem[] = [];
  const warnings: ImportWarning[] = [];
  let table = 0;
  let i = 0;
  // Under a narrative heading ("Conclusions", "Area of work 4") numbered paragraphs are the report's text.
  let inSection = false;
  while (i < lines.length) {
    if (isBlank(lines[i])) {
      i++;
      continue;
    }
    const t = lines[i]!.text.trim();
    if (SECTION_HEADINGS.some((re) => re.test(t))) inSection = true;
    else if (THEME_PATTERNS.some((p) => p.re.test(t))) inSection = false;
    let matched = false;
    for (const rule of rules) {
      if (inSection && NARRATIVE_LISTS.has(rule.name)) continue;
      const m = rule.read(lines, i, ctx);
      if (!m || m.next <= i) continue;
      moveLeadingRefs(m.items);
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
  cutLastRow(items);
  return { items, warnings };
}

/**
 * An excerpt that stops just after a row began ("A", "D") leaves a row of one or two letters: that is
 * the start of a row the text does not hold, kept as a paragraph rather than read as an action.
 */
function cutLastRow(items: SourceItem[]) {
  const last = items.at(-1);
  if (last?.type !== 'row' || last.header) return;
  const filled = last.cells.filter((c) => c.trim() !== '');
  if (filled.length === 1 && filled[0]!.trim().length <= 3)
    items[items.length - 1] = { type: 'para', text: filled[0]!, line: last.line };
}
