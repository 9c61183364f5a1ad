import { type HTMLElement, parse } from 'node-html-parser';
import { bulletedActions } from '../layouts/bulleted-actions.js';
import { readLayouts } from '../layouts/index.js';
import type { Line } from '../layouts/lines.js';
import type { SourceDocument, SourceItem } from '../source.js';
import { isStruckHtml } from './struck-html.js';

export type Fill = string | undefined;

const BLOCKS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li']);
const LISTS = new Set(['ul', 'ol']);
const tagOf = (node: HTMLElement) => node.tagName?.toLowerCase();

/**
 * A list item's own words, without the list nested in it: mammoth writes a sub-list inside its parent
 * item, and Word shows each item of it on a line of its own ("by December 2026" then "Introduce…").
 */
const ownText = (li: HTMLElement) =>
  (li.childNodes as HTMLElement[])
    .filter((c) => !LISTS.has(tagOf(c) ?? '') && tagOf(c) !== 'table')
    .map((c) => c.text)
    .join('');
const nestedLists = (li: HTMLElement) =>
  (li.childNodes as HTMLElement[]).filter((c) => LISTS.has(tagOf(c) ?? ''));

/**
 * The text of a cell: one line per paragraph or list item, so that Word's structure survives. A table
 * inside the cell is a line a row, its cells kept apart by " | " ("Supplier appointed | Sept 2026"): a
 * milestones column written so is read as a step and its date (finalize/actions.ts).
 */
function blockText(el: HTMLElement): string {
  const lines: string[] = [];
  const walk = (node: HTMLElement) => {
    for (const child of node.childNodes) {
      const c = child as HTMLElement;
      const tag = tagOf(c);
      if (!tag) continue;
      // A list item keeps a bullet, as Word shows it (mammoth leaves it out): the title of a step under
      // an action (build/milestone-rows.ts); `cleanText` takes it off everywhere else. Its sub-list's
      // items are lines of their own.
      if (tag === 'li') {
        const own = ownText(c).trim();
        if (own) lines.push(`• ${own}`);
        for (const list of nestedLists(c)) walk(list);
      } else if (BLOCKS.has(tag)) lines.push(c.text);
      else if (tag === 'table')
        lines.push(
          ...tableRows(c).map((r) =>
            r.cells
              .map((x) => x.replace(/\s+/g, ' ').trim())
              .filter(Boolean)
              .join(' | '),
          ),
        );
      else walk(c);
    }
  };
  walk(el);
  return lines.length > 0 ? lines.join('\n') : el.text;
}

type TableRow = {
  cells: string[];
  fills?: Fill[];
  mergedDown?: { cells: string[]; fills: Fill[] };
  struck?: number[];
};

/**
 * Rows of a table with merged cells spread back out, so each value stays in its column; with `fills`
 * (the Word table's cell colours, cell by cell as mammoth wrote them), each row's colours likewise. A
 * cell merged down (Word's vertical merge, mammoth's `rowspan`) reads empty in the rows below its top,
 * as Word shows it, and its text and colour are noted as the merge covering them, as a workbook's are
 * (build/merged-down.ts decides by the column whether each row takes them: a lead, a deadline, a status
 * yes; a theme, a ref or a title no).
 */
function tableRows(table: HTMLElement, fills?: Fill[][]): TableRow[] {
  const rows: TableRow[] = [];
  const spans: { col: number; left: number; text: string; fill: Fill }[] = [];
  const trs = table.querySelectorAll('tr').filter((tr) => tr.closest('table') === table);
  // The colours are used only when the XML's table has exactly the HTML's shape.
  const cellsOf = (tr: HTMLElement) =>
    (tr.childNodes as HTMLElement[]).filter((c) => ['td', 'th'].includes(c.tagName?.toLowerCase() ?? ''));
  const colours =
    fills && fills.length === trs.length && trs.every((tr, i) => cellsOf(tr).length === fills[i]!.length)
      ? fills
      : undefined;
  for (const [r, tr] of trs.entries()) {
    const row: string[] = [];
    const rowFills: Fill[] = [];
    const down: { cells: string[]; fills: Fill[] } = { cells: [], fills: [] };
    // Cells struck through, by column: a dropped action's (build/struck-rows.ts).
    const struck: number[] = [];
    const place = () => {
      for (;;) {
        const s = spans.find((x) => x.col === row.length && x.left > 0);
        if (!s) return;
        s.left--;
        down.cells[row.length] = s.text;
        down.fills[row.length] = s.fill;
        row.push('');
        rowFills.push(undefined);
      }
    };
    for (const [c, cell] of cellsOf(tr).entries()) {
      place();
      const col = row.length;
      const colspan = Number(cell.getAttribute('colspan') ?? 1) || 1;
      const rowspan = Number(cell.getAttribute('rowspan') ?? 1) || 1;
      const text = blockText(cell);
      const fill = colours?.[r]?.[c];
      if (isStruckHtml(cell)) struck.push(col);
      row.push(text);
      rowFills.push(fill);
      for (let i = 1; i < colspan; i++) {
        row.push('');
        rowFills.push(undefined);
      }
      // The text is the merge's first column's alone, as a merge across a row is never repeated.
      if (rowspan > 1)
        for (let i = 0; i < colspan; i++)
          spans.push({
            col: col + i,
            left: rowspan - 1,
            text: i === 0 ? text : '',
            fill: i === 0 ? fill : undefined,
          });
    }
    place();
    const covered = down.cells.some((t) => t?.trim()) || down.fills.some(Boolean);
    rows.push({
      cells: row,
      ...(rowFills.some(Boolean) && { fills: rowFills }),
      ...(struck.length > 0 && { struck }),
      ...(covered && {
        mergedDown: {
          cells: row.map((_, i) => down.cells[i] ?? ''),
          fills: row.map((_, i) => down.fills[i]),
        },
      }),
    });
  }
  return rows;
}

