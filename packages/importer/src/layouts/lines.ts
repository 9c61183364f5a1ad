/** A line of pasted or extracted text, with its 1-based line number in the source (for warnings). */
export interface Line {
  text: string;
  line: number;
  /** A Word heading (Heading 1–6): a heading whatever its length or its last character. */
  heading?: boolean;
  /** A Word list paragraph's level: 0 for its list's outermost items, 1 for those under them… */
  depth?: number;
  /** A Word list item that opens with the number Word gives it ("1.1 Launch…"): that number is its ref. */
  numbered?: boolean;
}

export const isBlank = (l: Line | undefined) => !l || l.text.trim() === '';

/** Lines split from text, `\r\n` and `\r` read as line ends. */
export function toLines(text: string): Line[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((t, i) => ({ text: t, line: i + 1 }));
}

/** The next non-blank line at or after `i`, or -1. */
export function nextFilled(lines: Line[], i: number): number {
  for (let j = i; j < lines.length; j++) if (!isBlank(lines[j])) return j;
  return -1;
}

/** Words of a line, with the offset each starts at (for column positions). */
export function wordsAt(text: string): { word: string; at: number }[] {
  return [...text.matchAll(/\S+/g)].map((m) => ({ word: m[0], at: m.index }));
}
