import { cleanText } from '../cells.js';
import type { SourceItem } from '../source.js';
import { themeHeading } from './themes.js';

/**
 * A workbook often opens each of its sheets with the same banner: the plan's name at the top of every
 * tab ("Workforce Strategy Delivery Plan 2026–2029"), above the sheet's own heading and table. Read as
 * any paragraph, each copy after the first table became a note on the previous sheet's last action.
 *
 * A line at the top of two sheets or more, above their tables, is the workbook's banner: it is read
 * once, where it comes before any table (the plan's title), and its other copies are left out. A line
 * at the top of one sheet only is that sheet's own, and stays; so does a group's heading ("Objective 1:
 * Pay") that two sheets share.
 */
export function sheetBanners(items: readonly SourceItem[]): SourceItem[] {
  const opening = new Map<string, Set<string>>();
  const seen = new Set<string>();
  for (const item of items) {
    const sheet = item.type === 'heading' ? undefined : item.sheetRow?.sheet;
    if (sheet === undefined || seen.has(sheet)) continue;
    seen.add(sheet);
    // A group's own heading ("Objective 1: Pay") on two sheets is that group's, read as such.
    if (item.type !== 'para' || themeHeading(cleanText(item.text))) continue;
    const key = keyOf(item.text);
    opening.set(key, (opening.get(key) ?? new Set()).add(sheet));
  }
  const banners = new Set([...opening].filter(([, sheets]) => sheets.size >= 2).map(([key]) => key));
  if (banners.size === 0) return [...items];
  let sawRow = false;
  const kept = new Set<string>();
  return items.filter((item) => {
    if (item.type === 'row') sawRow = true;
    if (item.type !== 'para' || !item.sheetRow) return true;
    const key = keyOf(item.text);
    if (!banners.has(key)) return true;
    // Once, before any table: the plan's title, as a cover gives it.
    if (sawRow || kept.has(key)) return false;
    kept.add(key);
    return true;
  });
}

const keyOf = (text: string) => cleanText(text).toLowerCase();
