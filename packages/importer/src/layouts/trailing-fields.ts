import { parseTimescale } from '@peopleplan/timescale';
import { isBoilerplate } from '../finalize/boilerplate.js';
import { matchHeader } from '../header-mapping.js';
import { THEME_PATTERNS } from '../heading-words.js';
import type { ImportWarning } from '../parsed-plan.js';
import type { SourceItem } from '../source.js';
import { ACTION_VERBS } from './action-verbs.js';
import type { ColumnType } from './align.js';
import { isDateCell, isLeadCell, isLeadLabel, isPriorityCell } from './cell-kinds.js';
import { gluedCells } from './glued-cells.js';
import type { LayoutHeader } from './header-cells.js';
import { headerLineAt, stripBullet } from './header-line.js';
import { isBlank, type Line, nextFilled } from './lines.js';
import { isWrappedText } from './pdf-columns.js';
import { ROLE_WORDS } from './role-words.js';
import { type LayoutRule, row } from './rule.js';

/**
 * Tables whose rows lost their cell borders but keep their short fields at the end of each line:
 * "Review the Long Term Financial Plan Manager Finance June 2021" under "KEY ACTIONS RESPONSIBILITY
 * COMPLETION DATE", "Our DEI training … is assessed. March 2022" under "Target Target date",
 * "1 Maintain our ratings Chief Nurse Quality Assurance Committee" under "Indicator Executive lead
 * Governance forum". The header is a line of column names (header-line.ts): one text column, then
 * only short columns (a lead, a date, a forum, a priority). Each line's tail is read as those fields,
 * last column first. A lead that recurs on several lines is read whole ("Manager Finance", not
 * "Finance"); a line holding only fields completes the text above it; text lines before a full row
 * are the group headings the table's first column held.
 */
type Trailing = Extract<ColumnType, 'date' | 'lead' | 'any' | 'priority'>;
const TRAILING = new Set<ColumnType>(['date', 'lead', 'any', 'priority']);

interface Shape {
  header: LayoutHeader;
  /** Column of the text that comes first on the line. */
  titleAt: number;
  trailing: { at: number; type: Trailing }[];
}

function shapeOf(header: LayoutHeader): Shape | undefined {
  const types = header.types;
  let k = types.length;
  while (k > 0 && TRAILING.has(types[k - 1]!)) k--;
  const head = types.slice(0, k);
  const titleAt = head.lastIndexOf('text');
  if (titleAt < 0 || head.filter((t) => t !== 'ref').length !== 1) return undefined;
  const trailing = types.slice(k).map((type, n) => ({ at: k + n, type: type as Trailing }));
  if (!trailing.some((t) => t.type === 'lead' || t.type === 'date')) return undefined;
  return { header, titleAt, trailing };
}

/** First words a deadline starts with: "June 2021", "31 March", "Q3", "by end of", "Ongoing". */
const DATE_START =
  /^(?:\d|q[1-4]\b|fy|by\b|end\b|mid|early\b|late\b|from\b|within\b|ongoing|annual|quarter|spring|summer|autumn|winter|jan|feb|mar|apr|may\b|jun|jul|aug|sep|oct|nov|dec|tb[ca]\b|n\/a|complete|immediate|next\b|this\b|every\b|each\b|monthly|weekly|bi-?\w)/i;

/** A word that ends a sentence ("learning."), not an abbreviation ("Sept."). */
const endsSentence = (w: string) => /[.;:!?]$/.test(w) && !/^[A-Za-z]{1,4}\.$/.test(w);

/** The longest run of words ending at `end` that reads as a deadline, within the line's last sentence. */
function dateTail(words: string[], end: number): number | undefined {
  for (let n = Math.min(8, end); n >= 1; n--) {
    const run = words.slice(end - n, end);
    if (run.slice(0, -1).some(endsSentence)) continue;
    const phrase = run.join(' ');
    // Words the date reader left over at the run's start, or after its first word ("from every campus"
    // before "November 2026"), are the title's: the deadline is the shorter run after them.
    const note = parseTimescale(phrase).note?.toLowerCase();
    const at = note ? phrase.toLowerCase().indexOf(note) : -1;
    if (at === 0 || (at > 0 && at === run[0]!.length + 1)) continue;
    if (DATE_START.test(phrase) && isDateCell(phrase)) return end - n;
  }
  return undefined;
}

const isAnyField = (t: string, known: ReadonlySet<string>) =>
  isLeadLabel(t, known) || /^(?:[£$€]?\d[\d,.]*[kKmM%]?|n\/a|none|nil)$/i.test(t);

