import type { FormEvent } from 'react';
import { PLAN_KIND_LABELS } from '../lib/labels.js';
import { Radios, Select, Textarea } from './form.js';
import { type DateParts, PlanStartInput } from './import-plan-start.js';

export type ImportSource = 'file' | 'text';

/** A council's saved column choices, offered by name. */
export interface SavedMapping {
  id: string;
  name: string;
  columns: Record<string, string>;
}

/** The file to upload, in the GOV.UK file upload pattern: its error beside it, and the field marked invalid. */
function FileField({
  error,
  setFile,
}: {
  error: string | undefined;
  setFile: (f: File | undefined) => void;
}) {
  return (
    <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <label className="govuk-label" htmlFor="import-file">
        Upload a file
      </label>
      <div className="govuk-hint" id="import-file-hint">
        Word, PDF, Excel, CSV, text or a saved web page, up to 10 MB
      </div>
      {error ? (
        <p className="govuk-error-message" id="import-file-error">
          <span className="govuk-visually-hidden">Error:</span> {error}
        </p>
      ) : null}
      <input
        className={`govuk-file-upload${error ? ' govuk-file-upload--error' : ''}`}
        id="import-file"
        name="file"
        type="file"
        accept=".docx,.pdf,.xlsx,.csv,.txt,.tsv,.html,.htm"
        aria-describedby={`import-file-hint${error ? ' import-file-error' : ''}`}
        aria-invalid={error ? true : undefined}
        onChange={(e) => setFile(e.target.files?.[0])}
      />
    </div>
  );
}

/**
 * The first step: a file to upload or a table to paste, and optionally the kind of plan, the column
 * choices saved on an earlier import, and the date the plan starts.
 */
export function ImportSourceForm({
  source,
  setSource,
  setFile,
  text,
  setText,
  kind,
  setKind,
  saved,
  savedId,
  setSavedId,
  planStart,
  setPlanStart,
  errors,
  busy,
  onSubmit,
  onDeleteSaved,
}: {
  source: ImportSource;
  setSource: (s: ImportSource) => void;
  setFile: (f: File | undefined) => void;
  text: string;
  setText: (t: string) => void;
  kind: string;
  setKind: (k: string) => void;
  saved: SavedMapping[];
  savedId: string;
  setSavedId: (id: string) => void;
  planStart: DateParts;
  setPlanStart: (d: DateParts) => void;
  errors: Array<{ href?: string; text: string }>;
  busy: boolean;
  onSubmit: (e: FormEvent) => void;
  onDeleteSaved: () => void;
}) {
  return (
    <form onSubmit={onSubmit} noValidate>
      <p className="govuk-body">
        Import an action plan from Word (.docx), a PDF with text in it, Excel (.xlsx), a CSV file, a web page
        saved as .html, or text copied from a table. You will see the plan as it was read before anything is
        saved.
      </p>
      <Radios
        id="source"
        legend="How do you want to give the plan?"
        legendClass="govuk-fieldset__legend--m"
        value={source}
        onChange={(v) => setSource(v as ImportSource)}
        options={[
          { value: 'file', text: 'Upload a file' },
          { value: 'text', text: 'Paste a table' },
        ]}
      />
      {source === 'file' ? (
        <FileField error={errors.find((x) => x.href === '#import-file')?.text} setFile={setFile} />
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
      {saved.length ? (
        <Select
          id="saved-mapping"
          label="Column choices"
          hint="Column choices saved on an earlier import are used for the columns with the same headings."
          value={savedId}
          onChange={(e) => setSavedId(e.target.value)}
          options={[
            { value: '', text: 'None: work them out from the headings' },
            ...saved.map((m) => ({ value: m.id, text: m.name })),
          ]}
        />
      ) : null}
      {savedId ? (
        <p className="govuk-body">
          <button
            type="button"
            className="govuk-button govuk-button--secondary"
            onClick={onDeleteSaved}
            disabled={busy}
          >
            Delete these saved column choices
          </button>
        </p>
      ) : null}
      <PlanStartInput
        value={planStart}
        onChange={setPlanStart}
        error={errors.find((x) => x.href === '#plan-start-day')?.text}
      />
      <button type="submit" className="govuk-button" disabled={busy} aria-disabled={busy}>
        {busy ? 'Reading the plan…' : 'Preview the import'}
      </button>
    </form>
  );
}
