import { addDays, lightFormat, parseISO } from 'date-fns';

/** Civil dates (`YYYY-MM-DD`) as councils keep them: calendar arithmetic, no time zones involved. */
export const daysBefore = (date: string, days: number): string =>
  lightFormat(addDays(parseISO(date), -days), 'yyyy-MM-dd');

/**
 * Whole calendar days between civil dates, and `31 March 2027` (how council papers write dates): one
 * rule each, in core, for every page and email.
 */
export { dateWords as longDate, daysBetween } from '@peopleplan/core';
