import { isBoilerplate } from '../finalize/boilerplate.js';
import { matchHeader } from '../header-mapping.js';
import { THEME_PATTERNS } from '../heading-words.js';
import type { SourceItem } from '../source.js';
import { alignCells } from './align.js';
import { cellKind, DATE_WORDS } from './cell-kinds.js';
import { actionHeader, type LayoutHeader } from './header-cells.js';
import { isBlank, type Line } from './lines.js';
import { type Cell, isOutOfOrder, isWrappedText, readOutOfOrder } from './pdf-columns.js';
import { refRows } from './ref-rows.js';
import { type LayoutMatch, type LayoutRule, row } from './rule.js';

/**
 * A table flattened to one cell per line, as web pages and PDF converters leave HTML and Word tables:
 * the header's cells each on a line ("Governance Issue / Action Update / By When / By Whom"), then the
 * cells of each row the same way. A row is one or more text cells followed by the cells that look like
 * a lead or a date; the next text cell starts the next row. Where a row's cells were written column by
 * column (three actions, then their three leads, then their three dates) they are zipped back together.
 */
const headerConfidence = (name: string) => {
  let t = name;
  const words = t.trim().split(/\s+/);
  // An abbreviated name keeps its full stop ("No.", "Ref."): one short word is no sentence.
  if (/^[A-Z][a-z]{0,3}\.$/.test(t.trim())) t = t.trim().slice(0, -1);
  // A column name is not a phrase in quotes ("… prevention activity’") nor several names ("Ref: Action:").
  // Nor a line in lower case: that is a sentence a PDF wrapped ("outcomes agreed by").
  if (
    words.length > 6 ||
    /[.!?;]$/.test(t.trim()) ||
    /^[‘“"]|[’”"]$|:\s*\S/.test(t.trim()) ||
    /^[a-z]/.test(t.trim())
  )
    return 0;
  const m = matchHeader(t.trim())[0];
  return m && m.table === 'actions' ? m.confidence : 0;
};
const isHeaderName = (t: string) => headerConfidence(t) >= 0.85;
/** A name as the header writes it, not a role that merely ends like one ("Policy Officer"). */
const isExactName = (t: string) => headerConfidence(t) >= 0.9;

/** The header block: consecutive lines that are each a column name (blank lines between allowed). */
function headerBlock(lines: Line[], i: number): { cells: string[]; next: number } | undefined {
  const cells: string[] = [];
  let j = i;
  let last = i;
  while (j < lines.length) {
    if (isBlank(lines[j])) {
      j++;
      continue;
    }
    const t = lines[j]!.text.trim();
    // A column name Word or a PDF broke over two lines ("Lead" / "Officer", "Timesc" / "ale").
    let k = j + 1;
    while (k < lines.length && isBlank(lines[k])) k++;
    if (k >= lines.length) k = -1;
    const joined = k > 0 ? `${t} ${lines[k]!.text.trim()}` : '';
    const joins = k > 0 && /^[A-Za-z]/.test(lines[k]!.text.trim());
    // A name complete on its own line takes the next line only to make a name written exactly so.
    const better = isHeaderName(t) ? isExactName(joined) : isHeaderName(joined);
    if (joins && better && (!isHeaderName(lines[k]!.text) || !isHeaderName(t))) {
      cells.push(joined);
      last = k;
      j = k + 1;
      continue;
    }
    // A column the importer has no name for ("Priority") between two it knows is still a column.
    if (cells.length > 0 && !isHeaderName(t) && isUnknownColumn(t) && k > 0 && startsHeaderName(lines, k)) {
      cells.push(t);
      last = j;
      j++;
      continue;
    }
    // The block starts with a name written exactly as a header would; a name repeated is data.
    if (!isHeaderName(t) || (cells.length === 0 && !isExactName(t)) || cells.includes(t)) break;
    cells.push(t);
    last = j;
    j++;
  }
  if (cells.length < 1) return undefined;
  return { cells, next: last + 1 };
}

/** One or two capitalised words, no figures: a column name the header vocabulary does not hold. */
const isUnknownColumn = (t: string) => /^[A-Z][a-z]{2,15}(?: [A-Za-z][a-z]{1,15})?$/.test(t);

/**
 * Line `k` is a column name, alone or with the line after it ("Responsible" / "officer"), perhaps after
 * one more column of no known name ("Finding", "Rating").
 */
