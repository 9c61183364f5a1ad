import { parseTimescale } from '@peopleplan/timescale';
import { isBoilerplate } from '../finalize/boilerplate.js';
import { MEASURE_HEADINGS, SECTION_HEADINGS, THEME_PATTERNS } from '../heading-words.js';
import type { SourceItem } from '../source.js';
import { isDateCell, isLeadCell } from './cell-kinds.js';
import { columnBlocks } from './column-blocks.js';
import { isDelimitedHeader } from './delimited-table.js';
import { fieldLine, namedColumns, readItemLines } from './field-lines.js';
import { gluedCells } from './glued-cells.js';
import { inlineFields } from './inline-fields.js';
import { isBlank, type Line } from './lines.js';
import { isWrappedText } from './pdf-columns.js';
import { type LayoutRule, row } from './rule.js';

/**
 * Numbered and labelled lists: "1. Adoption of …", "A12. Report …", "E1.1 There will be …",
 * "G01.01 Re-badge …", "2 (iii) …", "Milestone 1 – …", "Recommendation 3: …". Each item runs to the
 * next item; its other lines are read as its lead (a name or role alone on a line), its deadline (a
 * date alone on a line, or "by April 2023" in its text) and its description. An item followed at once
 * by a first child ("1. Addressing racism" then "1. Adoption …", or "G01" then "G01.01") is a heading.
 */
const LABEL =
  '(?:milestone|recommendation|action|objective|goal|outcome|target|priority|measure|commitment|step|task|area for improvement)';
const ITEM = new RegExp(
  `^\\s*(?:(?<label>${LABEL})\\s+)?(?<ref>[A-Z]{0,3}\\d{1,3}(?:\\.\\d{1,3}){0,3}|\\d{1,3}\\s*\\([ivx]{1,5}\\))(?:[.):]|\\s*[–—-])?\\s+(?<text>\\S.*)$`,
  'i',
);

interface Item {
  at: number;
  /** The line the text is on, when the ref stands alone on the line before. */
  textLine?: number;
  label?: string;
  ref: string;
  text: string;
}

/** A ref alone on its line ("E1.2"), its text on the next: only refs that cannot be page numbers. */
const BARE_REF = /^\s*(?<ref>[A-Z]{1,3}\d{1,3}(?:\.\d{1,3}){0,3}|\d{1,3}(?:\.\d{1,3}){1,3})\s*$/;

function itemAt(lines: Line[], j: number): Item | undefined {
  const l = lines[j];
  const bare = l && BARE_REF.exec(l.text);
  if (bare?.groups) {
    const k = lines.findIndex((x, n) => n > j && !isBlank(x));
    const text = k > 0 && k - j <= 3 ? lines[k]!.text.trim() : '';
    if (text && !ITEM.test(lines[k]!.text) && !BARE_REF.test(text))
      return { at: j, ref: bare.groups.ref!, text, textLine: k };
  }
  const m = l && ITEM.exec(l.text);
  if (!m?.groups) return undefined;
  const { label, ref, text } = m.groups;
  // "2004-05 …" and "10.05.2023 …" are dates, "12 months …" a length of time, "1 April 2017" a day, not refs.
  if (
    isDateCell(l!.text) ||
    /^\d{4}$/.test(ref!) ||
    /^\s*(?:[-–/]\d|%|months?|years?|weeks?|days?)/i.test(text!)
  )
    return undefined;
  if (!label && /^[a-z]/.test(text!)) return undefined;
  // "Q1 …" is a quarter; "1. Executive Summary" a section of a report, not an item of a list.
  if (/^Q[1-4]$/i.test(ref!) || SECTION_HEADINGS.some((re) => re.test(`${ref}. ${text!.trim()}`)))
    return undefined;
  return {
    at: j,
    ...(label ? { label: label.toLowerCase() } : {}),
    ref: ref!.replace(/\s+/g, ''),
    text: text!.trim(),
  };
}

const family = (it: Item) => `${it.label ?? ''}|${it.ref.replace(/\d+/g, '9').replace(/\([ivx]+\)/, '(i)')}`;
const depth = (ref: string) => ref.split('.').length;

/** "G01" then "G01.01", or a plain number followed at once by a list restarting at "1": a heading. */
function isParentOf(a: Item, b: Item): boolean {
  if (b.ref.startsWith(`${a.ref}.`) && depth(b.ref) === depth(a.ref) + 1) return true;
  return !a.label && !b.label && /^\d+$/.test(a.ref) && b.ref === '1';
}

const BY_DATE = /\bby\s+((?:the\s+)?(?:end\s+of\s+|mid-?\s*|early\s+|late\s+)?[\w/-]+(?:\s+[\w/-]+){0,3})/gi;

