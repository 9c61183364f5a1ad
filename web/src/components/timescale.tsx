import { dueOn, londonToday, repeatOf, type Timescale } from '@peopleplan/core';
import { formatDate, timescaleMeaning } from '../lib/format.js';

const FLAGS: Partial<Record<Timescale['kind'], string>> = {
  unparsed: 'No date understood',
  event: 'Depends on an event',
  tbc: 'To be confirmed',
};

/**
 * The date shown beside a deadline's text. A repeating deadline keeps its first occurrence as `due`;
 * it is shown by the occurrence current on `today` ("next 31 December 2026"), as reports and the
 * dashboard judge it (core occurrence.ts), never as its first, long-past date. `asPlanned` (a start, a
 * baseline) keeps the date the plan gave, as reports show a baseline.
 */
export function timescaleShown(value: Timescale, today: string, asPlanned = false): string {
  if (!value.due) return timescaleMeaning(value);
  if (!asPlanned && repeatOf(value)) return `next ${formatDate(dueOn(value, today))}`;
  return value.start && value.kind === 'range'
    ? `${formatDate(value.start)} to ${formatDate(value.due)}`
    : formatDate(value.due);
}

/**
 * A deadline as the council wrote it, then the date it was read as. Text that could not be read as a
 * date is flagged in words, never silently treated as one.
 */
export function TimescaleText({
  value,
  asPlanned = false,
}: {
  value: Timescale | undefined | null;
  /** A start or a baseline: the date as the plan gave it, not a repeat's next occurrence. */
  asPlanned?: boolean;
}) {
  if (!value) return <span className="app-muted">None</span>;
  const meaning = timescaleShown(value, londonToday(), asPlanned);
  const flag = FLAGS[value.kind];
  return (
    <span className="app-timescale">
      <span className="app-timescale__text">{value.text || '(blank)'}</span>
      {meaning && meaning.toLowerCase() !== value.text.trim().toLowerCase() && !flag ? (
        <span className="app-timescale__meaning">{meaning}</span>
      ) : null}
      {flag ? (
        <strong className="govuk-tag govuk-tag--yellow app-tag app-timescale__flag">{flag}</strong>
      ) : null}
    </span>
  );
}
