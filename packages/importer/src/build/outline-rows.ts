import { joinText } from '../cells.js';
import { least } from '../least.js';
import type { ColumnField } from '../parsed-plan.js';
import { type SourceItem, tableRows } from '../source.js';
import {
  type ActiveMapping,
  type BuildState,
  newActionDraft,
  type OutlineState,
  type RowDraft,
} from './drafts.js';
import { numberedGroup } from './group-rows.js';
import { LEADS, rowMilestone } from './milestone-rows.js';
import { findTheme, nextThemeRef, startTheme, themeHeading } from './themes.js';

/**
 * Rows grouped with Excel's outline (Group rows), each a level deeper than the row it belongs to, with
 * no indent or ref to say so: a theme's row, its actions a level under it, their steps a level under
 * them. Read only on sheets that group rows (readers/xlsx.ts), by levels relative to one another:
 * - the groups: the shallowest level of rows with rows under them, when each such row names no lead
 *   and what is under them reads as actions (a lead of its own, or steps a level further down);
 *   otherwise that level is the actions';
 * - a row under an action (or sub-action) is its step: a milestone when it has a deadline and no lead
 *   of its own, else a sub-action, as a dash item under an action is (build/milestone-rows.ts).
 * A row whose ref places it ("1.2", "1.1a") is read by its ref, as everywhere. A sheet whose summary
 * rows come below what they sum is read as rows are. A Word list's levels come as such rows too, its
 * groups already read as headings (layouts/bulleted-actions.ts).
 */

type Row = Extract<SourceItem, { type: 'row' }>;

const DESCRIBES: ColumnField[] = ['title', 'description', 'themeDescription', 'outcome', 'ignore'];
const DATES: ColumnField[] = ['start', 'due', 'timeline'];

const fieldFilled = (cells: string[], m: ActiveMapping, fields: ColumnField[]) =>
  m.columns.some((c) => fields.includes(c.field) && cells[c.index]?.trim());

/**
 * A group's row: words, and no lead of its own. Its dates do not make it an action: a project tool
 * (Smartsheet, Project) rolls its rows' dates up onto the row they are grouped under.
 */
const groupLike = (cells: string[], m: ActiveMapping) =>
  cells.some((c) => c.trim() !== '') && !fieldFilled(cells, m, LEADS);

/** A ref that says where its row sits ("1.2" under 1, "1.1a" under 1.1), as the ref rule reads it. */
const PLACING_REF = /\d\.\d|\d[a-z]$/;

/** The outline of the table whose row is at `index`: worked out once, from its first row read. */
function outlineOf(s: BuildState, index: number, item: Row, m: ActiveMapping): OutlineState {
  if (s.outline?.mapping === m && s.outline.table === item.table) return s.outline;
  const rows = tableRows(s.items, index).filter((r) => !r.header && r.cells.some((c) => c.trim() !== ''));
  const level = (i: number) => rows[i]?.outline ?? 0;
  const parents = rows.filter((_, i) => i + 1 < rows.length && level(i + 1) > level(i));
  const top = least(parents.map((r) => r.outline ?? 0));
  // Rows read from their group's row down. A table that opens deeper than its first rows with rows
  // under them puts its summaries below what they sum (Excel's default for totals): not read so.
  const readable = level(0) <= top;
  const groups = parents.filter((r) => (r.outline ?? 0) === top);
  const under = rows.filter((r) => (r.outline ?? 0) > top);
  const shallowest = least(under.map((u) => u.outline ?? 0));
  const actionsUnder =
    under.some((r) => fieldFilled(r.cells, m, LEADS)) || under.some((r) => (r.outline ?? 0) > shallowest);
  // A list a layout rule read (a Word list's levels) has its groups already: its rows are actions and steps.
  // A tree three levels deep (a project tool's workstreams over tasks over steps): its top rows are the
  // groups, though a tool names an owner on each. Only rows with rows under them: one alone is an action.
  const deep = parents.some((r) => (r.outline ?? 0) > top);
  const grouped =
    !item.layout && groups.length > 0 && (deep || groups.every((r) => groupLike(r.cells, m))) && actionsUnder;
  const treeGroups = grouped && deep ? new Set<SourceItem>(groups) : undefined;
  s.outline = {
    mapping: m,
    table: item.table,
    readable,
    ...(grouped && { groupLevel: top }),
    ...(treeGroups && { treeGroups }),
    open: [],
  };
  return s.outline;
}

