import { excerpt } from '../cells.js';
import { type ActionDraft, type BuildState, warn } from './drafts.js';

/**
 * Footnotes to an action table: a marker at the end of a cell ("…using the levy[1]", "levy¹", "levy*")
 * and its note after the table ("[1] Subject to Cabinet approval", "¹ …", "* …"). The note goes with
 * the action whose cell has the marker, in its unplaced text (the notes kept with an action), and the
 * marker comes off the cell. A note whose marker no action has stays where it was (with the action
 * above); a marker with no note stays too, as written.
 */

const SUPERSCRIPTS = '⁰¹²³⁴⁵⁶⁷⁸⁹';
/** A marker: "[1]", "¹", "*", "**", "†", "‡". */
const MARK = String.raw`\[\d{1,2}\]|[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,2}|\*{1,3}|[†‡]`;
/** A marker closing a cell's line, after a word or a full stop ("levy[1]", "levy [1]", "approval.*"). */
const CELL_MARK = new RegExp(String.raw`(?<=[\p{L}\p{N}.)"'’])\s?(${MARK})$`, 'u');
/** A note opening with its marker, then words: "[1] Subject to…", "¹Subject to…", "* Subject to…". */
const NOTE_LINE = new RegExp(String.raw`^(${MARK})\s*(\S.*\p{L}{2}.*)$`, 'su');

/** The same marker however it is written: "[1]" and "¹" are both 1. */
function markKey(mark: string): string {
  const n = /^\[(\d+)\]$/.exec(mark)?.[1];
  if (n) return String(Number(n));
  if (/^[⁰¹²³⁴⁵⁶⁷⁸⁹]+$/u.test(mark))
    return String(Number([...mark].map((c) => SUPERSCRIPTS.indexOf(c)).join('')));
  return mark;
}

/** A line that is a footnote: its marker and its text; undefined for any other line. */
export function footnoteLine(text: string): { mark: string; note: string } | undefined {
  const m = NOTE_LINE.exec(text.trim());
  return m ? { mark: markKey(m[1]!), note: m[2]!.trim() } : undefined;
}

/** Takes `mark` off the end of the lines of `cell` that close with it; undefined when none does. */
function withoutMark(cell: string, mark: string): string | undefined {
  let found = false;
  const lines = cell.split('\n').map((line) => {
    const m = CELL_MARK.exec(line.trimEnd());
    if (!m || markKey(m[1]!) !== mark) return line;
    found = true;
    return line.trimEnd().slice(0, m.index).trimEnd();
  });
  return found ? lines.join('\n') : undefined;
}

/** Takes the marker off every cell of `a` that has it; says whether one did. */
function unmark(a: ActionDraft, mark: string): boolean {
  let found = false;
  for (const [field, cell] of Object.entries(a.fields)) {
    const rest = cell === undefined ? undefined : withoutMark(cell, mark);
    if (rest === undefined) continue;
    a.fields[field as keyof ActionDraft['fields']] = rest;
    found = true;
  }
  for (const x of a.extra) {
    const rest = withoutMark(x.text, mark);
    if (rest === undefined) continue;
    x.text = rest;
    found = true;
  }
  return found;
}

function* everyAction(s: BuildState): Generator<ActionDraft> {
  const walk = function* (a: ActionDraft): Generator<ActionDraft> {
    yield a;
    for (const sub of a.subActions) yield* walk(sub);
  };
  for (const t of s.d.themes) for (const a of t.actions) yield* walk(a);
}

/**
 * Places `text` with the actions whose cells carry its marker, when it is a footnote and any does; says
 * whether it did. Every such action gets the note (one "*" may mark several), and loses the marker, so
 * a later table that numbers its notes from [1] again is matched with its own.
 */
export function placeFootnote(s: BuildState, text: string, where: string): boolean {
  const line = footnoteLine(text);
  if (!line) return false;
  const marked = [...everyAction(s)].filter((a) => unmark(a, line.mark));
  if (marked.length === 0) return false;
  for (const a of marked) a.unplaced.push(line.note);
  const named = marked.map((a) => (a.ref ? `action ${a.ref}` : `"${excerpt(a.fields.title ?? '', 40)}"`));
  warn(
    s,
    'footnote',
    `A footnote was kept with ${named.join(', ')}, whose text marks it: "${excerpt(line.note)}"`,
    where,
  );
  return true;
}
