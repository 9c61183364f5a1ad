import { cleanText } from '../cells.js';
import { normalizeHeader, readHeaderRow } from '../header-mapping.js';
import { SECTION_HEADINGS } from '../heading-words.js';
import { BULLETED_ACTIONS } from '../layouts/bulleted-actions.js';
import { PAGE_WORDS } from '../page-furniture.js';
import type { MappingOverride } from '../parsed-plan.js';
import { type SourceItem, startsTable } from '../source.js';
import { captionRows, namesAColumn } from './table-captions.js';
import { themeHeading } from './themes.js';

type Row = Extract<SourceItem, { type: 'row' }>;

/**
 * Many plans give each group its own table: a heading ("Recruitment and retention", often in Word's
 * Heading 2 style), then a table of that group's actions; or, in a workbook, one sheet per group named
 * for it ("1. Recruit", "2. Retain"). The heading or sheet name names the group. Without this the
 * headings were read as stray text under the previous action and every action fell into one group.
 *
 * A heading counts only when at least two action tables with the same header are headed so, and the
 * headings differ: a plan's title above its one table stays its title, and a line repeated above each
 * page's header (a running head) is not a group. Headings the importer already knows ("Theme 2: Pay")
 * are left to the usual rules, as are tables with a group column. Answers the items with those headings
 * as `heading` items.
 */
export function headedTables(items: SourceItem[], override?: MappingOverride): SourceItem[] {
  const byHeader = new Map<string, Lead[]>();
  for (const [i, item] of items.entries()) {
    if (item.type !== 'row' || !startsTable(items, i)) continue;
    // A list of actions read under its own group heading, with that group's sentences just above it.
    if (item.layout === BULLETED_ACTIONS) continue;
    // The header is under the table's caption, if it has one (build/table-captions.ts).
    const captions = captionRows(items, i, override);
    const head = items[i + captions] as Row;
    const header = readHeaderRow(head.cells.map(cleanText), undefined, override);
    // A table that names each action's group in a column of its own needs no heading for it.
    if (header?.kind !== 'actions' || header.columns.some((c) => c.field === 'group')) continue;
    const lead = leadOf(items, i) ?? captionLead(items, i, captions, override);
    if (!lead) continue;
    const key = JSON.stringify(head.cells.map((c) => normalizeHeader(cleanText(c))));
    byHeader.set(key, [...(byHeader.get(key) ?? []), lead]);
  }
  const chosen = new Map<number, Lead>();
  for (const leads of byHeader.values()) {
    const distinct = new Set(leads.map((l) => l.text.toLowerCase()));
    if (leads.length < 2 || distinct.size !== leads.length) continue;
    for (const l of unlabelled(leads)) chosen.set(l.at, l);
  }
  if (chosen.size === 0) return items;
  // A sheet's other lines at its top (a note, a sentence about the group) follow its heading: they are
  // the group's, never notes on the last action of the sheet before. Before any table, they stay the
  // plan's cover, and the heading stands where it is.
  const headingAt = new Map<number, Lead>();
  for (const lead of chosen.values()) {
    const from = sheetOpening(items, lead.table) ?? lead.at;
    const afterTables = items.slice(0, from).some((x) => x.type === 'row');
    headingAt.set(afterTables ? Math.min(from, lead.at) : lead.at, lead);
  }
  const out: SourceItem[] = [];
  for (const [i, item] of items.entries()) {
    const lead = headingAt.get(i);
    if (lead)
      out.push({
        type: 'heading',
        text: lead.text,
        line: item.line,
        ...(lead.label && { label: lead.label }),
      });
    // The paragraph that is the heading is read as the heading, once.
    if (!chosen.get(i)?.replaces) out.push(item);
  }
  return out;
}

interface Lead {
  /** The item the heading is: the paragraph (`replaces`), or the table's first row (a sheet's name). */
  at: number;
  text: string;
  replaces: boolean;
  /** The table's first row. */
  table: number;
  /** The heading as written, when its label is taken off ("Priority: Pay" names the group "Pay"). */
  label?: string;
}

const sheetOf = (item: SourceItem) => (item.type === 'heading' ? undefined : item.sheetRow?.sheet);

/**
 * Where the sheet that the table at `i` opens begins: the first of the lines above the table, or the
 * table itself; none when the table is not the first on its sheet, or not on a sheet.
 */
