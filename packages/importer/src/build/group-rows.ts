import { isDocumentControl } from '../document-control.js';
import type { ActiveMapping, BuildState } from './drafts.js';
import { footnoteLine } from './footnotes.js';
import { findTheme, NUMBER_WORDS, nextThemeRef, startTheme } from './themes.js';

/**
 * A row of an action table that holds only a group's name, written in its first column and often
 * merged across the table ("Ambition 1 – A great place to work", "Cross-cutting: digital skills",
 * "Recruitment"): the group the actions below belong to. Only the first column counts, and only when
 * that column is not the actions' own titles, nor a ref: a title alone on a row is an action, a short
 * code is a ref, and text alone in a later column is a cell carried over a page break.
 */
export function groupRowName(m: ActiveMapping, cells: string[]): string | undefined {
  const filled = cells.map((c, i) => ({ c: c.trim(), i })).filter((x) => x.c !== '');
  if (filled.length !== 1) return undefined;
  const [{ c: text, i }] = filled as [{ c: string; i: number }];
  const firstColumn = Math.min(...m.columns.filter((c) => c.field !== 'ignore').map((c) => c.index), i);
  if (i !== firstColumn && i !== 0) return undefined;
  const field = m.columns.find((c) => c.index === i)?.field;
  if (field && field !== 'ref' && field !== 'ignore' && field !== 'group') return undefined;
  return groupNameText(text) ? text : undefined;
}

/**
 * A row of only a number and a name ("1. | Attract and recruit the people we need", the name merged
 * across the rest of the table, the number typed or Word's own), whose next row is numbered under it
 * ("1.1"): the heading of group 1, as a heading so numbered is, never an action holding the rows under
 * it as sub-actions. Under a group a heading or a priority's row opened, such a row is an objective
 * of that group, an action with its sub-actions still. `below` is the table's next row with a ref.
 */
export function numberedGroupRow(
  s: BuildState,
  m: ActiveMapping,
  cells: string[],
  below: () => string[] | undefined,
) {
  if (s.theme && s.theme.ref !== '' && s.theme !== s.numberedGroup) return undefined;
  const filled = cells.map((c, i) => ({ c: c.trim(), i })).filter((x) => x.c !== '');
  if (filled.length !== 2) return undefined;
  const [num, name] = filled as [{ c: string; i: number }, { c: string; i: number }];
  const field = (i: number) => m.columns.find((c) => c.index === i)?.field;
  const ref = /^(\d{1,2})\.?$/.exec(num.c)?.[1];
  if (!ref || field(num.i) !== 'ref' || field(name.i) !== 'title' || !groupNameText(name.c)) return undefined;
  const next = below()?.[num.i]?.trim() ?? '';
  return new RegExp(`^${ref}\\.\\d`).test(next) ? `${ref}. ${name.c}` : undefined;
}

/**
 * Text that can name a group: words, not a ref ("1.2"), a sentence (ending "." or ","), nor a note under
 * an action ("Note: the scheme depends on levy funding", "See also 2.3").
 */
export function groupNameText(text: string): boolean {
  if (REF_LIKE.test(text) || text.length > 150 || !/\p{L}{3}/u.test(text) || /[.;,]$/.test(text))
    return false;
  return !(NOTE.test(text) || footnoteLine(text) || isDocumentControl(text));
}

const NOTE = /^(?:notes?|nb|n\.b\.|please\s+note|footnote|see(?:\s+also)?|\*)\b/i;

/**
 * A note alone on a row ("Note: the scheme depends on levy funding", a footnote "[1] Subject to…"): it
 * belongs with the action above, or a footnote with the action it marks (build/footnotes.ts). So does a
 * line of the document's own keeping on a row of its own at the table's foot ("Approved by Cabinet on 12
 * March 2026", "Document owner: …"): never a group, it goes to the plan's document control
 * (document-control.ts, placed by build/action-rows.ts).
 */
export function noteRow(cells: string[]): string | undefined {
  const filled = cells.map((c) => c.trim()).filter((c) => c !== '');
  const text = filled.length === 1 ? filled[0]! : undefined;
  return text && (NOTE.test(text) || footnoteLine(text) || isDocumentControl(text)) ? text : undefined;
}

/** Codes a ref column holds: 3, 1.2, 1.1a, CV1, HR-3, A, (ii). */
const REF_LIKE = /^\(?(?:[A-Za-z]{0,4}[-\s]?\d{1,4}(?:\.\d{1,3}){0,3}[a-z]?|[A-Za-z]|[ivxIVX]{1,5})[.)]?$/;

/**
 * A group name written with its own word and number ("Ambition 1 – A great place to work", "Workstream
 * two: Pay"): the number is the group's ref and the word is what the plan calls its groups.
 */
export function numberedGroup(text: string): { ref: string; title: string } | undefined {
  const m = /^(\p{L}+(?:[ -]\p{L}+){0,2})\s+(\d{1,2}|[a-z]+)\s*[:.\-–—]\s*(.+)$/iu.exec(text);
  // "4. Health, safety and wellbeing": numbered as a heading is, the number no part of the name.
  const bare = m ? undefined : /^(\d{1,2})[.)]\s+(\p{L}.*)$/u.exec(text);
  if (bare) return { ref: bare[1]!, title: bare[2]!.trim() };
  if (!m) return undefined;
  const n = m[2]!.toLowerCase();
  const ref = /^\d+$/.test(n) ? n : NUMBER_WORDS[n];
  return ref ? { ref, title: m[3]!.trim() } : undefined;
}

/** Opens the group a row names ("Ambition 1 – A great place to work", "4. Wellbeing", "Recruitment"). */
export function openGroup(s: BuildState, text: string) {
  const numbered = numberedGroup(text);
  const ref = numbered && !findTheme(s, numbered.ref) ? numbered.ref : nextThemeRef(s);
  s.theme = startTheme(s, ref, numbered?.title ?? text, text, false);
  s.d.headings.push({ text, as: `theme ${ref}` });
  s.lastAction = s.lastItem = undefined;
  s.afterRows = false;
}
