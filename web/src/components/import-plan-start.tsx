export interface DateParts {
  day: string;
  month: string;
  year: string;
}
export const NO_DATE: DateParts = { day: '', month: '', year: '' };

/** `YYYY-MM-DD` from the three fields; undefined when all are blank; an error message when not a real date. */
export function dateFromParts(p: DateParts): { date?: string; error?: string } {
  const [d, m, y] = [p.day.trim(), p.month.trim(), p.year.trim()];
  if (!d && !m && !y) return {};
  if (!/^\d{1,2}$/.test(d) || !/^\d{1,2}$/.test(m) || !/^\d{4}$/.test(y)) {
    return { error: 'Enter the date the plan starts as a day, month and year, for example 1 4 2026' };
  }
  const date = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  const check = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(check.getTime()) || check.toISOString().slice(0, 10) !== date) {
    return { error: 'The date the plan starts must be a real date' };
  }
  return { date };
}

export const partsFromDate = (date: string | undefined): DateParts => {
  const m = date ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(date) : null;
  return m ? { day: String(Number(m[3])), month: String(Number(m[2])), year: m[1]! } : NO_DATE;
};

/**
 * "The plan starts on" as the GOV.UK date input: relative deadlines ("within the next 6 months") count
 * from it. Blank: the period in the plan's title, where it has one.
 */
export function PlanStartInput({
  value,
  onChange,
  error,
}: {
  value: DateParts;
  onChange: (v: DateParts) => void;
  error: string | undefined;
}) {
  const id = 'plan-start';
  const describedBy = `${id}-hint${error ? ` ${id}-error` : ''}`;
  const parts: Array<{ key: keyof DateParts; label: string; width: string }> = [
    { key: 'day', label: 'Day', width: '2' },
    { key: 'month', label: 'Month', width: '2' },
    { key: 'year', label: 'Year', width: '4' },
  ];
  return (
    <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      {/* biome-ignore lint/a11y/noRedundantRoles: GOV.UK's date input names its fieldset a group for older screen readers */}
      <fieldset className="govuk-fieldset" role="group" aria-describedby={describedBy}>
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">
          The plan starts on (optional)
        </legend>
        <div className="govuk-hint" id={`${id}-hint`}>
          Deadlines such as “within the next 6 months” count from this date. For example, 1 4 2026
        </div>
        {error ? (
          <p className="govuk-error-message" id={`${id}-error`}>
            <span className="govuk-visually-hidden">Error:</span> {error}
          </p>
        ) : null}
        <div className="govuk-date-input" id={id}>
          {parts.map((part) => (
            <div className="govuk-date-input__item" key={part.key}>
              <div className="govuk-form-group">
                <label className="govuk-label govuk-date-input__label" htmlFor={`${id}-${part.key}`}>
                  {part.label}
                </label>
                <input
                  className={`govuk-input govuk-date-input__input govuk-input--width-${part.width}${error ? ' govuk-input--error' : ''}`}
                  id={`${id}-${part.key}`}
                  name={`${id}-${part.key}`}
                  type="text"
                  inputMode="numeric"
                  value={value[part.key]}
                  onChange={(e) => onChange({ ...value, [part.key]: e.target.value })}
                />
              </div>
            </div>
          ))}
        </div>
      </fieldset>
    </div>
  );
}
