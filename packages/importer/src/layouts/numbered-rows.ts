import { isBoilerplate } from '../finalize/boilerplate.js';
import { THEME_PATTERNS } from '../heading-words.js';
import type { ImportWarning } from '../parsed-plan.js';
import type { SourceItem } from '../source.js';
import { isDateCell, isLeadCell } from './cell-kinds.js';
import type { LayoutHeader } from './header-cells.js';
import { headerLineAt } from './header-line.js';
import { isBlank, type Line, nextFilled } from './lines.js';
import { isWrappedText } from './pdf-columns.js';
import { type LayoutRule, row } from './rule.js';

/**
 * Numbered rows whose cells ran together, under a line of column names ("Recommendations Action Plan
 * Expected Completion Date Program Response", "Ref: Action: Achievements:"): each row starts with its
 * ref ("1. …", "E1.1 …", or "E1.2" alone on its line) and runs to the next ref. The row's text up to
 * its first full stop is what is done; the lines after it go to the header's last text column (the
 * progress or achievements a PDF printed beside it, "As of 31/03/2012: On going"). A row whose first
 * sentence is long, or several, is a row that ran together: it is kept whole and a warning says so.
 */
const INLINE = /^(?<ref>[A-Z]{0,3}\d{1,3}(?:\.\d{1,3}){0,2})[.):]?\s+(?<text>\S.*)$/;
const BARE = /^(?:[A-Z]{1,3}\d{1,3}(?:\.\d{1,3}){0,2}|\d{1,3}(?:\.\d{1,3}){1,2})\.?$/;
const ENDS = /[.!?:]["'’”)]?$/;

interface Row {
  ref: string;
  lines: Line[];
  line: number;
}

function refAt(text: string): { ref: string; text: string } | undefined {
  const t = text.trim();
  if (isDateCell(t)) return undefined;
  if (BARE.test(t)) return { ref: t.replace(/\.$/, ''), text: '' };
  const m = INLINE.exec(t);
  // "2019." and "12 months" are not refs: a ref is short and its text starts with a capital or quote.
  if (!m?.groups || !/^[A-Z‘'"“(]/.test(m.groups.text!)) return undefined;
  return { ref: m.groups.ref!, text: m.groups.text! };
}

const endsTable = (lines: Line[], k: number) => {
  const t = lines[k]!.text.trim();
  return isBoilerplate(t) || THEME_PATTERNS.some((p) => p.re.test(t)) || !!headerLineAt(lines, k);
};

const NAME = 'numbered-rows';

export const numberedRows: LayoutRule = {
  name: NAME,
  read(lines, i) {
    const h = headerLineAt(lines, i);
    if (!h) return undefined;
    const start = nextFilled(lines, h.next);
    if (start < 0 || !refAt(lines[start]!.text)) return undefined;
    const rows: Row[] = [];
    let k = start;
    for (; k < lines.length; k++) {
      const l = lines[k]!;
      if (isBlank(l)) continue;
      if (endsTable(lines, k)) break;
      const r = refAt(l.text);
      if (r) {
        rows.push({ ref: r.ref, lines: r.text ? [{ text: r.text, line: l.line }] : [], line: l.line });
        continue;
      }
      rows.at(-1)!.lines.push({ text: l.text.trim(), line: l.line });
    }
    while (k > start && isBlank(lines[k - 1])) k--;
    // One short row under a line of column words is a document's code and title ("BTB08 Administration
    // … Action Plan"), not a table.
    const words = (r: Row) => r.lines.reduce((n, l) => n + l.text.split(/\s+/).length, 0);
    if (rows.length < 2 && words(rows[0]!) < 20) return undefined;
    // Lines a PDF wrapped mid-sentence, columns side by side: no row can be read from them.
    if (isWrappedText(rows.flatMap((r) => r.lines.map((l) => l.text)))) return undefined;
    const titleAt = h.header.fields.findIndex((f) => f === 'title' || f === 'currentPosition');
    const restAt = h.header.types.lastIndexOf('text');
    if (titleAt < 0) return undefined;
    const split = deliverableRows(rows, h.header, titleAt, restAt, lines[i]!.line);
    if (split) return { items: split, next: k };
    const hasRef = h.header.fields.includes('ref');
    const header = hasRef ? h.header.cells : ['Ref', ...h.header.cells];
    const shift = hasRef ? 0 : 1;
    const refCol = hasRef ? h.header.fields.indexOf('ref') : 0;
    const items: SourceItem[] = [row(header, lines[i]!.line, NAME, true)];
    const runTogether: string[] = [];
    for (const r of rows) {
      const cut = r.lines.findIndex((l) => ENDS.test(l.text));
      const head = r.lines.slice(0, cut < 0 ? r.lines.length : cut + 1);
      const rest = r.lines.slice(head.length);
      const cells = header.map(() => '');
      cells[refCol] = r.ref;
      const title = head.map((l) => l.text).join(' ');
      cells[titleAt + shift] = title;
      if (rest.length && restAt > titleAt) cells[restAt + shift] = rest.map((l) => l.text).join('\n');
      else if (rest.length) cells[titleAt + shift] = `${title}\n${rest.map((l) => l.text).join('\n')}`;
      if (title.length > 400 || (title.match(/[.!?]\s+[A-Z]/g) ?? []).length >= 3) runTogether.push(r.ref);
      items.push(row(cells, r.line, NAME));
    }
    const warnings: ImportWarning[] = runTogether.length
      ? [
          {
            code: 'columns-run-together',
            message: `The columns of this table (${h.header.cells.join(', ')}) ran together in row ${runTogether.join(', ')}, so they could not be told apart: the row's text is kept whole as its action. Check its fields before committing.`,
            where: `lines ${rows[0]!.line}–${lines[k - 1]!.line}`,
          },
        ]
      : [];
    return { items, next: k, warnings };
  },
};

/**
 * "ActionResponsibilityTimelineDeliverable" over numbered actions, each followed by its deliverables a
 * cell a line: the deliverable's words, its timeline, who is responsible, and again (a reconciliation
 * action plan's web page copied as text). Each numbered action is the group of its deliverables, and each
 * deliverable an action with its lead and date; read only where every line after each action's first
 * sentence falls into such runs (words, then a date and a lead, either order).
 */
function deliverableRows(
  rows: Row[],
  header: LayoutHeader,
  titleAt: number,
  restAt: number,
  line: number,
): SourceItem[] | undefined {
  const dateAt = header.types.indexOf('date');
  const leadAt = header.types.indexOf('lead');
  if (restAt <= titleAt && restAt >= 0) return undefined;
  if (restAt < 0 || dateAt < 0 || leadAt < 0 || !/deliverable|output/i.test(header.cells[restAt]!))
    return undefined;
  const items: SourceItem[] = [
    row([header.cells[restAt]!, header.cells[dateAt]!, header.cells[leadAt]!], line, NAME, true),
  ];
  for (const r of rows) {
    const cut = r.lines.findIndex((l) => ENDS.test(l.text));
    if (cut < 0) return undefined;
    items.push({
      type: 'heading',
      text: `${r.ref}. ${r.lines
        .slice(0, cut + 1)
        .map((l) => l.text)
        .join(' ')}`,
      line: r.line,
    });
    const rest = r.lines.slice(cut + 1);
    let words: Line[] = [];
    for (let n = 0; n < rest.length; n++) {
      const l = rest[n]!;
      if (!isDateCell(l.text)) {
        words.push(l);
        continue;
      }
      // A date closes the deliverable's words; its lead is the line just before or just after it.
      const next = rest[n + 1];
      const after = next && !isDateCell(next.text) && isLeadCell(next.text) ? next : undefined;
      const before = !after && words.length > 1 && isLeadCell(words.at(-1)!.text) ? words.pop() : undefined;
      const lead = after ?? before;
      if (!lead || words.length === 0) return undefined;
      items.push(row([words.map((w) => w.text).join(' '), l.text, lead.text], words[0]!.line, NAME));
      words = [];
      if (after) n++;
    }
    if (words.length > 0) return undefined;
  }
  return items.some((it) => it.type === 'row' && !it.header) ? items : undefined;
}