const JOINS = new Set(['of', 'for', 'and', '&', 'the', 'to', 'in', 'with']);
const roleWord = (w: string | undefined) => !!w && ROLE_WORDS.has(w.toLowerCase().replace(/[^a-z&-]/g, ''));

/** Splits a block of words between consecutive lead-like columns; undefined when it cannot be. */
function splitBlock(words: string[], types: Trailing[], known: ReadonlySet<string>): string[] | undefined {
  const fits = (text: string, type: Trailing) =>
    type === 'lead' ? isLeadCell(text, known) : isAnyField(text, known);
  if (types.length === 1) {
    const text = words.join(' ');
    return fits(text, types[0]!) ? [text] : undefined;
  }
  let complement: string[] | undefined;
  let fallback: string[] | undefined;
  for (let p = 1; p < words.length; p++) {
    const head = words.slice(0, p);
    if (JOINS.has(head.at(-1)!.toLowerCase()) || !/^[A-Z]/.test(words[p]!)) continue;
    const rest = splitBlock(words.slice(p), types.slice(1), known);
    if (!rest || !fits(head.join(' '), types[0]!)) continue;
    const cells = [head.join(' '), ...rest];
    // "Chief Nurse | Quality Assurance Committee": a role ends where a body's name begins.
    if (roleWord(head.at(-1)) && !roleWord(words[p])) return cells;
    // "Director of Finance | People Committee": a role's "of …" takes one word.
    if (p >= 3 && JOINS.has(head.at(-2)!.toLowerCase())) complement ??= cells;
    fallback ??= cells;
  }
  return complement ?? fallback;
}

const SENTENCE_WORDS = new Set(['the', 'a', 'an', 'to', 'for', 'with', 'in', 'on', 'our', 'all', 'by']);

interface Tail {
  start: number;
  cells: string[];
}

/** Reads a group of lead-like columns ending at `end`: a recurring or known label first, else the shortest. */
function leadTail(
  words: string[],
  end: number,
  types: Trailing[],
  shared: ReadonlySet<string>,
  known: ReadonlySet<string>,
  whole: boolean,
): Tail | undefined {
  const max = Math.min(end, 10);
  for (let n = max; n >= 1; n--) {
    const block = words.slice(end - n, end);
    const key = block.join(' ').toLowerCase();
    if (!shared.has(key) && !known.has(key)) continue;
    const cells = splitBlock(block, types, known);
    if (cells) return { start: end - n, cells };
  }
  // Under text still waiting for its fields, a short line that names a role or team and reads as no
  // sentence is the lead ("Manager Planning & Building Services").
  const block = words.slice(0, end);
  if (whole && end <= 6 && !block.some((w) => SENTENCE_WORDS.has(w.toLowerCase()))) {
    const cells = splitBlock(block, types, known);
    if (cells) return { start: 0, cells };
  }
  for (let n = 1; n <= max; n++) {
    const cells = splitBlock(words.slice(end - n, end), types, known);
    if (!cells) continue;
    // "Chief" alone is a role, but "Chief Nurse" is the lead: take role words to the left with it.
    let start = end - n;
    let best = cells;
    while (start > 0 && roleWord(words[start - 1]) && /^[A-Z]/.test(words[start - 1]!)) {
      const wider = splitBlock(words.slice(start - 1, end), types, known);
      if (!wider) break;
      start--;
      best = wider;
    }
    return { start, cells: best };
  }
  return undefined;
}

interface SplitLine {
  title: string;
  /** Per trailing column, in header order. */
  fields: string[];
}

function splitLine(
  text: string,
  shape: Shape,
  shared: ReadonlySet<string>,
  known: ReadonlySet<string>,
  whole: boolean,
) {
  const words = text.split(/\s+/).filter((w) => w !== '');
  const fields: string[] = shape.trailing.map(() => '');
  let end = words.length;
  let k = shape.trailing.length - 1;
  while (k >= 0 && end > 0) {
    const col = shape.trailing[k]!;
    if (col.type === 'date') {
      const at = dateTail(words, end);
      if (at !== undefined) {
        fields[k] = words.slice(at, end).join(' ');
        end = at;
      }
      k--;
      continue;
    }
    if (col.type === 'priority') {
      if (isPriorityCell(words[end - 1]!)) fields[k] = words[--end]!;
      k--;
      continue;
    }
    // A run of lead-like columns is split together.
    let g = k;
    while (g > 0 && (shape.trailing[g - 1]!.type === 'lead' || shape.trailing[g - 1]!.type === 'any')) g--;
    const types = shape.trailing.slice(g, k + 1).map((c) => c.type);
    const tail = leadTail(words, end, types, shared, known, whole);
    if (tail) {
      tail.cells.forEach((c, n) => {
        fields[g + n] = c;
      });
      end = tail.start;
    }
    k = g - 1;
  }
  return { title: words.slice(0, end).join(' '), fields } satisfies SplitLine;
}

