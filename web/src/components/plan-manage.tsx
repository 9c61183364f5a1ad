import { PLAN_STATUS_MOVES } from '@peopleplan/core';
import { type FormEvent, useRef, useState } from 'react';
import { api, isStale } from '../lib/api.js';
import { useDraft, useHasDraft } from '../lib/drafts.js';
import { useFocusNext, useFocusOnMount } from '../lib/focus.js';
import { PLAN_MOVES, PLAN_STATUS_LABELS } from '../lib/labels.js';
import { draftOfPlan, type PlanErrors, planPatchBody, validatePlan } from '../lib/plan-draft.js';
import type { PlanRow } from '../lib/responses.js';
import { useApi } from '../lib/use-api.js';
import { ErrorSummary, refusal, SaveOrCancel, summaryFrom } from './form.js';
import { PlanFields, planFieldId } from './plan-fields.js';

/** The plan's details for editors: a button that opens the form (again, after sign-in, with a draft). */
export function PlanDetailsEditor({
  c,
  plan,
  onSaved,
}: {
  c: string;
  plan: PlanRow;
  onSaved: (message: string) => void;
}) {
  const key = `plan-edit:${plan.id}`;
  const [open, setOpen] = useState(useHasDraft(key));
  const focusNext = useFocusNext();
  if (!open) {
    return (
      <button
        type="button"
        id="plan-edit-open"
        className="govuk-button govuk-button--secondary"
        onClick={() => setOpen(true)}
      >
        Change the plan’s details
      </button>
    );
  }
  return (
    <PlanDetailsForm
      c={c}
      plan={plan}
      draftKey={key}
      onDone={(message) => {
        setOpen(false);
        if (message) onSaved(message);
        else focusNext('plan-edit-open');
      }}
    />
  );
}

function PlanDetailsForm({
  c,
  plan,
  draftKey,
  onDone,
}: {
  c: string;
  plan: PlanRow;
  draftKey: string;
  onDone: (message?: string) => void;
}) {
  const form = useDraft(draftKey, () => draftOfPlan(plan));
  const people = useApi('/api/v1/councils/{c}/people', { path: { c } });
  const [errors, setErrors] = useState<PlanErrors>({});
  const [formError, setFormError] = useState<string | undefined>();
  const heading = useRef<HTMLHeadingElement>(null);
  useFocusOnMount(heading);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const v = validatePlan(form.value);
    setErrors(v);
    setFormError(undefined);
    if (Object.values(v).some(Boolean)) return;
    try {
      await api.patch('/api/v1/councils/{c}/plans/{planId}', {
        params: { path: { c, planId: plan.id } },
        body: planPatchBody(form.value, plan.version),
      });
      form.discard();
      onDone('Plan details saved');
    } catch (err) {
      const r = refusal(err, planFieldId);
      setErrors(r.errors);
      setFormError(
        isStale(err)
          ? 'Someone else changed the plan while you were editing. Your changes are still in the form: cancel to see theirs, or save again to keep yours.'
          : r.message,
      );
    }
  };

  return (
    <form
      onSubmit={submit}
      noValidate
      className="app-highlight app-form-column govuk-!-margin-bottom-6"
      aria-labelledby="plan-edit"
    >
      <h2 className="govuk-heading-m" id="plan-edit" tabIndex={-1} ref={heading}>
        Change the plan’s details
      </h2>
      <ErrorSummary errors={[...(formError ? [{ text: formError }] : []), ...summaryFrom(errors)]} />
      {form.restored ? <p className="govuk-inset-text">What you typed before has been kept.</p> : null}
      <PlanFields
        draft={form.value}
        set={(k, v) => form.set((d) => ({ ...d, [k]: v }))}
        errors={errors}
        people={people.data?.items ?? []}
      />
      <SaveOrCancel
        save="Save the plan’s details"
        onCancel={() => {
          form.discard();
          onDone();
        }}
      />
    </form>
  );
}

type Move = 'active' | 'closed' | 'reopen' | 'archived';

/**
 * Moving a plan through its life (draft → active → closed → archived), each after a confirmation that
 * says what it means. Only the moves the API allows are offered; archiving is for administrators.
 */
export function PlanStatusControl({
  c,
  plan,
  isAdmin,
  onChanged,
}: {
  c: string;
  plan: PlanRow;
  isAdmin: boolean;
  onChanged: (message: string) => void;
}) {
  const [asking, setAsking] = useState<Move | undefined>();
  const [error, setError] = useState<string | undefined>();
  const focusNext = useFocusNext();
  const moves: Move[] = [
    ...PLAN_STATUS_MOVES[plan.status].map(
      (to): Move => (to === 'active' && plan.status === 'closed' ? 'reopen' : (to as Move)),
    ),
    ...(isAdmin && plan.status !== 'archived' ? (['archived'] as const) : []),
  ];
  if (!moves.length) return null;
  const confirm = async () => {
    if (!asking) return;
    setError(undefined);
    try {
      const path = { c, planId: plan.id };
      if (asking === 'archived') {
        await api.del('/api/v1/councils/{c}/plans/{planId}', {
          params: { path, query: { version: plan.version } },
        });
      } else {
        await api.patch('/api/v1/councils/{c}/plans/{planId}', {
          params: { path },
          body: { version: plan.version, status: asking === 'reopen' ? 'active' : asking },
        });
      }
      setAsking(undefined);
      onChanged(
        `The plan is now ${PLAN_STATUS_LABELS[asking === 'reopen' ? 'active' : asking]?.toLowerCase()}`,
      );
    } catch (err) {
      setError((err as Error).message);
    }
  };
  return (
    <section className="app-no-print" aria-labelledby="plan-status">
      <h2 className="govuk-heading-s" id="plan-status">
        This plan is {PLAN_STATUS_LABELS[plan.status]?.toLowerCase()}
      </h2>
      {asking ? (
        <Confirm
          move={asking}
          error={error}
          onYes={() => void confirm()}
          onNo={() => {
            setAsking(undefined);
            focusNext(`plan-move-${asking}`);
          }}
        />
      ) : (
        <div className="govuk-button-group">
          {moves.map((m) => (
            <button
              key={m}
              id={`plan-move-${m}`}
              type="button"
              className={`govuk-button ${m === 'archived' ? 'govuk-button--warning' : 'govuk-button--secondary'}`}
              onClick={() => setAsking(m)}
            >
              {PLAN_MOVES[m]!.verb}
            </button>
          ))}
        </div>
      )}
    </section>
  );
}

function Confirm({
  move,
  error,
  onYes,
  onNo,
}: {
  move: Move;
  error: string | undefined;
  onYes: () => void;
  onNo: () => void;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  useFocusOnMount(heading);
  const words = PLAN_MOVES[move]!;
  return (
    <div className="app-highlight govuk-!-margin-bottom-6">
      <h3 className="govuk-heading-s" tabIndex={-1} ref={heading}>
        {words.verb}?
      </h3>
      <ErrorSummary errors={error ? [{ text: error }] : []} />
      <p className="govuk-body">{words.confirm}</p>
      <div className="govuk-button-group">
        <button
          type="button"
          className={`govuk-button${move === 'archived' ? ' govuk-button--warning' : ''}`}
          onClick={onYes}
        >
          Yes, {words.verb.charAt(0).toLowerCase()}
          {words.verb.slice(1)}
        </button>
        <button type="button" className="govuk-button govuk-button--secondary" onClick={onNo}>
          Cancel
        </button>
      </div>
    </div>
  );
}
