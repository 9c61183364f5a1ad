import { isRefCell } from '../layouts/cell-kinds.js';

/**
 * Rows inside an action table that are about the table, not actions: a tally under it ("Total actions:
 * 24", "Complete | 6", "Summary") and a sign-off ("Signed off by: Jane Okafor, Date: 12/09/2025"). Each
 * is kept as a line of its own section, named for what it is, so that nothing is lost and no action is
 * made of it.
 */
export function notAnActionRow(
  cells: string[],
  /** The row above was a tally: "Percentage complete | 25%" carries it on. */
  inTally = false,
  /** Columns whose cell counts or adds up rows of the sheet (a workbook's `SourceItem.aggregates`). */
  aggregates: readonly number[] = [],
): { section: 'Summary' | 'Sign-off'; line: string } | undefined {
  const filled = cells.map((c) => c.trim()).filter((c) => c !== '');
  const [first, ...rest] = filled;
  if (!first) return undefined;
  const line = filled.join(' | ');
  // A sign-off says little else ("Signed off by: …", perhaps its date); "Agreed: will align…" in a
  // response column beside its own action, lead and date is that action's text.
  if (SIGN_OFF.test(first) && filled.length <= 2) return { section: 'Sign-off', line };
  // "Total | 12 actions | Green: | 5 | Amber 2 / Red 2": a row that opens with the tally's word is the
  // tally, whatever its other cells say; so is one whose values count the columns above, under labels.
  if (TALLY_WORD.test(first) || totalsUnderLabels(cells, aggregates)) return { section: 'Summary', line };
  const numbersOnly = rest.every((c) => NUMBER.test(c));
  if (!numbersOnly) return undefined;
  const carriesOn = inTally && rest.length > 0 && first.split(/\s+/).length <= 4;
  if (LABEL_AND_NUMBER.test(first) || (LABEL.test(first) && rest.length > 0) || carriesOn)
    return { section: 'Summary', line };
  return undefined;
}

const SIGN_OFF = /^(?:signed(?:\s+off)?|approved|agreed|authori[sz]ed)(?:\s+by)?\s*[:\-–]/i;
const NUMBER = /^-?\d+(?:[.,]\d+)?\s*%?$/;
/** A tally's own words, alone: "Summary", "Total", "Totals:", "Grand total". */
const TALLY_WORD = /^(?:summary|(?:grand\s+|sub-?)?totals?|count)\s*:?$/i;
/** "Total actions: 24", "Complete: 6", "Overdue: 25%". */
const LABEL_AND_NUMBER = /^[\p{L}][\p{L} ]{1,38}:\s*-?\d+(?:[.,]\d+)?\s*%?$/u;
/** "Complete:" with its number in the next cell. */
const LABEL = /^[\p{L}][\p{L} ]{1,38}:$/u;

/**
 * Cells that count or add up the rows above (`=COUNTIF(F4:F18,"Green")`), beside at most two labels
 * ("Actions complete", "Green:"): no ref, no action's title, lead and date around them.
 */
function totalsUnderLabels(cells: string[], aggregates: readonly number[]): boolean {
  if (aggregates.length === 0) return false;
  const others = cells.filter((c, i) => c.trim() !== '' && !aggregates.includes(i)).map((c) => c.trim());
  return others.length <= 2 && others.every((c) => !isRefCell(c) && c.split(/\s+/).length <= MAX_LABEL_WORDS);
}

const MAX_LABEL_WORDS = 6;
