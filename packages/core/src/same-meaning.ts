/**
 * Whether two stored values say the same thing, for the history of an item: a form that sends every
 * field makes '' of a field that was never set, `{}` of an approval with nothing in it, and a period
 * whose keys come back in another order. None of those is a change a person made, so none is shown as
 * one ("was none → now none", "Period was 2025–2028 → now 2025–2028").
 */
export const meansTheSame = (a: unknown, b: unknown): boolean =>
  JSON.stringify(meaningOf(a)) === JSON.stringify(meaningOf(b));

/**
 * A value reduced to what it says: undefined, null, blank text, and empty lists and objects are all
 * "none" (undefined); an object keeps only the fields that say something, in one order.
 */
function meaningOf(v: unknown): unknown {
  if (v === null || v === undefined) return undefined;
  if (typeof v === 'string') return v.trim() ? v : undefined;
  if (Array.isArray(v)) return v.length ? v.map(meaningOf) : undefined;
  if (typeof v === 'object') {
    const kept = Object.keys(v)
      .sort()
      .flatMap((k) => {
        const m = meaningOf((v as Record<string, unknown>)[k]);
        return m === undefined ? [] : [[k, m] as const];
      });
    return kept.length ? Object.fromEntries(kept) : undefined;
  }
  return v;
}
