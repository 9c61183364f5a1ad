import { isBoilerplate } from '../finalize/boilerplate.js';
import { matchHeader } from '../header-mapping.js';
import type { SourceItem } from '../source.js';
import { THEME_PATTERNS } from '../synonyms.js';
import { headerLineAt } from './header-line.js';
import { isBlank, type Line } from './lines.js';
import { type LayoutRule, row } from './rule.js';

/**
 * Tables run into one paragraph a row: a header ("Action ID" alone, or a line of column names such
 * as "Recommendation Action Plan Expected Completion Date Response") and then one paragraph per
 * row, the cells' text run together. With one column, each paragraph is an action. With several,
 * the cells cannot be told apart: the row is kept whole as its action, a warning says so, and
 * paragraphs between numbered rows ("1. …", then "Status: …") carry on the row above in its last
 * column.
 */
const NUMBERED = /^(?<ref>\d{1,3}(?:\.\d{1,3}){0,2})[.)]\s+(?<text>\S.*)$/s;

/** A paragraph long enough to be a row, not a caption or a label. */
const isProse = (t: string) => t.split(/\s+/).length >= 6;

/** One column name alone on its line that names what is done or its number ("Action ID", "Actions"). */
function singleHeader(t: string): boolean {
  if (t.split(/\s+/).length > 4 || /[.:;]$/.test(t)) return false;
  const m = matchHeader(t)[0];
  return !!m && m.confidence >= 1 && m.table === 'actions' && (m.field === 'title' || m.field === 'ref');
}

/** Paragraphs from line `j`: lines joined until a blank line; stops at a heading or the page's own text. */
function readParagraphs(lines: Line[], j: number): { paras: Line[]; next: number } {
  const paras: Line[] = [];
  let k = j;
  let open = false;
  for (; k < lines.length; k++) {
    const l = lines[k]!;
    if (isBlank(l)) {
      open = false;
      continue;
    }
    const t = l.text.trim();
    if (isBoilerplate(t) || THEME_PATTERNS.some((p) => p.re.test(t)) || headerLineAt(lines, k)) break;
    // A numbered line starts a row of its own even with no blank line before it.
    if (open && !NUMBERED.test(t)) paras.at(-1)!.text += `\n${t}`;
    else paras.push({ text: t, line: l.line });
    open = true;
  }
  while (k > j && isBlank(lines[k - 1])) k--;
  return { paras, next: k };
}

const NAME = 'paragraph-rows';

export const paragraphRows: LayoutRule = {
  name: NAME,
  read(lines, i) {
    const t = lines[i]!.text.trim();
    const multi = headerLineAt(lines, i);
    if (!multi && !singleHeader(t)) return undefined;
    const { paras, next } = readParagraphs(lines, multi?.next ?? i + 1);
    const first = paras[0];
    if (!first || !isProse(first.text)) return undefined;
    const items: SourceItem[] = [];
    if (!multi) {
      // One column: every paragraph is an action; the header's words are kept as text.
      if (paras.filter((p) => isProse(p.text)).length < 2) return undefined;
      items.push({ type: 'para', text: t, line: lines[i]!.line });
      items.push(row(['Action'], lines[i]!.line, NAME, true));
      for (const p of paras) items.push(row([p.text], p.line, NAME));
      return { items, next };
    }
    const h = multi.header;
    const titleAt = h.fields.findIndex((f) => f === 'title' || f === 'currentPosition');
    const lastText = h.types.lastIndexOf('text');
    // Several columns: rows are numbered ("1. …"), and the paragraphs between two numbers carry on
    // the row above. Unnumbered paragraphs under a line of column words are a report's own text.
    if (!NUMBERED.test(first.text)) return undefined;
    const cells = ['Ref', ...h.cells];
    items.push(row(cells, lines[i]!.line, NAME, true));
    let current: string[] | undefined;
    for (const p of paras) {
      const m = NUMBERED.exec(p.text);
      if (!m && current) {
        const at = lastText + 1;
        current[at] = current[at] ? `${current[at]}\n${p.text}` : p.text;
        continue;
      }
      current = cells.map(() => '');
      current[0] = m?.groups?.ref ?? '';
      current[titleAt + 1] = m?.groups?.text ?? p.text;
      items.push(row(current, p.line, NAME));
    }
    const rows = items.filter((x) => x.type === 'row' && !x.header).length;
    return {
      items,
      next,
      warnings: [
        {
          code: 'columns-run-together',
          message: `The ${h.cells.length} columns of this table (${h.cells.join(', ')}) were run together into one paragraph per row, so they could not be told apart: each of the ${rows} rows is kept whole as its action's text. Check the fields before committing.`,
          where: `lines ${first.line}–${paras.at(-1)!.line}`,
        },
      ],
    };
  },
};
