import type { Timescale } from '@peopleplan/core';
import { isFriday, nextFriday } from 'date-fns';
import { fromIso, iso } from './calendar.js';

/** "w/c 12 April 2027", "Week commencing 12/04/27", "w/b …": the work is that week's. */
const WEEK_OF =
  /^(?:w\/?[cb]\.?|wk\.?\s+(?:comm|beg)\w*\.?|week\s+(?:commencing|beginning|starting))\s*:?\s*/i;

/**
 * A day named as the start of a week is that week: from the day to its Friday, the end of the working
 * week, when the deadline falls (not the Monday, which would make the week's work late on its first
 * day). `readDay` reads the rest of the text as any other deadline; anything but a day is no week.
 */
export function weekOf(
  text: string,
  bare: string,
  readDay: (rest: string) => Timescale,
): Timescale | undefined {
  const week = WEEK_OF.exec(bare);
  if (!week) return undefined;
  const day = readDay(bare.slice(week[0].length));
  const start = day.kind === 'date' && day.precision === 'day' ? fromIso(day.due) : undefined;
  if (!start || !day.due) return undefined;
  const friday = isFriday(start) ? start : nextFriday(start);
  return {
    text,
    kind: 'range',
    start: day.due,
    due: iso(friday),
    precision: 'day',
    note: 'the week it names',
  };
}
