import { formatDate } from '../lib/format.js';
import type { ReportingPeriodRow } from '../lib/responses.js';
import { Select } from './form.js';

/**
 * The reporting period an update is filed under: chosen from the plan's own list, never typed (the API
 * refuses anything else). Each option says when that period is reported.
 */
export function PeriodSelect({
  id,
  periods,
  value,
  onChange,
  error,
}: {
  id: string;
  periods: ReportingPeriodRow[];
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
}) {
  const own = periods.some((p) => p.fromPlan);
  return (
    <Select
      id={id}
      label="Reporting period"
      hint={
        own
          ? 'The plan’s reporting points: the report this update belongs to.'
          : 'This plan has no reporting points of its own: these are the usual mid-year and year-end reports.'
      }
      error={error}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      options={periods.map((p) => ({ value: p.value, text: `${p.label} (reported ${formatDate(p.date)})` }))}
    />
  );
}
