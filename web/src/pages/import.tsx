import type { Timescale } from '@peopleplan/core';
import type { ParsedAction, ParsedPlan } from '@peopleplan/importer';
import { COLUMN_FIELDS } from '@peopleplan/importer/column-fields';
import { type FormEvent, useState } from 'react';
import { Link } from 'wouter';
import { ErrorSummary, Radios, Select, Textarea } from '../components/form.js';
import { Page, ScrollTable, SummaryList } from '../components/page.js';
import { TimescaleText } from '../components/timescale.js';
import { readTimescale } from '../components/timescale-input.js';
import { ApiError, api } from '../lib/api.js';
import type { ImportPreview } from '../lib/api-narrowings.js';
import { PLAN_KIND_LABELS } from '../lib/labels.js';
import { useCouncil } from '../lib/session.js';

/**
 * Import wizard: upload or paste → preview (the column mapping, deadlines that were not understood,
 * leads not in the directory; mapping and kind can be corrected and previewed again) → commit.
 *
 * API (functions/api/src/routes/imports.ts): `POST /councils/{c}/imports` (multipart `file`, or JSON
 * `{ text }`; optional `kind` and `mapping` {header: field}) answers `{ id, plan, counts, timescales,
 * unresolvedLeads }`; `POST /councils/{c}/imports/{id}/commit` with `{ plan? }` (the corrected plan) answers
 * `{ planId }`.
 */

const FIELDS: readonly string[] = COLUMN_FIELDS;

interface DateIssue {
  where: string;
  what: string;
  value: Timescale;
  /** Where the timescale sits in the parsed plan, to write a correction into a copy of it. */
  path: Array<string | number>;
}

/** Deadlines a person must look at: not understood, or tied to an event with no date. */
export function dateIssues(plan: ParsedPlan): DateIssue[] {
  const out: DateIssue[] = [];
  const check = (where: string, what: string, t: Timescale | undefined, path: Array<string | number>) => {
    if (t && (t.kind === 'unparsed' || t.kind === 'event')) out.push({ where, what, value: t, path });
  };
  const walk = (a: ParsedAction, path: Array<string | number>) => {
    check(`action ${a.ref}`, a.title, a.due, [...path, 'due']);
    check(`action ${a.ref} start`, a.title, a.start, [...path, 'start']);
    (a.milestones ?? []).forEach((m, i) => {
      check(`milestone ${a.ref}/${m.ref}`, m.title, m.due, [...path, 'milestones', i, 'due']);
    });
    (a.subActions ?? []).forEach((s, i) => {
      walk(s, [...path, 'subActions', i]);
    });
  };
  plan.themes.forEach((t, ti) => {
    t.actions.forEach((a, ai) => {
      walk(a, ['themes', ti, 'actions', ai]);
    });
  });
  (plan.milestones ?? []).forEach((m, i) => {
    check(`milestone ${m.ref}`, m.title, m.due, ['milestones', i, 'due']);
  });
  return out;
}

/** A copy of the plan with the person's corrected deadlines written in. */
export function withFixes(
  plan: ParsedPlan,
  fixes: Array<{ path: Array<string | number>; value: Timescale }>,
) {
  const copy = structuredClone(plan) as unknown as Record<string | number, unknown>;
  for (const f of fixes) {
    let at = copy;
    for (const k of f.path.slice(0, -1)) at = at[k] as Record<string | number, unknown>;
    at[f.path[f.path.length - 1]!] = f.value;
  }
  return copy;
}

const countActions = (plan: ParsedPlan) => {
  let n = 0;
  const walk = (a: ParsedAction) => {
    n++;
    for (const s of a.subActions ?? []) walk(s);
  };
  for (const t of plan.themes) for (const a of t.actions) walk(a);
  return n;
};

