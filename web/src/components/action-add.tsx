import { type Lead, nounInSentence, type Status, themeNounOf } from '@peopleplan/core';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { Link } from 'wouter';
import { api } from '../lib/api.js';
import { useDraft, useHasDraft } from '../lib/drafts.js';
import { focusMessage, useFocusNext, useFocusOnMount } from '../lib/focus.js';
import { STATUS_LABELS, STATUSES } from '../lib/labels.js';
import { orderActions } from '../lib/plan-columns.js';
import type { ActionRow, PlanContents, ThemeRow } from '../lib/responses.js';
import { useApi } from '../lib/use-api.js';
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
import { LeadEditor } from './lead-editor.js';
import { OrderList } from './order-list.js';
import { readTimescale, type TimescaleContext, TimescaleInput } from './timescale-input.js';

type Plan = PlanContents['plan'];

/** An action just added, said beside where it was added (`where`: its theme's id, or '' for the plan). */
export interface AddedAction {
  /** Counts the adds: each is a new message, which takes focus. */
  n: number;
  where: string;
  action: Pick<ActionRow, 'id' | 'ref' | 'title'>;
}

const actionName = (a: Pick<ActionRow, 'ref' | 'title'>) => `${a.ref ? `${a.ref} ` : ''}${a.title}`;

/**
 * "Action added", beside the table the action joins rather than in a banner at the top of a long plan:
 * it takes focus, so a keyboard user stays where they were working, with a link to the new action.
 */
export function ActionAddedNote({ c, added }: { c: string; added: AddedAction }) {
  const note = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // Centred: the table above it grows by the new row once the plan is read again.
    focusMessage(note.current, 'center');
  }, []);
  return (
    <div className="govuk-inset-text app-saved-note" role="status" tabIndex={-1} ref={note}>
      Action added:{' '}
      <Link className="govuk-link" href={`/councils/${c}/actions/${added.action.id}`}>
        {actionName(added.action)}
      </Link>
    </div>
  );
}

/** Under each theme, for editors: add an action, put its actions in order, run its update round. */
export function ThemeTools({
  c,
  plan,
  theme,
  actions,
  context,
  added,
  onAdded,
  onChanged,
}: {
  c: string;
  plan: Plan;
  theme: ThemeRow;
  actions: ActionRow[];
  context: TimescaleContext;
  /** The action just added here, if it was. */
  added: AddedAction | undefined;
  onAdded: (action: AddedAction['action']) => void;
  onChanged: (message?: string) => void;
}) {
  const noun = nounInSentence(themeNounOf(plan));
  const [adding, setAdding] = useState(useHasDraft(`action-new:${plan.id}:${theme.id}:`));
  const focusNext = useFocusNext();
  const top = orderActions(actions).filter((a) => a.depth === 0);
  const opener = `add-action-${theme.id}`;
  return (
    <div className="app-theme-tools app-no-print">
      {added && !adding ? <ActionAddedNote key={added.n} c={c} added={added} /> : null}
      {adding ? (
        <ActionAddForm
          c={c}
          planId={plan.id}
          themeId={theme.id}
          context={context}
          heading={`Add an action to ${noun} ${theme.ref || theme.title}`}
          onDone={(_, created) => {
            setAdding(false);
            if (created) onAdded(created);
            else {
              focusNext(opener);
              onChanged();
            }
          }}
        />
      ) : (
        <div className="govuk-button-group">
          <button
            type="button"
            id={opener}
            className="govuk-button govuk-button--secondary"
            onClick={() => setAdding(true)}
          >
            Add an action
            <span className="govuk-visually-hidden">
              {' '}
              to {noun} {theme.ref || theme.title}
            </span>
          </button>
          {actions.length ? (
            <Link className="govuk-link" href={`/councils/${c}/plans/${plan.id}/themes/${theme.id}/round`}>
              Update round for this {noun}
              <span className="govuk-visually-hidden"> ({theme.title})</span>
            </Link>
          ) : null}
        </div>
      )}
      {top.length > 1 ? (
        <details className="govuk-details">
          <summary className="govuk-details__summary">
            <span className="govuk-details__summary-text">
              Change the order of the actions<span className="govuk-visually-hidden"> in {theme.title}</span>
            </span>
          </summary>
          <div className="govuk-details__text">
            <OrderList
              label={`Actions in ${theme.title}, in order`}
              items={top.map((a) => ({ id: a.id, text: actionName(a) }))}
              onMove={async (actionIds) => {
                await api.put('/api/v1/councils/{c}/plans/{planId}/action-order', {
                  params: { path: { c, planId: plan.id } },
                  body: { actionIds },
                });
                onChanged();
              }}
            />
          </div>
        </details>
      ) : null}
    </div>
  );
}

