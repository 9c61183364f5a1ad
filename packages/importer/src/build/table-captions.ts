import { cleanText, joinText } from '../cells.js';
import { normalizeHeader, readHeaderRow } from '../header-mapping.js';
import type { MappingOverride } from '../parsed-plan.js';
import { type SourceItem, startsTable, tableRows } from '../source.js';
import type { BuildState, ThemeDraft } from './drafts.js';
import { groupRowName, numberedGroup, openGroup } from './group-rows.js';
import { joinHeaderRows } from './header-rows.js';
import { themeHeading } from './themes.js';

type Row = Extract<SourceItem, { type: 'row' }>;

/**
 * A table's caption: a row at its top of one cell, merged across the table or alone in its first
 * column, above the header row ("Theme 1: Recruitment and retention", "Outcome: managers are confident
 * leading change", "What we will do"). A reader takes it for the table's title: it names the table's
 * group, or says something about it; it is never an action, nor the header. Before, it stopped the
 * header being seen at the table's top (so a heading above the table named no group), or, under a
 * header read from the table before, it opened a group of its own.
 */

/** How a caption read as no group's name nor description is listed with the headings (finalize/coverage.ts). */
export const CAPTION = 'the table’s caption';

/** Caption rows a table may have above its header (a plan's name over a group's, say). */
const MOST = 3;

const filledCells = (row: Row) => row.cells.map(cleanText).filter((c) => c !== '');

/** How many rows at the top of the table starting at `start` are its caption: none when no action header follows. */
export function captionRows(items: readonly SourceItem[], start: number, override?: MappingOverride): number {
  const rows = tableRows(items, start, MOST + 2);
  let n = 0;
  while (n < MOST && n < rows.length - 1 && rows[n]!.cells.length > 1 && filledCells(rows[n]!).length === 1)
    n++;
  if (n === 0) return 0;
  const head = rows[n]!;
  const cells = head.cells.map(cleanText);
  const below = rows[n + 1]?.cells.map(cleanText);
  const share = head.header ? 0.5 : 0.6;
  const header =
    readHeaderRow(
      cells,
      below?.find((c) => c !== ''),
      override,
      share,
    ) ?? (below ? readHeaderRow(joinHeaderRows(cells, below), undefined, override, share) : undefined);
  if (header?.kind !== 'actions') return 0;
  // The caption stands over the table, never out in a column of its own.
  const firstColumn = cells.findIndex((c) => c !== '');
  const inFirst = rows.slice(0, n).every((r) => r.cells.findIndex((c) => cleanText(c) !== '') <= firstColumn);
  return inFirst ? n : 0;
}

/** Whether the row at `index` is one of its table's caption rows. */
export function isCaptionRow(items: readonly SourceItem[], index: number, override?: MappingOverride) {
  // Back over the rows of one cell above it, to the table's first row, if they reach it.
  let start = index;
  while (!startsTable(items, start)) {
    start--;
    if (index - start >= MOST || filledCells(items[start] as Row).length !== 1) return false;
  }
  return index - start < captionRows(items, start, override);
}

/**
 * What a caption row, or a group's row alone under the header, is read as: `taken` (it named or
 * described a group), `line` (a line above the plan's first table: its title, or the cover's), or
 * undefined, when the usual rules read it (a group's own heading, "Priority 2: Pay").
 *
 * The heading above the table names its group when it opened one (build/headed-tables.ts, or "Theme 1:
 * Pay" as a paragraph): the caption, or a table's one group row, is that group's, whatever it says. When
 * it says the same ("Theme 1: Recruitment" under "1. Recruitment") it is the heading again; otherwise
 * it describes the group. A caption over each of several tables (the plan's name) names none of them,
 * nor does a column's name ("What we will do", read as the header before).
 * With no heading above, the caption names the table's group, as a heading would: over the plan's
 * first table it is a line above it (the plan's title, when nothing else is).
 */
