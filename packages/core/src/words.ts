/**
 * Durations and dates as people say them: "3 weeks late", "13 years late", "31 March 2026". Used by
 * RAG reasons (rag.ts, board.ts) and by the web app, so a page and the API never word a date apart.
 */

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

/**
 * A whole number of days in the largest unit that reads naturally: days under a fortnight, weeks
 * under two months, months under two years, then years. Rounded down: "13 years", never "13.6".
 */
export function durationWords(days: number): string {
  const d = Math.abs(Math.trunc(days));
  if (d < 14) return plural(d, 'day');
  if (d < 61) return plural(Math.floor(d / 7), 'week');
  if (d < 730) return plural(Math.floor(d / 30.4375), 'month');
  return plural(Math.floor(d / 365.25), 'year');
}

/** Lateness from days late (negative: still to come): "3 weeks late", "due today", "due in 5 days". */
export function latenessWords(daysLate: number): string {
  if (daysLate > 0) return `${durationWords(daysLate)} late`;
  if (daysLate === 0) return 'due today';
  return `due in ${durationWords(-daysLate)}`;
}

// Civil dates carry no time: formatted in UTC so the day never shifts.
const longDate = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

/** A civil date (`YYYY-MM-DD`) in words: "31 March 2026". */
export const dateWords = (date: string): string =>
  longDate.format(new Date(`${date.slice(0, 10)}T00:00:00Z`));
