import { isBoilerplate } from '../finalize/boilerplate.js';
import { matchHeader } from '../header-mapping.js';
import { THEME_PATTERNS } from '../heading-words.js';
import type { SourceItem } from '../source.js';
import { headerLineAt } from './header-line.js';
import { isBlank, type Line } from './lines.js';
import { type LayoutRule, row } from './rule.js';

/**
 * A one-column table run into paragraphs: a column name alone on its line ("Action ID", "Actions"),
 * then one paragraph per action.
 */

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
    if (open) paras.at(-1)!.text += `\n${t}`;
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
    if (!singleHeader(t)) return undefined;
    const { paras, next } = readParagraphs(lines, i + 1);
    if (paras.filter((p) => isProse(p.text)).length < 2 || !isProse(paras[0]!.text)) return undefined;
    // Every paragraph is an action; the header's words are kept as text.
    const items: SourceItem[] = [{ type: 'para', text: t, line: lines[i]!.line }];
    items.push(row(['Action'], lines[i]!.line, NAME, true));
    for (const p of paras) items.push(row([p.text], p.line, NAME));
    return { items, next };
  },
};
