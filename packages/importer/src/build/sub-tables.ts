import { joinText } from '../cells.js';
import { type HeaderCandidate, normalizeHeader, refineWithContent } from '../header-mapping.js';
import type { ColumnField, ColumnMapping } from '../parsed-plan.js';
import type { SourceItem } from '../source.js';
import { placeOrphan, readRow } from './action-rows.js';
import { type ActionDraft, type BuildState, newActionDraft } from './drafts.js';
import { groupNameText } from './group-rows.js';
import { LEADS, rowMilestone } from './milestone-rows.js';

/**
 * A header row part way down an action table that is not the table's own: a project tool's sub-items
 * under an item (Monday.com writes "Subitems | Owner | Status | Date" under the item, one column to the
 * right, its first cell empty, then the item's sub-items, then the next item with no header again).
 * Read as the table's header, the rows after it took its columns: the next items' statuses became
 * leads ("Done", "Stuck"), their timelines statuses.
 *
 * A header that names sub-items in its first cell ("Subitems", "Sub-tasks", "Child items",
 * "Checklist"), or that starts right of the table's header (the same names shifted, or others), heads
 * the sub-items of the action above: its rows are read with its columns, each a milestone of the action
 * when it has a deadline and no lead of its own, else a sub-action (as a step in Excel's outline is,
 * build/outline-rows.ts). The table's own columns take over again at a row with a cell outside the
 * sub-header's columns (the next item, written from the first column), a group's row, a heading, or a
 * header row (the table's own again, or another). A header that does neither is read as a header is.
 */

type Row = Extract<SourceItem, { type: 'row' }>;

/** A header cell naming sub-items, as `normalizeHeader` writes it. */
const SUB_ITEMS = /^(?:sub ?(?:items?|tasks?|actions?)|child (?:items?|tasks?)|checklist(?: items?)?)$/;

const filledOf = (cells: string[]) => cells.map((c, i) => ({ c: c.trim(), i })).filter((x) => x.c !== '');

const columnsKey = (cols: { i: number; c: string }[]) =>
  JSON.stringify(cols.map((x) => [x.i, normalizeHeader(x.c)]));

/**
 * A header row read at `index` that heads the sub-items of the action above: opens them, and answers
 * true; otherwise (the table's own header again, or another table's) false, and none is open.
 */
export function openSubTable(
  s: BuildState,
  index: number,
  item: Row,
  cells: string[],
  header: HeaderCandidate,
): boolean {
  s.subTable = undefined;
  const m = s.mapping;
  const host = s.lastAction;
  if (m?.kind !== 'actions' || item.table !== m.table || !host || !underRow(s.items, index)) return false;
  // Another kind of table (the plan's key milestones, "| | | | DATE") is read as its header says.
  if (header.kind !== 'actions') return false;
  const filled = filledOf(cells);
  if (filled.length < 2) return false;
  const own = m.columns.filter((c) => c.header.trim()).map((c) => ({ i: c.index, c: c.header }));
  if (own.length === 0 || columnsKey(filled) === columnsKey(own)) return false;
  const first = filled[0]!;
  const named = SUB_ITEMS.test(normalizeHeader(first.c));
  const indented = first.i > Math.min(...own.map((c) => c.i));
  if (!named && !indented) return false;
  const columns = header.columns.map((c) => ({ ...c }));
  // The column its first cell heads names each sub-item, whatever that cell says ("Subitems"); so it
  // does where no other column is named as the title.
  if (named || !columns.some((c) => c.field === 'title')) titleOnly(columns, first.i);
  const to = filled.at(-1)!.i;
  const rows = rowsUnder(s.items, index, item.table, first.i, to).map((r) => r.cells);
  // Sub-items are rows under their header: one whose next row runs outside it heads none.
  if (rows.length === 0) return false;
  const refined = refineWithContent(columns, rows, s.override);
  s.subTable = {
    mapping: {
      kind: 'actions',
      columns: refined,
      table: item.table,
      width: item.cells.length,
      headerRowIndex: index,
    },
    host,
    table: item.table,
    from: first.i,
    to,
    indented,
  };
  // Shown once in the preview's mappings however many items have sub-items.
  const key = JSON.stringify(refined.map((c) => [c.index, c.header, c.field]));
  if (!s.d.mappings.some((x) => JSON.stringify(x.columns.map((c) => [c.index, c.header, c.field])) === key))
    s.d.mappings.push({ table: s.d.mappings.length, kind: header.kind, columns: refined });
  s.d.sawHeader = true;
  return true;
}

