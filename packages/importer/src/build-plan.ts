import { actionRow, groupNumberedRefs, placeOrphan, readRow } from './build/action-rows.js';
import { bulletedTitleRows } from './build/bulleted-title.js';
import { coverTableLines } from './build/cover-table.js';
import { type ActiveMapping, type BuildState, type Drafts, emptyDrafts, warn } from './build/drafts.js';
import { groupRowName, noteRow, numberedGroupRow, openGroup } from './build/group-rows.js';
import { addSubHeader, applyHeader, isPeriodLabel, readHeaderAt } from './build/header-rows.js';
import { letterGroups } from './build/letter-groups.js';
import { withMergedDown } from './build/merged-down.js';
import { titleBulleted } from './build/milestone-rows.js';
import { narrativeParagraph } from './build/narrative.js';
import { outlineGroup, outlineRowRead, outlineStep } from './build/outline-rows.js';
import { takeRagKeyLine, takeRagKeyTable } from './build/rag-key.js';
import { withdrawStruckRow } from './build/struck-rows.js';
import { openSubTable, subTableRow } from './build/sub-tables.js';
import { tableCaption } from './build/table-captions.js';
import { notAnActionRow } from './build/tally-rows.js';
import { headingTheme, startSection, startTheme, themeHeading } from './build/themes.js';
import { cleanText, excerpt, joinText } from './cells.js';
import { isDocumentControl } from './document-control.js';
import { SECTION_HEADINGS, THEME_DESCRIPTION_LABEL } from './heading-words.js';
import { BULLETED_ACTIONS } from './layouts/bulleted-actions.js';
import type { MappingOverride } from './parsed-plan.js';
import { type SourceItem, startsTable, tableRows } from './source.js';
import { readTimescale } from './timescale-adapter.js';

export type { ActionDraft, Drafts, RowDraft, ThemeDraft } from './build/drafts.js';

/**
 * Reads the stream of paragraphs, headings and rows (source.ts) into drafts (build/drafts.ts):
 * paragraphs open themes and sections, header rows choose how the rows below are read, rows become
 * actions or plan-level table rows.
 */
export function buildDrafts(items: SourceItem[], override?: MappingOverride): Drafts {
  const s: BuildState = { d: emptyDrafts(), items, override, afterRows: false };
  for (let index = 0; index < items.length; index++) {
    const item = items[index]!;
    if (item.type !== 'heading' && item.sheetRow && item.sheetRow.sheet !== s.sheet) {
      if (s.sheet !== undefined) newSheet(s, item.sheetRow.sheet);
      s.sheet = item.sheetRow.sheet;
    }
    if (item.type === 'para') paragraph(s, item.text, `line ${item.line}`);
    else if (item.type === 'heading') {
      s.ragKey = undefined;
      if (closingHeading(s, index, cleanText(item.text))) continue;
      headingTheme(s, cleanText(item.text), item.label && cleanText(item.label));
    } else index += tableRow(s, index, item) - 1;
  }
  // Refs "A1", "B1" are the groups of a plan with no groups of its own; read once every row is in.
  letterGroups(s);
  groupNumberedRefs(s);
  return s.d;
}

/**
 * A heading after the plan's last table ("Monitoring and review", "How we will deliver this plan"), one
 * that names no theme: a section of the document's, its paragraphs that section's lines, never notes on
 * the last action nor a theme with no actions. Where the plan's groups are themselves such headings
 * among its rows (a list rule's, layouts/: "Deliver high-quality care" over its rows), one after the
 * rows is the next group still, as before.
 */
function closingHeading(s: BuildState, index: number, text: string): boolean {
  if (!text || !s.d.sawRows || themeHeading(text)) return false;
  const lastRow = s.items.findLastIndex((it) => it.type === 'row');
  if (lastRow > index || s.items.slice(0, lastRow).some((it) => it.type === 'heading')) return false;
  openSection(s, text);
  return true;
}

/** A section heading: what follows is the section's text, under no theme, table or action. */
function openSection(s: BuildState, text: string): void {
  s.section = startSection(s, text);
  s.theme = undefined;
  s.narrative = undefined;
  s.mapping = undefined;
  s.afterRows = false;
  s.lastAction = s.lastItem = undefined;
}

