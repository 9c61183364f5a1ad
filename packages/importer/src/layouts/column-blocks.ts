import { matchHeader } from '../header-mapping.js';
import { THEME_PATTERNS } from '../heading-words.js';
import type { ImportWarning } from '../parsed-plan.js';
import type { SourceItem } from '../source.js';
import { isBlank, type Line, nextFilled } from './lines.js';
import { type LayoutRule, row } from './rule.js';

/**
 * A PDF table printed column by column: a page's numbered actions one after another ("1. Launch the
 * toolkit…", "2. Run a practice audit…", each wrapped over lines), then the other columns' names alone
 * on their lines ("Timescale/" "Target", "Lead") and their cells, then the next page's actions (its
 * number perhaps glued to the page's: "2 3. Refresh…") and their cells. Which timescale or lead is
 * whose cannot be told (a cell wraps over as many lines as its words need), so the actions are read,
 * each whole, and the other columns' lines are kept as text with a warning naming them: never guessed.
 */
const NAME = 'column-blocks';

/** "3. Refresh …", or "2 3. Refresh …" with the page's number before it. */
const ITEM = /^(?:\d{1,3}\s+)?(\d{1,2})\.\s+(\S.*)$/;
const ENDS = /[.!?]["'’”)]?$/;

/** A column's name alone on its line ("Lead", "Timescale/", "RAG"): a known name of an action's column. */
function columnName(text: string): string | undefined {
  const t = text.trim();
  // "Lead:" or "Lead officer: Resourcing Manager" is a field's label, not a column's name.
  if (t.split(/\s+/).length > 3 || t.includes(':')) return undefined;
  const m = matchHeader(t.replace(/\/$/, ''))[0];
  return m && m.table === 'actions' && m.confidence >= 0.85 && m.field !== 'title' ? m.field : undefined;
}

/** "Actions", "Specific Actions": the name of the actions' own column, alone on its line. */
function titleName(text: string): string | undefined {
  const t = text.trim();
  if (t.split(/\s+/).length > 3) return undefined;
  const m = matchHeader(t)[0];
  return m && m.table === 'actions' && m.confidence >= 0.85 && m.field === 'title' ? t : undefined;
}

interface Item {
  ref: string;
  text: string[];
  line: number;
}

export const columnBlocks: LayoutRule = {
  name: NAME,
  read(lines, i) {
    // The actions' column name above them ("Specific Actions") is the table's header.
    const named = titleName(lines[i]!.text);
    if (named) i = nextFilled(lines, i + 1);
    if (i < 0) return undefined;
    const first = ITEM.exec(lines[i]!.text.trim());
    if (first?.[1] !== '1' || /^\d+\s/.test(lines[i]!.text.trim())) return undefined;
    const items: Item[] = [];
    const cells: Line[] = [];
    let open: Item | undefined;
    let fields = 0;
    let afterItems = false;
    let j = i;
    for (; j < lines.length; j++) {
      const l = lines[j]!;
      if (isBlank(l)) {
        open = undefined;
        // Past the cells, a blank line ends the table unless the next page's actions follow.
        const next = lines.slice(j + 1).find((x) => !isBlank(x));
        const m = next && ITEM.exec(next.text.trim());
        if (cells.length > 0 && !(m && Number(m[1]) === items.length + 1)) break;
        continue;
      }
      const t = l.text.trim();
      if (THEME_PATTERNS.some((p) => p.re.test(t))) break;
      const m = ITEM.exec(t);
      if (m && Number(m[1]) === items.length + 1) {
        open = { ref: m[1]!, text: [m[2]!], line: l.line };
        items.push(open);
        afterItems = false;
        continue;
      }
      if (open && !ENDS.test(open.text.at(-1)!) && !columnName(t)) {
        open.text.push(t);
        continue;
      }
      open = undefined;
      // The other columns start with their names, after the first page's actions.
      if (!afterItems && cells.length === 0 && !columnName(t)) break;
      afterItems = true;
      const f = columnName(t);
      if (f === 'due' || f?.startsWith('lead:')) fields++;
      cells.push(l);
    }
    // Each action a sentence of its own, read whole: anything else is not known to be this layout.
    if (items.length < 2 || fields === 0 || cells.length < 3) return undefined;
    if (!items.every((it) => ENDS.test(it.text.at(-1)!))) return undefined;
    const items_: SourceItem[] = [row(['Ref', named ?? 'Action'], lines[i]!.line, NAME, true)];
    for (const it of items) items_.push(row([it.ref, it.text.join(' ')], it.line, NAME));
    for (const c of cells) items_.push({ type: 'para', text: c.text.trim(), line: c.line });
    const where = `lines ${cells[0]!.line}–${cells.at(-1)!.line}`;
    const warnings: ImportWarning[] = [
      {
        code: 'columns-out-of-order',
        message: `This table was printed column by column: its ${items.length} actions were read, but the other columns' cells (${where}) could not be matched to them and are kept as text. Add each action's lead and deadline in the preview.`,
        where,
      },
    ];
    return { items: items_, next: j, warnings };
  },
};
