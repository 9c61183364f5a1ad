/**
 * Durations and dates as people say them: "3 weeks late", "13 years late", "31 March 2026". Used by
 * RAG reasons (rag.ts, board.ts) and by the web app, so a page and the API never word a date apart.
 */

/**
 * People's text for one line of plain text (an email's line, a calendar's name): every line break and
 * other control character becomes a space. A title written over several lines would otherwise start
 * lines of the writer's choosing ("Status: Complete", "Open: <another site>") in the message.
 */
export const oneLine = (s: string): string => s.replace(/\s*[\p{Cc}\u2028\u2029]+\s*/gu, ' ').trim();

/** "1 action", "3 actions": a count with its noun (`many` where adding an s is wrong). */
export const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

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

/** Day and time formatters per time zone: a report and the pages each use one or two. */
const momentFormats = new Map<string, { day: Intl.DateTimeFormat; time: Intl.DateTimeFormat }>();

function momentFormat(timeZone: string) {
  let f = momentFormats.get(timeZone);
  if (!f) {
    f = {
      day: new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone }),
      time: new Intl.DateTimeFormat('en-GB', {
        hour: 'numeric',
        minute: '2-digit',
        hourCycle: 'h12',
        timeZone,
      }),
    };
    momentFormats.set(timeZone, f);
  }
  return f;
}

/**
 * A moment as GOV.UK writes it, where the council is: "7 December 2026 at 3:15am", "… at midday",
 * "… at midnight" (never "0:26" or "03:15"). The pages and the reports' "Produced" line both use it.
 */
export function momentWords(instant: string | Date, timeZone = 'Europe/London'): string {
  const d = new Date(instant);
  const { day, time } = momentFormat(timeZone);
  const parts = time.formatToParts(d);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  const [hour, minute] = [part('hour'), part('minute')];
  const pm = /p/i.test(part('dayPeriod'));
  const at =
    hour === '12' && minute === '00' ? (pm ? 'midday' : 'midnight') : `${hour}:${minute}${pm ? 'pm' : 'am'}`;
  return `${day.format(d)} at ${at}`;
}
