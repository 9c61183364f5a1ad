const STOP = new Set(
  'a an and the of to for with in on at by as is be we our see also above below re per refer its their this that from into'.split(
    ' ',
  ),
);

/** Significant words, lower case, apostrophes and hyphens dropped ("re- organisation" = "re-organisation"). */
export function tokens(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/['’‘]/g, '')
    .replace(/([a-z])-\s*(?=[a-z])/g, '$1')
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 1 && !STOP.has(w))
    .map(stem);
}

/** Enough stemming for titles: "developments" ≈ "development", "implementation" ≈ "implement". */
function stem(w: string): string {
  return w.replace(/(?:ations?|ing|s)$/, '') || w;
}

export interface Candidate {
  ref: string;
  title: string;
}

/**
 * The candidate a citation names: all of the citation's words in the title, most of the title's
 * words in the citation, or close overall (Jaccard ≥ `minJaccard`; `strict` allows only this).
 * Best overlap wins.
 */
export function bestMatch(
  citation: string,
  candidates: Candidate[],
  { minJaccard = 0.6, strict = false }: { minJaccard?: number; strict?: boolean } = {},
): Candidate | undefined {
  const r = new Set(tokens(citation));
  if (r.size === 0) return undefined;
  let best: { c: Candidate; score: number } | undefined;
  for (const c of candidates) {
    const t = new Set(tokens(c.title));
    if (t.size === 0) continue;
    const common = [...r].filter((w) => t.has(w)).length;
    const jaccard = common / (r.size + t.size - common);
    const citesAll = common === r.size && (r.size >= 2 || t.size <= 2);
    const titleCovered = common / t.size >= 0.75 && common >= Math.min(2, t.size);
    if (!(jaccard >= minJaccard || (!strict && (citesAll || titleCovered)))) continue;
    if (!best || jaccard > best.score) best = { c, score: jaccard };
  }
  return best?.c;
}

/** How many significant words two texts share. */
export function sharedWords(a: string, b: string): number {
  const x = new Set(tokens(a));
  return new Set(tokens(b).filter((w) => x.has(w))).size;
}