function sheetOpening(items: SourceItem[], i: number): number | undefined {
  const sheet = sheetOf(items[i]!);
  if (sheet === undefined) return undefined;
  let from = i;
  while (from > 0 && items[from - 1]!.type === 'para' && sheetOf(items[from - 1]!) === sheet) from--;
  return from > 0 && sheetOf(items[from - 1]!) === sheet ? undefined : from;
}

/**
 * Headings that all open with the same label ("Priority: Recruitment", "Priority: Wellbeing") name their
 * groups by what follows it; the label stays with each, as written (the plan's word for its groups).
 */
function unlabelled(leads: Lead[]): Lead[] {
  const parts = leads.map((l) => LABELLED.exec(l.text));
  const label = parts[0]?.[1]?.toLowerCase();
  if (!label || parts.some((p) => p?.[1]?.toLowerCase() !== label)) return leads;
  return leads.map((l, n) => ({ ...l, text: parts[n]![2]!.trim(), label: l.text }));
}

/** "Priority: Recruitment & Retention": a label of a few words, a colon, and the name. */
const LABELLED = /^(\p{L}[\p{L}'’ ]{0,30}?)\s*:\s+(\S.*)$/u;

function leadOf(items: SourceItem[], i: number): Lead | undefined {
  const prev = items[i - 1];
  const row = items[i] as Row;
  const sheet = row.sheetRow?.sheet;
  const from = sheetOpening(items, i);
  if (sheet && from !== undefined) {
    // A sheet of its own: the last heading among the lines at its top, else its name, unless Excel gave
    // it ("Sheet2"). A line naming the plan, before its first table, is its title, not a group.
    const beforeTables = !items.slice(0, from).some((x) => x.type === 'row');
    for (let k = i - 1; k >= from; k--) {
      const text = cleanText((items[k] as { text: string }).text);
      if (beforeTables && TITLE_WORDS.test(text)) continue;
      if (isHeadingLike(text)) return { at: k, text, replaces: true, table: i };
    }
    return /^sheet\s*\d*$/i.test(sheet.trim())
      ? undefined
      : { at: i, text: sheet.trim(), replaces: false, table: i };
  }
  if (prev?.type !== 'para' || sheetOf(prev) !== sheet) return undefined;
  const text = cleanText(prev.text);
  // A line naming the plan (before its first table) is its title, not a group; a numbered one ("11: Keep
  // a group to steer the plan") is a group's.
  if (TITLE_WORDS.test(text) && !/^\d/.test(text) && !items.slice(0, i - 1).some((x) => x.type === 'row'))
    return undefined;
  return isHeadingLike(text) ? { at: i - 1, text, replaces: true, table: i } : undefined;
}

/**
 * A table with no heading above it, but a caption at its top: the caption is its heading. Over the
 * plan's first table, a caption naming the plan is its title, not a group.
 */
function captionLead(
  items: SourceItem[],
  i: number,
  captions: number,
  override: MappingOverride | undefined,
): Lead | undefined {
  // Under a heading the usual rules read ("Objective 2"), the caption is that group's.
  const prev = items[i - 1];
  if (prev?.type === 'heading' || (prev?.type === 'para' && themeHeading(cleanText(prev.text))))
    return undefined;
  const beforeTables = !items.slice(0, i).some((x) => x.type === 'row');
  for (let k = i + captions - 1; k >= i; k--) {
    const text = (items[k] as Row).cells.map(cleanText).find((c) => c !== '')!;
    if ((beforeTables && TITLE_WORDS.test(text)) || namesAColumn(text, override)) continue;
    if (isHeadingLike(text)) return { at: k, text, replaces: true, table: i };
  }
  return undefined;
}

const TITLE_WORDS = /\b(?:plan|strategy|programme|20\d\d)\b/i;

/** A short line that names something, not a sentence, a page number or a section of the plan's own. */
function isHeadingLike(text: string): boolean {
  if (!text || text.length > 120 || text.split(/\s+/).length > 15) return false;
  if (/[.;,]$/.test(text) || !/\p{L}{3}/u.test(text)) return false;
  if (PAGE_WORDS.test(text)) return false;
  // A heading the importer knows ("Priority 1: Recruitment") is read by its own rule, once.
  if (themeHeading(text)) return false;
  return !SECTION_HEADINGS.some((re) => re.test(text));
}