/** "by April 2023 agencies have …": the deadline written inside an item's text. */
export function embeddedDeadline(text: string): string | undefined {
  for (const m of text.matchAll(BY_DATE)) {
    const words = m[1]!.split(/\s+/);
    let loose: string | undefined;
    for (let n = words.length; n > 0; n--) {
      const phrase = words
        .slice(0, n)
        .join(' ')
        .replace(/[.,;:]$/, '');
      if (!isDateCell(phrase) || !/\d/.test(phrase)) continue;
      // The longest phrase that is all date ("April 2026"), not one with the sentence's next words.
      if (!parseTimescale(phrase).note) return `by ${phrase}`;
      loose ??= phrase;
    }
    if (loose) return `by ${loose}`;
  }
  return undefined;
}

export const numberedList: LayoutRule = {
  name: 'numbered-list',
  read(lines, i, ctx) {
    const first = itemAt(lines, i);
    if (!first) return undefined;
    // Find the list's items: lines of the same family (or its children) from here on.
    const items: Item[] = [];
    for (let j = i; j < lines.length; j++) {
      const it = itemAt(lines, j);
      if (!it) continue;
      if (family(it) === family(first) || items.some((x) => it.ref.startsWith(`${x.ref}.`))) items.push(it);
      if (it.textLine) j = it.textLine;
    }
    if (items.length < 2 && !first.label) return undefined;
    // Numbered paragraphs of a report's narrative are long prose; a list's items are short.
    const prose = items.filter((x) => x.text.length > 250).length;
    if (prose * 2 > items.length) return undefined;
    // Between the items, a PDF's columns wrapped line by line: not a list's bodies.
    const between = lines
      .slice(i + 1, items.at(-1)!.at)
      .filter((l) => !isBlank(l) && !itemAt(lines, lines.indexOf(l)));
    if (isWrappedText(between.map((l) => l.text))) return undefined;
    // Items each over a table of their own ("11: Keep a working group" over "| Deliverable | Timeline |"):
    // the tables' rows are the actions, the items their headings.
    const last = items.at(-1)!;
    for (let k = i + 1; k < findEnd(lines, (last.textLine ?? last.at) + 1); k++) {
      const l = lines[k]!;
      if (
        !isBlank(l) &&
        (isDelimitedHeader(l.text) || gluedCells.read(lines, k, ctx) || columnBlocks.read(lines, k, ctx))
      )
        return undefined;
    }
    const groups: Group[] = [{ paras: [], rows: [] }];
    const group = () => groups.at(-1)!;
    const lineOf = (j: number) => ({
      type: 'para' as const,
      text: lines[j]!.text.trim(),
      line: lines[j]!.line,
    });
    /** The item's own lines after its text, up to `stop`. */
    const bodyOf = (it: Item, stop: number) =>
      lines.slice((it.textLine ?? it.at) + 1, stop).flatMap((l, n) => (isBlank(l) ? [] : [n]));
    let measures: string | undefined;
    let end = lines.length;
    for (let k = 0; k < items.length; k++) {
      const it = items[k]!;
      const next = items[k + 1];
      const from = (it.textLine ?? it.at) + 1;
      const stop = Math.min(next?.at ?? lines.length, findEnd(lines, from));
      // "4. How we will know we have succeeded" and the lines (or items) under it: the group's
      // description, never actions (as bulleted-actions.ts keeps such a list).
      if (measures && it.ref.startsWith(`${measures}.`)) {
        group().paras.push(lineOf(it.at), ...bodyOf(it, stop).map((n) => lineOf(from + n)));
      } else if (isMeasuresHeading(it.text)) {
        measures = it.ref;
        const heading = { type: 'para' as const, text: it.text, line: lines[it.at]!.line };
        group().paras.push(heading, ...bodyOf(it, stop).map((n) => lineOf(from + n)));
      } else if (next && isParentOf(it, next) && (next.at - it.at <= 3 || lines[it.at]!.heading)) {
        measures = undefined;
        // A group's heading: its sentences before its first item are its description.
        const intro = lines.slice(from, next.at).flatMap((l, n) => (isBlank(l) ? [] : [lineOf(from + n)]));
        groups.push({
          heading: { type: 'heading', text: `${it.ref}. ${it.text}`, line: lines[it.at]!.line },
          paras: intro,
          rows: [],
        });
        continue;
      } else {
        const read = readItem(lines, it, from, stop, ctx.known);
        group().rows.push({ cells: read.cells, line: lines[it.at]!.line });
        if (read.end !== undefined && (!next || stop < next.at)) {
          // The last item ends at its blank line (an email's sign-off follows), else where the list does.
          end = !next ? read.end : stop;
          break;
        }
      }
      // A heading or the page's own text after an item ends the list there.
      if (!next || stop < next.at) {
        end = stop;
        break;
      }
    }
    return { items: listItems(groups, lines[i]!.line), next: end };
  },
};

