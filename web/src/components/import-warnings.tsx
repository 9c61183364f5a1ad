import type { ParsedPlan } from '@peopleplan/importer';
import type { ImportPreview } from '../lib/api-narrowings.js';

export const ackFieldId = (n: number) => `ack-${n}`;

/**
 * Never silently empty: a reading that may be wrong as a whole (no actions, most text not placed) is
 * shown first, with where in the document it comes from, and must be ticked before the plan is imported.
 */
export function ImportAcknowledgements({
  items,
  acked,
  setAcked,
  error,
}: {
  items: ImportPreview['acknowledgements'];
  acked: string[];
  setAcked: (keys: string[]) => void;
  error: string | undefined;
}) {
  if (!items.length) return null;
  return (
    <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <fieldset className="govuk-fieldset" aria-describedby={error ? 'acks-error' : undefined}>
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">
          <h2 className="govuk-fieldset__heading">Check before importing</h2>
        </legend>
        <div className="govuk-warning-text">
          <span className="govuk-warning-text__icon" aria-hidden="true">
            !
          </span>
          <strong className="govuk-warning-text__text">
            <span className="govuk-visually-hidden">Warning</span>
            This plan may not have been read as you expect. Look at each of these before importing it.
          </strong>
        </div>
        {error ? (
          <p className="govuk-error-message" id="acks-error">
            <span className="govuk-visually-hidden">Error:</span> {error}
          </p>
        ) : null}
        <div className="govuk-checkboxes" data-module="govuk-checkboxes">
          {items.map((w, n) => (
            <div className="govuk-checkboxes__item" key={w.key}>
              <input
                className="govuk-checkboxes__input"
                id={ackFieldId(n)}
                name="acknowledge"
                type="checkbox"
                value={w.key}
                checked={acked.includes(w.key)}
                onChange={(e) =>
                  setAcked(e.target.checked ? [...acked, w.key] : acked.filter((k) => k !== w.key))
                }
                aria-describedby={`${ackFieldId(n)}-hint`}
                aria-invalid={error && !acked.includes(w.key) ? true : undefined}
              />
              <label className="govuk-label govuk-checkboxes__label" htmlFor={ackFieldId(n)}>
                I have checked this: {w.message}
              </label>
              <div className="govuk-hint govuk-checkboxes__hint" id={`${ackFieldId(n)}-hint`}>
                In the document: {w.where}
              </div>
            </div>
          ))}
        </div>
      </fieldset>
    </div>
  );
}

/** The importer's other notes, each with where in the document it points. */
export function ImportNotes({ plan }: { plan: ParsedPlan }) {
  const notes = plan.warnings.filter((w) => !w.requiresAcknowledgement);
  if (!notes.length) return null;
  return (
    <details className="govuk-details">
      <summary className="govuk-details__summary">
        <span className="govuk-details__summary-text">
          {notes.length} {notes.length === 1 ? 'note' : 'notes'} from reading the document
        </span>
      </summary>
      <div className="govuk-details__text">
        <ul className="govuk-list govuk-list--bullet">
          {notes.map((w, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: warnings in document order
            <li key={i}>
              {w.where}: {w.message}
            </li>
          ))}
        </ul>
      </div>
    </details>
  );
}
