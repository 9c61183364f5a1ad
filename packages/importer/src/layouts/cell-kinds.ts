import { parseTimescale } from '@peopleplan/timescale';
import { ROLE_WORDS } from './role-words.js';

/**
 * What a cell of a table reads as, judged from its text alone: a date or timescale, a lead (a person,
 * a role, a team, initials), a reference number, a priority word, or free text. Layout rules use this
 * to find where the cells of a row are when the document lost its table lines.
 */
export type CellKind = 'date' | 'lead' | 'ref' | 'priority' | 'text';

/** Timescale kinds that are a real reading of a deadline (an event or nothing found are not). */
const DATE_KINDS = new Set(['date', 'range', 'ongoing', 'completed', 'tbc', 'recurring', 'relative']);

export const DATE_WORDS =
  /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|\b(?:19|20)\d\d\b|\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b|\bmonths?\b|\bq[1-4]\b/i;

/** True when the whole cell is a deadline or timescale as councils write them ("Sept 02", "31 August (annually)"). */
export function isDateCell(text: string): boolean {
  const t = text.trim();
  if (t === '' || t.length > 80 || t.split(/\s+/).length > 10) return false;
  const parsed = parseTimescale(t);
  // "30 September" with no year is still a date in a cell, though it needs the plan's period to place.
  if (parsed.kind === 'unparsed')
    return (
      DATE_WORDS.test(t) &&
      /has no year|counts from the plan|could mean|several dates/.test(parsed.note ?? '')
    );
  if (!DATE_KINDS.has(parsed.kind)) return false;
  // Recurring and relative forms explain themselves in the note ("'30 September' each time …"), and a
  // second deadline is named there ("also …"); otherwise a long note means the date is incidental.
  // …but only where the words are a deadline's: "Section 75 Annual" is a report's name. A text the
  // reader read whole, no word left over in its note ("Six-monthly", "Twice yearly"), is one.
  const timeWords =
    DATE_WORDS.test(t) ||
    /^(?:annually|quarterly|monthly|bi-?\w+ly|every|each|within|by|over|next|ongoing)\b/i.test(t);
  if (parsed.kind === 'recurring' || parsed.kind === 'relative') return timeWords || !parsed.note;
  // A second deadline ("also …"), or a note explaining how the whole text was read ('"mid-2023": …').
  if (parsed.note?.startsWith('also ') || parsed.note?.startsWith(`"${t}"`)) return true;
  return !parsed.note || parsed.note.length <= Math.max(24, t.length * 0.6);
}

/** A reference: "1", "1.2", "A12.", "E1.1", "G01.01", "SPP/A057", "2 (iii)", "85.6". */
export const REF =
  /^(?:[A-Z]{0,4}\d{1,3}(?:[./]\d{1,3}){0,3}[a-z]?\.?|[A-Z]{2,4}\/[A-Z]?\d{1,4}|\d{1,3}\s*\([ivx]{1,5}\)|[A-Z]\.?)$/;
export const isRefCell = (text: string) => REF.test(text.trim());

export const isPriorityCell = (text: string) =>
  /^(?:high|medium|low|h|m|l|critical)(?:\s+(?:high\s*medium\s*low|highmediumlow))?$/i.test(text.trim());

const INITIALS = /^(?:[A-Z][A-Za-z]?[A-Z]{1,3}|[A-Z]{2,5})(?:-[A-Z]{1,4})?$/;
const NAME_WORD = /^(?:[A-Z][a-z'’]+(?:-[A-Z][a-z'’]+)?|[A-Z]\.?|Mc[A-Z][a-z]+|O'[A-Z][a-z]+)$/;
const JOINERS = new Set(['of', 'and', '&', 'for', 'the', 'to', 'in', '-', '–', '/', 'with']);

/** One person, role, team or initials: "Policy Officer", "Angela Woodhouse", "HR/OD Manager", "MW". */
export function isLeadLabel(label: string, known: ReadonlySet<string> = EMPTY): boolean {
  const t = label.trim().replace(/[,;]$/, '');
  if (t === '' || t.length > 70) return false;
  if (known.has(t.toLowerCase())) return true;
  if (/[.!?:]$/.test(t) && !/\b[A-Z]\.$/.test(t)) return false;
  const words = t.split(/\s+/);
  if (words.length > 8 || words.every((w) => JOINERS.has(w.toLowerCase()))) return false;
  if (words.every((w) => INITIALS.test(w.replace(/[(),]/g, '')) || JOINERS.has(w.toLowerCase()))) return true;
  if (words.some((w) => ROLE_WORDS.has(w.toLowerCase().replace(/[^a-z-]/g, '')))) {
    // Roles are Title Case or acronyms: "Head of HR", not "the team will meet".
    return words.every((w) => /^[A-Z0-9&(/'’"-]/.test(w) || JOINERS.has(w.toLowerCase()));
  }
  // A person's name: two to four capitalised words, none of them a common noun's ending ("Screening Reports").
  return (
    words.length >= 2 && words.length <= 4 && words.every((w) => NAME_WORD.test(w) && !NOUN_ENDING.test(w))
  );
}

const EMPTY: ReadonlySet<string> = new Set();
const NOUN_ENDING =
  /^\w{4,}(?:ing|ment|tion|sion|ies|ness|ity|ance|ence|ship|ise|ize|ary|ory|ics|ure|ate|als|ers|ts|es)$/i;

/** A lead cell: one label, or several separated by "/", ",", " and ", line breaks. */
export function isLeadCell(text: string, known: ReadonlySet<string> = EMPTY): boolean {
  const t = text.trim();
  if (t === '' || t.length > 160 || isDateCell(t)) return false;
  if (isLeadLabel(t, known)) return true;
  const parts = t.split(/\s*(?:\n|\/|,|;|\band\b|&)\s*/).filter((p) => p !== '');
  return parts.length > 1 && parts.every((p) => isLeadLabel(p, known));
}

export function cellKind(text: string, known?: ReadonlySet<string>): CellKind {
  const t = text.trim();
  if (isRefCell(t)) return 'ref';
  if (isPriorityCell(t)) return 'priority';
  if (isDateCell(t)) return 'date';
  if (isLeadCell(t, known)) return 'lead';
  return 'text';
}
