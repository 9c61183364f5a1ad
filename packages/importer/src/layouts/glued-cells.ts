import { THEME_PATTERNS } from '../heading-words.js';
import type { SourceItem } from '../source.js';
import { isDateCell, isLeadCell } from './cell-kinds.js';
import { actionHeader } from './header-cells.js';
import { readHeaderLine } from './header-line.js';
import { isBlank, type Line } from './lines.js';
import { type LayoutRule, row } from './rule.js';

/**
 * A web page's table copied as text with its cells run together, no space between them: the header
 * "DeliverableTimelineResponsibility", rows "Review the terms of reference.September 2025Chair RWG".
 * Where one cell ends and the next begins shows only where a letter meets the next cell's capital or
 * digit with no space ("RWG.S", "2025C", "annuallyG"). The header names the columns: one text column,
 * then a date and a lead (either order). Each line's cells are read from its end: a date between two
 * such joins, the lead beside it, the rest the title; a line of only a date and a lead completes the
 * text above it (a cell written over two paragraphs); a numbered line ("12: Provide support …") or
 * the header again ends the table.
 */
const NAME = 'glued-cells';

/** Where a cell may end and the next begin with no space between them. */
const JOIN = /(?<=[a-z])(?=[A-Z])|(?<=[.!?)])(?=[A-Z0-9])|(?<=\d)(?=[A-Z])/g;

interface Shape {
  width: number;
  /** Columns after the title, in order: a date, a lead. */
  fields: { at: number; type: 'date' | 'lead' }[];
}

function gluedHeader(text: string): { cells: string[]; shape: Shape } | undefined {
  const t = text.trim();
  // Names run together: at least one column's name ends where the next begins with no space.
  if (t.length > 220 || !/[a-z.)][A-Z]/.test(t)) return undefined;
  const cells = readHeaderLine(t);
  if (!cells || cells.length < 2 || !cells.slice(1).some((c) => /\S/.test(t[c.at - 1] ?? ' ')))
    return undefined;
  const h = actionHeader(cells.map((c) => c.text));
  if (h?.types[0] !== 'text') return undefined;
  const rest = h.types.slice(1);
  if (rest.length < 1 || rest.length > 2 || !rest.every((x) => x === 'date' || x === 'lead'))
    return undefined;
  if (new Set(rest).size !== rest.length) return undefined;
  return {
    cells: h.cells,
    shape: {
      width: h.cells.length,
      fields: rest.map((type, n) => ({ at: n + 1, type: type as 'date' | 'lead' })),
    },
  };
}

/** A line's cells: its title (maybe empty) and its fields, or undefined when its end holds no fields. */
function splitGlued(text: string, shape: Shape, known: ReadonlySet<string>): string[] | undefined {
  const t = text.trim();
  const joins = [0, ...[...t.matchAll(JOIN)].map((m) => m.index!)];
  const m = shape.fields.length;
  const fits = (part: string, type: 'date' | 'lead', besideDate: boolean) =>
    type === 'date'
      ? isDateCell(part)
      : part !== '' &&
        !isDateCell(part) &&
        (isLeadCell(part, known) || (besideDate && part.split(/\s+/).length <= 12));
  // The latest joins first: a title may hold a capital after a full stop, its fields cannot.
  const pick = (k: number, end: number, chosen: number[]): number[] | undefined => {
    if (k < 0) return chosen;
    for (let n = joins.length - 1; n >= 0; n--) {
      const at = joins[n]!;
      if (at >= end) continue;
      const part = t.slice(at, end).trim();
      const col = shape.fields[k]!;
      const besideDate = shape.fields.some((f) => f.type === 'date');
      if (!fits(part, col.type, besideDate)) continue;
      const got = pick(k - 1, at, [at, ...chosen]);
      if (got) return got;
    }
    return undefined;
  };
  const cuts = pick(m - 1, t.length, []);
  if (!cuts) return undefined;
  const bounds = [...cuts, t.length];
  const cells = Array.from({ length: shape.width }, () => '');
  cells[0] = t.slice(0, cuts[0]).trim();
  shape.fields.forEach((f, n) => {
    cells[f.at] = t.slice(bounds[n], bounds[n + 1]).trim();
  });
  return cells;
}

const endsTable = (t: string) => /^\d{1,3}\s*[:.]\s+\S/.test(t) || THEME_PATTERNS.some((p) => p.re.test(t));

export const gluedCells: LayoutRule = {
  name: NAME,
  read(lines, i, ctx) {
    const found = gluedHeader(lines[i]!.text);
    if (!found) return undefined;
    const { shape } = found;
    const items: SourceItem[] = [row(found.cells, lines[i]!.line, NAME, true)];
    let pending: Line[] = [];
    let rows = 0;
    let j = i + 1;
    for (; j < lines.length; j++) {
      const l = lines[j]!;
      if (isBlank(l)) continue;
      const t = l.text.trim();
      if (endsTable(t) || gluedHeader(t)) break;
      const cells = splitGlued(t, shape, ctx.known);
      if (!cells) {
        pending.push(l);
        continue;
      }
      if (cells[0] === '') {
        if (pending.length === 0) break;
        cells[0] = pending.map((p) => p.text.trim()).join('\n');
        items.push(row(cells, pending[0]!.line, NAME));
      } else {
        for (const p of pending) items.push({ type: 'para', text: p.text.trim(), line: p.line });
        items.push(row(cells, l.line, NAME));
      }
      pending = [];
      rows++;
    }
    if (rows === 0) return undefined;
    // Text after the last row that no fields close is not the table's.
    const next = pending.length > 0 ? lines.indexOf(pending[0]!) : j;
    return { items, next };
  },
};
