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
/** "C – Complete", "C = completed": the letter a plan may write its blue with. */
const COMPLETE_ITEM = /^c\b\s*[:=\-–—(]\s*(?:complete|completed|closed|done|achieved)\b/;
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
  // "C – Complete" in a key of colours: a rating's letter where the plan writes its blue so.
  if (inKey && colourKey && t.length < 200 && COMPLETE_ITEM.test(t)) return true;
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
  const lines: string[] = [];
  const colours = new Set<string>();
  let taken = 0;
  for (const [r, row] of rows.entries()) {
    const line = keyRow(row, r, clean);
    // Rows after a key of three colours or more (a list of abbreviations on the key's sheet) are not its.
    if (line === undefined) {
      if (colours.size >= 3) break;
      return 0;
    }
    if (r >= MAX_KEY_ROWS) return 0;
    taken = r + 1;
    if (!line) continue;
    colours.add(line.colour);
    lines.push(line.text);
  }
  if (colours.size < 3) return 0;
  s.ragKey = undefined;
  const section = s.d.sections.find((x) => x.key === 'rag-key') ?? startSection(s, 'RAG key');
  section.lines.push(...lines);
  return taken;
}

/**
 * A key table's row: its colour and the line it reads as, `null` for its title row ("RAG key"), none
 * when it is no row of a key. The colour is the first cell's word, else the first cell's shading: a
 * letter the plan rates with ("C", "NS") on a swatch is that colour's code ("Blue (C) – Complete").
 */
function keyRow(
  row: ReturnType<typeof tableRows>[number],
  r: number,
  clean: (t: string) => string,
): { colour: string; text: string } | null | undefined {
  const filled = row.cells.map(clean).filter((c) => c !== '');
  if (filled.length > 3 || filled.length === 0) return undefined;
  if (r === 0 && filled.length === 1 && KEY_TITLE.test(filled[0]!.toLowerCase())) return null;
  const written = COLOUR_CELL.exec(filled[0]!);
  const swatch = row.fills?.[0];
  const shaded = ragWordOfFill(swatch) ?? greyWordOfFill(swatch);
  // Unshaded, "C | Complete" in a key of colours is its blue.
  const complete = !written && !shaded && COMPLETE_ITEM.test(filled.join(' – ').toLowerCase());
  const code =
    !written && (shaded || complete) && filled.length > 1 && CODE_CELL.test(filled[0]!)
      ? filled[0]
      : undefined;
  const colour = written ? colourName(written[1]!) : complete ? 'Blue' : shaded;
  const meaning = (written || code ? filled.slice(1) : filled).join(' – ');
  // What the colour means is words: "Red | 3" is a count of red actions, not a key.
  if (!colour || !/\p{L}{3}/u.test(meaning)) return undefined;
  return { colour, text: `${colour}${code ? ` (${code})` : ''} – ${meaning}` };
}

/** A key has a row per colour, and perhaps a title row: more rows than that are a table of something else. */
const MAX_KEY_ROWS = 7;
/** A rating's code written on its swatch: "C", "NS", "B/C". */
const CODE_CELL = /^[A-Z]{1,2}(?:\/[A-Z]{1,2})?$/;
