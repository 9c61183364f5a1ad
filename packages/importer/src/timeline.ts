import { normalizeHeader } from './header-text.js';

/**
 * A timeline's columns by year: a Gantt chart or a delivery plan's grid of years ("2026/27 | 2027/28 |
 * 2028/29", "2026 | 2027", "Year 1 | Year 2"), a mark in each year the action runs. The month and quarter
 * columns are read by the same rule (`timelineColumns`, header-mapping.ts); this says which headers name
 * a year, and writes the span of the marked ones so that it reads as the years it covers.
 */

/** What a Gantt chart or a grid of years marks its cells with: a cross, a tick, a dot, a star, "Y". */
export const MARK = /^(?:x|✓|✔|✗|●|•|■|▪|\*|y|yes|\/)$/i;

/** A financial year as a header writes it (after `normalizeHeader`): "2026 27", "fy 2026 2027", "26 27". */
const FINANCIAL_YEAR = /^(?:fy\s*|financial year\s+|year\s+)?(?:19|20)?(\d{2})\s+(?:19|20)?(\d{2})$/;
/** A calendar year: "2026", "calendar year 2026". */
const CALENDAR_YEAR = /^(?:calendar year\s+|year\s+)?((?:19|20)\d{2})$/;
/** A year of the plan: "Year 1" (its date needs the plan's period). */
const PLAN_YEAR = /^year\s*[1-9]$/;

type YearKind = 'financial' | 'calendar' | 'plan';

/** Which kind of year a header names, if any (after `normalizeHeader`). */
export function yearHeader(norm: string): YearKind | undefined {
  const fy = FINANCIAL_YEAR.exec(norm);
  // "2026 27": the second year is the first's next ("2026 2028" is no financial year).
  if (fy && Number(fy[2]) === (Number(fy[1]) + 1) % 100) return 'financial';
  if (CALENDAR_YEAR.test(norm)) return 'calendar';
  if (PLAN_YEAR.test(norm)) return 'plan';
  return undefined;
}

/**
 * A column's name as a date: "Q3 (Oct–Dec)" is Q3, the months in brackets only explaining it; "Year 1
 * (2026/27)" is 2026/27, its bracket being the date itself.
 */
export function periodLabel(header: string): string {
  const bracket = /\(([^)]*)\)/.exec(header)?.[1]?.trim();
  if (bracket && yearHeader(normalizeHeader(bracket)) === 'financial') return bracket;
  return header
    .replace(/\([^)]*\)/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const YEAR_DIGITS = /(?:19|20)?\d{2}/g;

/** A financial year's first calendar year: "2027/28" and "27/28" give 2027. */
function firstYear(label: string): number {
  const y = label.match(YEAR_DIGITS)?.[0] ?? '';
  return y.length === 2 ? 2000 + Number(y) : Number(y);
}

/**
 * The span of a row's marked columns (each a `periodLabel`), read as any deadline is: from the start of
 * the first marked to the end of the last. Years are written so they read as what they are: calendar
 * years by their months ("Jan 2026 – Dec 2027": "2026 – 2027" alone reads as a financial year), and a
 * financial year marked alone by its months too ("Apr 2027 – Mar 2028"), so it starts when it does
 * rather than only being due at its end. Months and quarters are their names ("Oct – Mar", "Q3").
 */
export function timelineSpan(marked: string[]): string {
  const first = marked[0]!;
  const last = marked.at(-1)!;
  const kinds = new Set(marked.map((m) => yearHeader(normalizeHeader(m))));
  const kind = kinds.size === 1 ? [...kinds][0] : undefined;
  if (kind === 'calendar') {
    const [a, b] = [first, last].map((m) => m.match(/(?:19|20)\d{2}/)![0]);
    return a === b ? `Jan – Dec ${a}` : `Jan ${a} – Dec ${b}`;
  }
  if (kind === 'financial' && marked.length === 1) {
    const y = firstYear(first);
    return `Apr ${y} – Mar ${y + 1}`;
  }
  return marked.length === 1 ? first : `${first} – ${last}`;
}
