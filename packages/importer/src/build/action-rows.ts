import { continuesSentence, excerpt, joinText } from '../cells.js';
import { isDocumentControl } from '../document-control.js';
import { columnMilestones } from '../milestone-columns.js';
import { isPageFurniture } from '../page-furniture.js';
import type { ColumnField } from '../parsed-plan.js';
import { MARK, periodLabel, timelineSpan } from '../timeline.js';
import {
  type ActionDraft,
  type ActiveMapping,
  type BuildState,
  type ExtraField,
  newActionDraft,
  type RowDraft,
  warn,
} from './drafts.js';
import { placeFootnote } from './footnotes.js';
import { milestoneRow, refMilestoneRow } from './milestone-rows.js';
import { revisedDueColumn } from './revised-dates.js';
import { ratingColour } from './status-colours.js';
import { defaultTheme, findTheme, nextThemeRef, startSection, themeByTitle, themeHeading } from './themes.js';

const LEADS_OR_DATES: ColumnField[] = [
  'lead:member',
  'lead:strategic',
  'lead:operational',
  'lead:accountable',
  'lead:responsible',
  'start',
  'due',
  'status',
];
const TEXT_FIELDS: ColumnField[] = [
  'currentPosition',
  'outcome',
  'yearActions',
  'progress',
  'constraints',
  'measureOfSuccess',
];

/** A column a quarter names: "Q1", "Q2 RAG", "RAG Q3", "Quarter 4 status". */
const QUARTER = /(?:^|\s)(?:q|quarter\s*)[1-4](?:\s|$)/i;

/**
 * A timeline cell that marks work: a mark ("X", a tick), or shading other than white that is not the
 * row's own (a table banded in grey on alternate rows shades every cell of the row alike).
 */
const isMark = (text: string | undefined, fill: string | undefined, rowFill: string | undefined) => {
  const t = text?.trim() ?? '';
  if (t) return MARK.test(t);
  return !!fill && fill !== rowFill && !paleGrey(fill);
};

/** A timeline cell that says the work is not then: "No", "N", a dash, "N/A". */
const UNMARKED = /^(?:no|n|-|–|—|n\/?a)$/i;

const TICK = /^(?:✓|✔|☑|✅|y|yes)$/i;
const CROSS = /^(?:x|✗|✘|❌)$/i;
/**
 * A row that ticks some years and crosses others ("✓ | X | X" under Year 1–3) uses the cross for "not
 * then", as a checklist does; where a row has crosses alone the cross is the mark (a Gantt's "X").
 */
const crossesMeanNo = (cells: string[], m: ActiveMapping) => {
  const marks = m.columns.filter((c) => c.field === 'timeline').map((c) => cells[c.index]?.trim() ?? '');
  return marks.some((t) => TICK.test(t)) && marks.some((t) => CROSS.test(t));
};

/** White or a pale grey (FFFFFF, F2F2F2, D9D9D9): a table's banding or background, never a bar. */
function paleGrey(fill: string): boolean {
  const hex = /^(?:[0-9a-f]{2})?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(fill);
  if (!hex) return /^auto$/i.test(fill);
  const [r, g, b] = hex.slice(1).map((h) => Number.parseInt(h, 16)) as [number, number, number];
  return Math.min(r, g, b) >= 0xc0 && Math.max(r, g, b) - Math.min(r, g, b) <= 0x10;
}

/**
 * A deadline written twice: a project tool's timeline ("2026-10-01 - 2027-03-31") and its date column
 * (the range's end, "2027-03-31"), or the same words in two columns.
 */
function sameDeadline(a: string, b: string): boolean {
  const [short, long] = a.length <= b.length ? [a.trim(), b.trim()] : [b.trim(), a.trim()];
  return (
    short === long ||
    (short.length >= 4 && /\d/.test(short) && long.endsWith(` ${short}`) && /[-–—]|\bto\b/.test(long))
  );
}

/**
 * The cells of one row under their columns' fields; cells under no known column are named extras. An
 * empty status cell with a RAG colour (`fills`) reads as that colour's word (readers/cell-colours.ts).
 */
