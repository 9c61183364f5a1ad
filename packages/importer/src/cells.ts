import { decode } from 'html-entities';
import { parse } from 'node-html-parser';

const HTML_TAG = /<\/?(?:p|ul|ol|li|br|div|span|b|i|u|strong|em|font|table|tr|td|th)\b[^>]*>/i;
/** List bullets Word and converters leave in text; not a symbol a key explains ("✓ = activity that year"). */
const BULLETS = /(?:^|\s)[▪•●◦■□➢✓·]\s+(?!\s|=)/g;

/**
 * A cell or paragraph as plain text: stray HTML (`<ul style=…> ▪ …`, `<p>…</p>`) becomes one line per
 * paragraph or bullet, entities are decoded, spaces collapsed. Words are never changed.
 */
export function cleanText(raw: string): string {
  let text = raw.replace(/\r\n?/g, '\n');
  if (HTML_TAG.test(text)) {
    const root = parse(`<div>${text}</div>`);
    const lines: string[] = [];
    const walk = (node: ReturnType<typeof parse>) => {
      for (const child of node.childNodes) {
        const tag =
          'tagName' in child && typeof child.tagName === 'string' ? child.tagName.toLowerCase() : '';
        if (tag === 'p' || tag === 'li' || tag === 'div') {
          lines.push('\n');
          walk(child as ReturnType<typeof parse>);
          lines.push('\n');
        } else if (tag === 'br') lines.push('\n');
        else if (tag) walk(child as ReturnType<typeof parse>);
        else lines.push(child.rawText);
      }
    };
    walk(root);
    text = lines.join(' ');
  }
  text = decode(text);
  return text
    .replace(BULLETS, '\n')
    .split('\n')
    .map((l) => l.replace(/[\t\u00a0 ]+/g, ' ').trim())
    .filter((l) => l !== '')
    .join('\n');
}

const ENDS_SENTENCE = /[.!?:;)\]"'’”]$/;

/**
 * Joins text continued on the next row or after a page break: "re-" + "engineering" → "re-engineering";
 * a sentence cut mid-way continues on the same line; anything else starts a new line.
 */
export function joinText(a: string | undefined, b: string): string {
  if (!a) return b;
  if (!b) return a;
  const startsLower = /^[a-z]/.test(b);
  if (/[A-Za-z]-$/.test(a) && startsLower) return a + b;
  if (startsLower && !ENDS_SENTENCE.test(a)) return `${a} ${b}`;
  return `${a}\n${b}`;
}

/** True when `b` reads as the rest of a sentence `a` left unfinished (split by a page break). */
export function continuesSentence(a: string | undefined, b: string): boolean {
  return !!a && /^[a-z]/.test(b) && !ENDS_SENTENCE.test(a.trim());
}

/** Cells a spreadsheet would run as a formula (CSV injection): kept as text, flagged. */
export function looksLikeFormula(text: string): boolean {
  const t = text.trimStart();
  if (/^[=@]/.test(t)) return true;
  // "- Drive through …" is a bullet and "-5" a number; "-2+3" or "+HYPERLINK(…)" would run.
  return /^[+-]\S/.test(t) && !/^[+-]\d+(?:[.,]\d+)?%?$/.test(t);
}

/** Shortens text for messages. */
export const excerpt = (s: string, n = 60) =>
  (s.length > n ? `${s.slice(0, n - 1)}…` : s).replace(/\n/g, ' ');
