import { type ReactNode, useEffect, useRef } from 'react';

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

/** Map API field errors (`details: [{path, message}]`) onto form fields. */
export function fieldErrorsFrom(details: Array<{ path: string; message: string }> | undefined): FieldErrors {
  const out: FieldErrors = {};
  for (const d of details ?? []) {
    const key = d.path.split('.')[0] || 'form';
    out[key] ??= d.message;
  }
  return out;
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
