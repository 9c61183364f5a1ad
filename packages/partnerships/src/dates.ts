import { addDays, format, parseISO } from 'date-fns';

/** Civil dates (`YYYY-MM-DD`) as councils keep them: calendar arithmetic, no time zones involved. */
export const daysBefore = (date: string, days: number): string =>
  format(addDays(parseISO(date), -days), 'yyyy-MM-dd');

/** Whole calendar days between civil dates: the one rule, in core. */
export { daysBetween } from '@peopleplan/core';

/** `31 March 2027`: how council papers write dates. */
export const longDate = (date: string): string => format(parseISO(date), 'd MMMM yyyy');
