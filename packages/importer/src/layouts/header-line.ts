import { readHeaderRow } from '../header-mapping.js';
import { HEADER_SYNONYMS } from '../synonyms.js';
import { actionHeader, type LayoutHeader } from './header-cells.js';
import { isBlank, type Line, nextFilled } from './lines.js';

/**
 * Header rows whose cells lost their separators: "Target Target date", "Indicator Executive lead
 * Governance forum", "KEY ACTIONS RESPONSIBILITYCOMPLETION DATE" (words glued by a PDF) or
 * "Timesc ale" (split by one). The line's letters are matched, spaces ignored, against the header
 * vocabulary (synonyms.ts); the line is a header when known column names cover nearly all of it.
 */
export interface HeaderCell {
  text: string;
  /** Offset in the line where the cell's text starts (for space-aligned columns). */
  at: number;
}

interface Letter {
  ch: string;
  at: number;
}

const VOCABULARY: string[] = [
  ...new Set(
    HEADER_SYNONYMS.flatMap((s) => s.match.filter((m): m is string => typeof m === 'string')).map((m) =>
      m.replace(/[^a-z0-9]/g, ''),
    ),
  ),
].filter((w) => w.length >= 2);

function letters(text: string): Letter[] {
  // Bracketed notes ("(month/year)", "(agenda title / item / date)") are part of a header but not its name.
  // So is the word after a spaced slash, an alternative to the word before it: "Person / body
  // responsible" names the column "Person responsible".
  const out: Letter[] = [];
  let depth = 0;
  const alternative = /\s\/\s+[a-z]+(?=\s+[A-Za-z])/y;
  for (let i = 0; i < text.length; i++) {
    alternative.lastIndex = i;
    if (alternative.test(text)) {
      i = alternative.lastIndex - 1;
      continue;
    }
    const c = text[i]!;
    if (c === '(') depth++;
    else if (c === ')') depth = Math.max(0, depth - 1);
    else if (depth === 0 && /[A-Za-z0-9]/.test(c)) out.push({ ch: c.toLowerCase(), at: i });
  }
  return out;
}

/** Splits a line into header cells, or undefined when it is not (nearly all) column names. */
export function splitHeaderLine(text: string): HeaderCell[] | undefined {
  // A header is short, unless its columns are spaced out to line up with the rows below.
  const spaced = (text.match(/\S {2,}(?=\S)/g) ?? []).length >= 3;
  if (text.length > (spaced ? 400 : 220) || /[.!?;]\s*$/.test(text.trim())) return undefined;
  const ls = letters(text);
  const s = ls.map((l) => l.ch).join('');
  const n = s.length;
  if (n < 5) return undefined;
  // best[i]: [covered letters, -segments] for s[0..i), with the segment that ended there.
  const best: { covered: number; segs: number; from: number; known: boolean }[] = [
    { covered: 0, segs: 0, from: -1, known: false },
  ];
  for (let i = 1; i <= n; i++) best.push({ covered: -1, segs: 0, from: -1, known: false });
  const better = (a: { covered: number; segs: number }, covered: number, segs: number) =>
    covered > a.covered || (covered === a.covered && segs < a.segs);
  for (let i = 0; i < n; i++) {
    const here = best[i]!;
    if (here.covered < 0) continue;
    // Skip one letter as not part of any known name.
    if (better(best[i + 1]!, here.covered, here.segs))
      best[i + 1] = { covered: here.covered, segs: here.segs, from: i, known: false };
    for (const w of VOCABULARY) {
      if (!s.startsWith(w, i)) continue;
      const j = i + w.length;
      // A known name must start and end on a word edge of the line unless words were glued together.
      if (!edgeOk(text, ls, i, j)) continue;
      if (better(best[j]!, here.covered + w.length, here.segs + 1))
        best[j] = { covered: here.covered + w.length, segs: here.segs + 1, from: i, known: true };
    }
  }
  const end = best[n]!;
  if (end.covered / n < 0.85 || end.segs < 2) return undefined;
  // Walk back through the best split; runs of unknown letters become cells of their own.
  const segs: { from: number; to: number; known: boolean }[] = [];
  for (let j = n; j > 0; ) {
    const b = best[j]!;
    const last = segs[0];
    if (!b.known && last && !last.known) last.from = b.from;
    else segs.unshift({ from: b.from, to: j, known: b.known });
    j = b.from;
  }
  const cells: HeaderCell[] = segs.map((g) => ({
    text: text.slice(ls[g.from]!.at, cellEnd(text, ls, g.to)).trim(),
    at: ls[g.from]!.at,
  }));
  return cells.length >= 2 ? cells : undefined;
}

