import type { Rag, Status } from '@peopleplan/core';
import { type FormEvent, useEffect, useState } from 'react';
import { ApiError, api } from '../lib/api.js';
import { RAG_LABELS, RAGS, STATUS_LABELS, STATUSES } from '../lib/labels.js';
import type { ActionRow } from '../lib/responses.js';
import {
  ErrorSummary,
  type FieldErrors,
  fieldErrorsFrom,
  Radios,
  Select,
  summaryFrom,
  Textarea,
  TextInput,
} from './form.js';

/** A lead (or an editor) reports progress: status now, an optional RAG and period, and what happened. */
export function ProgressUpdateForm({
  c,
  action,
  onAdded,
}: {
  c: string;
  action: ActionRow;
  onAdded: () => void;
}) {
  const [status, setStatus] = useState<Status>(action.status);
  const [rag, setRag] = useState<Rag | ''>('');
  const [period, setPeriod] = useState('');
  const [narrative, setNarrative] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  useEffect(() => setStatus(action.status), [action.status]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const v: FieldErrors = {
      narrative: narrative.trim() ? undefined : 'Write what has happened since the last update',
    };
    setErrors(v);
    setFormError(undefined);
    if (v.narrative) return;
    setBusy(true);
    try {
      await api.post('/api/v1/councils/{c}/actions/{actionId}/updates', {
        params: { path: { c, actionId: action.id } },
        body: {
          narrative: narrative.trim(),
          status,
          ...(rag ? { rag } : {}),
          ...(period.trim() ? { period: period.trim() } : {}),
        },
      });
      setNarrative('');
      setPeriod('');
      setRag('');
      onAdded();
    } catch (err) {
      if (err instanceof ApiError) {
        setErrors(fieldErrorsFrom(err.details));
        setFormError(
          err.status === 403
            ? 'You can only report progress on actions you lead. Ask an editor to add you as a lead.'
            : err.message,
        );
      } else setFormError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} noValidate className="app-update-form" aria-labelledby="add-update">
      <h3 className="govuk-heading-m" id="add-update">
        Add a progress update
      </h3>
      <ErrorSummary
        errors={[
          ...(formError ? [{ text: formError }] : []),
          ...summaryFrom(errors, { narrative: 'narrative', status: 'update-status' }),
        ]}
      />
      <Radios
        id="update-status"
        legend="Status now"
        small
        value={status}
        onChange={(v) => setStatus(v as Status)}
        options={STATUSES.map((s) => ({ value: s, text: STATUS_LABELS[s] }))}
        error={errors.status}
      />
      <Select
        id="update-rag"
        label="RAG rating (optional)"
        hint="Leave it to be worked out from the status and dates, or give the RAG you are reporting."
        value={rag}
        onChange={(e) => setRag(e.target.value as Rag | '')}
        options={[
          { value: '', text: 'Work it out' },
          ...RAGS.map((r) => ({ value: r, text: RAG_LABELS[r] })),
        ]}
      />
      <TextInput
        id="update-period"
        label="Reporting period (optional)"
        hint="For example 2026-11, or mid-year 2026-27. Leave blank for this month."
        width="20"
        value={period}
        onChange={(e) => setPeriod(e.target.value)}
      />
      <Textarea
        id="narrative"
        label="What has happened"
        hint="Progress since the last update, what is next, and anything blocking it."
        rows={5}
        error={errors.narrative}
        value={narrative}
        onChange={(e) => setNarrative(e.target.value)}
      />
      <button type="submit" className="govuk-button" disabled={busy} aria-disabled={busy}>
        Add update
      </button>
    </form>
  );
}
