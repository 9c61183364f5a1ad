import { isCalendarDate } from '@peopleplan/core';
import { type ReactNode, useEffect, useRef } from 'react';
import { ApiError } from '../lib/api.js';
import { formatDate } from '../lib/format.js';

export interface FieldErrors {
  [field: string]: string | undefined;
}

/** GOV.UK error summary: focused when it appears, each message links to its field. */
export function ErrorSummary({
  errors,
  title = 'There is a problem',
}: {
  errors: Array<{ href?: string; text: string }>;
  title?: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const key = errors.map((e) => e.text).join('|');
  // biome-ignore lint/correctness/useExhaustiveDependencies: refocus whenever the set of errors changes
  useEffect(() => {
    if (errors.length) {
      ref.current?.focus();
      if (!document.title.startsWith('Error: ')) document.title = `Error: ${document.title}`;
    }
    return () => {
      document.title = document.title.replace(/^Error: /, '');
    };
  }, [key]);
  if (!errors.length) return null;
  return (
    <div className="govuk-error-summary" ref={ref} tabIndex={-1}>
      <div role="alert">
        <h2 className="govuk-error-summary__title">{title}</h2>
        <div className="govuk-error-summary__body">
          <ul className="govuk-list govuk-error-summary__list">
            {errors.map((e) => (
              <li key={e.text}>
                {e.href ? (
                  <a
                    href={e.href}
                    onClick={(ev) => {
                      const el = document.getElementById(e.href!.slice(1));
                      if (!el) return;
                      ev.preventDefault();
                      el.scrollIntoView({ block: 'center' });
                      el.focus();
                    }}
                  >
                    {e.text}
                  </a>
                ) : (
                  e.text
                )}
              </li>
            ))}
          </ul>
        </div>
      </div>
    </div>
  );
}

/** Field errors in the order the fields appear, as error-summary entries. */
export function summaryFrom(errors: FieldErrors, ids: Record<string, string> = {}) {
  return Object.entries(errors)
    .filter((e): e is [string, string] => Boolean(e[1]))
    .map(([field, text]) => ({ href: `#${ids[field] ?? field}`, text }));
}

interface FieldProps {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  /** Bold, larger label (the page's only question). */
  labelClass?: string;
}

function describedBy(id: string, hint: unknown, error: unknown) {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return ids || undefined;
}

function Hint({ id, hint }: { id: string; hint: ReactNode }) {
  return hint ? (
    <div className="govuk-hint" id={`${id}-hint`}>
      {hint}
    </div>
  ) : null;
}

function ErrorMessage({ id, error }: { id: string; error: string | undefined }) {
  return error ? (
    <p className="govuk-error-message" id={`${id}-error`}>
      <span className="govuk-visually-hidden">Error:</span> {error}
    </p>
  ) : null;
}

export function TextInput({
  id,
  label,
  hint,
  error,
  labelClass,
  width,
  ...input
}: FieldProps & { width?: string } & Omit<React.InputHTMLAttributes<HTMLInputElement>, 'id'>) {
  return (
    <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <label className={`govuk-label ${labelClass ?? ''}`} htmlFor={id}>
        {label}
      </label>
      <Hint id={id} hint={hint} />
      <ErrorMessage id={id} error={error} />
      <input
        className={`govuk-input${width ? ` govuk-input--width-${width}` : ''}${error ? ' govuk-input--error' : ''}`}
        id={id}
        name={id}
        type="text"
        aria-describedby={describedBy(id, hint, error)}
        aria-invalid={error ? true : undefined}
        {...input}
      />
    </div>
  );
}

export function Textarea({
  id,
  label,
  hint,
  error,
  labelClass,
  ...rest
}: FieldProps & Omit<React.TextareaHTMLAttributes<HTMLTextAreaElement>, 'id'>) {
  return (
    <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <label className={`govuk-label ${labelClass ?? ''}`} htmlFor={id}>
        {label}
      </label>
      <Hint id={id} hint={hint} />
      <ErrorMessage id={id} error={error} />
      <textarea
        className={`govuk-textarea${error ? ' govuk-textarea--error' : ''}`}
        id={id}
        name={id}
        rows={5}
        aria-describedby={describedBy(id, hint, error)}
        aria-invalid={error ? true : undefined}
        {...rest}
      />
    </div>
  );
}

export function Select({
  id,
  label,
  hint,
  error,
  labelClass,
  options,
  ...rest
}: FieldProps & {
  options: Array<{ value: string; text: string; disabled?: boolean }>;
} & Omit<React.SelectHTMLAttributes<HTMLSelectElement>, 'id'>) {
  return (
    <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <label className={`govuk-label ${labelClass ?? ''}`} htmlFor={id}>
        {label}
      </label>
      <Hint id={id} hint={hint} />
      <ErrorMessage id={id} error={error} />
      <select
        className={`govuk-select${error ? ' govuk-select--error' : ''}`}
        id={id}
        name={id}
        aria-describedby={describedBy(id, hint, error)}
        aria-invalid={error ? true : undefined}
        {...rest}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value} disabled={o.disabled}>
            {o.text}
          </option>
        ))}
      </select>
    </div>
  );
}

