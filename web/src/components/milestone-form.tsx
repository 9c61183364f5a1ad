import type { Status } from '@peopleplan/core';
import { type FormEvent, useState } from 'react';
import { ApiError, api } from '../lib/api.js';
import { STATUS_LABELS, STATUSES } from '../lib/labels.js';
import type { MilestoneRow } from '../lib/responses.js';
import { ErrorSummary, type FieldErrors, Select, summaryFrom, TextInput } from './form.js';
import { readTimescale, type TimescaleContext, TimescaleInput } from './timescale-input.js';

/** Change a milestone (with the version it was read at) or, without one, add a milestone to the action. */
export function MilestoneForm({
  c,
  actionId,
  milestone: m,
  context,
  onDone,
}: {
  c: string;
  actionId: string;
  milestone?: MilestoneRow;
  context: TimescaleContext;
  onDone: (message?: string) => void;
}) {
  const [ref, setRef] = useState(m?.ref ?? '');
  const [title, setTitle] = useState(m?.title ?? '');
  const [dueText, setDueText] = useState(m?.due?.text ?? '');
  const [status, setStatus] = useState<Status>(m?.status ?? 'not-started');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | undefined>();
  const prefix = m ? 'ms-edit' : 'ms-new';
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const v: FieldErrors = { [`${prefix}-title`]: title.trim() ? undefined : 'Enter the milestone' };
    setErrors(v);
    if (Object.values(v).some(Boolean)) return;
    try {
      const due = await readTimescale(dueText, m?.due, context);
      const fields = { ref: ref.trim(), title: title.trim(), status };
      if (m) {
        await api.patch('/api/v1/councils/{c}/milestones/{milestoneId}', {
          params: { path: { c, milestoneId: m.id } },
          body: { version: m.version, ...fields, due },
        });
        onDone('Milestone saved');
      } else {
        await api.post('/api/v1/councils/{c}/actions/{actionId}/milestones', {
          params: { path: { c, actionId } },
          body: { ...fields, ...(due ? { due } : {}) },
        });
        onDone('Milestone added');
      }
    } catch (err) {
      setFormError(
        err instanceof ApiError && err.status === 409
          ? 'Someone else changed this milestone while you were editing. Your changes are still in the form: cancel to see theirs, or check and save again.'
          : (err as Error).message,
      );
    }
  };
  return (
    <form
      onSubmit={submit}
      noValidate
      aria-labelledby={`${prefix}-heading`}
      className="app-highlight govuk-!-margin-bottom-6"
    >
      <h3 className="govuk-heading-m" id={`${prefix}-heading`}>
        {m ? `Change milestone ${m.ref}` : 'Add a milestone'}
      </h3>
      <ErrorSummary errors={[...(formError ? [{ text: formError }] : []), ...summaryFrom(errors)]} />
      <TextInput
        id={`${prefix}-ref`}
        label="Reference"
        width="5"
        value={ref}
        onChange={(e) => setRef(e.target.value)}
      />
      <TextInput
        id={`${prefix}-title`}
        label="Milestone"
        error={errors[`${prefix}-title`]}
        value={title}
        onChange={(e) => setTitle(e.target.value)}
      />
      <TimescaleInput
        id={`${prefix}-due`}
        label="Due"
        hint={
          m?.baselineDue
            ? `First agreed: ${m.baselineDue.text}. A later date shows as re-baselined.`
            : undefined
        }
        original={m?.due}
        text={dueText}
        onText={setDueText}
        context={context}
      />
      <Select
        id={`${prefix}-status`}
        label="Status"
        value={status}
        onChange={(e) => setStatus(e.target.value as Status)}
        options={STATUSES.map((s) => ({ value: s, text: STATUS_LABELS[s] }))}
      />
      <div className="govuk-button-group">
        <button type="submit" className="govuk-button">
          {m ? 'Save milestone' : 'Add milestone'}
        </button>
        <button type="button" className="govuk-button govuk-button--secondary" onClick={() => onDone()}>
          Cancel
        </button>
      </div>
    </form>
  );
}
