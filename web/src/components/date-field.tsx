import type { ReactNode } from 'react';
import type { DateParts } from '../lib/plan-draft.js';

/**
 * GOV.UK date input: day, month and year boxes in a fieldset. The error's id is `<id>-day`'s, so an
 * error summary links to the first box.
 */
export function DateField({
  id,
  legend,
  hint,
  error,
  value,
  onChange,
}: {
  id: string;
  legend: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  value: DateParts;
  onChange: (v: DateParts) => void;
}) {
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  const box = (part: keyof DateParts, label: string, width: number) => (
    <div className="govuk-date-input__item" key={part}>
      <div className="govuk-form-group">
        <label className="govuk-label govuk-date-input__label" htmlFor={`${id}-${part}`}>
          {label}
        </label>
        <input
          className={`govuk-input govuk-date-input__input govuk-input--width-${width}${error ? ' govuk-input--error' : ''}`}
          id={`${id}-${part}`}
          name={`${id}-${part}`}
          type="text"
          inputMode="numeric"
          aria-invalid={error ? true : undefined}
          value={value[part]}
          onChange={(e) => onChange({ ...value, [part]: e.target.value })}
        />
      </div>
    </div>
  );
  return (
    <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      {/* biome-ignore lint/a11y/noRedundantRoles: GOV.UK's date input names its fieldset a group for older screen readers */}
      <fieldset className="govuk-fieldset" role="group" aria-describedby={described || undefined}>
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{legend}</legend>
        {hint ? (
          <div className="govuk-hint" id={`${id}-hint`}>
            {hint}
          </div>
        ) : null}
        {error ? (
          <p className="govuk-error-message" id={`${id}-error`}>
            <span className="govuk-visually-hidden">Error:</span> {error}
          </p>
        ) : null}
        <div className="govuk-date-input" id={id}>
          {box('day', 'Day', 2)}
          {box('month', 'Month', 2)}
          {box('year', 'Year', 4)}
        </div>
      </fieldset>
    </div>
  );
}
