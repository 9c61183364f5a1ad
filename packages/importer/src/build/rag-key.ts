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

/** A line of a RAG key; `inKey` when the line before was one (a key often gives each colour a line). */
function keyLine(t: string, inKey: boolean): boolean {
  if (t.length > 600) return false;
  if (KEY_TITLE.test(t) || KEY_OPENING.test(t)) return true;
  // "Red - behind schedule, Amber - at risk, Green - on schedule": opens with a colour, names three.
  if (KEY_ITEM.test(t) && new Set([...t.matchAll(COLOUR_ITEM)].map((m) => m[1])).size >= 3) return true;
  return inKey && t.length < 200 && KEY_ITEM.test(t);
}

/**
 * Takes `text` into the plan's RAG key when it is a line of one, and says so; any other text ends the
 * key. A bare title line ("Key") is not kept: the section is called "RAG key".
 */
export function takeRagKeyLine(s: BuildState, text: string): boolean {
  const t = text.trim().toLowerCase();
  if (!keyLine(t, s.ragKey !== undefined)) {
    s.ragKey = undefined;
    return false;
  }
  s.ragKey ??= s.d.sections.find((x) => x.key === 'rag-key') ?? startSection(s, 'RAG key');
  if (!KEY_TITLE.test(t)) s.ragKey.lines.push(text.trim());
  return true;
}