/** Tails (after any deadline) that recur on two or more lines: a lead written the same way each time. */
function sharedTails(texts: string[], shape: Shape): Set<string> {
  const counts = new Map<string, number>();
  const lastDate = shape.trailing.at(-1)?.type === 'date';
  for (const t of texts) {
    const words = t.split(/\s+/).filter((w) => w !== '');
    const end = lastDate ? (dateTail(words, words.length) ?? words.length) : words.length;
    const seen = new Set<string>();
    for (let n = 1; n <= Math.min(10, end); n++)
      seen.add(
        words
          .slice(end - n, end)
          .join(' ')
          .toLowerCase(),
      );
    for (const s of seen) counts.set(s, (counts.get(s) ?? 0) + 1);
  }
  return new Set([...counts].filter(([, n]) => n >= 2).map(([s]) => s));
}

const isHeaderName = (t: string) => (matchHeader(t)[0]?.confidence ?? 0) >= 0.85;
const isThemeLine = (t: string) => THEME_PATTERNS.some((p) => p.re.test(t));

/** A short line naming the table below it ("Deliver high-quality, patient centred care"). */
const isCaption = (t: string) => t.split(/\s+/).length <= 20 && !/[.;:]$/.test(t) && !isBoilerplate(t);

/** Where the table's header is, counting captions written above it (repeated captions too). */
function findHeader(lines: Line[], i: number) {
  const captions: Line[] = [];
  let j = i;
  for (let n = 0; n < 3 && j >= 0; n++) {
    const h = headerLineAt(lines, j);
    if (h) return { h, at: j, captions };
    const t = stripBullet(lines[j]!.text).trim();
    if (!isCaption(t)) return undefined;
    if (!captions.some((c) => c.text.trim() === t)) captions.push(lines[j]!);
    j = nextFilled(lines, j + 1);
  }
  return undefined;
}