function startsHeaderName(lines: Line[], k: number, unknown = 1): boolean {
  const t = lines[k]!.text.trim();
  if (isHeaderName(t)) return true;
  let n = k + 1;
  while (n < lines.length && isBlank(lines[n])) n++;
  if (n >= lines.length) return false;
  const after = lines[n]!.text.trim();
  if (/^[A-Za-z]/.test(after) && isHeaderName(`${t} ${after}`)) return true;
  return unknown > 0 && isUnknownColumn(t) && startsHeaderName(lines, n, unknown - 1);
}

/** A table needs a column saying what is done; a header naming only leads or dates implies one before them. */
function withImpliedColumns(cells: string[]): LayoutHeader | undefined {
  const h = actionHeader(cells.length === 1 ? ['Action', ...cells] : cells);
  if (h) return h;
  return actionHeader(['Action', ...cells]);
}

const isHeading = (t: string) => THEME_PATTERNS.some((p) => p.re.test(t.trim()));

export const oneCellPerLine: LayoutRule = {
  name: 'one-cell-per-line',
  read(lines, i, ctx) {
    const block = headerBlock(lines, i);
    if (!block) return undefined;
    const single = block.cells.length === 1;
    const header = withImpliedColumns(block.cells);
    if (!header) return undefined;
    // One column name alone starts a table only when it names who leads or when (a lead or date column).
    if (single && !header.types.slice(1).some((t) => t === 'lead' || t === 'date')) return undefined;
    const cells: Cell[] = [];
    let j = block.next;
    for (; j < lines.length; j++) {
      const l = lines[j]!;
      if (isBlank(l)) continue;
      const t = l.text.trim();
      // Tab-separated rows or a page's own boilerplate: another layout starts here.
      if (isBoilerplate(t) || l.text.includes('\t')) break;
      const again = headerBlock(lines, j);
      if (again && again.cells.join('|') === block.cells.join('|')) {
        j = again.next - 1;
        continue;
      }
      // Another table's header, or a section of the page: this table ends.
      if (again && again.cells.length >= 2) break;
      cells.push({ text: t, line: l.line, kind: isHeading(t) ? 'text' : cellKind(t, ctx.known) });
    }
    const typed = cells.filter((c) => c.kind === 'lead' || c.kind === 'date').length;
    // One column name alone is a header only when the cells below do look like a table's.
    if (single && typed < 3) return undefined;
    // A header over one lone cell is a page's headings, not a table.
    if (cells.length < 2) return undefined;
    // Lines a PDF wrapped are a table's only when, joined back into cells, each ref starts a full row;
    // otherwise they are a page's prose (or columns out of order) that no cell-per-line reading fits.
    const joined = joinWrappedLines(cells);
    if (joined.length < cells.length && refRows(header, joined)) cells.splice(0, cells.length, ...joined);
    else if (isWrappedText(cells.map((c) => c.text))) return undefined;
    // Numbered items with their text below them ("1. Adoption of …") are a numbered list under the
    // header's words: the numbered-list rule reads them, the header staying as text.
    if (cells.filter((c) => /^\d{1,2}\.\s+[A-Z]/.test(c.text)).length >= 3) return undefined;
    if (isOutOfOrder(cells)) return { ...readOutOfOrder(header, cells, lines[i]!.line), next: j };
    const byRef = cells.some((c) => isHeading(c.text)) ? undefined : refRows(header, cells);
    if (byRef) {
      const items = [row(header.cells, lines[i]!.line, 'one-cell-per-line', true)];
      for (const r of byRef.rows) {
        // A full row is the header's cells in order; a shorter one (a blank cell left no line) is aligned.
        if (r.length === header.cells.length)
          items.push(
            row(
              r.map((c) => c.text),
              r[0]!.line,
              'one-cell-per-line',
            ),
          );
        else items.push(...zipOrAlign(header, r, ctx.known));
      }
      const after = byRef.after[0];
      const next = after ? lines.findIndex((l) => l.line === after.line) : j;
      return { items, next: next >= 0 ? next : j } satisfies LayoutMatch;
    }
    return { items: readRows(header, cells, lines[i]!.line, ctx.known), next: j } satisfies LayoutMatch;
  },
};

/**
 * A cell a PDF or a narrow column wrapped over several lines: a line starting in lower case goes on
 * with the text cell above it when that one has not ended its sentence ("Pre-employment checks should
 * be" / "completed before any" / "new starter takes up post.").
 */
