import { parseTimescale } from '@peopleplan/timescale';
import { isBoilerplate } from '../finalize/boilerplate.js';
import { SECTION_HEADINGS, THEME_PATTERNS } from '../heading-words.js';
import { isDateCell, isLeadCell } from './cell-kinds.js';
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
    const out = [
      row(['Ref', 'Action', 'Description', 'Lead', 'Timescale'], lines[i]!.line, 'numbered-list', true),
    ];
    let end = lines.length;
    for (let k = 0; k < items.length; k++) {
      const it = items[k]!;
      const next = items[k + 1];
      if (next && isParentOf(it, next) && next.at - it.at <= 3) {
        out.push({ type: 'heading', text: `${it.ref}. ${it.text}`, line: lines[it.at]!.line });
        continue;
      }
      const stop = Math.min(next?.at ?? lines.length, findEnd(lines, (it.textLine ?? it.at) + 1));
      const body = lines
        .slice((it.textLine ?? it.at) + 1, stop)
        .filter((l) => !isBlank(l))
        .map((l) => l.text.trim());
      const lead: string[] = [];
      const due: string[] = [];
      const description: string[] = [];
      // "Launch the website – Lead: Head of HR – by March 2026", wrapped over lines as an email wraps it:
      // the item runs to its first blank line.
      const from = (it.textLine ?? it.at) + 1;
      const blank = lines.findIndex((l, n) => n >= from && n < stop && isBlank(l));
      const wrapped = lines.slice(from, blank < 0 ? stop : blank).map((l) => l.text.trim());
      const inline = inlineFields([it.text, ...wrapped].join(' '));
      if (inline) {
        out.push(
          row(
            [it.ref, inline.title, inline.description, inline.lead, inline.due],
            lines[it.at]!.line,
            'numbered-list',
          ),
        );
        // The last item ends at its blank line (an email's sign-off follows), else where the list does.
        if (!next || stop < next.at) {
          end = !next && blank >= 0 ? blank : stop;
          break;
        }
        continue;
      }
      for (const t of body) {
        if (due.length === 0 && isDateCell(t)) due.push(t);
        else if (isLeadCell(t, ctx.known) && t.split(/\s+/).length <= 8) lead.push(t);
        else description.push(t);
      }
      if (due.length === 0) {
        const inText = embeddedDeadline([it.text, ...description].join(' '));
        if (inText) due.push(inText);
      }
      const title = it.label ? `${it.text}` : it.text;
      out.push(
        row(
          [it.ref, title, description.join('\n'), lead.join('\n'), due.join('\n')],
          lines[it.at]!.line,
          'numbered-list',
        ),
      );
      // A heading or the page's own text after an item ends the list there.
      if (!next || stop < next.at) {
        end = stop;
        break;
      }
    }
    return { items: out, next: end };
  },
};

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
