import type { ParsedPlan } from '@peopleplan/importer';
import { COLUMN_FIELDS } from '@peopleplan/importer/column-fields';
import type { ImportPreview } from '../lib/api-narrowings.js';
import { countActions, type DateIssue } from '../lib/import-plan.js';
import { PLAN_KIND_LABELS } from '../lib/labels.js';
import { ScrollTable, SummaryList } from './page.js';
import { TimescaleText } from './timescale.js';

const FIELDS: readonly string[] = COLUMN_FIELDS;

type Edits = Record<string, string>;

/**
 * How the importer read the plan, before anything is saved: counts, the column mapping (which can be
 * corrected and previewed again), deadlines to check (which can be corrected here), leads not in the
 * directory and the importer's notes.
 */
export function ImportPreviewView({
  preview,
  issues,
  mapping,
  setMapping,
  fixes,
  setFixes,
  busy,
  onCommit,
  onPreviewAgain,
  onStartAgain,
}: {
  preview: ImportPreview;
  issues: DateIssue[];
  mapping: Edits;
  setMapping: (m: Edits) => void;
  fixes: Edits;
  setFixes: (f: Edits) => void;
  busy: boolean;
  onCommit: () => void;
  onPreviewAgain: () => void;
  onStartAgain: () => void;
}) {
  return (
    <>
      <SummaryList
        rows={[
          { key: 'Title', value: preview.plan.title },
          { key: 'Kind of plan', value: PLAN_KIND_LABELS[preview.plan.kind] },
          { key: 'Themes', value: String(preview.plan.themes.length) },
          { key: 'Actions', value: String(countActions(preview.plan)) },
          { key: 'Deadlines to check', value: String(issues.length) },
          { key: 'Leads not in the directory', value: String(preview.unresolvedLeads.length) },
          preview.plan.unplaced.length > 0 && {
            key: 'Text not placed',
            value: `${preview.plan.unplaced.length}: kept on the plan`,
          },
        ]}
      />
      <ColumnMapping plan={preview.plan} mapping={mapping} setMapping={setMapping} />
      <DeadlineFixes issues={issues} fixes={fixes} setFixes={setFixes} />
      {preview.unresolvedLeads?.length ? (
        <section aria-labelledby="leads">
          <h2 className="govuk-heading-m" id="leads">
            Leads not in the directory ({preview.unresolvedLeads.length})
          </h2>
          <p className="govuk-body">
            They will be added to the people directory without an email address, marked for checking.
          </p>
          <ul className="govuk-list govuk-list--bullet">
            {preview.unresolvedLeads.map((l) => (
              <li key={l}>{l}</li>
            ))}
          </ul>
        </section>
      ) : null}
      {preview.plan.warnings?.length ? (
        <details className="govuk-details">
          <summary className="govuk-details__summary">
            <span className="govuk-details__summary-text">
              {preview.plan.warnings.length} notes from reading the document
            </span>
          </summary>
          <div className="govuk-details__text">
            <ul className="govuk-list govuk-list--bullet">
              {preview.plan.warnings.map((w, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: warnings in document order
                <li key={i}>
                  {w.where}: {w.message}
                </li>
              ))}
            </ul>
          </div>
        </details>
      ) : null}
      <div className="govuk-button-group">
        <button
          type="button"
          className="govuk-button"
          onClick={onCommit}
          disabled={busy}
          aria-disabled={busy}
        >
          Import this plan
        </button>
        {Object.keys(mapping).length ? (
          <button
            type="button"
            className="govuk-button govuk-button--secondary"
            onClick={onPreviewAgain}
            disabled={busy}
          >
            Preview again with my column changes
          </button>
        ) : null}
        <button type="button" className="govuk-button govuk-button--secondary" onClick={onStartAgain}>
          Start again
        </button>
      </div>
    </>
  );
}

/** Each table's columns as read, with a choice of field for each (guesses highlighted). */
function ColumnMapping({
  plan,
  mapping,
  setMapping,
}: {
  plan: ParsedPlan;
  mapping: Edits;
  setMapping: (m: Edits) => void;
}) {
  if (!plan.mapping.tables.length) return null;
  return (
    <section aria-labelledby="mapping">
      <h2 className="govuk-heading-m" id="mapping">
        How the columns were read
      </h2>
      {plan.mapping.tables.map((t) => (
        <ScrollTable key={t.table} label={`Table ${t.table + 1} columns`}>
          <table className="govuk-table app-table app-mapping">
            <caption className="govuk-table__caption govuk-table__caption--s">
              Table {t.table + 1}: {t.kind}
            </caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">
                  Column heading
                </th>
                <th scope="col" className="govuk-table__header">
                  Read as
                </th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {t.columns.map((col) => {
                const id = `map-${t.table}-${col.index}`;
                return (
                  <tr
                    className={`govuk-table__row${col.confidence < 0.7 ? ' app-highlight' : ''}`}
                    key={col.index}
                  >
                    <th scope="row" className="govuk-table__header">
                      <label htmlFor={id}>{col.header || `(column ${col.index + 1})`}</label>
                      {col.confidence < 0.7 ? (
                        <span className="app-item-type">Guessed: please check</span>
                      ) : null}
                    </th>
                    <td className="govuk-table__cell">
                      <select
                        className="govuk-select"
                        id={id}
                        value={mapping[col.header] ?? col.field}
                        onChange={(e) => setMapping({ ...mapping, [col.header]: e.target.value })}
                      >
                        {FIELDS.map((f) => (
                          <option key={f} value={f}>
                            {f}
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
    </section>
  );
}

/** Deadlines with no date PeoplePlan could be sure of, each with a box to correct it. */
function DeadlineFixes({
  issues,
  fixes,
  setFixes,
}: {
  issues: DateIssue[];
  fixes: Edits;
  setFixes: (f: Edits) => void;
}) {
  if (!issues.length) return null;
  return (
    <section aria-labelledby="dates">
      <h2 className="govuk-heading-m" id="dates">
        Deadlines to check ({issues.length})
      </h2>
      <p className="govuk-body">
        These deadlines have no date PeoplePlan could be sure of. Write a date to fix one now, or leave it: it
        stays as written and is flagged on the plan.
      </p>
      <ScrollTable label="Deadlines to check">
        <table className="govuk-table app-table">
          <caption className="govuk-table__caption govuk-visually-hidden">Deadlines to check</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">
                Where
              </th>
              <th scope="col" className="govuk-table__header">
                As written
              </th>
              <th scope="col" className="govuk-table__header">
                Correct it
              </th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {issues.map((i) => {
              const id = `fix-${i.where.replace(/[^a-z0-9]+/gi, '-')}`;
              return (
                <tr className="govuk-table__row" key={i.where}>
                  <td className="govuk-table__cell app-cell-s">
                    {i.where}: {i.what}
                  </td>
                  <td className="govuk-table__cell">
                    <TimescaleText value={i.value} />
                    {i.value.note ? <span className="app-item-type">{i.value.note}</span> : null}
                  </td>
                  <td className="govuk-table__cell">
                    <label className="govuk-label govuk-visually-hidden" htmlFor={id}>
                      Deadline for {i.where}
                    </label>
                    <input
                      className="govuk-input govuk-input--width-10"
                      id={id}
                      value={fixes[i.where] ?? ''}
                      onChange={(e) => setFixes({ ...fixes, [i.where]: e.target.value })}
                    />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </ScrollTable>
    </section>
  );
}
