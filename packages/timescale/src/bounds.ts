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