export function Radios({
  id,
  legend,
  hint,
  error,
  options,
  value,
  onChange,
  small,
  inline,
  legendClass = 'govuk-fieldset__legend--s',
}: {
  id: string;
  legend: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  options: Array<{ value: string; text: ReactNode; hint?: ReactNode }>;
  value: string;
  onChange: (v: string) => void;
  small?: boolean;
  inline?: boolean;
  legendClass?: string;
}) {
  return (
    <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <fieldset className="govuk-fieldset" aria-describedby={describedBy(id, hint, error)}>
        <legend className={`govuk-fieldset__legend ${legendClass}`}>{legend}</legend>
        <Hint id={id} hint={hint} />
        <ErrorMessage id={id} error={error} />
        <div
          className={`govuk-radios${small ? ' govuk-radios--small' : ''}${inline ? ' govuk-radios--inline' : ''}`}
        >
          {options.map((o, i) => {
            const inputId = i === 0 ? id : `${id}-${i + 1}`;
            return (
              <div className="govuk-radios__item" key={o.value}>
                <input
                  className="govuk-radios__input"
                  id={inputId}
                  name={id}
                  type="radio"
                  value={o.value}
                  checked={value === o.value}
                  onChange={() => onChange(o.value)}
                  aria-describedby={o.hint ? `${inputId}-item-hint` : undefined}
                />
                <label className="govuk-label govuk-radios__label" htmlFor={inputId}>
                  {o.text}
                </label>
                {o.hint ? (
                  <div id={`${inputId}-item-hint`} className="govuk-hint govuk-radios__hint">
                    {o.hint}
                  </div>
                ) : null}
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}

export function Checkbox({
  id,
  label,
  hint,
  checked,
  onChange,
}: {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  checked: boolean;
  onChange: (v: boolean) => void;
}) {
  return (
    <div className="govuk-checkboxes__item">
      <input
        className="govuk-checkboxes__input"
        id={id}
        name={id}
        type="checkbox"
        checked={checked}
        onChange={(e) => onChange(e.target.checked)}
        aria-describedby={hint ? `${id}-item-hint` : undefined}
      />
      <label className="govuk-label govuk-checkboxes__label" htmlFor={id}>
        {label}
      </label>
      {hint ? (
        <div id={`${id}-item-hint`} className="govuk-hint govuk-checkboxes__hint">
          {hint}
        </div>
      ) : null}
    </div>
  );
}

/** ISO dates in an API message as a page shows dates: "2004-04-01" reads "1 April 2004". */
export const datesInWords = (text: string) =>
  text.replace(/\b\d{4}-\d{2}-\d{2}\b/g, (iso) => (isCalendarDate(iso) ? formatDate(iso) : iso));

const sentence = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * Where a form shows the API's field errors: the API's field (a path: `title`, `period.start`,
 * `leads.0.label`) to the form's field id, by its longest part given (`period.start`, else `period`), or
 * a function of the whole path.
 */
export type FieldIds = Record<string, string> | ((path: string) => string | undefined);

function fieldIdOf(fields: FieldIds, path: string): string | undefined {
  if (typeof fields === 'function') return fields(path);
  const parts = path.split('.');
  for (let n = parts.length; n > 0; n--) {
    const id = fields[parts.slice(0, n).join('.')];
    if (id) return id;
  }
  return undefined;
}

/**
 * A save the API refused, shown as the form's own checks are (GOV.UK error pattern; WCAG 3.3.1, 3.3.3):
 * each field error the API gives (`details: [{ path, message }]`) beside the field it names (`fields`),
 * so the summary links to it and the field is marked invalid. When the refusal names one field, its
 * message is the API's sentence (the detail is only a note to it); with several, each field's own note,
 * as a sentence. What names no field of the form is said in the summary alone (`message`). Dates in
 * words throughout. Every form that saves through the API shows its refusals so.
 */
export function refusal(
  err: unknown,
  fields: FieldIds,
): { errors: FieldErrors; message: string | undefined } {
  if (!(err instanceof ApiError)) return { errors: {}, message: (err as Error).message };
  const details = err.details ?? [];
  const errors: FieldErrors = {};
  for (const d of details) {
    const id = fieldIdOf(fields, d.path);
    if (!id || errors[id]) continue;
    errors[id] = datesInWords(details.length === 1 ? err.message : sentence(d.message));
  }
  const placed = details.every((d) => fieldIdOf(fields, d.path));
  return { errors, message: details.length && placed ? undefined : datesInWords(err.message) };
}

/** A form's submit button beside "Cancel" (GOV.UK button group); `busy` disables the submit while saving. */
export function SaveOrCancel({
  save,
  busy = false,
  onCancel,
}: {
  save: string;
  busy?: boolean;
  onCancel: () => void;
}) {
  return (
    <div className="govuk-button-group">
      <button type="submit" className="govuk-button" disabled={busy} aria-disabled={busy}>
        {save}
      </button>
      <button type="button" className="govuk-button govuk-button--secondary" onClick={onCancel}>
        Cancel
      </button>
    </div>
  );
}