/** Whether the row at `index` is right under a row of its table: sub-items are headed under their item. */
function underRow(items: SourceItem[], index: number): boolean {
  const item = items[index] as Row;
  const prev = items[index - 1];
  if (prev?.type !== 'row' || prev.table !== item.table) return false;
  return !prev.sheetRow || !item.sheetRow || prev.sheetRow.row === item.sheetRow.row - 1;
}

/** Makes the column at `index` the only title. */
function titleOnly(columns: ColumnMapping[], index: number) {
  for (const c of columns) {
    if (c.index === index) Object.assign(c, { field: 'title', confidence: 0.9 });
    else if (c.field === 'title') Object.assign(c, { field: 'ignore', confidence: 0 });
  }
}

/** The rows after a sub-header that stay within its columns, up to 25: what its columns are read from. */
function rowsUnder(items: SourceItem[], index: number, table: number, from: number, to: number): Row[] {
  const out: Row[] = [];
  for (let j = index + 1; j < items.length && out.length < 25; j++) {
    const it = items[j]!;
    if (it.type !== 'row' || it.table !== table) break;
    const filled = filledOf(it.cells);
    if (filled.some((x) => x.i < from || x.i > to)) break;
    if (filled.length) out.push(it);
  }
  return out;
}

/**
 * A row under an open sub-header: the action's sub-item when it stays within the sub-header's columns.
 * Answers whether the row was taken; a row that is not one closes the sub-items.
 */
export function subTableRow(s: BuildState, item: Row, cells: string[], where: string): boolean {
  const st = s.subTable;
  if (!st) return false;
  const filled = filledOf(cells);
  const outside = filled.some((x) => x.i < st.from || x.i > st.to);
  // Where the sub-header starts where the table's does, only a group's name alone ends its rows.
  const group = !st.indented && filled.length === 1 && groupNameText(filled[0]!.c);
  if (item.table !== st.table || s.lastAction !== st.host || outside || group) {
    s.subTable = undefined;
    return false;
  }
  const r = readRow(s, cells, st.mapping, where, item.fills);
  const f = { ...r.fields };
  const title = f.title?.trim();
  const ref = f.ref?.trim();
  for (const k of ['title', 'ref', 'group', 'themeDescription'] as ColumnField[]) delete f[k];
  if (!title) {
    // No name: more of the sub-item above (a cell wrapped onto a row of its own), or text kept with it.
    const last = s.lastItem && st.host.subActions.includes(s.lastItem) ? s.lastItem : undefined;
    const text = [...Object.values(f), ...r.extra.map((x) => x.text)].filter(Boolean).join(' ');
    if (last) {
      for (const [k, v] of Object.entries(f))
        last.fields[k as ColumnField] = joinText(last.fields[k as ColumnField], v);
      last.extra.push(...r.extra);
    } else if (text) placeOrphan(s, text, where);
    return true;
  }
  if (f.due?.trim() && !LEADS.some((x) => f[x]?.trim())) {
    st.host.milestones = [...(st.host.milestones ?? []), rowMilestone(r, { ...f, title }, title)];
    s.lastItem = st.host;
  } else {
    const sub = newActionDraft({ ...f, title }, where, ref);
    sub.extra.push(...r.extra);
    st.host.subActions.push(sub);
    s.lastItem = sub;
  }
  dropListedSubItems(st.host);
  s.afterRows = true;
  return true;
}

/**
 * The item's own cell listing its sub-items' names ("Subitems: Draft policy, Union consultation"), once
 * each is read from its own row, says nothing more: it is left out.
 */
function dropListedSubItems(host: ActionDraft) {
  const steps = new Set(
    [...host.subActions.map((a) => a.fields.title), ...(host.milestones ?? []).map((m) => m.title)].map((t) =>
      normalizeHeader(t ?? ''),
    ),
  );
  host.extra = host.extra.filter((x) => {
    if (!SUB_ITEMS.test(normalizeHeader(x.label))) return true;
    const names = x.text
      .split(/[,;\n]/)
      .map(normalizeHeader)
      .filter(Boolean);
    return !names.every((n) => steps.has(n));
  });
}
