import { timescaleMeaning } from '../lib/format.js';
import type { DateIssue } from '../lib/import-plan.js';
import { ScrollTable } from './page.js';
import { TableHead } from './table-head.js';
import { TimescaleText } from './timescale.js';
import { type TimescaleContext, useParsedTimescale } from './timescale-input.js';

type Fixes = Record<string, string>;

/**
 * Deadlines with no date PeoplePlan could be sure of, each with a box for the date. The plan keeps the
 * council's wording; the date given is shown beside it (the API reads it: correctedTimescale).
 */
export function ImportDeadlines({
  issues,
  fixes,
  setFixes,
  context,
  errors,
}: {
  issues: DateIssue[];
  fixes: Fixes;
  setFixes: (f: Fixes) => void;
  context: TimescaleContext;
  errors: Record<string, string>;
}) {
  if (!issues.length) return null;
  return (
    <section aria-labelledby="dates" className="app-section-break">
      <h2 className="govuk-heading-m" id="dates">
        Deadlines to check ({issues.length})
      </h2>
      <p className="govuk-body">
        These deadlines have no date PeoplePlan could be sure of. Give a date to fix one now, or leave it: it
        is flagged on the plan. The plan keeps the words as written, with the date you give beside them.
      </p>
      <ScrollTable label="Deadlines to check">
        <table className="govuk-table app-table">
          <caption className="govuk-table__caption govuk-visually-hidden">Deadlines to check</caption>
          <TableHead columns={['Where', 'As written', 'Date to use']} />
          <tbody className="govuk-table__body">
            {issues.map((i) => (
              <DeadlineRow
                key={i.key}
                issue={i}
                value={fixes[i.key] ?? ''}
                onChange={(v) => setFixes({ ...fixes, [i.key]: v })}
                context={context}
                error={errors[i.key]}
              />
            ))}
          </tbody>
        </table>
      </ScrollTable>
    </section>
  );
}

export const deadlineFieldId = (key: string) => `fix-${key}`;

function DeadlineRow({
  issue,
  value,
  onChange,
  context,
  error,
}: {
  issue: DateIssue;
  value: string;
  onChange: (v: string) => void;
  context: TimescaleContext;
  error: string | undefined;
}) {
  const id = deadlineFieldId(issue.key);
  const read = useParsedTimescale(value, undefined, context);
  const dated = value.trim() && read && (read.due || read.kind === 'ongoing' || read.kind === 'completed');
  return (
    <tr className="govuk-table__row">
      <td className="govuk-table__cell app-cell-s">
        {issue.where}: {issue.what}
      </td>
      <td className="govuk-table__cell">
        <TimescaleText value={issue.value} />
        {issue.value.note ? <span className="app-item-type">{issue.value.note}</span> : null}
      </td>
      <td className="govuk-table__cell">
        <div className={`govuk-form-group govuk-!-margin-bottom-0${error ? ' govuk-form-group--error' : ''}`}>
          <label className="govuk-label govuk-visually-hidden" htmlFor={id}>
            Date to use for {issue.where}
          </label>
          {error ? (
            <p className="govuk-error-message" id={`${id}-error`}>
              <span className="govuk-visually-hidden">Error:</span> {error}
            </p>
          ) : null}
          <input
            className={`govuk-input govuk-input--width-10${error ? ' govuk-input--error' : ''}`}
            id={id}
            value={value}
            autoComplete="off"
            aria-describedby={`${id}-read${error ? ` ${id}-error` : ''}`}
            aria-invalid={error ? true : undefined}
            onChange={(e) => onChange(e.target.value)}
          />
          <p
            className="govuk-body-s govuk-!-margin-top-1 govuk-!-margin-bottom-0"
            id={`${id}-read`}
            aria-live="polite"
          >
            {!value.trim()
              ? 'For example, “March 2027” or “31/3/2027”.'
              : dated
                ? `Read as: ${timescaleMeaning(read)}. The plan keeps “${issue.value.text}” as written.`
                : 'No date understood yet.'}
          </p>
        </div>
      </td>
    </tr>
  );
}
