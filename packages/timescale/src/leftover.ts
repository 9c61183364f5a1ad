/** What a deadline cell says besides the parts read as its timescale: kept as the reading's note. */

const LEAD = /^(?:[\s\-:;,./&+]+|(?:and|by|from|until|till|due|deadline|between)\b)/i;
const TRAIL =
  /(?:[\s\-:;,./&+]+|\b(?:by|in|on|at|the|of|to|until|till|due|deadline|target|date|and|from|for|before|during|end|no\s+later\s+than|or|is|are|was|be|between))$/i;

/** Tidies a leftover piece of commentary: fillers and stray punctuation off both ends. */
export function tidy(seg: string): string {
  let s = seg.trim();
  for (let prev = ''; prev !== s; ) {
    prev = s;
    s = s.replace(LEAD, '').replace(TRAIL, '').trim();
    if (s.startsWith(')') || (s.startsWith('(') && !s.includes(')'))) s = s.slice(1).trim();
    if (s.endsWith('(') || (s.endsWith(')') && !s.includes('('))) s = s.slice(0, -1).trim();
  }
  return s;
}

/** What is left of the cell once the parts that made the reading are taken out. */
export function leftover(s: string, used: { at: number; end: number }[]): string | undefined {
  const cuts = [...used].sort((a, b) => a.at - b.at);
  const pieces: string[] = [];
  let i = 0;
  for (const c of cuts) {
    if (c.at > i) pieces.push(s.slice(i, c.at));
    i = Math.max(i, c.end);
  }
  pieces.push(s.slice(i));
  const kept = pieces.map(tidy).filter(Boolean);
  return kept.length ? kept.join('; ') : undefined;
}

/** The cell with the given parts blanked out, so that positions in it still line up. */
export function blank(s: string, spans: { at: number; end: number }[]): string {
  let out = s;
  for (const m of spans) out = out.slice(0, m.at) + ' '.repeat(m.end - m.at) + out.slice(m.end);
  return out;
}