export function readRow(
  s: BuildState,
  cells: string[],
  m: ActiveMapping,
  where: string,
  fills?: (string | undefined)[],
): RowDraft {
  const fields: RowDraft['fields'] = {};
  const byColumn: RowDraft['byColumn'] = [];
  // "Milestone 1 | M1 date | Milestone 2 | …": the action's steps, each with its own date (milestone-columns.ts).
  const steps = columnMilestones(cells, m.columns, where);
  const extra: ExtraField[] = [...steps.extra];
  const statuses: { header: string; text: string }[] = [];
  const marked: string[] = [];
  // The shading of the row's own cells (banding), told apart from a bar's: that of its first cell.
  const rowFill = fills?.[m.columns.find((c) => c.field !== 'timeline')?.index ?? 0];
  const noCross = crossesMeanNo(cells, m);
  const quarterUpdates = m.columns.filter(
    (c) => c.field === 'progress' && QUARTER.test(c.header.trim()),
  ).length;
  // "Original target date | Revised target date": the revised date, where the row has one, is the
  // deadline; the first date stays, under its column's name.
  const revisedDue = revisedDueColumn(cells, m.columns);
  for (const col of m.columns) {
    if (col.field === 'timeline') {
      const words = cells[col.index]?.trim() ?? '';
      if (noCross && CROSS.test(words)) continue;
      if (isMark(words, fills?.[col.index], rowFill)) marked.push(periodLabel(col.header));
      // Words where the other rows have a mark ("Sep 2026", "Pilot" under "Year 1"): the work is then,
      // and the words are kept under the column's name (the column was told a timeline by the rows
      // above, which had marks alone).
      else if (words && !UNMARKED.test(words)) {
        marked.push(periodLabel(col.header));
        extra.push({ label: col.header, text: words });
      }
      continue;
    }
    if (steps.taken.has(col.index)) continue;
    const text =
      cells[col.index]?.trim() || (col.field === 'status' && ratingColour(fills, col.index, m)) || '';
    if (!text || col.field === 'ignore') continue;
    byColumn.push({ col, text });
    // An update a quarter ("Q1 update | Q2 update"): each kept under its quarter, as the history it is.
    if (col.field === 'progress' && quarterUpdates > 1 && QUARTER.test(col.header.trim())) {
      const labelled = `${col.header.trim()}: ${text}`;
      fields.progress = fields.progress ? `${fields.progress}\n${labelled}` : labelled;
      continue;
    }
    if (col.field === 'status') statuses.push({ header: col.header, text });
    if (col.field === 'due' && revisedDue !== undefined && col.index !== revisedDue) {
      extra.push({ label: col.header.trim() || 'Date', text });
      continue;
    }
    const before = fields[col.field];
    if (col.field === 'due' && before && sameDeadline(before, text)) {
      // The longer says it all: a range's own end in another column adds nothing.
      if (text.length > before.length) fields.due = text;
      continue;
    }
    fields[col.field] = before ? `${before}\n${text}` : text;
  }
  // A status a quarter (Q1 RAG … Q4 RAG): the latest filled one is the status; the others stay, named.
  // Other pairs ("RAG" and "Status") are joined, for the status reader to weigh.
  if (statuses.length > 1 && statuses.every((x) => QUARTER.test(x.header.trim()))) {
    fields.status = statuses.at(-1)!.text;
    for (const x of statuses.slice(0, -1)) extra.push({ label: x.header || 'Status', text: x.text });
  }
  // A Gantt row: the months, quarters or years it marks are when it runs ("Oct – Mar"), read as any deadline is.
  if (marked.length && !fields.due) fields.due = timelineSpan(marked);
  const mapped = new Set(m.columns.filter((c) => c.field !== 'ignore').map((c) => c.index));
  const loose = cells.map((c, i) => ({ c: c.trim(), i })).filter((x) => x.c !== '' && !mapped.has(x.i));
  // A ragged row (fewer cells than its header): the last loose cell is the date column's value.
  if (m.kind === 'milestones' && !fields.due && loose.length === 1) fields.due = loose[0]!.c;
  else {
    for (const x of loose) {
      const header = m.columns.find((c) => c.index === x.i)?.header.trim();
      extra.push({ label: header || `Column ${x.i + 1}`, text: x.c });
    }
  }
  return {
    fields,
    byColumn,
    extra,
    cells,
    ...(s.theme ? { themeRef: s.theme.ref } : {}),
    ...(steps.steps.length ? { milestones: steps.steps } : {}),
    where,
  };
}

/** Extra cells stay with the action of their own row; a continuation row adds to the same names. */
function addExtras(target: ActionDraft, extra: ExtraField[]) {
  for (const x of extra) {
    const same = target.extra.find((e) => e.label === x.label);
    if (same) same.text = joinText(same.text, x.text);
    else target.extra.push({ ...x });
  }
}

export function findActionByRef(s: BuildState, ref: string): ActionDraft | undefined {
  // Every action with a ref is made in one place (`actionRow`), which files it here: a lookup per row
  // stays cheap on a plan of thousands (a walk of every action per row was quadratic).
  return s.byRef?.get(ref);
}

