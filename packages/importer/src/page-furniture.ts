/**
 * A page's own words, not the plan's: what a printed or web page puts around its content. Text pasted
 * from a committee web page or a PDF brings them along ("Page 2 of 4", "Back to top", "Printed from
 * …moderngov.co.uk", "© Ellesmere City Council"); kept with an action, they read as its progress.
 */

/**
 * "Page 3 of 7" anywhere in a line: a PDF's running header or footer ("Trust Board – Public   Page 3 of
 * 7"), or one that fell into the middle of a row run into a paragraph. Never the plan's own words.
 */
export const PAGE_N_OF_M = /\bpage\s+\d+\s+of\s+\d+\b/i;

/** Anywhere in a line: "Page 2", "2 of 9", "(continued)". */
export const PAGE_WORDS =
  /\bpage\s+\d+\b|\b\d+\s+of\s+\d+\b|^cont(?:inued|'d)?\.?$|\(cont(?:inued|'d)?\.?\)/i;

const WHOLE_LINE = [
  // "Page 2 of 4", "Page 3"; a bare "14 of 20" may be a figure of progress, so it needs the word.
  /^page\s+\d+(?:\s*(?:of|\/)\s*\d+)?$/i,
  /^cont(?:inued|'d)?\.?$|^\(cont(?:inued|'d)?\.?\)$/i,
  /^(?:back to top|skip to (?:main )?content|print this page|share this page|return to (?:top|contents))$/i,
  // "Printed from ellesmere.moderngov.co.uk", "Printed on 3/3/2026": no sentence after it.
  /^printed\s+(?:from|on|by)\s+(?!.*[:;]\s+\p{L})\S.{0,60}$/iu,
  // A council website's links around a committee item ("Back to agenda", "Supporting documents:", the
  // item's papers as moderngov lists them, "Appendix A, item 7. PDF 198 KB") and its footer's links.
  /^(?:back to (?:agenda|meeting|the agenda)|supporting documents:?|contact us|accessibility(?: statement)?|cookies|cookie (?:policy|settings)|privacy(?: notice| policy)?|site ?map|terms and conditions)$/i,
  /\.\s*(?:PDF|DOCX?|XLSX?)\s+\d+(?:\.\d+)?\s*[KM]B$/i,
  // "© Ellesmere City Council", "Copyright © 2026": not "Copyright guidance issued to schools".
  /^(?:©|\(c\)\s)|^copyright\s+(?:©|\(c\)|\d{4})/i,
];

/**
 * A government protective marking on its own ("OFFICIAL", "OFFICIAL-SENSITIVE [PERSONAL]", "NOT
 * PROTECTIVELY MARKED", "Classification: OFFICIAL"): a page's header says how to handle the paper, never
 * what the plan is called.
 */
const MARKING =
  /^(?:(?:(?:security|protective|government\s+security)\s+)?(?:classification|marking)\s*:\s*)?(?:official(?:[\s:–—-]+sensitive)?|not\s+protectively\s+marked|protect|restricted|confidential|unclassified|(?:top\s+)?secret)(?:\s*[-–—:]?\s*\[?(?:personal|commercial|locsen|legal|staff|management|policy|sensitive)\]?)?$/i;

export const isSecurityMarking = (text: string): boolean => MARKING.test(text.trim());

/** A line that is only a page's own words. */
export const isPageFurniture = (text: string): boolean => {
  const t = text.trim();
  return t.length <= 100 && (WHOLE_LINE.some((re) => re.test(t)) || isSecurityMarking(t));
};
