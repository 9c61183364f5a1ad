import type { ParsedPlan } from '@peopleplan/importer';
import { COLUMN_FIELD_LABELS, COLUMN_FIELDS, TABLE_KIND_LABELS } from '@peopleplan/importer/column-fields';
import { type FormEvent, useState } from 'react';
import { ApiError, api } from '../lib/api.js';
import { ScrollTable } from './page.js';
import { PreviewAgainButton } from './preview-again.js';
import { TableHead } from './table-head.js';

type Choices = Record<string, string>;

/** Every column of the plan's tables with what it is read as now: the person's choice, else the importer's. */
export function currentColumns(plan: ParsedPlan, choices: Choices): Choices {
  const out: Choices = {};
  for (const t of plan.mapping.tables) {
    for (const col of t.columns) if (col.header) out[col.header] = choices[col.header] ?? col.field;
  }
  return out;
}

/**
 * How each column was read, in plain words, with a choice per column (guesses marked), previewed again
 * on request; and a way to save the choices by name for the council's next import.
 */
export function ImportColumns({
  c,
  plan,
  choices,
  setChoices,
  changed,
  busy,
  onPreviewAgain,
  onSaved,
}: {
  c: string;
  plan: ParsedPlan;
  choices: Choices;
  setChoices: (m: Choices) => void;
  /** The choices differ from what the preview was read with. */
  changed: boolean;
  busy: boolean;
  onPreviewAgain: () => void;
  onSaved: (name: string) => void;
}) {
  if (!plan.mapping.tables.length) return null;
  return (
    <section aria-labelledby="mapping" className="app-section-break">
      <h2 className="govuk-heading-m" id="mapping">
        How the columns were read
      </h2>
      <p className="govuk-body">
        Check what each column of the document is. Change any that are wrong, then preview again to see the
        plan read that way.
      </p>
      {plan.mapping.tables.map((t) => (
        <ScrollTable key={t.table} label={`Table ${t.table + 1} columns`}>
          <table className="govuk-table app-table app-mapping">
            <caption className="govuk-table__caption govuk-table__caption--s">
              Table {t.table + 1}: {TABLE_KIND_LABELS[t.kind] ?? t.kind}
            </caption>
            <TableHead columns={['Column in the document', 'What it is']} />
            <tbody className="govuk-table__body">
              {t.columns.map((col) => {
                const id = `map-${t.table}-${col.index}`;
                const guessed = col.confidence < 0.7 && !choices[col.header];
                return (
                  <tr className={`govuk-table__row${guessed ? ' app-highlight' : ''}`} key={col.index}>
                    <th scope="row" className="govuk-table__header">
                      <label htmlFor={id}>{col.header || `(column ${col.index + 1})`}</label>
                      {guessed ? (
                        <span className="app-item-type" id={`${id}-hint`}>
                          Not sure: please check
                        </span>
                      ) : null}
                    </th>
                    <td className="govuk-table__cell">
                      <select
                        className="govuk-select"
                        id={id}
                        value={choices[col.header] ?? col.field}
                        disabled={!col.header}
                        aria-describedby={guessed ? `${id}-hint` : undefined}
                        onChange={(e) => setChoices({ ...choices, [col.header]: e.target.value })}
                      >
                        {COLUMN_FIELDS.map((f) => (
                          <option key={f} value={f}>
                            {COLUMN_FIELD_LABELS[f]}
                          </option>
                        ))}
                      </select>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </ScrollTable>
      ))}
      <PreviewAgainButton
        label="Preview again with these columns"
        changed={changed}
        busy={busy}
        unchanged="No column has been changed yet: choose what a column holds above, then preview again."
        onPreviewAgain={onPreviewAgain}
      />
      <SaveMapping c={c} columns={currentColumns(plan, choices)} onSaved={onSaved} />
    </section>
  );
}

/** Saves the column choices under a name (the same name replaces them), offered on the next import. */
function SaveMapping({
  c,
  columns,
  onSaved,
}: {
  c: string;
  columns: Choices;
  onSaved: (name: string) => void;
}) {
  const [name, setName] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const save = async (e: FormEvent) => {
    e.preventDefault();
    if (!name.trim()) {
      setError('Enter a name for these column choices');
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      await api.post('/api/v1/councils/{c}/import-mappings', {
        params: { path: { c } },
        body: { name: name.trim(), columns: columns as never },
      });
      onSaved(name.trim());
      setName('');
    } catch (err) {
      setError(err instanceof ApiError ? err.message : 'The column choices could not be saved. Try again.');
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={save} noValidate aria-labelledby="save-mapping" className="app-save-mapping">
      <h3 className="govuk-heading-s" id="save-mapping">
        Use these column choices again
      </h3>
      <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
        <label className="govuk-label" htmlFor="mapping-name">
          Name for these column choices
        </label>
        <div className="govuk-hint" id="mapping-name-hint">
          For example, “Directorate business plans”. They will be offered the next time anyone in the council
          imports a plan. Saving under a name already used replaces those choices.
        </div>
        {error ? (
          <p className="govuk-error-message" id="mapping-name-error">
            <span className="govuk-visually-hidden">Error:</span> {error}
          </p>
        ) : null}
        <input
          className={`govuk-input govuk-input--width-20${error ? ' govuk-input--error' : ''}`}
          id="mapping-name"
          name="mapping-name"
          type="text"
          value={name}
          aria-describedby={`mapping-name-hint${error ? ' mapping-name-error' : ''}`}
          aria-invalid={error ? true : undefined}
          onChange={(e) => setName(e.target.value)}
        />
      </div>
      <button type="submit" className="govuk-button govuk-button--secondary" disabled={busy}>
        Save column choices
      </button>
    </form>
  );
}