/**
 * A sheet's lines are its own: never notes on the last action of the sheet before. Those no rule reads
 * (a heading, a key) make a section named for the sheet ("Notes").
 */
function newSheet(s: BuildState, sheet: string) {
  s.afterRows = false;
  s.lastAction = s.lastItem = undefined;
  s.ragKey = undefined;
  s.section = undefined;
  if (s.d.sawRows) s.sheetText = sheet.trim();
}

const isSectionHeading = (t: string) => t.length <= 300 && SECTION_HEADINGS.some((re) => re.test(t));
/**
 * Whether a row holds an action beside its first cell: a title in another column, and a ref, or two
 * more of its read columns filled. "PRIORITY 1 | | DESCRIPTION OF PRIORITY: …" holds none.
 */
function actionBeside(m: ActiveMapping, cells: string[], firstIdx: number): boolean {
  const filledIn = (field: string) =>
    m.columns.some((c) => c.field === field && c.index !== firstIdx && cells[c.index]?.trim());
  if (!filledIn('title')) return false;
  if (filledIn('ref')) return true;
  const others = m.columns.filter(
    (c) => c.index !== firstIdx && c.field !== 'ignore' && c.field !== 'title' && cells[c.index]?.trim(),
  );
  return others.length >= 2;
}

/** The cells of the next row of the table at `index` that has a ref, as read. */
function refRowBelow(items: SourceItem[], index: number, m: ActiveMapping): string[] | undefined {
  const refs = m.columns.filter((c) => c.field === 'ref').map((c) => c.index);
  const table = (items[index] as { table?: number }).table;
  for (let i = index + 1; i < items.length; i++) {
    const it = items[i]!;
    if (it.type !== 'row' || it.table !== table) return undefined;
    const cells = it.cells.map(cleanText);
    if (refs.some((c) => cells[c])) return cells;
  }
  return undefined;
}

/** A column's name: a word or three, no figure or date, no sentence. */
const COLUMN_NAME = /^\p{Lu}[\p{L}'’&/()?-]*(?:\s+[\p{L}'’&/()?-]+){0,2}$/u;

/**
 * Whether the row at `index`, opening its table, names that table's columns: three or more cells, each
 * a column's name, above rows of the same table. No action's row is written so (its action is a phrase
 * with a verb; its ref, deadline or status holds a figure or a date).
 */
function ownColumnNames(items: SourceItem[], index: number): boolean {
  const row = items[index] as Extract<SourceItem, { type: 'row' }>;
  if (!startsTable(items, index)) return false;
  const next = items[index + 1];
  if (next?.type !== 'row' || next.table !== row.table) return false;
  const filled = row.cells.map(cleanText).filter((c) => c !== '');
  return filled.length >= 3 && filled.every((c) => c.length <= 30 && COLUMN_NAME.test(c));
}

/** Layout rules whose rows are a list's items (numbered paragraphs, bullets), not a table's rows. */
/** A row of a small table inside a cell, as the Word reader writes it: its cells apart ("Go live | Jan 2027"). */
const INNER_ROW = /^[^|]*\S[^|]* \|(?: [^|]*\S[^|]*(?: \||$))+$/;
const isDate = (text: string) => {
  const t = readTimescale(text.trim());
  return (t.kind === 'date' || t.kind === 'range') && !!t.due;
};

/**
 * A small table inside an action's title cell, under the action's own words ("Implement a new e-learning
 * platform", then "Step | When", "Procure supplier | July 2026"…): never the title's. Its rows with a
 * date are the action's steps, read as a milestones column's lines are (one dated milestone a row, the
 * small table's header none: its first row when it holds no date and the rows under it do); a small
 * table of no dates is the action's description. Undefined when the title cell holds no such table.
 */
function innerTableOfTitle(
  cells: string[],
  m: ActiveMapping,
): { cells: string[]; lines: string[]; field: 'milestones' | 'description' } | undefined {
  const col = m.columns.find((c) => c.field === 'title')?.index;
  const lines = col === undefined ? [] : (cells[col] ?? '').split('\n');
  let first = lines.length;
  while (first > 0 && INNER_ROW.test(lines[first - 1]!)) first--;
  // The action's own words above it, and a table of two rows or more.
  if (first === 0 || lines.length - first < 2) return undefined;
  const rows = lines.slice(first);
  const dated = rows.map((l) => l.split(' | ').some(isDate));
  const out = [...cells];
  out[col!] = lines.slice(0, first).join('\n');
  if (!dated.some(Boolean)) return { cells: out, lines: rows, field: 'description' };
  const steps = !dated[0] && dated.slice(1).some(Boolean) ? rows.slice(1) : rows;
  return { cells: out, lines: steps, field: 'milestones' };
}

