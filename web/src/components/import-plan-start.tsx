import { isCalendarDate } from '@peopleplan/core';
import { type DateParts, NO_DATE, partsOf } from '../lib/plan-draft.js';
import { DateField } from './date-field.js';

export { type DateParts, NO_DATE, partsOf as partsFromDate };

/** `YYYY-MM-DD` from the three fields; undefined when all are blank; an error message when not a real date. */
export function dateFromParts(p: DateParts): { date?: string; error?: string } {
  const [d, m, y] = [p.day.trim(), p.month.trim(), p.year.trim()];
  if (!d && !m && !y) return {};
  if (!/^\d{1,2}$/.test(d) || !/^\d{1,2}$/.test(m) || !/^\d{4}$/.test(y)) {
    return { error: 'Enter the date the plan starts as a day, month and year, for example 1 4 2026' };
  }
  const date = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  return isCalendarDate(date) ? { date } : { error: 'The date the plan starts must be a real date' };
}

/**
 * "The plan starts on" as the GOV.UK date input: relative deadlines ("within the next 6 months") count
 * from it. Blank: the period in the plan's title, where it has one.
 */
export function PlanStartInput({
  value,
  onChange,
  error,
}: {
  value: DateParts;
  onChange: (v: DateParts) => void;
  error: string | undefined;
}) {
  return (
    <DateField
      id="plan-start"
      legend="The plan starts on (optional)"
      hint="Deadlines such as “within the next 6 months” count from this date. For example, 1 4 2026"
      error={error}
      value={value}
      onChange={onChange}
    />
  );
}