type Para = Extract<SourceItem, { type: 'para' }>;
/** What a paragraph is in Word: a heading, or a list item at its depth (0 outermost), perhaps numbered. */
type Kind = 'h' | { depth: number; numbered?: boolean };
type Kinds = Map<Para, Kind>;

/** Paragraphs as lines of text, a list paragraph as a bullet at its depth and a Word heading marked so. */
function linesOf(run: Para[], kinds: Kinds): Line[] {
  return run.map((p) => {
    const kind = kinds.get(p);
    if (kind === 'h') return { text: p.text, line: p.line, heading: true };
    if (!kind) return { text: p.text, line: p.line };
    return {
      text: `• ${p.text.trim()}`,
      line: p.line,
      depth: kind.depth,
      ...(kind.numbered && { numbered: true }),
    };
  });
}

/**
 * Word's list paragraphs (bulleted or numbered; mammoth writes them as list items without their
 * bullets) and its headings, between tables: read by the rule for lists of actions under group
 * headings (layouts/bulleted-actions.ts) as pasted text is, a list paragraph as a bullet. Other
 * paragraphs stay as they are. Rows it makes are numbered after the document's own tables, which keep
 * their numbers (and their colours).
 */
function readActionLists(items: SourceItem[], kinds: Kinds, tables: number): SourceItem[] {
  const out: SourceItem[] = [];
  let table = tables;
  let run: Para[] = [];
  const flush = () => {
    const lines = linesOf(run, kinds);
    for (let i = 0; i < lines.length; ) {
      const m = bulletedActions.read(lines, i, { known: new Set() });
      if (m && m.next > i) {
        for (const it of m.items) out.push(it.type === 'row' ? { ...it, table } : it);
        table++;
        i = m.next;
      } else out.push(run[i++]!);
    }
    run = [];
  };
  for (const it of items) {
    if (it.type === 'para') run.push(it);
    else {
      flush();
      out.push(it);
    }
  }
  flush();
  return out;
}

/**
 * A Word footnote or endnote, which mammoth lists after the text (its marker "[1]" left in the cell):
 * written as a typed note is, "[1] Subject to…", without the link back ("↑"), so it is matched with
 * the action its marker is in (build/footnotes.ts). Not a list of the plan's.
 */
function wordNote(li: HTMLElement): string | undefined {
  const n = /^(?:foot|end)note-(\d+)$/.exec(li.getAttribute('id') ?? '')?.[1];
  return n ? `[${n}] ${li.text.replace(/\s*↑\s*$/, '').trim()}` : undefined;
}

/**
 * A document's HTML in mammoth's shape (paragraphs, headings, lists, tables) read into the importer's
 * items: tables become rows, everything else paragraphs. A document with no table at all is read as its
 * paragraphs are, by the layout rules pasted text gets. Word documents come here through mammoth
 * (readers/docx.ts), web pages through readers/html.ts.
 */
export function readWordHtml(
  html: string,
  format: 'docx' | 'html',
  opts: { fills?: Fill[][][]; numbered?: boolean } = {},
): SourceDocument {
  const { fills = [], numbered = false } = opts;
  const root = parse(html);
  const items: SourceItem[] = [];
  const kinds: Kinds = new Map();
  let table = 0;
  let line = 0;
  // `depth`: how many lists hold the node, less one (a list item's depth; mammoth nests a sub-list in
  // the item above it). Each item is a paragraph of its own words, its sub-list's items after it.
  const visit = (node: HTMLElement, depth: number) => {
    for (const child of node.childNodes as HTMLElement[]) {
      const tag = tagOf(child);
      if (!tag) continue;
      if (tag === 'table') {
        for (const row of tableRows(child, fills[table]))
          items.push({ type: 'row', ...row, table, line: ++line });
        table++;
      } else if (tag === 'li') {
        const note = wordNote(child);
        const text = note ?? ownText(child);
        if (note || text.trim()) {
          const para: Para = { type: 'para', text, line: ++line };
          // An item of a numbered list opens with its number, its ref: one alone under a heading too.
          if (!note) kinds.set(para, { depth, ...(numbered && tagOf(node) === 'ol' && { numbered }) });
          items.push(para);
        }
        if (!note) for (const list of nestedLists(child)) visit(list, depth + 1);
      } else if (BLOCKS.has(tag)) {
        const para: Para = { type: 'para', text: child.text, line: ++line };
        if (tag.startsWith('h')) kinds.set(para, 'h');
        items.push(para);
      } else visit(child, LISTS.has(tag) ? depth + 1 : depth);
    }
  };
  visit(root, -1);
  if (table > 0) {
    // A Word heading after the document's last table (and after any list of actions read as one) is
    // a heading of the document's, "Monitoring and review": build-plan.ts opens a section of it.
    const read = readActionLists(items, kinds, table);
    const last = read.findLastIndex((it) => it.type === 'row');
    const out = read.map(
      (it, i): SourceItem =>
        i > last && it.type === 'para' && kinds.get(it) === 'h' && it.text.trim()
          ? { type: 'heading', text: it.text, line: it.line }
          : it,
    );
    return { format, items: out, formulaCells: [] };
  }
  // No table at all: the document is its paragraphs, read by the layout rules pasted text gets
  // (numbered items with "Lead:" lines under them, bullets under headings, a form of labels).
  const { items: read, warnings } = readLayouts(linesOf(items as Para[], kinds));
  return { format, items: read, formulaCells: [], ...(warnings.length ? { warnings } : {}) };
}
