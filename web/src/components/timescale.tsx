import type { Timescale } from '@peopleplan/core';
import { formatDate, timescaleMeaning } from '../lib/format.js';

const FLAGS: Partial<Record<Timescale['kind'], string>> = {
  unparsed: 'No date understood',
  event: 'Depends on an event',
  tbc: 'To be confirmed',
};

/**
 * A deadline as the council wrote it, then the date it was read as. Text that could not be read as a
 * date is flagged in words, never silently treated as one.
 */
export function TimescaleText({ value }: { value: Timescale | undefined | null }) {
  if (!value) return <span className="app-muted">None</span>;
  const meaning = value.due
    ? value.start && value.kind === 'range'
      ? `${formatDate(value.start)} to ${formatDate(value.due)}`
      : formatDate(value.due)
    : timescaleMeaning(value);
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
