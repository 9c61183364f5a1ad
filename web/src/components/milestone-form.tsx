import type { Status } from '@peopleplan/core';
import { type FormEvent, useRef, useState } from 'react';
import { api, isStale } from '../lib/api.js';
import { useDraft } from '../lib/drafts.js';
import { useFocusOnMount } from '../lib/focus.js';
import { formatDate } from '../lib/format.js';
import { STATUS_LABELS, STATUSES } from '../lib/labels.js';
import { type DateParts, isoOf, partsOf } from '../lib/plan-draft.js';
import type { MilestoneRow } from '../lib/responses.js';
import {
  ErrorSummary,
  type FieldErrors,
  refusal,
  SaveOrCancel,
  Select,
  summaryFrom,
  Textarea,
  TextInput,
} from './form.js';
import { CompletedOnField, completedOnError } from './milestone-done-form.js';
import {
  readTimescale,
  type TimescaleContext,
  TimescaleInput,
  useParsedTimescale,
} from './timescale-input.js';

/**
 * Change a milestone (with the version it was read at) or, without one, add a milestone to the action.
 * Moving its due date later is a re-baseline: the form asks why, and the reason is kept with it.
 */
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
  const form = useDraft(m ? `milestone-edit:${m.id}` : `milestone-new:${actionId}`, () => ({
    ref: m?.ref ?? '',
    title: m?.title ?? '',
    dueText: m?.due?.text ?? '',
    status: (m?.status ?? 'not-started') as Status,
    reason: '',
    completedOn: partsOf(m?.completedOn),
  }));
  const { ref, title, dueText, status, reason, completedOn } = form.value;
  const set = (k: keyof typeof form.value, v: string | DateParts) => form.set((f) => ({ ...f, [k]: v }));
  // The day it was done, asked when it is marked complete: the reports and trends date it by this, and
  // "today" would misdate a milestone met in June but recorded in December.
  const completing = Boolean(m) && status === 'completed';
  const doneOn = isoOf(completedOn);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | undefined>();
  const heading = useRef<HTMLHeadingElement>(null);
  useFocusOnMount(heading);
  const prefix = m ? 'ms-edit' : 'ms-new';
  const parsed = useParsedTimescale(dueText, m?.due, context);
  const later = Boolean(m?.due?.due && parsed?.due && parsed.due > m.due.due);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const v: FieldErrors = {
      [`${prefix}-title`]: title.trim() ? undefined : 'Enter the milestone',
      [`${prefix}-reason`]:
        later && reason.trim().length < 3 ? 'Say why the milestone is moving later' : undefined,
      [`${prefix}-done-day`]: completing ? completedOnError(doneOn) : undefined,
    };
    setErrors(v);
    if (Object.values(v).some(Boolean)) return;
    try {
      const due = await readTimescale(dueText, m?.due, context);
      const fields = { ref: ref.trim(), title: title.trim(), status };
      if (m) {
        const moved = Boolean(due?.due && m.due?.due && due.due > m.due.due);
        await api.patch('/api/v1/councils/{c}/milestones/{milestoneId}', {
          params: { path: { c, milestoneId: m.id } },
          body: {
            version: m.version,
            ...fields,
            due,
            ...(moved ? { rebaselineReason: reason.trim() } : {}),
            // Blank means today (the API's default); not completed clears it.
            ...(completing
              ? doneOn
                ? { completedOn: doneOn }
                : {}
              : m.completedOn
                ? { completedOn: null }
                : {}),
          },
        });
        form.discard();
        onDone('Milestone saved');
      } else {
        await api.post('/api/v1/councils/{c}/actions/{actionId}/milestones', {
          params: { path: { c, actionId } },
          body: { ...fields, ...(due ? { due } : {}) },
        });
        form.discard();
        onDone('Milestone added');
      }
    } catch (err) {
      if (isStale(err)) {
        setFormError(
          'Someone else changed this milestone while you were editing. Your changes are still in the form: cancel to see theirs, or check and save again.',
        );
      } else {
        const r = refusal(err, {
          ref: `${prefix}-ref`,
          title: `${prefix}-title`,
          due: `${prefix}-due`,
          rebaselineReason: `${prefix}-reason`,
          status: `${prefix}-status`,
          completedOn: `${prefix}-done-day`,
        });
        setErrors(r.errors);
        setFormError(r.message);
      }
    }
  };
  return (
    <form
      onSubmit={submit}
      noValidate
      aria-labelledby={`${prefix}-heading`}
      className="app-highlight govuk-!-margin-bottom-6"
    >
      <h3 className="govuk-heading-m" id={`${prefix}-heading`} tabIndex={-1} ref={heading}>
        {/* A milestone added with no reference is named by its title, as its "Mark as done" says. */}
        {m ? `Change milestone ${m.ref || m.title}` : 'Add a milestone'}
      </h3>
      <ErrorSummary errors={[...(formError ? [{ text: formError }] : []), ...summaryFrom(errors)]} />
      <TextInput
        id={`${prefix}-ref`}
        label="Reference (optional)"
        width="5"
        error={errors[`${prefix}-ref`]}
        value={ref}
        onChange={(e) => set('ref', e.target.value)}
      />
      <TextInput
        id={`${prefix}-title`}
        label="Milestone"
        error={errors[`${prefix}-title`]}
        value={title}
        onChange={(e) => set('title', e.target.value)}
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
        error={errors[`${prefix}-due`]}
        text={dueText}
        onText={(t) => set('dueText', t)}
        context={context}
      />
      {later ? (
        <Textarea
          id={`${prefix}-reason`}
          label="Why is it moving later?"
          hint={`It was due ${formatDate(m?.due?.due)}. The reason is kept with the milestone and shown beside it.`}
          rows={2}
          error={errors[`${prefix}-reason`]}
          value={reason}
          onChange={(e) => set('reason', e.target.value)}
        />
      ) : null}
      <Select
        id={`${prefix}-status`}
        label="Status"
        error={errors[`${prefix}-status`]}
        value={status}
        onChange={(e) => set('status', e.target.value)}
        options={STATUSES.map((s) => ({ value: s, text: STATUS_LABELS[s] }))}
      />
      {completing ? (
        <CompletedOnField
          id={`${prefix}-done`}
          error={errors[`${prefix}-done-day`]}
          value={completedOn}
          onChange={(v) => set('completedOn', v)}
        />
      ) : null}
      <SaveOrCancel
        save={m ? 'Save milestone' : 'Add milestone'}
        onCancel={() => {
          form.discard();
          onDone();
        }}
      />
    </form>
  );
}
