import type { ColumnMapping } from '../parsed-plan.js';

/**
 * A date column whose header says it replaced an earlier one: "Revised target date", "New deadline",
 * "Amended completion date", "Rescheduled date". Audit trackers and exception reports keep the date first
 * agreed beside it ("Original target date").
 */
const REVISED = /^(?:revised|new|amended|updated|rescheduled|re-?baselined|re-?planned|latest|current)\b/i;

/**
 * Which deadline column a row's deadline comes from when the plan keeps a revised date beside the first
 * one: the revised column, when this row fills it. A row whose date was never moved leaves it empty, and
 * its other date column is its deadline as before. `undefined` when there is no such choice to make.
 */
export function revisedDueColumn(cells: string[], columns: ColumnMapping[]): number | undefined {
  const dues = columns.filter((c) => c.field === 'due');
  if (dues.length < 2) return undefined;
  const revised = dues.filter((c) => REVISED.test(c.header.trim()));
  // Every date column "revised" (or none) says nothing about which one replaced which.
  if (revised.length === 0 || revised.length === dues.length) return undefined;
  // The right-most revised date filled in is the latest word on it.
  return revised.filter((c) => cells[c.index]?.trim()).at(-1)?.index;
}
