import { cleanText } from '../cells.js';
import { normalizeHeader, readHeaderRow } from '../header-mapping.js';
import { SECTION_HEADINGS } from '../heading-words.js';
import { BULLETED_ACTIONS } from '../layouts/bulleted-actions.js';
import { PAGE_WORDS } from '../page-furniture.js';
import type { MappingOverride } from '../parsed-plan.js';
import { type SourceItem, startsTable } from '../source.js';
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
    const header = readHeaderRow(item.cells.map(cleanText), undefined, override);
    // A table that names each action's group in a column of its own needs no heading for it.
    if (header?.kind !== 'actions' || header.columns.some((c) => c.field === 'group')) continue;
    const lead = leadOf(items, i);
    if (!lead) continue;
    const key = JSON.stringify(item.cells.map((c) => normalizeHeader(cleanText(c))));
    byHeader.set(key, [...(byHeader.get(key) ?? []), lead]);
  }
  const chosen = new Map<number, Lead>();
  for (const leads of byHeader.values()) {
    const distinct = new Set(leads.map((l) => l.text.toLowerCase()));
    if (leads.length >= 2 && distinct.size === leads.length) for (const l of leads) chosen.set(l.at, l);
  }
  if (chosen.size === 0) return items;
  const out: SourceItem[] = [];
  for (const [i, item] of items.entries()) {
    const lead = chosen.get(i);
    if (lead?.replaces) out.push({ type: 'heading', text: lead.text, line: item.line });
    else {
      if (lead) out.push({ type: 'heading', text: lead.text, line: item.line });
      out.push(item);
    }
  }
  return out;
}

interface Lead {
  /** The item the heading is: the paragraph (`replaces`), or the table's first row (a sheet's name). */
  at: number;
  text: string;
  replaces: boolean;
}

const sheetOf = (item: SourceItem) => (item.type === 'heading' ? undefined : item.sheetRow?.sheet);

function leadOf(items: SourceItem[], i: number): Lead | undefined {
  const prev = items[i - 1];
  const row = items[i] as Row;
  if (prev?.type === 'para' && sheetOf(prev) === sheetOf(row)) {
    const text = cleanText(prev.text);
    // A line naming the plan (before its first table) is its title, not a group.
    if (TITLE_WORDS.test(text) && !items.slice(0, i - 1).some((x) => x.type === 'row')) return undefined;
    return isHeadingLike(text) ? { at: i - 1, text, replaces: true } : undefined;
  }
  // A sheet of its own, with no title row: its name is the heading, unless Excel gave it ("Sheet2").
  const sheet = row.sheetRow?.sheet;
  if (sheet && (!prev || sheetOf(prev) !== sheet) && !/^sheet\s*\d*$/i.test(sheet.trim())) {
    return { at: i, text: sheet.trim(), replaces: false };
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