function joinWrappedLines(cells: Cell[]): Cell[] {
  const out: Cell[] = [];
  for (const c of cells) {
    const prev = out.at(-1);
    if (prev && /^[a-z]/.test(c.text) && prev.kind === 'text' && !/[.!?:;]$/.test(prev.text))
      out[out.length - 1] = { ...prev, text: `${prev.text} ${c.text}` };
    else out.push(c);
  }
  return out;
}

function readRows(
  header: LayoutHeader,
  cells: Cell[],
  line: number,
  known: ReadonlySet<string>,
): SourceItem[] {
  const hasDate = header.types.includes('date');
  const cols = hasDate || !cells.some((c) => c.kind === 'date') ? header : withDate(header);
  const out: SourceItem[] = [row(cols.cells, line, 'one-cell-per-line', true)];
  const textCols = cols.types.filter((t) => t === 'text' || t === 'any').length;
  // Rows: text cells, then lead and date cells; the next text cell starts a new row.
  let rec: Cell[] = [];
  const flush = () => {
    if (rec.length === 0) return;
    for (const item of zipOrAlign(cols, rec, known)) out.push(item);
    rec = [];
  };
  for (const c of cells) {
    if (isHeading(c.text)) {
      flush();
      out.push({ type: 'heading', text: c.text, line: c.line });
      continue;
    }
    // "Overview and Scrutiny invited to review March 2015." under "Drafted November - February": a
    // deadline cell running over two lines, not the next row.
    const last = rec.at(-1);
    if (c.kind === 'text' && last?.kind === 'date' && DATE_WORDS.test(c.text) && c.text.length <= 120) {
      last.text = `${last.text}\n${c.text}`;
      continue;
    }
    const typedSeen = rec.some((x) => x.kind === 'lead' || x.kind === 'date');
    const starts =
      (c.kind === 'text' || c.kind === 'ref') &&
      (typedSeen ||
        (textCols <= 1 && rec.length > 0 && !cols.types.some((t) => t === 'lead' || t === 'date')));
    if (starts) flush();
    rec.push(c);
  }
  flush();
  return out;
}

function withDate(h: LayoutHeader): LayoutHeader {
  return { cells: [...h.cells, 'Timescale'], fields: [...h.fields, 'due'], types: [...h.types, 'date'] };
}

/** Three texts, then three leads, then three dates: three rows; text cells before them are a heading. */
function zipOrAlign(h: LayoutHeader, rec: Cell[], known: ReadonlySet<string>): SourceItem[] {
  const texts = rec.filter((c) => c.kind === 'text' || c.kind === 'ref');
  const leads = rec.filter((c) => c.kind === 'lead');
  const dates = rec.filter((c) => c.kind === 'date');
  const k = Math.max(leads.length, dates.length);
  const runs =
    k >= 2 &&
    texts.length >= k &&
    (leads.length === k || leads.length <= 1) &&
    (dates.length === k || dates.length <= 1);
  const titleAt = h.fields.indexOf('title');
  const leadAt = h.types.indexOf('lead');
  const dateAt = h.types.indexOf('date');
  if (runs && titleAt >= 0) {
    const out: SourceItem[] = [];
    const head = texts.slice(0, texts.length - k);
    if (head.length)
      out.push({ type: 'heading', text: head.map((c) => c.text).join(' '), line: head[0]!.line });
    texts.slice(texts.length - k).forEach((t, n) => {
      const cells = h.cells.map(() => '');
      cells[titleAt] = t.text;
      if (leadAt >= 0) cells[leadAt] = (leads.length === k ? leads[n] : leads[0])?.text ?? '';
      if (dateAt >= 0) cells[dateAt] = (dates.length === k ? dates[n] : dates[0])?.text ?? '';
      out.push(row(cells, t.line, 'one-cell-per-line'));
    });
    return out;
  }
  // The first column holds one paragraph (the issue, the objective); the rest of the text is in the
  // columns after it.
  const first = rec[0]!;
  const moreText = h.types.slice(1).some((t) => t === 'text');
  if (titleAt === 0 && moreText && first.kind === 'text' && rec.slice(1).some((c) => c.kind === 'text')) {
    const rest = rec.slice(1);
    const cells = alignCells(
      rest.map((c) => c.text),
      h.types.slice(1),
      known,
      '\n',
      rest.map((c) => c.kind),
    );
    return [row([first.text, ...cells], first.line, 'one-cell-per-line')];
  }
  const cells = alignCells(
    rec.map((c) => c.text),
    h.types,
    known,
    '\n',
    rec.map((c) => c.kind),
  );
  return [row(cells, rec[0]!.line, 'one-cell-per-line')];
}
