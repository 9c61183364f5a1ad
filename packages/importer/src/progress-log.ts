import { parseTimescale } from '@peopleplan/timescale';

/** One entry of a progress cell: its words as written, and the day it is dated (yyyy-mm-dd). */
export interface ProgressEntry {
  date?: string;
  text: string;
}

const MONTH =
  '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
/** "12/05/26", "12.05.2026", "12 May 2026", "12th May 26", "May 2026". */
const DATE = `(?:\\d{1,2}[/.]\\d{1,2}[/.](?:\\d{4}|\\d{2})|(?:\\d{1,2}(?:st|nd|rd|th)?\\s+)?${MONTH}\\.?\\s+(?:\\d{4}|'?\\d{2}))`;
/**
 * Where a dated entry may start: at the cell's or a line's start (after a bullet or dash, or in brackets
 * after the writer's initials: "[JS 20/05/26] 2 cohorts booked"), or after a sentence or a semicolon when
 * a colon or dash follows the date. A date inside a sentence ("recruited by 01/07/26") is part of its
 * entry's words.
 */
const ENTRY = new RegExp(
  `(?:^|\\n)[ \\t]*(?:[•*\\-–—][ \\t]*)?(?:\\[(?:[A-Za-z]{1,4}[ \\t]+)?)?(${DATE})\\b(?=[ \\t]*(?:\\]|[:–—-]|\\n|$)|[ \\t]+\\S)|` +
    `(?<=[;.][ \\t]+)(${DATE})\\b(?=[ \\t]*[:–—-])`,
  'gi',
);

/**
 * An entry a quarter's column wrote ("Q1 update: …", "Quarter 2: …", build/action-rows.ts labels them
 * so): dated at the quarter's end, in the plan's year, when the plan's period is known.
 */
const QUARTER_ENTRY = /(?:^|\n)[ \t]*((?:q|quarter[ \t]*)[1-4])\b[^:\n]{0,25}:/gi;

/**
 * A progress cell as dated entries, oldest first: a cell holding a log ("12/05/26 – recruited 3 posts;
 * 01/07/26 – on hold", or one per line "May 2026: …") is split at each date that opens an entry, UK
 * day first (the timescale package reads it; a month alone is its first day). Words before the first
 * date stay with the first entry. A date after `today` opens no entry (a plan's next step, not its
 * history): its words stay with the entry before. A cell with no dated entry is one undated entry.
 */
export function progressEntries(
  cell: string,
  today: string,
  period?: { start?: string; end?: string },
): ProgressEntry[] {
  const text = cell.replace(/\r\n?/g, '\n').trim();
  const starts: { at: number; date: string }[] = [];
  for (const m of text.matchAll(ENTRY)) {
    const token = (m[1] ?? m[2])!;
    const date = dayOf(token, period);
    if (!date || date > today) continue;
    // The entry opens where its line's words do: a bullet, or the bracket before the writer's initials.
    starts.push({ at: m.index! + m[0].length - m[0].trimStart().length, date });
  }
  if (period?.start)
    for (const m of text.matchAll(QUARTER_ENTRY)) {
      const t = parseTimescale(m[1]!, { period });
      if (t.kind !== 'date' || t.precision !== 'quarter' || !t.due || t.due > today) continue;
      starts.push({ at: m.index! + m[0].length - m[0].trimStart().length, date: t.due });
    }
  starts.sort((a, b) => a.at - b.at);
  if (starts.length === 0) return [{ text: cell }];
  const entries = starts.map((s, i) => ({
    date: s.date,
    text: text
      .slice(i === 0 ? 0 : s.at, starts[i + 1]?.at ?? text.length)
      .trim()
      .replace(/^(?:[•*][ \t]*|[-–—][ \t]+)/, '')
      // The separator between entries ("; ", a bullet on the next line) is not the entry's.
      .replace(/[\s;,•*]+$/, '')
      .replace(/\n[ \t]*[•*\-–—]$/, ''),
  }));
  // Oldest first; entries of one day keep the cell's order.
  return entries
    .map((e, i) => ({ ...e, i }))
    .sort((a, b) => a.date.localeCompare(b.date) || a.i - b.i)
    .map(({ i: _i, ...e }) => e);
}

/** The day a date token names, read as a deadline is (a month alone: its first day). */
function dayOf(token: string, period?: { start?: string; end?: string }): string | undefined {
  const t = parseTimescale(token, period ? { period } : {});
  if (t.kind !== 'date' || !t.due) return undefined;
  if (t.precision === 'day') return t.due;
  if (t.precision === 'month') return `${t.due.slice(0, 7)}-01`;
  return undefined;
}