/** The ref a sub-action's ref hangs under: "1.1a" under "1.1" (when there is one), "1.2" under "1". */
function parentOf(s: BuildState, ref: string): { ref: string; action: ActionDraft | undefined } | undefined {
  const stem = /^(.*\d)[a-z]$/.exec(ref)?.[1];
  const stemAction = stem && ref.includes('.') ? findActionByRef(s, stem) : undefined;
  if (stem && stemAction) return { ref: stem, action: stemAction };
  const dot = ref.lastIndexOf('.');
  return dot > 0 ? { ref: ref.slice(0, dot), action: findActionByRef(s, ref.slice(0, dot)) } : undefined;
}

/**
 * Text outside the actions' rows: a footnote goes to the action it marks, a page's own words and the
 * document's own details (its owner, approval, review, version: document-control.ts) are kept apart
 * from the actions, and anything else stays with the action above, with a note that says where it was
 * (outside the table, or the list of actions in a document with none).
 */
export function placeOrphan(s: BuildState, text: string, where: string) {
  const target = s.lastItem ?? s.lastAction;
  // "[1] Subject to Cabinet approval": with the action whose cell is marked [1], not the one above.
  if (placeFootnote(s, text, where)) return;
  if (isPageFurniture(text)) {
    // Kept with the plan's loose text, never as an action's progress.
    s.d.unplaced.push(text);
    warn(s, 'page-furniture', `A page's own words were left out of the actions: "${excerpt(text)}"`, where);
  } else if (isDocumentControl(text)) {
    const sec = s.d.sections.find((x) => x.key === 'document-control') ?? startSection(s, 'Document control');
    sec.lines.push(text);
  } else if (target) {
    target.unplaced.push(text);
    const outside = s.listRows ? 'the list of actions' : 'the table';
    warn(s, 'orphan-text', `Text outside ${outside} kept with the action above: "${excerpt(text)}"`, where);
  } else {
    s.d.unplaced.push(text);
    warn(s, 'unplaced-text', `Could not place: "${excerpt(text)}"`, where);
  }
}

/**
 * A group cell ("Leadership", "1", "Area 2") or an issue cell opens or returns to a theme. In an
 * Investors in People plan the area is the theme and carries its issue ("Issue being faced").
 */
function switchTheme(s: BuildState, m: ActiveMapping, group: string | undefined, issue: string | undefined) {
  const groupHeader = m.columns.find((c) => c.field === 'group')?.header.trim();
  if (group) {
    // "Objective 1: Attract staff" written in the group column: its number and title, as a heading's.
    const heading = themeHeading(group);
    const existing =
      themeByTitle(s, group) ??
      (heading?.title ? themeByTitle(s, heading.title) : undefined) ??
      (/^\d+$/.test(group) ? findTheme(s, group) : undefined);
    if (existing) {
      s.theme = existing;
      if (issue && !existing.description?.includes(issue))
        existing.description = joinText(existing.description, issue);
      return;
    }
    if (heading?.title && !findTheme(s, heading.ref)) {
      s.theme = {
        ref: heading.ref,
        title: heading.title,
        label: group,
        actions: [],
        ...(issue ? { description: issue } : {}),
      };
      s.d.kindCues.push(...heading.kinds);
      s.d.themes.push(s.theme);
      return;
    }
    const num = /^(\d+(?:\.\d+)?)\.?\s*(.*)$/s.exec(group);
    const ref = num?.[1] ?? nextThemeRef(s);
    const named = num?.[2]?.trim() || (num ? undefined : group);
    const title = named ?? firstLine(issue) ?? `${groupHeader || 'Theme'} ${ref}`;
    s.theme = {
      ref,
      title,
      label: num && !named && groupHeader ? `${groupHeader} ${ref}` : group,
      actions: [],
      ...(issue ? { description: issue } : {}),
      numberedActions: !!num,
    };
    s.d.themes.push(s.theme);
    return;
  }
  if (issue && !m.columns.some((c) => c.field === 'group')) {
    const existing = themeByTitle(s, firstLine(issue)!);
    if (existing) s.theme = existing;
    else {
      s.theme = { ref: nextThemeRef(s), title: firstLine(issue)!, description: issue, actions: [] };
      s.d.themes.push(s.theme);
    }
  } else if (issue && s.theme) s.theme.description = joinText(s.theme.description, issue);
}

/** The first line of a cell, cut at a word before 200 characters: a theme title from a long issue. */
function firstLine(text: string | undefined): string | undefined {
  const line = text?.split('\n')[0]?.trim();
  if (!line) return undefined;
  if (line.length <= 200) return line;
  return `${line.slice(0, line.lastIndexOf(' ', 199))}…`;
}

