import { type FormEvent, useRef, useState } from 'react';
import { ApiError, api } from '../lib/api.js';
import { useDraft, useHasDraft } from '../lib/drafts.js';
import { useFocusNext, useFocusOnMount } from '../lib/focus.js';
import { closingHint } from '../lib/milestones-closing.js';
import type { ActionRow } from '../lib/responses.js';
import { ErrorSummary, Textarea } from './form.js';

/**
 * Cancelling an action: it is kept, with its history, and the reason becomes its last progress update
 * (status cancelled), so reports and the history say why. Editors only.
 */
export function CancelAction({
  c,
  action,
  openMilestones = 0,
  onDone,
}: {
  c: string;
  action: ActionRow;
  /** How many of the action's milestones are open: they are cancelled with it. */
  openMilestones?: number;
  onDone: (message: string) => void;
}) {
  const [asking, setAsking] = useState(useHasDraft(`cancel:${action.id}`));
  const focusNext = useFocusNext();
  if (!asking) {
    return (
      <button
        type="button"
        id="cancel-action"
        className="govuk-button govuk-button--warning"
        onClick={() => setAsking(true)}
      >
        Cancel this action
      </button>
    );
  }
  return (
    <CancelForm
      c={c}
      action={action}
      openMilestones={openMilestones}
      onKeep={() => {
        setAsking(false);
        focusNext('cancel-action');
      }}
      onDone={(message) => {
        setAsking(false);
        onDone(message);
      }}
    />
  );
}

function CancelForm({
  c,
  action,
  openMilestones,
  onKeep,
  onDone,
}: {
  c: string;
  action: ActionRow;
  openMilestones: number;
  /** "Keep the action": the form closes and focus goes back to the button that opened it. */
  onKeep: () => void;
  onDone: (message: string) => void;
}) {
  const form = useDraft(`cancel:${action.id}`, () => '');
  const [error, setError] = useState<string | undefined>();
  const heading = useRef<HTMLHeadingElement>(null);
  useFocusOnMount(heading);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (form.value.trim().length < 3) {
      setError('Say why the action is cancelled');
      return;
    }
    setError(undefined);
    try {
      await api.post('/api/v1/councils/{c}/actions/{actionId}/updates', {
        params: { path: { c, actionId: action.id } },
        body: { status: 'cancelled', narrative: `Cancelled: ${form.value.trim()}` },
      });
      form.discard();
      onDone('Action cancelled. It stays in the plan and its history, marked as cancelled.');
    } catch (err) {
      setError(err instanceof ApiError ? err.message : (err as Error).message);
    }
  };
  return (
    <form
      onSubmit={submit}
      noValidate
      className="app-highlight govuk-!-margin-bottom-6"
      aria-labelledby="cancel-heading"
    >
      <h2 className="govuk-heading-m" id="cancel-heading" tabIndex={-1} ref={heading}>
        Cancel this action?
      </h2>
      <ErrorSummary errors={error ? [{ href: '#cancel-reason', text: error }] : []} />
      <p className="govuk-body">
        The action stays in the plan, marked as cancelled, with all its history. It no longer counts as due or
        late. {closingHint(action.status, 'cancelled', openMilestones) ?? ''}
      </p>
      <Textarea
        id="cancel-reason"
        label="Why is it cancelled?"
        hint="This becomes its last progress update."
        rows={3}
        error={error}
        value={form.value}
        onChange={(e) => form.set(e.target.value)}
      />
      <div className="govuk-button-group">
        <button type="submit" className="govuk-button govuk-button--warning">
          Yes, cancel the action
        </button>
        <button
          type="button"
          className="govuk-button govuk-button--secondary"
          onClick={() => {
            form.discard();
            onKeep();
          }}
        >
          Keep the action
        </button>
      </div>
    </form>
  );
}