/** A group's row at the outline's group level: opens its theme. Answers whether the row was taken. */
export function outlineGroup(s: BuildState, index: number, item: Row, cells: string[], m: ActiveMapping) {
  if (item.outline === undefined || item.header) return false;
  const o = outlineOf(s, index, item, m);
  if (!o.readable || item.outline !== o.groupLevel) return false;
  if (!(o.treeGroups ? o.treeGroups.has(item) : groupLike(cells, m))) return false;
  const refCol = m.columns.find((c) => c.field === 'ref' && cells[c.index]?.trim());
  const titleCol = m.columns.find((c) => c.field === 'title' && cells[c.index]?.trim());
  const texts = cells.map((c, i) => ({ c: c.trim(), i })).filter((x) => x.c && x.i !== refCol?.index);
  const name = texts.find((x) => x.i === titleCol?.index) ?? texts[0];
  if (!name) return false;
  const th = themeHeading(name.c);
  const heading = th ?? numberedGroup(name.c);
  const own = refCol && cells[refCol.index]!.trim().replace(/\.$/, '');
  const ref = [own, heading?.ref].find((r) => r && !findTheme(s, r)) ?? nextThemeRef(s);
  s.theme = startTheme(s, ref, heading?.title || name.c, name.c, false);
  if (th) s.d.kindCues.push(...th.kinds);
  // The group row's other words describe it: what it is about as written, anything else under its
  // column's name. Dates and figures rolled up from its rows (a span, "35%", "392d") are theirs.
  for (const x of texts.filter((t) => t !== name)) {
    const col = m.columns.find((c) => c.index === x.i);
    if ((col && DATES.includes(col.field)) || !/\p{L}{3}/u.test(x.c)) continue;
    const line =
      !col || DESCRIBES.includes(col.field) || !col.header.trim() ? x.c : `${col.header.trim()}: ${x.c}`;
    s.theme.description = joinText(s.theme.description, line);
  }
  s.d.headings.push({ text: name.c, as: `theme ${ref}` });
  s.lastAction = s.lastItem = undefined;
  s.afterRows = false;
  o.open = [];
  return true;
}

/** A row a level under an open action: its milestone or sub-action. Answers whether the row was taken. */
export function outlineStep(s: BuildState, index: number, item: Row, r: RowDraft, m: ActiveMapping) {
  if (item.outline === undefined) return false;
  const o = outlineOf(s, index, item, m);
  if (!o.readable) return false;
  const level = item.outline;
  const open = o.open.filter((x) => x.level < level);
  const host = open.at(-1)?.draft;
  const f = { ...r.fields };
  const title = f.title?.trim();
  const ref = f.ref?.trim();
  // Only under the action being read (a theme row or a heading since closes it), and only a titled row
  // with no group of its own, nor a ref that places it: those are read as rows are.
  const current = open[0]?.draft === s.lastAction || open[0]?.draft === s.lastItem;
  if (!host || !current || !title || f.group?.trim() || f.themeDescription?.trim()) return false;
  if (ref && PLACING_REF.test(ref)) return false;
  // A ref that says nothing of where the row sits (a row's number, a tool's "Predecessors" link) is
  // kept beside it, under its column's name.
  const refCol = m.columns.find((c) => c.field === 'ref');
  const extra = ref ? [{ label: refCol?.header.trim() || 'Ref', text: ref }, ...r.extra] : r.extra;
  const step = { ...r, extra, byColumn: r.byColumn.filter((x) => x.col.field !== 'ref') };
  delete f.ref;
  if (f.due?.trim() && !LEADS.some((x) => f[x]?.trim())) {
    host.milestones = [...(host.milestones ?? []), rowMilestone(step, f, title)];
    o.open = open;
    return true;
  }
  const sub = newActionDraft({ ...f, title }, r.where);
  sub.extra.push(...step.extra);
  host.subActions.push(sub);
  s.lastItem = sub;
  o.open = [...open, { level, draft: sub }];
  return true;
}

/** After a row read as rows are: an action it made is open for the rows under it. */
export function outlineRowRead(s: BuildState, item: Row, where: string) {
  const o = s.outline;
  if (item.outline === undefined || !o || s.lastItem?.where !== where) return;
  const level = item.outline;
  const made = { level, draft: s.lastItem };
  // A sub-action by its ref ("1.1a") opens under its action when that action is open, else alone.
  if (s.lastItem !== s.lastAction && o.open[0]?.draft === s.lastAction)
    o.open = [...o.open.filter((x) => x.level < level), made];
  else o.open = [made];
}