export function tableCaption(s: BuildState, index: number, cells: string[]): 'taken' | 'line' | undefined {
  const filled = cells.filter((c) => c !== '');
  if (filled.length !== 1) return undefined;
  const text = filled[0]!;
  const caption = isCaptionRow(s.items, index, s.override);
  if (!caption && !soleGroupRow(s, index, cells)) return undefined;
  const theme = headingGroup(s);
  const read = s.d.themes.some((t) => t.actions.length > 0);
  // A column's name labels the table; a caption over several tables names none of them, though over the
  // plan's first table, under no heading, it is still a line above it (the plan's name).
  const label = namesAColumn(text, s.override) || (repeated(s.items, text, s.override) && (theme || read));
  if (caption && label) {
    s.d.headings.push({ text, as: CAPTION });
    return 'taken';
  }
  if (theme) {
    readAgainst(s, theme, text);
    return 'taken';
  }
  if (!caption || themeHeading(text)) return undefined;
  if (!read) return 'line';
  openGroup(s, text);
  return 'taken';
}

/**
 * A caption that is a column's name as such ("What we will do", "Actions") labels the table, not its
 * group; one only like a column's name ("Theme 4: Culture change") names a group.
 */
export const namesAColumn = (text: string, override?: MappingOverride) =>
  !!readHeaderRow([text], undefined, override)?.columns.every((c) => c.confidence >= 1);

/** The group a heading above opened, while it has no actions yet. */
function headingGroup(s: BuildState): ThemeDraft | undefined {
  const t = s.theme;
  return t?.fromParagraph && t.actions.length === 0 ? t : undefined;
}

/**
 * A group's row straight under the header, the only one in its table: under a heading that opened a
 * group, it is that group's caption, written below the header rather than above it.
 */
function soleGroupRow(s: BuildState, index: number, cells: string[]): boolean {
  const m = s.mapping;
  const item = s.items[index] as Row;
  if (m?.kind !== 'actions' || !headingGroup(s) || item.header) return false;
  const header = s.items[m.headerRowIndex];
  if (header?.type !== 'row' || header.table !== item.table) return false;
  const groupLike = (c: string[]) => {
    const first = c.find((x) => x !== '');
    return !!groupRowName(m, c) || (!!first && c.indexOf(first) === 0 && !!themeHeading(first));
  };
  if (!groupLike(cells)) return false;
  const rest = tableRows(s.items, index).slice(1);
  return !rest.some((r) => groupLike(r.cells.map(cleanText)));
}

/** The caption against its heading's group: the heading again, its missing title, or its description. */
function readAgainst(s: BuildState, t: ThemeDraft, text: string) {
  const own = nameOf(text);
  if (t.needsTitle && own.title) {
    // "Objective two" over a table captioned "Skills for the future".
    t.title = own.title;
    t.needsTitle = false;
    s.d.headings.push({ text, as: `theme ${t.ref}` });
  } else if (sameGroup(t, own, text)) s.d.headings.push({ text, as: `${CAPTION}, theme ${t.ref} again` });
  else {
    t.description = joinText(t.description, text);
    s.d.headings.push({ text, as: `theme ${t.ref} description` });
  }
}

/** A group's name as written, without its number or label ("Theme 1: Pay", "1. Pay", "Priority: Pay"). */
function nameOf(text: string): { ref?: string; title: string } {
  const named = themeHeading(text) ?? numberedGroup(text);
  if (named) return named;
  const labelled = /^\p{L}[\p{L}'’ ]{0,30}?\s*:\s+(\S.*)$/u.exec(text);
  return { title: labelled ? labelled[1]! : text };
}

function sameGroup(t: ThemeDraft, own: { ref?: string; title: string }, text: string): boolean {
  const key = (x: string | undefined) => (x ? normalizeHeader(x) : '');
  if (!own.title) return own.ref === t.ref;
  const names = [t.title, t.label, t.label && nameOf(t.label).title].map(key).filter(Boolean);
  return names.includes(key(own.title)) || names.includes(key(text));
}

const captionCounts = new WeakMap<readonly SourceItem[], Map<string, number>>();

/** Whether the same caption tops two tables or more. */
function repeated(items: readonly SourceItem[], text: string, override?: MappingOverride): boolean {
  let counts = captionCounts.get(items);
  if (!counts) {
    counts = new Map();
    for (let i = 0; i < items.length; i++) {
      if (items[i]!.type !== 'row' || !startsTable(items, i)) continue;
      for (const row of tableRows(items, i, MOST).slice(0, captionRows(items, i, override))) {
        const key = normalizeHeader(filledCells(row)[0]!);
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
    }
    captionCounts.set(items, counts);
  }
  return (counts.get(normalizeHeader(text)) ?? 0) > 1;
}
