import { addDays, format, isMonday, parseISO } from 'date-fns';

/** Civil dates (`YYYY-MM-DD`) as councils keep them: no time of day, no time zone arithmetic. */
export const plusDays = (date: string, n: number): string => format(addDays(parseISO(date), n), 'yyyy-MM-dd');

/** Whole calendar days between civil dates, and today in London: the one rule of each, in core. */
export { daysBetween, londonToday } from '@peopleplan/core';

export const isMondayDate = (date: string): boolean => isMonday(parseISO(date));

/** `30 April 2008`: how a UK reader writes a date. */
export const longDate = (date: string): string => format(parseISO(date), 'd MMMM yyyy');