const LIST_LAYOUTS = new Set(['numbered-list', BULLETED_ACTIONS, 'bulleted-list']);

/** A key's label: "Key:", "Priority key:", "Status key –". */
const KEY_LABEL = /^(?:[\p{L}&/]+\s+){0,2}key\s*(?::|[–—-]\s)\s*/iu;
/** One entry of a key: a word or a few, then what it means ("High – fundamental weakness", "H = high"). */
const KEY_ENTRY = /^[\p{L}\d][\p{L}\d ]{0,24}?\s*(?:[–—=:]|\s-)\s*\S/u;

/**
 * A key to a column's values: its label, then two entries or more, each a value and what it means
 * ("Priority key: High – fundamental control weakness; Medium – significant; Low – good practice").
 * "Key: training delivered by March" is a sentence, not a key.
 */
function isColumnKey(text: string): boolean {
  const label = KEY_LABEL.exec(text);
  if (!label) return false;
  const entries = text
    .slice(label[0].length)
    .split(/\s*[;,|]\s*/)
    .filter((e) => e.trim() !== '');
  return entries.length >= 2 && entries.every((e) => KEY_ENTRY.test(e));
}

const isFileReference = (t: string) => /^[A-Za-z]:\\|\.(?:docx?|xlsx?|pdf|rtf)$/i.test(t);

function paragraph(s: BuildState, raw: string, where: string) {
  const text = cleanText(raw);
  if (!text) return;
  const th = themeHeading(text);
  if (th || isSectionHeading(text)) s.ragKey = undefined;
  if (th) {
    s.theme = startTheme(s, th.ref, th.title, text, true);
    s.d.kindCues.push(...th.kinds);
    s.d.headings.push({ text, as: `theme ${th.ref}` });
    s.narrative = { mode: 'start' };
    s.section = undefined;
    s.afterRows = false;
    s.lastAction = s.lastItem = undefined;
    return;
  }
  if (isSectionHeading(text)) {
    openSection(s, text);
    return;
  }
  if (takeRagKeyLine(s, text)) return;
  if (isFileReference(text)) {
    const sec =
      s.d.sections.find((x) => x.key === 'document-reference') ?? startSection(s, 'Document reference');
    sec.lines.push(text);
    return;
  }
  // "Priority key: High – …; Low – …" under the table: what a column's values mean, never a note on the
  // last action (a RAG key's colours are read above, by takeRagKeyLine).
  if (s.afterRows && isColumnKey(text)) {
    const title = 'Key';
    (s.d.sections.find((x) => x.title === title) ?? startSection(s, title)).lines.push(text);
    return;
  }
  if (s.afterRows && s.mapping?.kind === 'actions') return placeOrphan(s, text, where);
  if (narrativeParagraph(s, raw, text, where)) return;
  if (s.sheetText && !s.section) s.section = startSection(s, s.sheetText);
  s.sheetText = undefined;
  if (s.section) s.section.lines.push(text);
  else if (s.d.themes.length === 0 && !s.d.sawRows) s.d.preamble.push({ text, where });
  else placeOrphan(s, text, where);
}

