import { samePeriodName } from '@peopleplan/core';
import { ApiError } from '../lib/api.js';
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
 * The period an update goes under unless the person chooses another: the API's choice (core
 * `periodToUpdate`: the one being gathered, else the one in progress, never a closed one).
 */
export const defaultPeriod = (periods: ReportingPeriods | undefined): string => periods?.current ?? '';

/** What the form says before sending an update filed under a closed period (the API would refuse it). */
export const closedMessage = (period: string) =>
  `${period} is closed and its report is frozen: choose an open reporting period`;

/**
 * Whether a period is closed, by its value or its label (an update keeps the name it was filed under),
 * matched as the API matches them (core `samePeriodName`).
 */
export const periodClosed = (periods: ReportingPeriods | undefined, period: string): boolean =>
  !!periods?.items.some(
    (p) => p.closed && (samePeriodName(p.value, period) || samePeriodName(p.label, period)),
  );

/**
 * Whether the API refused an update because its period was closed after the form loaded (a 409 naming
 * the period field, closed in another tab say): the form's list of periods is then out of date.
 */
export const closedMeanwhile = (err: unknown): boolean =>
  err instanceof ApiError && err.status === 409 && !!err.details?.some((d) => d.path === 'period');