/** End offset of a cell whose last letter is s[j-1], taking a closing bracket note with it. */
function cellEnd(text: string, ls: Letter[], j: number): number {
  let end = ls[j - 1]!.at + 1;
  const next = ls[j]?.at ?? text.length;
  const between = text.slice(end, next);
  const close = between.lastIndexOf(')');
  if (close >= 0) end += close + 1;
  return end;
}

/**
 * A vocabulary word may start inside a word only where a capital follows lower case or where the
 * whole line is in capitals (PDFs glue "RESPONSIBILITYCOMPLETION"); otherwise it must start on a word.
 */
function edgeOk(text: string, ls: Letter[], i: number, j: number): boolean {
  // "DeliverableTimelineResponsibility": a web page's cells run together, each name's capital after the
  // last name's lower case.
  const camel = (k: number) =>
    k > 0 && k < ls.length && /[a-z]/.test(text[ls[k - 1]!.at]!) && /[A-Z]/.test(text[ls[k]!.at]!);
  const startsWord =
    i === 0 || ls[i]!.at - ls[i - 1]!.at > 1 || !/[A-Za-z0-9]/.test(text[ls[i]!.at - 1] ?? ' ') || camel(i);
  const endsWord = j === ls.length || ls[j]!.at - ls[j - 1]!.at > 1 || camel(j);
  const caps = text.replace(/[^A-Za-z]/g, '').length > 0 && text === text.toUpperCase();
  return (startsWord || caps) && (endsWord || caps || isSplitWord(text, ls, j));
}

/** "Timesc ale": a header word a PDF split in two; the piece after the gap is short and lower case. */
function isSplitWord(text: string, ls: Letter[], j: number): boolean {
  return /^[a-z]{1,4}\b/.test(text.slice(ls[j]!.at));
}

/**
 * Lines read as header lines already: every layout rule asks about every line, and documents repeat
 * lines (a header on each page), so each distinct text is split once. Bounded, so a huge file cannot
 * grow it without end.
 */
const headerLines = new Map<string, HeaderCell[] | undefined>();
const HEADER_LINES_KEPT = 5_000;

/** A header line as a header row: its cells are known column names of one table. */
export function readHeaderLine(text: string): HeaderCell[] | undefined {
  // Longer than any header line (splitHeaderLine refuses them at once): nothing to keep.
  if (text.length > 400) return headerLineOf(text);
  if (headerLines.has(text)) return headerLines.get(text)?.map((c) => ({ ...c }));
  if (headerLines.size >= HEADER_LINES_KEPT) headerLines.clear();
  const cells = headerLineOf(text);
  headerLines.set(text, cells);
  return cells?.map((c) => ({ ...c }));
}

function headerLineOf(text: string): HeaderCell[] | undefined {
  const cells = splitHeaderLine(text);
  if (!cells) return undefined;
  const row = readHeaderRow(
    cells.map((c) => c.text),
    undefined,
    undefined,
  );
  return row && row.kind !== 'other' ? cells : undefined;
}

/** A header line as a layout rule reads it: its cells, where each starts, and the line after it. */
export interface HeaderLineMatch {
  header: LayoutHeader;
  at: number[];
  next: number;
}

/** List bullets a PDF's text keeps at the start of its lines ("  • KEY ACTIONS"). */
export const stripBullet = (text: string) => text.replace(/^\s*[•▪●◦■➢·]\s*/, '');

/**
 * The action table's header written on line `i`, its last word perhaps wrapped onto the next line
 * ("KEY ACTIONS RESPONSIBILITYCOMPLETION" then "DATE").
 */
export function headerLineAt(lines: Line[], i: number): HeaderLineMatch | undefined {
  const l = lines[i];
  if (!l || isBlank(l)) return undefined;
  const text = stripBullet(l.text);
  const k = nextFilled(lines, i + 1);
  const tail = k > 0 && k - i <= 3 ? stripBullet(lines[k]!.text).trim() : '';
  if (tail && tail.split(/\s+/).length <= 2 && !/[.:;]$/.test(tail)) {
    const joined = readHeaderLine(`${text} ${tail}`);
    const alone = readHeaderLine(text);
    const h = joined && actionHeader(joined.map((c) => c.text));
    // The wrapped word lengthens the last cell of a header line; it does not add a column of its own,
    // and a column name alone on its line is a header written one cell a line.
    const extends_ =
      !!alone && joined?.length === alone.length && joined.at(-1)!.text.length > alone.at(-1)!.text.length;
    if (joined && h && extends_) return { header: h, at: joined.map((c) => c.at), next: k + 1 };
  }
  const cells = readHeaderLine(text);
  const h = cells && actionHeader(cells.map((c) => c.text));
  return h && cells ? { header: h, at: cells.map((c) => c.at), next: i + 1 } : undefined;
}