/** Reads one row; answers how many rows it consumed (a header wrapped over two rows is two). */
function tableRow(s: BuildState, index: number, item: SourceItem & { type: 'row' }): number {
  const where = `line ${item.line}`;
  const cells = item.cells.map(cleanText);
  const filled = cells.filter((c) => c !== '');
  if (filled.length === 0) return 1;
  const opensTable = startsTable(s.items, index);
  // A cover's details as a table of labels and values: the cover's lines, not a table of the plan.
  const cover = opensTable && !s.mapping ? coverTableLines(s.items, index, cleanText) : undefined;
  if (cover) {
    for (const line of cover) {
      const before = s.d.preamble.length;
      paragraph(s, line.text, where);
      // A label and its value are read (the plan's owner, its period), not text left in the cover.
      if (line.detail) for (const p of s.d.preamble.slice(before)) p.detail = true;
    }
    return tableRows(s.items, index).length;
  }
  // A table's caption, or its one group row under a heading (build/table-captions.ts).
  const caption = tableCaption(s, index, cells);
  if (caption === 'line') paragraph(s, filled[0]!, where);
  if (caption) return 1;
  s.d.sawRows = true;
  s.narrative = undefined;
  // A table opening a sheet of its own: a table no rule reads is named for the sheet ("Governance"),
  // unless the sheet kept Excel's own name ("Sheet2").
  const sheet = item.sheetRow?.sheet.trim();
  const before = s.items[index - 1];
  const opensSheet = !!sheet && (before?.type === 'heading' || before?.sheetRow?.sheet.trim() !== sheet);
  const sheetTitle = s.sheetText ?? (opensSheet && !/^sheet\s*\d*$/i.test(sheet) ? sheet : undefined);
  s.sheetText = undefined;
  // A RAG key in a small table of its own, a row per colour (the colour perhaps only its shading).
  if (opensTable) {
    const keyRows = takeRagKeyTable(s, index, cleanText);
    if (keyRows) return keyRows;
  }
  // A RAG key typed into a sheet's rows ("Key", "Red – off track"): one or two cells a row.
  if (filled.length <= 2 && takeRagKeyLine(s, filled.join(' – '))) return 1;
  s.ragKey = undefined;
  const first = filled[0]!;
  const firstIdx = cells.indexOf(first);
  // A line of the document's own keeping alone on a row after the actions ("Approved by Cabinet on 12
  // March 2026", "Next review: March 2027"): its document control, never a header, group or action.
  if (filled.length === 1 && s.mapping?.kind === 'actions' && s.afterRows && isDocumentControl(first)) {
    placeOrphan(s, first, where);
    return 1;
  }

  // Priority rows: "PRIORITY 1: Prevention | | DESCRIPTION OF PRIORITY: …".
  const th = firstIdx === 0 && !item.header ? themeHeading(first) : undefined;
  // A group cell written as a heading ("Objective 1: Pay") beside an action of its own, in a table whose
  // first column was not read as the group: the theme starts here, and the rest of the row is its action.
  const inGroupColumn =
    s.mapping?.kind === 'actions' &&
    s.mapping.columns.some((c) => c.field === 'group' && c.index === firstIdx);
  const withAction =
    th && !inGroupColumn && s.mapping?.kind === 'actions' && actionBeside(s.mapping, cells, firstIdx);
  if (
    th &&
    (withAction || !(s.mapping?.kind === 'actions' && s.mapping.columns.some((c) => c.field === 'group')))
  ) {
    s.theme = startTheme(s, th.ref, th.title || first, first, false);
    s.d.kindCues.push(...th.kinds);
    s.d.headings.push({ text: first, as: `theme ${th.ref}` });
    s.lastAction = s.lastItem = undefined;
    if (withAction) cells[firstIdx] = '';
    else {
      for (const other of filled.slice(1)) {
        const label = THEME_DESCRIPTION_LABEL.exec(other);
        if (label) s.d.headings.push({ text: label[0].trim(), as: `theme ${th.ref} description` });
        s.theme.description = joinText(s.theme.description, other.replace(THEME_DESCRIPTION_LABEL, ''));
      }
      s.afterRows = false;
      return 1;
    }
  }
  // A section's heading alone on a row of a sheet that is no action table's ("Abbreviations" under the
  // RAG key): the rows under it are that section's lines, a table it names, not one of unknown header.
  const inActions = s.mapping?.kind === 'actions' && s.mapping.table === item.table;
  if (firstIdx === 0 && filled.length === 1 && !inActions && !item.header && isSectionHeading(first)) {
    s.section = startSection(s, first);
    s.unknownTable = { table: item.table, section: s.section };
    s.theme = undefined;
    s.mapping = undefined;
    return 1;
  }
  // A section heading written in a table's first row ("SECTION G: ACTIVITY REQUIRING SUPPORT …").
  if (firstIdx === 0 && filled.length === 1 && /^section\s+[a-z]\s*[:.\-–—]/i.test(first)) {
    s.section = startSection(s, first);
    s.theme = undefined;
    s.mapping = undefined;
    return 1;
  }
  const header = readHeaderAt(s, index, cells);
  if (header) {
    if (openSubTable(s, index, item, header.cells, header.header)) return header.rows;
    applyHeader(s, index, item, header.header, header.rows);
    return header.rows;
  }
  if (subTableRow(s, item, cells, where)) return 1;
  const m = s.mapping;
  // Second header row of a performance-indicator table: "Q1 | Q2 | Q3 | Q4" under "Target".
  if (m?.kind === 'indicators' && m.headerRowIndex === index - 1 && filled.every(isPeriodLabel)) {
    addSubHeader(m, cells, s.d.mappings.at(-1)!);
    return 1;
  }
  // A new table with a different shape and no header of its own is not the previous table; nor is one
  // whose first row names columns the importer does not know ("Forum | Role | Frequency | Chair" under
  // the actions, a sheet of the plan's governance): a table carried over a page goes on with an action.
  if (m && item.table !== m.table && (Math.abs(cells.length - m.width) > 1 || ownColumnNames(s.items, index)))
    s.mapping = undefined;
  if (!s.mapping || s.mapping.kind === 'other') {
    if (!s.unknownTable || s.unknownTable.table !== item.table) {
      const sec = s.section ?? startSection(s, sheetTitle ?? `Table: ${excerpt(first, 80)}`);
      s.unknownTable = { table: item.table, section: sec };
      if (!s.mapping) warn(s, 'unrecognised-table', 'A table with no known header was kept as text.', where);
    }
    s.unknownTable.section.lines.push(cells.filter((c) => c !== '').join(' | '));
    return 1;
  }
  const mapping = s.mapping;
  const kind = mapping.kind;
  mapping.table = item.table;
  const aside =
    kind === 'actions' && !item.header ? notAnActionRow(cells, s.inTally, item.aggregates) : undefined;
  s.inTally = aside?.section === 'Summary';
  if (aside) {
    const title = aside.section;
    const sec = s.d.sections.find((x) => x.title === title) ?? startSection(s, title);
    sec.lines.push(aside.line);
    return 1;
  }
  const note = kind === 'actions' && !item.header ? noteRow(cells) : undefined;
  if (note) {
    placeOrphan(s, note, where);
    return 1;
  }
  const group = kind === 'actions' && !item.header ? groupRowName(mapping, cells) : undefined;
  const numbered =
    kind === 'actions' && !item.header && !group
      ? numberedGroupRow(s, mapping, cells, () => refRowBelow(s.items, index, mapping))
      : undefined;
  if (group || numbered) {
    openGroup(s, (group ?? numbered)!);
    if (numbered) s.numberedGroup = s.theme;
    return 1;
  }
  if (kind === 'actions' && !item.header && outlineGroup(s, index, item, cells, mapping)) return 1;
  const own = withMergedDown(item, cells, mapping);
  const inner = kind === 'actions' ? innerTableOfTitle(own.cells, mapping) : undefined;
  const r = readRow(s, inner?.cells ?? own.cells, mapping, where, own.fills);
  if (inner) r.fields[inner.field] = joinText(r.fields[inner.field], inner.lines.join('\n'));
  if (item.milestones) r.milestones = item.milestones;
  if (kind === 'actions' && titleBulleted(item.cells, mapping)) r.bulleted = true;
  if (kind === 'actions') withdrawStruckRow(s, item, r, mapping, where);
  const parts = kind === 'actions' ? bulletedTitleRows(item.cells, r, mapping) : undefined;
  if (parts) {
    for (const part of parts) actionRow(s, part, mapping);
    s.afterRows = true;
    s.listRows = LIST_LAYOUTS.has(item.layout ?? '');
  } else if (kind === 'actions') {
    if (!outlineStep(s, index, item, r, mapping)) {
      actionRow(s, r, mapping);
      outlineRowRead(s, item, where);
    }
    s.afterRows = true;
    s.listRows = LIST_LAYOUTS.has(item.layout ?? '');
  } else if (kind !== 'other') s.d.tables[kind].push(r);
  return 1;
}
