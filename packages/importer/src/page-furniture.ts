/**
 * A page's own words, not the plan's: what a printed or web page puts around its content. Text pasted
 * from a committee web page or a PDF brings them along ("Page 2 of 4", "Back to top", "Printed from
 * …moderngov.co.uk", "© Ellesmere City Council"); kept with an action, they read as its progress.
 */

/** Anywhere in a line: "Page 2", "2 of 9", "(continued)". */
export const PAGE_WORDS =
  /\bpage\s+\d+\b|\b\d+\s+of\s+\d+\b|^cont(?:inued|'d)?\.?$|\(cont(?:inued|'d)?\.?\)/i;

const WHOLE_LINE = [
  /^(?:page\s+)?\d+\s*(?:of|\/)\s*\d+$/i,
  /^page\s+\d+$/i,
  /^cont(?:inued|'d)?\.?$|^\(cont(?:inued|'d)?\.?\)$/i,
  /^(?:back to top|skip to (?:main )?content|print this page|share this page|return to (?:top|contents))$/i,
  /^printed (?:from|on|by)\b.{0,80}$/i,
  /^(?:©|\(c\)|copyright\b).{0,80}$/i,
];

/** A line that is only a page's own words. */
export const isPageFurniture = (text: string): boolean => {
  const t = text.trim();
  return t.length <= 100 && WHOLE_LINE.some((re) => re.test(t));
};
