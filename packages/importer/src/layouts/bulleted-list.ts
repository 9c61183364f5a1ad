import { matchHeader } from '../header-mapping.js';
import { MEASURE_HEADINGS } from '../heading-words.js';
import type { SourceItem } from '../source.js';
import { isBlank, type Line, nextFilled } from './lines.js';
import { type LayoutRule, row } from './rule.js';

/**
 * Bulleted lists of actions: bullets ("- ", "• ", "· ") that a line introduces as actions ("… by
 * implementing the following actions:", "We will:"), or that follow a label and its value naming
 * who owns them ("Governance Group" / "People Experience Group- Co-create …", where a web page ran
 * the value into the first bullet). A sentence just above the label is the theme the bullets serve.
 * Bullets under a group heading that say who leads them or by when are read by bulleted-actions.ts;
 * bullets anywhere else (a page's figures, a list of goals) are not read as actions.
 */
// A dash before a number may be a minus or a range ("- 5", "– 2026"); a bullet glyph before one is a
// bullet ("• 90% of managers …").
const BULLET = /^\s*(?:[•▪●◦■➢·]\s+(?=\S)|(?:[-–*]|o(?=\s))\s+(?=\S)(?!\d))/;
export const isBullet = (t: string) => BULLET.test(t);
export const bulletText = (t: string) => t.replace(BULLET, '').trim();

/** "… by implementing the following actions:", "We will:", "Actions:" */
export const INTRODUCES =
  /(?:\bactions?\b|\bwe\s+will\b|\bsteps\b|\bcommitments?\b|\bobjectives\b|\bpriorities\b|\bwill\s+be\s+(?:done|taken|delivered)\b)[^:]{0,60}:\s*$/i;

/** A label alone on its line naming a column ("Governance Group", "Lead officer"). */
function labelLine(t: string): string | undefined {
  const text = t.trim();
  if (text.split(/\s+/).length > 4 || /[.:;]$/.test(text)) return undefined;
  const m = matchHeader(text)[0];
  // Who owns the bullets, or when they are due: a "Description" label introduces prose instead.
  const owns = m && (m.field.startsWith('lead:') || m.field === 'ignore' || m.field === 'due');
  return m && owns && m.confidence >= 1 && m.table === 'actions' ? text : undefined;
}

/** "People Experience Group- Co-create …": a value a web page ran into the first bullet. */
const GLUED = /^(?<value>[A-Z][^-–]{2,120}?[^\s-])\.?\s?[-–]\s+(?<rest>\S.*)$/;

interface Bullets {
  /** Each bullet's text and line, and a Word list item's depth (lines.ts). */
  texts: { text: string; line: number; depth?: number; numbered?: boolean }[];
  next: number;
}

/**
 * Bullets from line `j`: a bullet's text runs on over lines until a blank line or the next bullet, or
 * a line `carriesOn` says is not more of it (a heading under the list, with no blank line between).
 * A line carried on is joined to the bullet after `separator` (a space, or a dash setting a field apart).
 */
export function readBullets(
  lines: Line[],
  j: number,
  first?: { text: string; line: number },
  carriesOn: (text: string, bullet: string) => boolean = () => true,
  separator: (text: string) => string = () => ' ',
): Bullets {
  const texts = first ? [first] : [];
  let k = j;
  for (; k < lines.length; k++) {
    const l = lines[k]!;
    if (isBlank(l)) {
      const n = nextFilled(lines, k + 1);
      if (n < 0 || !isBullet(lines[n]!.text)) break;
      continue;
    }
    if (isBullet(l.text))
      texts.push({
        text: bulletText(l.text),
        line: l.line,
        ...(l.depth !== undefined && { depth: l.depth }),
        ...(l.numbered && { numbered: true }),
      });
    else if (texts.length > 0 && !isBlank(lines[k - 1]) && carriesOn(l.text, texts.at(-1)!.text))
      texts.at(-1)!.text += `${separator(l.text)}${l.text.trim()}`;
    else break;
  }
  return { texts, next: k };
}

const NAME = 'bulleted-list';

export const bulletedList: LayoutRule = {
  name: NAME,
  read(lines, i) {
    const t = lines[i]!.text.trim();
    const items: SourceItem[] = [];
    let j = i;
    // A sentence above a label: the theme the bullets serve.
    const k = nextFilled(lines, i + 1);
    if (!labelLine(t) && !INTRODUCES.test(t) && k > 0 && labelLine(lines[k]!.text)) {
      items.push({ type: 'heading', text: t, line: lines[i]!.line });
      j = k;
    }
    const label = labelLine(lines[j]!.text);
    if (label) {
      const v = nextFilled(lines, j + 1);
      if (v < 0) return undefined;
      const valueLine = lines[v]!;
      const glued = GLUED.exec(valueLine.text.trim());
      const value = glued?.groups ? glued.groups.value! : valueLine.text.trim();
      if (value.split(/\s+/).length > 15) return undefined;
      const first = glued?.groups ? { text: glued.groups.rest!, line: valueLine.line } : undefined;
      const list = readBullets(lines, v + 1, first);
      // The label and its value say what the list is: one bullet is enough.
      if (list.texts.length < 1) return undefined;
      items.push(row(['Action', label], lines[j]!.line, NAME, true));
      for (const b of list.texts) items.push(row([b.text, value], b.line, NAME));
      return { items, next: list.next };
    }
    // "How we will know we have succeeded:" introduces measures, not actions.
    if (!INTRODUCES.test(t) || MEASURE_HEADINGS.some((re) => re.test(t))) return undefined;
    const start = nextFilled(lines, i + 1);
    if (start < 0 || !isBullet(lines[start]!.text)) return undefined;
    const list = readBullets(lines, start);
    if (list.texts.length < 2) return undefined;
    items.push({ type: 'para', text: t, line: lines[i]!.line });
    items.push(row(['Action'], lines[start]!.line, NAME, true));
    for (const b of list.texts) items.push(row([b.text], b.line, NAME));
    return { items, next: list.next };
  },
};
