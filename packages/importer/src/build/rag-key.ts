import { isHeader } from '../header-mapping.js';
import { greyWordOfFill, ragWordOfFill } from '../readers/cell-colours.js';
import { tableRows } from '../source.js';
import type { BuildState } from './drafts.js';
import { startSection } from './themes.js';

/**
 * A key to the RAG colours ("RAG key: Red – off track, Amber – at risk…", or "Key" and then a line per
 * colour), usually under the table, explains the plan: it is kept as the plan's "RAG key" section, not
 * as a note on the last action nor, in a spreadsheet, as a theme or a risk.
 */

/** "RAG key", "Key:", "Status key" on a line of its own: the section's title says it. */
const KEY_TITLE = /^(?:(?:b?rag|status|rating|colour)\s+){0,2}(?:key|legend)\s*:?$/;
/** "RAG key: Red – off track…", "Key: Green = on track…". */
const KEY_OPENING =
  /^(?:(?:b?rag|status|rating)\s+(?:status\s+|rating\s+)?(?:key|legend)\b|key\s*[:\-–—].*\b(?:red|amber|green|blue)\b)/;
/** One colour's line of a key: "Amber = some slippage", "G – on track". */
const KEY_ITEM = /^(?:red|amber|green|blue|grey|r|a|g|b)\b\s*[:=\-–—(]/;
/** A colour named as a key names it: "Green – on track", "Red (behind)". */
const COLOUR_ITEM = /\b(red|amber|green|blue)\b\s*[:=\-–—(]/g;
/** A colour written in full at a line's start: "Amber = some slippage" (not "A – Leadership"). */
const COLOUR_WORD = /^(?:red|amber|green|blue|grey)\b/;
/** What a letter means in a RAG key: its colour ("R = Red"), or a status ("on track", "at risk", "complete"). */
const STATUS_MEANING =
  /\b(?:on|off)\s+(?:track|target|schedule)\b|\b(?:red|amber|green|blue|gr[ae]y|behind|ahead|delay(?:ed|s)?|slipp(?:age|ed|ing)|risks?|concerns?|complet(?:e|ed|ion)|achieved|met|missed|started|progress(?:ing)?|overdue|late|issues?|problems?|closed|done|ongoing|cancelled|hold|attention|intervention|exceptions?)\b/;

/**
 * A line of a RAG key; `inKey` when the line before was one (a key often gives each colour a line),
 * `colourKey` when the key so far is known to be one of colours (a colour line, or "RAG key" as its title).
 * A letter alone ("A – …", "B – …") is a colour only in such a key or when it means a status: "Key:"
 * then "A – Leadership and culture" is a key of the plan's groups (build/letter-groups.ts).
 */
function keyLine(t: string, inKey: boolean, colourKey: boolean): boolean {
  if (t.length > 600) return false;
  if (KEY_TITLE.test(t) || KEY_OPENING.test(t)) return true;
  // "Red - behind schedule, Amber - at risk, Green - on schedule": opens with a colour, names three.
  if (KEY_ITEM.test(t) && new Set([...t.matchAll(COLOUR_ITEM)].map((m) => m[1])).size >= 3) return true;
  if (!inKey || t.length >= 200 || !KEY_ITEM.test(t)) return false;
  return colourKey || COLOUR_WORD.test(t) || STATUS_MEANING.test(t.replace(KEY_ITEM, ''));
}

/** A title that says the key is of colours or statuses: "RAG key", "Status key" (not "Key" alone). */
const NAMED_KEY = /^(?:b?rag|status|rating|colour)\b/;

/**
 * Takes `text` into the plan's RAG key when it is a line of one, and says so; any other text ends the
 * key. A bare title line ("Key") is not kept: the section is called "RAG key". The section is made at
 * the key's first colour line, so a "Key:" over something else leaves no empty "RAG key" behind.
 */
export function takeRagKeyLine(s: BuildState, text: string): boolean {
  const t = text.trim().toLowerCase();
  // Until a colour line comes, the key is a placeholder outside the plan's sections.
  const started = s.ragKey !== undefined && s.d.sections.includes(s.ragKey);
  const colourKey = started || NAMED_KEY.test(s.ragKey?.title.toLowerCase() ?? '');
  if (!keyLine(t, s.ragKey !== undefined, colourKey)) {
    s.ragKey = undefined;
    return false;
  }
  if (KEY_TITLE.test(t)) {
    s.ragKey = { key: 'rag-key', title: t, lines: [] };
    return true;
  }
  if (!started) s.ragKey = s.d.sections.find((x) => x.key === 'rag-key') ?? startSection(s, 'RAG key');
  s.ragKey!.lines.push(text.trim());
  return true;
}

/** A key's colour written in its cell: "Red", "AMBER", "G". */
const COLOUR_CELL = /^(red|amber|green|blue|grey|gray|r|a|g|b)\b\.?$/i;
const COLOUR_NAMES: Record<string, string> = { r: 'Red', a: 'Amber', g: 'Green', b: 'Blue', gray: 'Grey' };
const colourName = (word: string) => {
  const w = word.toLowerCase().replace(/\.$/, '');
  return COLOUR_NAMES[w] ?? `${w[0]!.toUpperCase()}${w.slice(1)}`;
};

/**
 * A RAG key laid out as a small table of its own, a row per colour: "Red | Significantly off track",
 * or a cell shaded red beside what it means (the colour shown only as the cell's shading). Read at the
 * table's first row; answers how many rows it took (0: not a key). A row's colour is its first cell's
 * word, else its shading; a key names at least three colours and every row but a title row has one.
 */
export function takeRagKeyTable(s: BuildState, index: number, clean: (t: string) => string): number {
  const first = s.items[index];
  if (first?.type !== 'row') return 0;
  // A table with a header ("Action | Lead | RAG") is a table of its own, however few its rows.
  if (isHeader(first.cells.map(clean))) return 0;
  const rows = tableRows(s.items, index, MAX_KEY_ROWS);
  if (rows.length > MAX_KEY_ROWS) return 0;
  const lines: string[] = [];
  const colours = new Set<string>();
  for (const [r, row] of rows.entries()) {
    const cells = row.cells.map(clean);
    const filled = cells.map((c, i) => ({ c, i })).filter((x) => x.c !== '');
    if (filled.length > 3) return 0;
    if (r === 0 && filled.length === 1 && KEY_TITLE.test(filled[0]!.c.toLowerCase())) continue;
    const written = filled[0] && COLOUR_CELL.exec(filled[0].c);
    // The colour is the row's first cell's: the swatch beside what it means.
    const swatch = row.fills?.[0];
    const shaded = ragWordOfFill(swatch) ?? greyWordOfFill(swatch);
    const colour = written ? colourName(written[1]!) : shaded;
    const meaning = (written ? filled.slice(1) : filled).map((x) => x.c).join(' – ');
    // What the colour means is words: "Red | 3" is a count of red actions, not a key.
    if (!colour || !/\p{L}{3}/u.test(meaning)) return 0;
    colours.add(colour);
    lines.push(`${colour} – ${meaning}`);
  }
  if (colours.size < 3) return 0;
  s.ragKey = undefined;
  const section = s.d.sections.find((x) => x.key === 'rag-key') ?? startSection(s, 'RAG key');
  section.lines.push(...lines);
  return rows.length;
}

/** A key has a row per colour, and perhaps a title row: more rows than that are a table of something else. */
const MAX_KEY_ROWS = 7;
