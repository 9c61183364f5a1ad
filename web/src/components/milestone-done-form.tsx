import { londonToday } from '@peopleplan/core';
import { type FormEvent, useRef, useState } from 'react';
import { api, isStale } from '../lib/api.js';
import { useFocusOnMount } from '../lib/focus.js';
import { type DateParts, isoOf, NO_DATE } from '../lib/plan-draft.js';
import type { MilestoneRow } from '../lib/responses.js';
import { DateField } from './date-field.js';
import { ErrorSummary, type FieldErrors, refusal, SaveOrCancel, summaryFrom } from './form.js';

/**
 * Marks a milestone done, on the day it was done: what the lead of an action may do with its milestones
 * as they report its progress (editors change everything else with the milestone form).
 */
export function MilestoneDoneForm({
  c,
  milestone: m,
  onDone,
}: {
  c: string;
  milestone: MilestoneRow;
  onDone: (message?: string) => void;
}) {
  const [when, setWhen] = useState<DateParts>(NO_DATE);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  useFocusOnMount(heading);
  const name = `${m.ref ? `${m.ref} ` : ''}${m.title}`;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const day = isoOf(when);
    const v: FieldErrors = { 'ms-done-day': completedOnError(day) };
    setErrors(v);
    setFormError(undefined);
    if (Object.values(v).some(Boolean)) return;
    setBusy(true);
    try {
      await api.post('/api/v1/councils/{c}/milestones/{milestoneId}/completion', {
        params: { path: { c, milestoneId: m.id } },
        body: { version: m.version, completed: true, ...(day ? { completedOn: day } : {}) },
      });
      onDone(`Milestone ${m.ref || m.title} marked as done`);
    } catch (err) {
      if (isStale(err)) {
        setFormError(
          'Someone changed this milestone while you were looking at it. Cancel to see the change, then try again.',
        );
      } else {
        // The API's checks of the day (not before the plan began) beside the date, as the form's own.
        const r = refusal(err, { completedOn: 'ms-done-day' });
        setErrors(r.errors);
        setFormError(r.message);
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      onSubmit={submit}
      noValidate
      aria-labelledby="ms-done-heading"
      className="app-highlight govuk-!-margin-bottom-6"
    >
      <h3 className="govuk-heading-m" id="ms-done-heading" tabIndex={-1} ref={heading}>
        Mark milestone {name} as done
      </h3>
      <ErrorSummary errors={[...(formError ? [{ text: formError }] : []), ...summaryFrom(errors)]} />
      <CompletedOnField id="ms-done" error={errors['ms-done-day']} value={when} onChange={setWhen} />
      <SaveOrCancel save="Mark as done" busy={busy} onCancel={() => onDone()} />
    </form>
  );
}

/**
 * What is wrong with the day a milestone was completed, as typed (`isoOf`: '' blank, which means today;
 * undefined, not a real date), or nothing. The API checks again, and that it is not before the plan began.
 */
export function completedOnError(day: string | undefined): string | undefined {
  if (day === undefined) return 'Enter the day it was completed as a real date, for example 27 6 2026';
  return day && day > londonToday() ? 'The day it was completed cannot be in the future' : undefined;
}

/** The day a milestone was completed: blank for today. Its error's id is `<id>-day`. */
export function CompletedOnField({
  id,
  error,
  value,
  onChange,
}: {
  id: string;
  error: string | undefined;
  value: DateParts;
  onChange: (v: DateParts) => void;
}) {
  return (
    <DateField
      id={id}
      legend="When was it completed?"
      hint="Leave it blank for today."
      error={error}
      value={value}
      onChange={onChange}
    />
  );
}
