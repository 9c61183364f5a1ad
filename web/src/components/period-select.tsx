import { formatDate } from '../lib/format.js';
import type { ReportingPeriodRow, ReportingPeriods } from '../lib/responses.js';
import { Select } from './form.js';

/**
 * The reporting period an update is filed under: chosen from the plan's own list, never typed (the API
 * refuses anything else). Each option says when that period is reported; a closed period says so and
 * cannot be chosen (its report is frozen: the API refuses an update filed under it).
 */
export function PeriodSelect({
  id,
  periods,
  value,
  onChange,
  error,
  closed = () => false,
}: {
  id: string;
  periods: ReportingPeriodRow[];
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  /** Whether a period (its value) is closed. */
  closed?: (value: string) => boolean;
}) {
  const own = periods.some((p) => p.fromPlan);
  const anyClosed = periods.some((p) => closed(p.value));
  return (
    <Select
      id={id}
      label="Reporting period"
      hint={`${
        own
          ? 'The plan’s reporting points: the report this update belongs to.'
          : 'This plan has no reporting points of its own: these are the usual mid-year and year-end reports.'
      }${anyClosed ? ' A closed period’s report is frozen, so updates cannot be added to it.' : ''}`}
      error={error}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      options={periods.map((p) => {
        const shut = closed(p.value);
        return {
          value: p.value,
          text: `${p.label} (reported ${formatDate(p.date)})${shut ? ' (closed)' : ''}`,
          // The one already chosen stays choosable, so the select shows it; the form says it is closed.
          disabled: shut && p.value !== value,
        };
      })}
    />
  );
}

/**
 * The period an update goes under unless the person chooses another: the one in progress, or when that
 * is closed the next open one after it (else the last open one before it).
 */
export function defaultPeriod(
  periods: ReportingPeriods | undefined,
  closed: (value: string) => boolean = () => false,
): string {
  if (!periods) return '';
  const current = periods.current ?? '';
  if (!current || !closed(current)) return current;
  const at = periods.items.findIndex((p) => p.value === current);
  const open = (p: ReportingPeriodRow) => !closed(p.value);
  return (
    periods.items.slice(at + 1).find(open)?.value ??
    periods.items.slice(0, Math.max(0, at)).reverse().find(open)?.value ??
    current
  );
}

/** What the form says before sending an update filed under a closed period (the API would refuse it). */
export const closedMessage = (period: string) =>
  `${period} is closed and its report is frozen: choose an open reporting period`;
