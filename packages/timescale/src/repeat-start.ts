import type { Precision, Recurrence } from '@peopleplan/core';
import { endOfMonth } from 'date-fns';

/**
 * The first occurrence of a repeat that names no date ("Quarterly", "Monthly progress", "Q1, Q2, Q3,
 * Q4"), from the plan's start: each month's end, each quarter's end (30 June, 30 September, 31 December,
 * 31 March: the same for financial and calendar quarters), each half of the financial year's end (30
 * September, 31 March). Without it such an action had no date at all, so no reminder ever went and
 * nothing could be late. Said in the note, to be corrected if the plan meant other days. A yearly or
 * weekly repeat with no date stays undated: which month or day is not known.
 */
const ENDING_MONTHS: Partial<Record<Recurrence, { months: number[]; precision: Precision; words: string }>> =
  {
    monthly: {
      months: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12],
      precision: 'month',
      words: "each month's end",
    },
    quarterly: { months: [3, 6, 9, 12], precision: 'quarter', words: "each quarter's end" },
    'six-monthly': {
      months: [3, 9],
      precision: 'month',
      words: 'the end of each half of the financial year',
    },
  };

export function firstPeriodEnd(
  every: Recurrence | undefined,
  base: Date,
): { due: Date; precision: Precision; words: string } | undefined {
  const rule = every && ENDING_MONTHS[every];
  if (!rule) return undefined;
  for (let m = 0; m < 12; m++) {
    const month = new Date(base.getFullYear(), base.getMonth() + m, 1);
    if (rule.months.includes(month.getMonth() + 1)) {
      return { due: endOfMonth(month), precision: rule.precision, words: rule.words };
    }
  }
  return undefined;
}
