import { isBoilerplate } from '../finalize/boilerplate.js';
import { THEME_PATTERNS } from '../heading-words.js';
import type { ImportWarning } from '../parsed-plan.js';
import type { SourceItem } from '../source.js';
import { isDateCell } from './cell-kinds.js';
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
