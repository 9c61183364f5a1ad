/**
 * Whether a document writes its numeric dates month first. Project tools (Microsoft Planner, Asana,
 * Smartsheet) export "6/30/2026"; a UK council writes "30/06/2026". One cell cannot tell "9/1/2026"
 * apart, so the document's dates decide together: month first when two or more can only be read month
 * first (a second number over 12), a fifth of them at least, and none can only be read day first. One
 * "12/25/2026" among UK dates is a slip, not a US file. A two-digit year counts alike ("03/31/27").
 */
// A two-digit year too: Smartsheet's export writes "03/31/27".
const NUMERIC_DATE = /\b(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})(?!\d|[/.-]\d)/g;

export interface DateOrder {
  monthFirst: boolean;
  /** A date that shows it ("6/30/2026"), for the note. */
  example?: string;
}

export function numericDateOrder(texts: Iterable<string | undefined>): DateOrder {
  let monthOnly: string | undefined;
  let monthOnlyCount = 0;
  let all = 0;
  let dayOnly = false;
  for (const text of texts) {
    if (!text) continue;
    for (const m of text.matchAll(NUMERIC_DATE)) {
      const [a, b] = [Number(m[1]), Number(m[3])];
      all++;
      if (a >= 1 && a <= 12 && b > 12 && b <= 31) {
        monthOnly ??= m[0];
        monthOnlyCount++;
      } else if (b >= 1 && b <= 12 && a > 12 && a <= 31) dayOnly = true;
    }
    if (dayOnly) return { monthFirst: false };
  }
  return monthOnly && monthOnlyCount >= 2 && monthOnlyCount * 5 >= all
    ? { monthFirst: true, example: monthOnly }
    : { monthFirst: false };
}
