/**
 * Natural order for refs: `1.2` before `1.10`, `A` before `B`. One collator for the process: building
 * one per comparison (`localeCompare` with options) made sorting a 500-action plan cost more than reading it.
 */
export const compareRefs: (a: string, b: string) => number = new Intl.Collator('en-GB', {
  numeric: true,
  sensitivity: 'base',
}).compare;
