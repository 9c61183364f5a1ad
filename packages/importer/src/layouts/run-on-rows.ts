import { PAGE_N_OF_M } from '../page-furniture.js';
import type { LayoutHeader } from './header-cells.js';
import { splitTrailing } from './trailing-fields.js';

/**
 * The rows of a table run into one paragraph, where each row starts with its ref ("MD1 … MD2 …",
 * "1. 21. (44, 102) … 2. 35. (61) …"): the paragraph is cut before each next ref in sequence (MD1 then
 * MD2, 1. then 2., 1.3 then 1.4 or 2.1). A ref-numbered sequence of two or more rows is strong enough
 * evidence of rows; the words between refs are one row each, its short columns (lead, deadline, RAG)
 * read from its end where the header allows, its text kept whole otherwise.
 */

interface RefShape {
  /** The refs that may follow this one. */
  next(ref: string): string[];
}

const SHAPES: { re: RegExp; shape: RefShape }[] = [
  // "MD1", "AFI3", "R12"
  {
    re: /^([A-Z]{1,4})(\d{1,3})$/,
    shape: { next: (r) => [r.replace(/\d+$/, (n) => String(Number(n) + 1))] },
  },
  // "1.", "12."
  { re: /^(\d{1,3})\.$/, shape: { next: (r) => [`${Number.parseInt(r, 10) + 1}.`] } },
  // "1.1", "2.3": the next in the group, or the first of the next group
  {
    re: /^(\d{1,2})\.(\d{1,2})$/,
    shape: {
      next: (r) => {
        const [a, b] = r.split('.').map(Number) as [number, number];
        return [`${a}.${b + 1}`, `${a + 1}.1`];
      },
    },
  },
];

/** A page's running footer in the middle of a row ("Page 4 of 9"), with the spaces around it. */
const PAGE_PHRASE = new RegExp(String.raw`\s*${PAGE_N_OF_M.source}\s*`, 'gi');

export interface RunOnRow {
  ref: string;
  text: string;
}

/** The paragraph's rows, cut at its refs in sequence; undefined unless it starts with a ref and has two or more. */
export function refRowsOf(text: string): RunOnRow[] | undefined {
  const words = text.split(/\s+/).filter(Boolean);
  const first = words[0];
  const s = first && SHAPES.find((x) => x.re.test(first));
  if (!s) return undefined;
  const starts: number[] = [0];
  for (let k = 1; k < words.length; k++) {
    const ref = words[starts.at(-1)!]!;
    // A row holds some words before the next ref: "1. 21." is a ref then a paragraph number.
    if (k - starts.at(-1)! < 3) continue;
    if (s.shape.next(ref).includes(words[k]!)) starts.push(k);
  }
  if (starts.length < 2) return undefined;
  return starts.map((at, n) => ({
    ref: words[at]!,
    text: words
      .slice(at + 1, starts[n + 1] ?? words.length)
      .join(' ')
      .replace(PAGE_PHRASE, ' ')
      .trim(),
  }));
}

/**
 * A row's text ends its sentence before the lead starts: capitalised words after the last full stop
 * ("… every shift. Chief Nurse, Children's" + "Services") are the start of the lead, not the title's end.
 */
function wholeLead(cells: string[], titleAt: number, leadAt: number) {
  const title = cells[titleAt]!;
  const lead = cells[leadAt]!;
  const stop = title.search(/[.!?]\s+(?=\S+(?:\s+\S+){0,5}$)/);
  if (!lead || stop < 0) return;
  const moved = title.slice(stop + 1).trim();
  if (!moved.split(/\s+/).every((w) => /^(?:[A-Z][\w'’,&()-]*|of|and|for|&)$/.test(w))) return;
  cells[titleAt] = title.slice(0, stop + 1);
  cells[leadAt] = `${moved} ${lead}`;
}

/** RAG and status words a row may end with, under a status column. */
const STATUS_END = /\s+(red|amber|green|blue|complete[d]?|on track|off track|not started)$/i;

/**
 * Each row as cells under a header: its ref first; under a header of one text column then short ones
 * (lead, deadline, RAG), those read from the row's end; otherwise the row's words kept whole as its text.
 */
export function runOnRowCells(
  rows: RunOnRow[],
  header: LayoutHeader | undefined,
  known: ReadonlySet<string>,
): { header: string[]; rows: string[][] } {
  const whole = { header: ['Ref', 'Action'], rows: rows.map((r) => [r.ref, r.text]) };
  if (!header) return whole;
  let fields = header.fields;
  let cells = header.cells;
  let types = header.types;
  if (fields[0] === 'ref') [fields, cells, types] = [fields.slice(1), cells.slice(1), types.slice(1)];
  const status = fields.at(-1) === 'status';
  const texts = rows.map((r) => r.text);
  const statuses = texts.map(() => '');
  if (status) {
    [fields, cells, types] = [fields.slice(0, -1), cells.slice(0, -1), types.slice(0, -1)];
    texts.forEach((t, n) => {
      const m = STATUS_END.exec(t);
      if (m) [texts[n], statuses[n]] = [t.slice(0, m.index), m[1]!];
    });
  }
  const split = splitTrailing(texts, { cells, fields, types }, known);
  if (!split) return whole;
  const titleAt = fields.indexOf('title');
  const leadAt = types.indexOf('lead');
  if (titleAt >= 0 && leadAt > titleAt) for (const c of split) wholeLead(c, titleAt, leadAt);
  return {
    header: ['Ref', ...cells, ...(status ? [header.cells.at(-1)!] : [])],
    rows: split.map((c, n) => [rows[n]!.ref, ...c, ...(status ? [statuses[n]!] : [])]),
  };
}
