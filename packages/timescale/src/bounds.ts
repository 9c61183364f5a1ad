/**
 * The stretch of time a parsed timescale stands for, from its `due` and `precision`. A start
 * column's "April 2013" is parsed like a deadline (due 2013-04-30, month); `boundsOf` gives
 * 2013-04-01 as its first day, which is what a start date wants.
 */
import type { Timescale } from '@peopleplan/core';
import { addDays, startOfMonth, startOfYear, subMonths, subYears } from 'date-fns';
import { fromIso, iso } from './calendar.js';

export interface Bounds {
  /** First day the timescale covers. */
  from: string;
  /** Last day: the due date. */
  to: string;
}

export function boundsOf(t: Pick<Timescale, 'start' | 'due' | 'precision'>): Bounds | undefined {
  const due = fromIso(t.due);
  if (!due || !t.due) return undefined;
  if (t.start) return { from: t.start, to: t.due };
  const first = (() => {
    switch (t.precision) {
      case 'month':
        return startOfMonth(due);
      case 'quarter':
      case 'season':
        return startOfMonth(subMonths(due, 2));
      case 'year':
        return startOfYear(due);
      case 'financial-year':
        return addDays(subYears(due, 1), 1);
      default:
        return due;
    }
  })();
  return { from: iso(first), to: t.due };
}

/**
 * A timescale read as a start: the first day of the stretch it names. "June 2026" in a start column
 * starts on 1 June, where the same words as a deadline are due on 30 June; `due` stays the stretch's
 * last day, so the text and its span are kept. A day, a range (which has its start) and what has no
 * date are as they were read; so is a stretch read with a note ("late 2014": its end was taken, not
 * its span; "H2 2026/27": words left over), whose first day is not what the words say.
 */
export function asStart(t: Timescale): Timescale {
  if (t.kind !== 'date' || t.start || t.note || !t.precision || t.precision === 'day') return t;
  const bounds = boundsOf(t);
  return bounds && bounds.from !== t.due ? { ...t, start: bounds.from } : t;
}
