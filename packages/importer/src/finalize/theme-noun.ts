/**
 * What the council calls its plan's groups, read from the headings as written: "Theme 1: Pay" and
 * "Theme 2: Wellbeing" make "Theme"; "PRIORITY 3: Partnership" makes "Priority". The plan keeps it, so its
 * page and reports say "Theme 1" where the council did, not the word of the plan's kind.
 */
const NUMBER = String.raw`(?:\d{1,2}(?:\.\d+)*|[ivxlc]{1,6}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|[a-z])`;
const LABEL = new RegExp(String.raw`^\s*([a-z][a-z'’ -]{1,38}?)\s+${NUMBER}\s*(?:$|[:.\-–—)])`, 'i');
/**
 * A group named by its noun and a colon, no number ("Priority: Recruitment", a sheet's title row): only
 * a word that names a plan's groups, so "Workforce: recruitment" gives no noun.
 */
const NAMED =
  /^\s*((?:(?:key|strategic|corporate)\s+)?(?:priority|theme|objective|aim|ambition|goal|outcome|workstream|work\s+stream|pillar|strand|commitment|focus\s+area|priority\s+area))\s*:\s*\S/i;
/** Words that number something other than a group. */
const NOT_A_GROUP =
  /^(actions?|tables?|pages?|figures?|appendix|appendices|annex|steps?|items?|no|number|ref|year|phase|version)$/i;

/** As written, but a heading in capitals gives "Priority", not "PRIORITY". */
const asWord = (s: string) => (s === s.toUpperCase() ? `${s[0]}${s.slice(1).toLowerCase()}` : s);

/** The word most of the plan's theme headings open with before their number; none when they differ. */
export function councilThemeNoun(themes: ReadonlyArray<{ label?: string | undefined }>): string | undefined {
  const counts = new Map<string, { word: string; n: number }>();
  for (const t of themes) {
    const found = (LABEL.exec(t.label ?? '') ?? NAMED.exec(t.label ?? ''))?.[1]?.trim();
    if (!found) continue;
    const word = asWord(found);
    const key = word.toLowerCase();
    const seen = counts.get(key);
    counts.set(key, { word: seen?.word ?? word, n: (seen?.n ?? 0) + 1 });
  }
  const best = [...counts.values()].sort((a, b) => b.n - a.n)[0];
  if (!best || best.n * 2 <= themes.length || NOT_A_GROUP.test(best.word)) return undefined;
  return best.word;
}
