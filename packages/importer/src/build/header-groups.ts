import { cleanText } from '../cells.js';
import { isHeader, normalizeHeader, readHeaderRow } from '../header-mapping.js';
import type { SourceItem } from '../source.js';
import { groupNameText } from './group-rows.js';

type Row = Extract<SourceItem, { type: 'row' }>;

/**
 * A board exported from a project tool (Monday.com, and trackers laid out the same way) writes each
 * group as a row holding its name alone, then the table's header again, then the group's items:
 * "Recruitment & Retention", "Name | Person | Status | …", items; "Wellbeing", the header, items. The
 * group's name sits in the items' own title column, where a lone cell otherwise reads as an action,
 * and the first group's is a line above the first header, otherwise read as the plan's cover.
 *
 * Where every copy of a table's header after its first has a line of one cell right above it that can
 * name a group, those lines are the groups of the rows under each copy, read as headings; so is the
 * line right above the first copy, unless it is the document's or sheet's first (the plan's title). A
 * header written again over each page has rows of the table above its copies, and is left as it is.
 */
export function headerGroups(items: SourceItem[]): SourceItem[] {
  const copies = new Map<string, number[]>();
  for (const [i, item] of items.entries()) {
    if (item.type !== 'row' || filledOf(item).length < 2) continue;
    const key = `${item.table}:${JSON.stringify(item.cells.map((c) => normalizeHeader(cleanText(c))))}`;
    copies.set(key, [...(copies.get(key) ?? []), i]);
  }
  const headings = new Set<number>();
  for (const at of copies.values()) {
    if (at.length < 2 || !isHeader((items[at[0]!] as Row).cells.map(cleanText))) continue;
    const firstColumn = filledOf(items[at[0]!] as Row)[0]!.i;
    const above = at.map((i) => (groupLine(items, i, firstColumn) ? i - 1 : undefined));
    if (above.slice(1).some((i) => i === undefined)) continue;
    for (const i of above.slice(1)) headings.add(i!);
    if (above[0] !== undefined && !opensItsPart(items, above[0])) headings.add(above[0]);
  }
  if (headings.size === 0) return items;
  return items.map((item, i) =>
    headings.has(i) && item.type !== 'heading'
      ? { type: 'heading', text: lineText(item)!, line: item.line }
      : item,
  );
}

const filledOf = (row: Row) => row.cells.map((c, i) => ({ c: cleanText(c), i })).filter((x) => x.c !== '');

/** The text of a line of one cell: a paragraph, or a row with one cell filled. */
function lineText(item: SourceItem): string | undefined {
  if (item.type === 'para') return cleanText(item.text);
  if (item.type !== 'row') return undefined;
  const filled = filledOf(item);
  return filled.length === 1 ? filled[0]!.c : undefined;
}

/**
 * Whether the item above the header copy at `i` is a group's line: one cell, no further right than the
 * header starts, of the same table (or a paragraph of the same sheet), that can name a group.
 */
function groupLine(items: SourceItem[], i: number, firstColumn: number): boolean {
  const header = items[i] as Row;
  const prev = items[i - 1];
  if (!prev || prev.type === 'heading') return false;
  if (prev.type === 'row') {
    if (prev.table !== header.table) return false;
    const filled = filledOf(prev);
    if (filled.length !== 1 || filled[0]!.i > firstColumn) return false;
  } else if (prev.sheetRow?.sheet !== header.sheetRow?.sheet) return false;
  const text = lineText(prev);
  // A column's name alone ("Actions") heads a table of its own, not a group.
  return !!text && groupNameText(text) && !readHeaderRow([text], undefined, undefined);
}

/** The first item of the document, or of its sheet: where a plan's title is written. */
function opensItsPart(items: SourceItem[], i: number): boolean {
  const item = items[i]!;
  const prev = items[i - 1];
  if (!prev) return true;
  const sheet = (x: SourceItem) => (x.type === 'heading' ? undefined : x.sheetRow?.sheet);
  return sheet(item) !== undefined && sheet(prev) !== sheet(item);
}