export default function ImportPage({ c }: { c: string }) {
  const { council, can } = useCouncil(c);
  const [source, setSource] = useState<'file' | 'text'>('file');
  const [file, setFile] = useState<File | undefined>();
  const [text, setText] = useState('');
  const [kind, setKind] = useState('');
  const [mapping, setMapping] = useState<Record<string, string>>({});
  const [fixes, setFixes] = useState<Record<string, string>>({});
  const [preview, setPreview] = useState<ImportPreview | undefined>();
  const [errors, setErrors] = useState<Array<{ href?: string; text: string }>>([]);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<{ planId?: string; title: string } | undefined>();

  const runPreview = async (e?: FormEvent) => {
    e?.preventDefault();
    const errs = [];
    if (source === 'file' && !file) errs.push({ href: '#import-file', text: 'Choose a file to import' });
    if (source === 'text' && !text.trim())
      errs.push({ href: '#import-text', text: 'Paste the plan’s table' });
    setErrors(errs);
    if (errs.length) return;
    // A file goes as multipart; pasted text as JSON (the API reads both).
    let body: FormData | Record<string, unknown>;
    if (source === 'file' && file) {
      body = new FormData();
      body.append('file', file, file.name);
      if (kind) body.append('kind', kind);
      if (Object.keys(mapping).length) body.append('mapping', JSON.stringify(mapping));
    } else {
      body = { text, ...(kind ? { kind } : {}), ...(Object.keys(mapping).length ? { mapping } : {}) };
    }
    setBusy(true);
    try {
      const res = await api.post('/api/v1/councils/{c}/imports', {
        params: { path: { c } },
        // The route documents no request body (it reads multipart or JSON itself): see api-narrowings.ts.
        body: body as never,
      });
      setPreview(res);
      if (!kind) setKind(res.plan.kind);
    } catch (err) {
      setErrors([
        {
          text:
            err instanceof ApiError && err.status === 404
              ? 'Importing plans is not available on this copy of PeoplePlan yet.'
              : (err as Error).message,
        },
      ]);
    } finally {
      setBusy(false);
    }
  };

  const commit = async () => {
    if (!preview) return;
    setBusy(true);
    setErrors([]);
    try {
      // Corrected deadlines are read like any other, then sent as the corrected plan.
      const corrections = [];
      for (const issue of dateIssues(preview.plan)) {
        const text = fixes[issue.where]?.trim();
        if (!text) continue;
        const value = await readTimescale(text, undefined, { period: preview.plan.period });
        if (value) corrections.push({ path: issue.path, value });
      }
      const res = await api.post('/api/v1/councils/{c}/imports/{id}/commit', {
        params: { path: { c, id: preview.id } },
        body: corrections.length ? { plan: withFixes(preview.plan, corrections) } : {},
      });
      setDone({ ...(res.planId ? { planId: res.planId } : {}), title: preview.plan.title });
    } catch (err) {
      setErrors([{ text: (err as Error).message }]);
    } finally {
      setBusy(false);
    }
  };

  const crumbs = [{ href: `/councils/${c}`, text: council?.name ?? 'Dashboard' }];
  if (!can('editor')) {
    return (
      <Page title="Import a plan" crumbs={crumbs}>
        <p className="govuk-body">Only editors and administrators can import plans.</p>
      </Page>
    );
  }
  if (done) {
    return (
      <Page title="Plan imported" crumbs={crumbs}>
        <div className="govuk-panel govuk-panel--confirmation">
          <div className="govuk-panel__body">{done.title}</div>
        </div>
        <p className="govuk-body">
          {done.planId ? (
            <Link className="govuk-link" href={`/councils/${c}/plans/${done.planId}`}>
              Open the imported plan
            </Link>
          ) : (
            <Link className="govuk-link" href={`/councils/${c}`}>
              Go to the dashboard
            </Link>
          )}
        </p>
      </Page>
    );
  }

  const issues = preview ? dateIssues(preview.plan) : [];
  return (
    <Page title={preview ? 'Check the import' : 'Import a plan'} caption={council?.name} crumbs={crumbs}>
      <ErrorSummary errors={errors} />
      {!preview ? (
        <form onSubmit={runPreview} noValidate>
          <p className="govuk-body">
            Import an action plan from Word (.docx), Excel (.xlsx), a CSV file, or text copied from a table.
            You will see how it was read before anything is saved.
          </p>
          <Radios
            id="source"
            legend="How do you want to give the plan?"
            legendClass="govuk-fieldset__legend--m"
            value={source}
            onChange={(v) => setSource(v as 'file' | 'text')}
            options={[
              { value: 'file', text: 'Upload a file' },
              { value: 'text', text: 'Paste a table' },
            ]}
          />
          {source === 'file' ? (
            <div
              className={`govuk-form-group${errors.some((x) => x.href === '#import-file') ? ' govuk-form-group--error' : ''}`}
            >
              <label className="govuk-label" htmlFor="import-file">
                Upload a file
              </label>
              <div className="govuk-hint" id="import-file-hint">
                Word, Excel, CSV or text, up to 10 MB
              </div>
              <input
                className="govuk-file-upload"
                id="import-file"
                name="file"
                type="file"
                accept=".docx,.xlsx,.csv,.txt,.tsv"
                aria-describedby="import-file-hint"
                onChange={(e) => setFile(e.target.files?.[0])}
              />
            </div>
          ) : (
            <Textarea
              id="import-text"
              label="Paste the plan’s table"
              hint="Copy the table from Word or Excel, with its header row, and paste it here."
              rows={12}
              spellCheck={false}
              value={text}
              onChange={(e) => setText(e.target.value)}
              error={errors.find((x) => x.href === '#import-text')?.text}
            />
          )}
          <Select
            id="kind"
            label="Kind of plan"
            value={kind}
            onChange={(e) => setKind(e.target.value)}
            options={[
              { value: '', text: 'Work it out from the document' },
              ...Object.entries(PLAN_KIND_LABELS).map(([value, text]) => ({ value, text })),
            ]}
          />
          <button type="submit" className="govuk-button" disabled={busy} aria-disabled={busy}>
            {busy ? 'Reading the plan…' : 'Preview the import'}
          </button>
        </form>
      ) : (
        <>
          <SummaryList
            rows={[
              { key: 'Title', value: preview.plan.title },
              { key: 'Kind of plan', value: PLAN_KIND_LABELS[preview.plan.kind] ?? preview.plan.kind },
              { key: 'Themes', value: String(preview.plan.themes.length) },
              { key: 'Actions', value: String(countActions(preview.plan)) },
              { key: 'Deadlines to check', value: String(issues.length) },
              { key: 'Leads not in the directory', value: String(preview.unresolvedLeads?.length ?? 0) },
              (preview.plan.unplaced?.length ?? 0) > 0 && {
                key: 'Text not placed',
                value: `${preview.plan.unplaced!.length}: kept on the plan`,
              },
            ]}
          />
          {preview.plan.mapping?.tables.length ? (
            <section aria-labelledby="mapping">
              <h2 className="govuk-heading-m" id="mapping">
                How the columns were read
              </h2>
              {preview.plan.mapping.tables.map((t) => (
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
          ) : null}
          {issues.length ? (
            <section aria-labelledby="dates">
              <h2 className="govuk-heading-m" id="dates">
                Deadlines to check ({issues.length})
              </h2>
              <p className="govuk-body">
                These deadlines have no date PeoplePlan could be sure of. Write a date to fix one now, or
                leave it: it stays as written and is flagged on the plan.
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
          ) : null}
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
              onClick={() => void commit()}
              disabled={busy}
              aria-disabled={busy}
            >
              Import this plan
            </button>
            {Object.keys(mapping).length ? (
              <button
                type="button"
                className="govuk-button govuk-button--secondary"
                onClick={() => void runPreview()}
                disabled={busy}
              >
                Preview again with my column changes
              </button>
            ) : null}
            <button
              type="button"
              className="govuk-button govuk-button--secondary"
              onClick={() => {
                setPreview(undefined);
                setMapping({});
                setFixes({});
              }}
            >
              Start again
            </button>
          </div>
        </>
      )}
    </Page>
  );
}