/** A new action (or, with `parentId`, a sub-action): what it is, who leads it, when it is due. */
export function ActionAddForm({
  c,
  planId,
  themeId,
  parentId,
  context,
  heading: headingText,
  onDone,
}: {
  c: string;
  planId: string;
  themeId?: string | undefined;
  parentId?: string | undefined;
  context: TimescaleContext;
  heading: string;
  /** Added (with what was added), or cancelled (nothing). */
  onDone: (message?: string, created?: Pick<ActionRow, 'id' | 'ref' | 'title'>) => void;
}) {
  const form = useDraft(`action-new:${planId}:${themeId ?? ''}:${parentId ?? ''}`, () => ({
    ref: '',
    title: '',
    outcome: '',
    dueText: '',
    status: 'not-started' as Status,
    leads: [] as Lead[],
  }));
  const people = useApi('/api/v1/councils/{c}/people', { path: { c } });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  useFocusOnMount(heading);
  const f = form.value;
  const set = <K extends keyof typeof f>(k: K, v: (typeof f)[K]) => form.set((d) => ({ ...d, [k]: v }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const v: FieldErrors = {
      'new-title': f.title.trim() ? undefined : 'Enter what the action is',
      leads: f.leads.some((l) => !l.label.trim()) ? 'Give every lead a name or label as written' : undefined,
    };
    setErrors(v);
    setFormError(undefined);
    if (Object.values(v).some(Boolean)) return;
    setBusy(true);
    try {
      const due = await readTimescale(f.dueText, undefined, context);
      const created = await api.post('/api/v1/councils/{c}/plans/{planId}/actions', {
        params: { path: { c, planId } },
        body: {
          ref: f.ref.trim(),
          title: f.title.trim(),
          status: f.status,
          leads: f.leads.map((l) => ({ ...l, label: l.label.trim() })),
          ...(f.outcome.trim() ? { outcome: f.outcome.trim() } : {}),
          ...(due ? { due } : {}),
          ...(themeId ? { themeId } : {}),
          ...(parentId ? { parentId } : {}),
        },
      });
      form.discard();
      onDone(parentId ? 'Sub-action added' : 'Action added', created);
    } catch (err) {
      const r = refusal(err, { title: 'new-title', leads: 'leads' });
      setErrors(r.errors);
      setFormError(r.message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      onSubmit={submit}
      noValidate
      className="app-highlight govuk-!-margin-bottom-6"
      aria-labelledby="action-new"
    >
      <h3 className="govuk-heading-m" id="action-new" tabIndex={-1} ref={heading}>
        {headingText}
      </h3>
      <ErrorSummary errors={[...(formError ? [{ text: formError }] : []), ...summaryFrom(errors)]} />
      {form.restored ? <p className="govuk-inset-text">What you typed before has been kept.</p> : null}
      <TextInput
        id="new-ref"
        label="Reference (optional)"
        hint="For example 1.2"
        width="5"
        value={f.ref}
        onChange={(e) => set('ref', e.target.value)}
      />
      <Textarea
        id="new-title"
        label="Action"
        rows={2}
        error={errors['new-title']}
        value={f.title}
        onChange={(e) => set('title', e.target.value)}
      />
      <Textarea
        id="new-outcome"
        label="To achieve (optional)"
        rows={3}
        value={f.outcome}
        onChange={(e) => set('outcome', e.target.value)}
      />
      <TimescaleInput
        id="new-due"
        label="Due (optional)"
        original={undefined}
        text={f.dueText}
        onText={(t) => set('dueText', t)}
        context={context}
      />
      <Select
        id="new-status"
        label="Status"
        value={f.status}
        onChange={(e) => set('status', e.target.value as Status)}
        options={STATUSES.map((s) => ({ value: s, text: STATUS_LABELS[s] }))}
      />
      <LeadEditor
        leads={f.leads}
        people={people.data?.items ?? []}
        onChange={(l) => set('leads', l)}
        error={errors.leads}
      />
      <SaveOrCancel
        save={parentId ? 'Add the sub-action' : 'Add the action'}
        busy={busy}
        onCancel={() => {
          form.discard();
          onDone();
        }}
      />
    </form>
  );
}