/** "How we will know we have succeeded", "Measures of success": a heading, not an action that says so. */
const isMeasuresHeading = (t: string) =>
  t.split(/\s+/).length <= 10 && !/[.;,!?]$/.test(t) && MEASURE_HEADINGS.some((re) => re.test(t));

interface Cells {
  ref: string;
  title: string;
  description: string;
  lead: string;
  due: string;
  named: { label: string; value: string }[];
}

interface Group {
  heading?: SourceItem;
  paras: SourceItem[];
  rows: { cells: Cells; line: number }[];
}

/**
 * One item's cells. "Launch the website – Lead: Head of HR – by March 2026", wrapped over lines as an
 * email wraps it, runs to its first blank line (`end`, when its fields are read so); otherwise its
 * lines are its lead, deadline and description, each labelled or not (field-lines.ts).
 */
function readItem(
  lines: Line[],
  it: Item,
  from: number,
  stop: number,
  known: ReadonlySet<string>,
): { cells: Cells; end?: number } {
  const blank = lines.findIndex((l, n) => n >= from && n < stop && isBlank(l));
  const to = blank < 0 ? stop : blank;
  // A labelled line ("Lead: Head of HR") is a field of its own, not more of the item's text, unless
  // the line before left its part open ("… 20 students a year –" / "Lead: … – by September 2026").
  const open = (j: number) => /[–—:;,-]\s*$/.test(j < from ? it.text : lines[j]!.text);
  let wrapEnd = from;
  while (wrapEnd < to && (open(wrapEnd - 1) || !fieldLine(lines[wrapEnd]!.text, known))) wrapEnd++;
  const wrapped = lines.slice(from, wrapEnd).map((l) => l.text.trim());
  const inline = inlineFields([it.text, ...wrapped].join(' '));
  const rest = (a: number, b: number) =>
    lines
      .slice(a, b)
      .filter((l) => !isBlank(l))
      .map((l) => l.text.trim());
  if (inline) {
    const more = readItemLines(rest(wrapEnd, to), known);
    return {
      cells: {
        ref: it.ref,
        title: inline.title,
        description: [inline.description, ...more.description].filter(Boolean).join('\n'),
        lead: [inline.lead, ...more.lead].filter(Boolean).join('\n'),
        due: inline.due || more.due.join('\n'),
        named: [...inline.named, ...more.named],
      },
      end: blank >= 0 ? blank : stop,
    };
  }
  const read = readItemLines(rest(from, stop), known, (t, into) => {
    if (into.due.length === 0 && isDateCell(t)) into.due.push(t);
    else if (isLeadCell(t, known) && t.split(/\s+/).length <= 8) into.lead.push(t);
    else return false;
    return true;
  });
  if (read.due.length === 0) {
    const inText = embeddedDeadline([it.text, ...read.description].join(' '));
    if (inText) read.due.push(inText);
  }
  return {
    cells: {
      ref: it.ref,
      title: it.text,
      description: read.description.join('\n'),
      lead: read.lead.join('\n'),
      due: read.due.join('\n'),
      named: read.named,
    },
  };
}

/**
 * The list as a table: its header (with a column for each other field a label named, "Status"), then
 * each group's heading, its description and its actions' rows.
 */
function listItems(groups: Group[], line: number): SourceItem[] {
  const named = namedColumns(groups.flatMap((g) => g.rows.map((r) => r.cells.named)));
  const [loose, ...headed] = groups as [Group, ...Group[]];
  const out: SourceItem[] = [
    ...loose.paras,
    row(['Ref', 'Action', 'Description', 'Lead', 'Timescale', ...named.labels], line, 'numbered-list', true),
  ];
  const rowOf = ({ cells: c, line }: Group['rows'][number]) =>
    row([c.ref, c.title, c.description, c.lead, c.due, ...named.cells(c.named)], line, 'numbered-list');
  // Loops, not push(...rows): a long list's rows as arguments overflow the call stack.
  for (const r of loose.rows) out.push(rowOf(r));
  for (const g of headed) {
    out.push(g.heading!);
    for (const p of g.paras) out.push(p);
    for (const r of g.rows) out.push(rowOf(r));
  }
  return out;
}

/** The last item runs to the end, or to web-page text or a heading after it ("Back to top", "Goal 2"). */
function findEnd(lines: Line[], from: number): number {
  for (let j = from; j < lines.length; j++) {
    const t = lines[j]!.text.trim();
    if (
      t &&
      (isBoilerplate(t) ||
        THEME_PATTERNS.some((p) => p.re.test(t)) ||
        SECTION_HEADINGS.some((re) => re.test(t)))
    )
      return j;
  }
  return lines.length;
}
