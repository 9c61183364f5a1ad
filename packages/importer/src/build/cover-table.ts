import { isHeader } from '../header-mapping.js';
import { type SourceItem, tableRows } from '../source.js';

/**
 * A plan's details laid out as a small table of labels and values, a cover sheet's or a Word cover's:
 * "Plan title | People Plan 2026–2029", "Plan owner | Director of Resources", "Approved by | Cabinet".
 * Read at the table's first row, its rows are the cover's lines ("Plan owner: Director of Resources"),
 * which say the plan's title, owner and the rest. Without this, "Plan owner | Director of Resources"
 * read as an action table's header (owner, resources) and every detail below it became an action.
 *
 * A table is one when it is short, every row is a label and one value (or a title alone on the first
 * row), and most labels are words a cover uses. Lines of one cell after its pairs (a sentence about the
 * plan under a cover sheet's details) are the cover's too.
 */
export function coverTableLines(
  items: readonly SourceItem[],
  index: number,
  clean: (t: string) => string,
): { text: string; detail: boolean }[] | undefined {
  const first = items[index];
  if (first?.type !== 'row') return undefined;
  // "Action | Lead" over its rows is an action table, even of two columns.
  if (isHeader(first.cells.map(clean))) return undefined;
  const rows = tableRows(items, index, MAX_ROWS);
  if (rows.length > MAX_ROWS) return undefined;
  const lines: { text: string; detail: boolean }[] = [];
  const after: { text: string; detail: boolean }[] = [];
  let covered = 0;
  for (const [r, row] of rows.entries()) {
    const filled = row.cells.map(clean).filter((c) => c !== '');
    if ((r === 0 || after.length || lines.length >= 2) && filled.length === 1) {
      (r === 0 ? lines : after).push({ text: filled[0]!, detail: false });
      continue;
    }
    if (filled.length !== 2 || after.length) return undefined;
    const [label, value] = filled as [string, string];
    if (label.split(/\s+/).length > 3 || /[.;]$/.test(label)) return undefined;
    if (COVER_LABEL.test(label)) covered++;
    lines.push({ text: `${label.replace(/\s*:$/, '')}: ${value}`, detail: true });
  }
  const pairs = lines.filter((l) => l.detail).length;
  return pairs >= 2 && covered / pairs >= 0.6 ? [...lines, ...after] : undefined;
}

const MAX_ROWS = 15;

/** Words a plan's cover labels its details with. */
const COVER_LABEL =
  /\b(?:title|name|owner|sponsor|author|approved|approval|date|version|review|reviewed|updated|status|period|directorate|department|service|council|organisation|contact|prepared|responsible|portfolio|lead\s+member|cabinet|committee|published|effective|valid)\b/i;
