import type { Rag, Status } from '@peopleplan/core';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { ApiError, api } from '../lib/api.js';
import { useDraft } from '../lib/drafts.js';
import { formatDateTime } from '../lib/format.js';
import { RAG_LABELS, RAGS, STATUS_LABELS, STATUSES } from '../lib/labels.js';
import { closingHint } from '../lib/milestones-closing.js';
import type { ActionRow, ProgressUpdateRow, ReportingPeriods } from '../lib/responses.js';
import { ErrorSummary, type FieldErrors, Radios, refusal, Select, summaryFrom, Textarea } from './form.js';
import {
  closedMeanwhile,
  closedMessage,
  defaultPeriod,
  PeriodSelect,
  periodClosed,
} from './period-select.js';

/**
 * A lead (or an editor) reports progress: status now, an optional RAG, the reporting period chosen from
 * the plan's, and what happened. With `correcting`, the same form writes a correction: a new update
 * that names the one it corrects, filed under the same period (both stay in the history). What is typed
 * is kept as a draft until it is saved (lib/drafts.ts).
 */
export function ProgressUpdateForm({
  c,
  action,
  periods,
  correcting,
  openMilestones = 0,
  onAdded,
  onCancel,
  onPeriodsStale,
}: {
  c: string;
  action: ActionRow;
  /** How many of the action's milestones are open: a closing status closes them too. */
  openMilestones?: number;
  periods: ReportingPeriods | undefined;
  /** Reloads the periods: one was closed after they were loaded (the API refused an update under it). */
  onPeriodsStale: () => void;
  correcting?: ProgressUpdateRow | undefined;
  onAdded: (message: string) => void;
  onCancel?: () => void;
}) {
  const form = useDraft(correcting ? `correct:${correcting.id}` : `update:${action.id}`, () => ({
    status: (correcting?.status ?? action.status) as Status,
    rag: (correcting?.rag ?? '') as Rag | '',
    period: '',
    narrative: correcting?.narrative ?? '',
  }));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    // A correction is opened from the history: take the person to it.
    if (correcting) heading.current?.focus();
  }, [correcting]);
  const f = form.value;
  const set = <K extends keyof typeof f>(k: K, v: (typeof f)[K]) => form.set((d) => ({ ...d, [k]: v }));
  // The API says which periods are closed (their reports are frozen); a correction keeps its own.
  const closed = (v: string) => !correcting && periodClosed(periods, v);
  const period = correcting ? correcting.period : f.period || defaultPeriod(periods);
  const prefix = correcting ? 'correction' : 'update';

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const v: FieldErrors = {
      [`${prefix}-period`]: !correcting && period && closed(period) ? closedMessage(period) : undefined,
      [`${prefix}-narrative`]: f.narrative.trim()
        ? undefined
        : 'Write what has happened since the last update',
    };
    setErrors(v);
    setFormError(undefined);
    if (Object.values(v).some(Boolean)) return;
    setBusy(true);
    try {
      const saved = await api.post('/api/v1/councils/{c}/actions/{actionId}/updates', {
        params: { path: { c, actionId: action.id } },
        body: {
          narrative: f.narrative.trim(),
          status: f.status,
          ...(f.rag ? { rag: f.rag } : {}),
          ...(period ? { period } : {}),
          ...(correcting ? { corrects: correcting.id } : {}),
        },
      });
      // The next update starts from the status the action has now, not the one it had when the page loaded.
      form.discard({ status: saved.action.status, rag: '', period: '', narrative: '' });
      onAdded(correcting ? 'Correction added' : 'Progress update added');
    } catch (err) {
      if (err instanceof ApiError) {
        const r = refusal(err, (path) => {
          const field = path.split('.')[0];
          return field === 'status' || field === 'period' || field === 'narrative'
            ? `${prefix}-${field}`
            : undefined;
        });
        setErrors(r.errors);
        // Closed in another tab, say: the list is reloaded so that it shows the period as closed.
        if (closedMeanwhile(err)) onPeriodsStale();
        setFormError(
          err.status === 403
            ? 'You can only report progress on actions you lead. Ask an editor to add you as a lead.'
            : r.message,
        );
      } else setFormError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} noValidate className="app-update-form" aria-labelledby={`${prefix}-heading`}>
      <h3 className="govuk-heading-m" id={`${prefix}-heading`} tabIndex={-1} ref={heading}>
        {correcting ? 'Correct an update' : 'Add a progress update'}
      </h3>
      {correcting ? (
        <p className="govuk-body">
          You are correcting the update by {correcting.authorName} of {formatDateTime(correcting.at)}. Both
          stay in the history; reports use the correction.
        </p>
      ) : null}
      <ErrorSummary
        errors={[
          ...(formError ? [{ text: formError }] : []),
          ...summaryFrom(errors, { [`${prefix}-status`]: `${prefix}-status` }),
        ]}
      />
      {form.restored ? (
        <p className="govuk-inset-text">What you typed before has been kept. Check it and save.</p>
      ) : null}
      <Radios
        id={`${prefix}-status`}
        legend="Status now"
        hint={closingHint(action.status, f.status, openMilestones)}
        small
        value={f.status}
        onChange={(v) => set('status', v as Status)}
        options={STATUSES.map((s) => ({ value: s, text: STATUS_LABELS[s] }))}
        error={errors[`${prefix}-status`]}
      />
      <Select
        id={`${prefix}-rag`}
        label="RAG rating (optional)"
        hint="Leave it to be worked out from the status and dates, or give the RAG you are reporting."
        value={f.rag}
        onChange={(e) => set('rag', e.target.value as Rag | '')}
        options={[
          { value: '', text: 'Work it out' },
          ...RAGS.map((r) => ({ value: r, text: RAG_LABELS[r] })),
        ]}
      />
      {correcting ? (
        <p className="govuk-body">
          <strong>Reporting period:</strong> {correcting.period}, as the update it corrects.
        </p>
      ) : periods ? (
        <PeriodSelect
          id={`${prefix}-period`}
          periods={periods.items}
          value={period}
          onChange={(v) => set('period', v)}
          error={errors[`${prefix}-period`]}
          closed={closed}
        />
      ) : null}
      <Textarea
        id={`${prefix}-narrative`}
        label={correcting ? 'What it should have said' : 'What has happened'}
        hint="Progress since the last update, what is next, and anything blocking it."
        rows={5}
        error={errors[`${prefix}-narrative`]}
        value={f.narrative}
        onChange={(e) => set('narrative', e.target.value)}
      />
      <div className="govuk-button-group">
        <button type="submit" className="govuk-button" disabled={busy} aria-disabled={busy}>
          {correcting ? 'Save the correction' : 'Add update'}
        </button>
        {onCancel ? (
          <button
            type="button"
            className="govuk-button govuk-button--secondary"
            onClick={() => {
              form.discard();
              onCancel();
            }}
          >
            Cancel
          </button>
        ) : null}
      </div>
    </form>
  );
}