/** Lines joined into paragraphs: a line starting in lower case carries on the one before. */
function paragraphs(ls: Line[]): Line[] {
  const out: Line[] = [];
  for (const l of ls) {
    const t = stripBullet(l.text).trim();
    const last = out.at(-1);
    if (last && /^[a-z(]/.test(t)) last.text = `${last.text} ${t}`;
    else out.push({ text: t, line: l.line });
  }
  return out;
}

const NAME = 'trailing-fields';

export const trailingFields: LayoutRule = {
  name: NAME,
  read(lines, i, ctx) {
    const found = findHeader(lines, i);
    const shape = found && shapeOf(found.h.header);
    if (!found || !shape) return undefined;
    // Rows whose cells ran together with no space ("…Reference.September 2025Chair RWG") are read there.
    if (gluedCells.read(lines, found.at, ctx)) return undefined;
    // Lines up to the end of the table: the page's own text (a cookie notice, "Back to top") ends it.
    let end = found.h.next;
    const body: Line[] = [];
    const lineIndex = new Map<Line, number>();
    for (; end < lines.length; end++) {
      const l = lines[end]!;
      if (isBlank(l)) continue;
      if (isBoilerplate(l.text)) break;
      body.push(l);
      lineIndex.set(l, end);
    }
    // Lines a PDF wrapped mid-sentence are no table's rows.
    if (isWrappedText(body.map((l) => stripBullet(l.text)))) return undefined;
    const shared = sharedTails(
      body.map((l) => stripBullet(l.text).trim()),
      shape,
    );
    const width = shape.header.cells.length;
    // A caption that is itself a column name ("COUNCIL PLAN OBJECTIVES") names the groups, not one group.
    const items: SourceItem[] = found.captions.map((c) => {
      const text = stripBullet(c.text).trim();
      return { type: isHeaderName(text) ? ('para' as const) : ('heading' as const), text, line: c.line };
    });
    items.push(row(shape.header.cells, lines[found.at]!.line, NAME, true));
    const rows: string[][] = [];
    let pending: Line[] = [];
    let current: string[] | undefined;
    let stop = end;
    // Text right under a theme heading ("Objective two") describes the theme; elsewhere it captions the rows below.
    let afterTheme = false;
    const flushAs = (type: 'para' | 'heading') => {
      const seen = new Set<string>();
      for (const p of paragraphs(pending)) {
        // A caption repeated (a page's title above its table) is one heading.
        if (type === 'heading' && seen.has(p.text)) continue;
        seen.add(p.text);
        items.push({ type, text: p.text, line: p.line });
      }
      pending = [];
    };
    const emit = (title: string, fields: string[], line: number) => {
      const cells = Array.from({ length: width }, () => '');
      cells[shape.titleAt] = title;
      shape.trailing.forEach((c, n) => {
        cells[c.at] = fields[n]!;
      });
      items.push(row(cells, line, NAME));
      rows.push(cells);
      current = cells;
    };
    for (let n = 0; n < body.length; n++) {
      const l = body[n]!;
      const t = stripBullet(l.text).trim();
      const again = headerLineAt(lines, lineIndex.get(l)!);
      if (again && shapeOf(again.header)) {
        flushAs(afterTheme ? 'para' : 'heading');
        current = undefined;
        continue;
      }
      if (isThemeLine(t)) {
        flushAs('para');
        items.push({ type: 'heading', text: t, line: l.line });
        current = undefined;
        afterTheme = true;
        continue;
      }
      const split = splitLine(t, shape, shared, ctx.known, pending.length > 0);
      const hasFields = split.fields.some((f) => f !== '');
      if (!hasFields) {
        pending.push(l);
        // Several paragraphs with no field at all: the table has ended.
        if (paragraphs(pending).length > 4) {
          stop = lines.indexOf(pending[0]!);
          pending = [];
          break;
        }
        continue;
      }
      afterTheme = false;
      if (split.title) {
        // A title carried over from the line above starts in lower case.
        const paras = paragraphs(pending);
        const carried = /^[a-z]/.test(split.title) && paras.length > 0 ? paras.pop()! : undefined;
        pending = [];
        for (const p of paras) items.push({ type: 'heading', text: p.text, line: p.line });
        emit(carried ? `${carried.text} ${split.title}` : split.title, split.fields, (carried ?? l).line);
        continue;
      }
      if (pending.length > 0) {
        const paras = paragraphs(pending);
        const title = [paras.pop()!];
        // A cell of two paragraphs above fields on lines of their own ("Find where…" then "Agree
        // measures…"): a paragraph that opens with a verb, as an action does, is the cell's, not a heading.
        while (paras.length > 0 && ACTION_VERBS.has(paras.at(-1)!.text.split(/\s+/)[0]!.toLowerCase()))
          title.unshift(paras.pop()!);
        pending = [];
        for (const p of paras) items.push({ type: 'heading', text: p.text, line: p.line });
        emit(title.map((p) => p.text).join('\n'), split.fields, title[0]!.line);
        continue;
      }
      // Only fields, with no text waiting: they complete the row above ("April 2021" under its lead).
      if (current && shape.trailing.every((c, k) => split.fields[k] === '' || current![c.at] === '')) {
        const cells = current;
        shape.trailing.forEach((c, k) => {
          if (split.fields[k]) cells[c.at] = split.fields[k]!;
        });
        continue;
      }
      items.push({ type: 'para', text: t, line: l.line });
    }
    // The text stops in the middle of a numbered row ("1 Increase the staff survey score of “I wo"): an
    // excerpt cut off there. The row is kept, its missing columns said.
    const warnings: ImportWarning[] = [];
    const cut = stop === lines.length && paragraphs(pending).at(-1);
    if (cut && /^\d{1,3}\.?\s+\p{L}/u.test(cut.text) && rows.length >= 2) {
      pending = pending.filter((l) => l.line < cut.line);
      flushAs('para');
      emit(
        cut.text,
        shape.trailing.map(() => ''),
        cut.line,
      );
      warnings.push({
        code: 'partly-unread',
        message: `The text stops in the middle of a row: "${cut.text.slice(0, 60)}" is kept as an action, but its ${shape.trailing.map((c) => shape.header.cells[c.at]).join(', ')} could not be read.`,
        where: `line ${cut.line}`,
      });
    }
    flushAs('para');
    if (rows.filter((r) => shape.trailing.some((c) => r[c.at] !== '')).length < 2) return undefined;
    return { items, next: stop, warnings };
  },
};

/**
 * Rows already parted from each other (a table run into one paragraph, split at its refs) read as this
 * rule reads lines: the header's one text column first, its short columns from the end of each row.
 * Undefined when the header is not of that shape; each row's cells in the header's order otherwise.
 */
export function splitTrailing(
  texts: string[],
  header: LayoutHeader,
  known: ReadonlySet<string>,
): string[][] | undefined {
  const shape = shapeOf(header);
  if (!shape) return undefined;
  const shared = sharedTails(texts, shape);
  return texts.map((t) => {
    const split = splitLine(t, shape, shared, known, false);
    const cells = header.cells.map(() => '');
    cells[shape.titleAt] = split.title;
    shape.trailing.forEach((c, n) => {
      cells[c.at] = split.fields[n]!;
    });
    return cells;
  });
}
