/**
 * Natural order for refs: `1.2` before `1.10`, `A` before `B`. One collator for the process: building
 * one per comparison (`localeCompare` with options) made sorting a 500-action plan cost more than reading it.
 */
export const compareRefs: (a: string, b: string) => number = new Intl.Collator('en-GB', {
  numeric: true,
  sensitivity: 'base',
}).compare;

/**
 * A ref as people mean it: compatibility forms folded (NFKC: a full-width "３.３" is "3.3"), invisible
 * characters that Word and web pages carry along taken out (zero-width spaces and joiners, the byte-order
 * mark), runs of spaces made one. "3.3" and "3.3\u200b" look alike on every page and report, so they may
 * not be two actions' refs.
 */
export const normaliseRef = (ref: string): string =>
  ref
    .normalize('NFKC')
    .replace(/[\u200b-\u200d\u2060\ufeff\u00ad]/g, '')
    .replace(/\s+/g, ' ')
    .trim();

/** Whether two refs name the same thing: as normalised, and regardless of case ("3a" is "3A"). */
export const sameRef = (a: string, b: string): boolean =>
  normaliseRef(a).toLowerCase() === normaliseRef(b).toLowerCase();
