import type { FormEvent } from 'react';
import { PLAN_KIND_LABELS } from '../lib/labels.js';
import { Radios, Select, Textarea } from './form.js';

export type ImportSource = 'file' | 'text';

/** The first step: a file to upload or a table to paste, and optionally the kind of plan. */
export function ImportSourceForm({
  source,
  setSource,
  setFile,
  text,
  setText,
  kind,
  setKind,
  errors,
  busy,
  onSubmit,
}: {
  source: ImportSource;
  setSource: (s: ImportSource) => void;
  setFile: (f: File | undefined) => void;
  text: string;
  setText: (t: string) => void;
  kind: string;
  setKind: (k: string) => void;
  errors: Array<{ href?: string; text: string }>;
  busy: boolean;
  onSubmit: (e: FormEvent) => void;
}) {
  return (
    <form onSubmit={onSubmit} noValidate>
      <p className="govuk-body">
        Import an action plan from Word (.docx), Excel (.xlsx), a CSV file, or text copied from a table. You
        will see how it was read before anything is saved.
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
  );
}
