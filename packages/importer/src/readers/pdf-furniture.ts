import { excerpt } from '../cells.js';
import { actionHeader } from '../layouts/header-cells.js';
import { isPageFurniture, PAGE_WORDS } from '../page-furniture.js';
import type { ImportWarning } from '../parsed-plan.js';

/**
 * A PDF's running header and footer: what the word processor printed in each page's margins
 * ("OFFICIAL", the council's and the plan's names, "Page 2 of 5", "Version 3.1 – updated …"). Word's
 * reader never meets them (they live apart from the document's body); in a PDF they sit in the text
 * between one page's last row and the next page's first, where they would end the table or be read
 * into a theme's description.
 *
 * A line is the page's when it sits at a page's top or bottom edge and is one of:
 * - running: the same words at the same height on another page (its number aside, in a line that gives
 *   a page's number: "Page 2 of 5", "– 2 –"; "Objective 2" atop a page is not "Objective 1" atop another);
 * - a page's own words or a protective marking on their own ("Page 3", "OFFICIAL": page-furniture.ts);
 * - at a page break, close under or over such a line in the same size of text: the rest of a header
 *   that differs on one page (Word's "different first page", a two-page document).
 * A table's header row repeated on each page is the table's (readers/pdf.ts goes on with the table).
 * When nothing but a table is on the first page's body, its running header is kept there: it is the
 * only cover the document has, and usually names the plan.
 */
export interface PageLine {
  y: number;
  page: number;
  height: number;
  chunks: { text: string }[];
}

const textOf = (l: PageLine) => l.chunks.map((c) => c.text).join(' ');
/** A page's number alone ("2", "- 2 -"). */
const PAGE_NUMBER = /^[-–—\s]*\d+[-–—\s]*$/;
/** The same words, whatever page they are on: a page's number aside ("Page 1 of 3", "Page 2 of 3"). */
const keyOf = (l: PageLine) => {
  const t = textOf(l);
  return PAGE_WORDS.test(t) || PAGE_NUMBER.test(t) ? t.replace(/\d+/g, '#') : t;
};

export function pageFurniture<L extends PageLine>(
  lines: L[],
): { furniture: Set<L>; warnings: ImportWarning[] } {
  const pages = groupBy(lines, (l) => l.page);
  const heights = groupBy(lines, keyOf);
  const running = (l: L) =>
    !actionHeader(l.chunks.map((c) => c.text)) &&
    (heights.get(keyOf(l)) ?? []).some(
      (o) => o.page !== l.page && Math.abs(o.y - l.y) <= Math.max(2, l.height * 0.3),
    );
  const own = (l: L) => running(l) || isPageFurniture(textOf(l));
  const furniture = new Set<L>();
  const numbers = [...pages.keys()];
  const [first, last] = [Math.min(...numbers), Math.max(...numbers)];
  for (const [page, on] of pages) {
    // Top down, then bottom up; `close` only where the page breaks inside the document's body.
    edge(on, own, page !== first, furniture);
    edge([...on].reverse(), own, page !== last, furniture);
  }
  // A table straight under the first page's header: keep that header (not its marking or page words).
  const body = lines.find((l) => !furniture.has(l));
  if (body && actionHeader(body.chunks.map((c) => c.text)))
    for (const l of pages.get(first) ?? []) {
      if (l === body) break;
      if (!isPageFurniture(textOf(l))) furniture.delete(l);
    }
  return { furniture, warnings: warningOf(lines.filter((l) => furniture.has(l))) };
}

function groupBy<L, K>(lines: L[], key: (l: L) => K): Map<K, L[]> {
  const out = new Map<K, L[]>();
  for (const l of lines) {
    const k = key(l);
    const list = out.get(k);
    if (list) list.push(l);
    else out.set(k, [l]);
  }
  return out;
}

/** The run of a page's lines from one edge that are the page's; `lines` start at that edge. */
function edge<L extends PageLine>(lines: L[], own: (l: L) => boolean, close: boolean, out: Set<L>) {
  let prev: L | undefined;
  for (const l of lines) {
    const near =
      close &&
      prev !== undefined &&
      Math.abs(prev.y - l.y) <= 1.3 * Math.max(prev.height, l.height) &&
      Math.abs(prev.height - l.height) <= 1;
    if (!own(l) && !near) return;
    out.add(l);
    prev = l;
  }
}

/** One note for all of them: the distinct lines left out, as first written. */
function warningOf(lines: PageLine[]): ImportWarning[] {
  if (lines.length === 0) return [];
  const seen = new Map<string, string>();
  for (const l of lines) if (!seen.has(keyOf(l))) seen.set(keyOf(l), textOf(l));
  const texts = [...seen.values()];
  const shown = texts.slice(0, 4).map((t) => `"${excerpt(t)}"`);
  const more = texts.length > 4 ? ` and ${texts.length - 4} more` : '';
  const pages = [...new Set(lines.map((l) => l.page))];
  const where = pages.length === 1 ? `page ${pages[0]}` : `pages ${pages[0]}–${pages.at(-1)}`;
  return [
    {
      code: 'page-furniture',
      message: `The words at the top and bottom of the pages were left out as the pages' own, not the plan's: ${shown.join(', ')}${more}.`,
      where,
    },
  ];
}