/** One row of an action table: a new action, a sub-action, or more text for the action above. */
export function actionRow(s: BuildState, r: RowDraft, m: ActiveMapping) {
  const f = { ...r.fields };
  const ref = f.ref?.replace(/\.$/, '');
  const group = f.group;
  const issue = f.themeDescription;
  delete f.ref;
  delete f.group;
  delete f.themeDescription;
  const themeBefore = s.theme;
  if (group || issue) switchTheme(s, m, group, issue);
  // "M1", "Milestone 2", "P1.M1" in the ref column under an action: a step of it, never an action.
  if (ref && s.theme === themeBefore && refMilestoneRow(s, r, f, ref)) return;
  if (ref) {
    const up = parentOf(s, ref);
    const parent = up?.action;
    const a = newActionDraft(f, r.where, ref);
    if (r.bulleted) a.bulleted = true;
    // The latest of a ref: where a plan numbers each group's actions from 1, a sub-action's parent is
    // the one above it.
    s.byRef ??= new Map();
    s.byRef.set(ref, a);
    addExtras(a, r.extra);
    if (r.milestones) a.milestones = r.milestones;
    if (parent) parent.subActions.push(a);
    else {
      if (up && !s.d.themes.some((t) => t.ref === up.ref))
        warn(s, 'orphan-sub-action', `No action ${up.ref} for sub-action ${ref}.`, r.where);
      defaultTheme(s).actions.push(a);
      s.lastAction = a;
    }
    if (parent) s.lastAction = parent;
    s.lastItem = a;
    return;
  }
  const newTheme = s.theme !== themeBefore;
  // "Milestone: Contract awarded", "– Launch to staff" under an action: a step of it, never an action.
  if (!newTheme && milestoneRow(s, r, f)) return;
  // Where every action repeats its group, a row with its group cell empty carries on the row above.
  const carriesOn = m.groupRepeats && !group;
  const continues =
    carriesOn ||
    (!newTheme && f.title && s.lastAction && continuesSentence(s.lastAction.fields.title, f.title));
  if ((f.title && !continues) || newTheme) {
    if (!f.title) {
      const first = TEXT_FIELDS.find((x) => f[x]);
      if (!first) {
        // A heading value on its own: the theme switch is all it says.
        s.lastAction = s.lastItem = undefined;
        return;
      }
      f.title = f[first];
      delete f[first];
    }
    const a = newActionDraft(f, r.where);
    if (r.bulleted) a.bulleted = true;
    addExtras(a, r.extra);
    if (r.milestones) a.milestones = r.milestones;
    defaultTheme(s).actions.push(a);
    s.lastAction = s.lastItem = a;
    return;
  }
  continuation(s, r, f);
}

/** A row whose first cells are empty: a sub-action with its own lead or date, or more of the row above. */
function continuation(s: BuildState, r: RowDraft, f: RowDraft['fields']) {
  const last = s.lastAction;
  if (!last) {
    const text = [...Object.values(f), ...r.extra.map((x) => x.text)].join(' ');
    if (!text.trim()) return;
    s.d.unplaced.push(text);
    warn(s, 'unplaced-row', `A row continues nothing above it: "${excerpt(text)}"`, r.where);
    return;
  }
  let title = f.title;
  delete f.title;
  if (title && continuesSentence(last.fields.title, title)) {
    last.fields.title = joinText(last.fields.title, title);
    title = undefined;
  }
  if (LEADS_OR_DATES.some((x) => f[x]) || title) {
    if (!title) {
      const first = TEXT_FIELDS.find((x) => f[x]);
      if (first) {
        title = f[first];
        delete f[first];
      }
    }
    if (title) {
      const sub = newActionDraft({ ...f, title }, r.where);
      addExtras(sub, r.extra);
      last.subActions.push(sub);
      s.lastItem = sub;
      return;
    }
  }
  const target = s.lastItem ?? last;
  addExtras(target, r.extra);
  for (const [k, v] of Object.entries(f) as [ColumnField, string][]) {
    if (!v) continue;
    if ((k === 'due' || k === 'start' || k === 'status') && target.fields[k]) {
      target.unplaced.push(v);
      warn(s, 'extra-date', `A second ${k} for the same action was kept aside: "${excerpt(v)}"`, r.where);
    } else target.fields[k] = joinText(target.fields[k], v);
  }
}

/**
 * A plan that numbers its actions "1.1", "1.2", "2.1" with no action "1" or "2" anywhere numbers them
 * within its groups: none is a sub-action missing its parent, and saying so of each is noise. Where
 * some action has sub-actions under it, a missing parent is worth a look, and the warnings stay.
 */
export function groupNumberedRefs(s: BuildState): void {
  if (!s.d.warnings.some((w) => w.code === 'orphan-sub-action')) return;
  const refs: string[] = [];
  const walk = (a: ActionDraft) => {
    if (a.ref) refs.push(a.ref);
    a.subActions.forEach(walk);
  };
  for (const t of s.d.themes) t.actions.forEach(walk);
  if (refs.some((r) => parentOf(s, r)?.action)) return;
  s.d.warnings = s.d.warnings.filter((w) => w.code !== 'orphan-sub-action');
}
