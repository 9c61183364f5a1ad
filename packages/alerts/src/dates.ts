import { addDays, format, isMonday, parseISO } from 'date-fns';

/** Civil dates (`YYYY-MM-DD`) as councils keep them: no time of day, no time zone arithmetic. */
export const plusDays = (date: string, n: number): string => format(addDays(parseISO(date), n), 'yyyy-MM-dd');

/** Whole calendar days between civil dates: the one rule, in core. */
export { daysBetween } from '@peopleplan/core';

export const isMondayDate = (date: string): boolean => isMonday(parseISO(date));

/** `30 April 2008`: how a UK reader writes a date. */
export const longDate = (date: string): string => format(parseISO(date), 'd MMMM yyyy');

/** Today's civil date in Europe/London (the alert job runs at 07:00 UK time). */
export function londonToday(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(now);
}
