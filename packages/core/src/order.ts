/**
 * Natural order for refs: `1.2` before `1.10`, `A` before `B`. One collator for the process: building
 * one per comparison (`localeCompare` with options) made sorting a 500-action plan cost more than reading it.
 */
export const compareRefs: (a: string, b: string) => number = new Intl.Collator('en-GB', {
  numeric: true,
  sensitivity: 'base',
}).compare;

/**
 * A ref (or a short label such as a directorate) as people mean it: compatibility forms folded (NFKC: a
 * full-width "３.３" is "3.3"), characters nobody sees taken out (every format and control character:
 * zero-width spaces and joiners, direction marks and overrides, the byte-order mark, soft hyphens; and
 * the fillers that draw nothing: U+034F, U+115F, U+1160, U+3164, U+FFA0), runs of spaces made one.
 * "3.3" and "3.3" with any of them look alike on every page and report, so they may not be two actions'
 * refs, and a right-to-left override may not turn a ref round in a committee paper.
 */
export const normaliseRef = (ref: string): string =>
  ref
    .normalize('NFKC')
    .replace(/\p{Cf}|\p{Cc}|\u034f|\u115f|\u1160|\u3164|\uffa0/gu, (c) => (/\s/.test(c) ? ' ' : ''))
    .replace(/\s+/g, ' ')
    .trim();

/** Whether two refs name the same thing: as normalised, and regardless of case ("3a" is "3A"). */
export const sameRef = (a: string, b: string): boolean =>
  normaliseRef(a).toLowerCase() === normaliseRef(b).toLowerCase();
