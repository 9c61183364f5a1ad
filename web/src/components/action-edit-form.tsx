import { type Plan, type Status, type ThemeWords, themeWordsOf } from '@peopleplan/core';
import { type FormEvent, useRef, useState } from 'react';
import {
  type Conflict,
  changedKeys,
  conflictOf,
  type Draft,
  draftOf,
  movesLater,
  patchBody,
  validateDraft,
} from '../lib/action-draft.js';
import { api, isStale } from '../lib/api.js';
import { useDraft } from '../lib/drafts.js';
import { useFocusOnMount } from '../lib/focus.js';
import { formatDate } from '../lib/format.js';
import { RAG_LABELS, RAGS, STATUS_LABELS, STATUSES } from '../lib/labels.js';
import { closingHint } from '../lib/milestones-closing.js';
import type { ActionRow, PersonRow, ThemeRow } from '../lib/responses.js';
import { useApi } from '../lib/use-api.js';
import { ConflictPanel } from './action-conflict.js';
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
import { themeHeading } from './plan-view.js';
import { type TimescaleContext, TimescaleInput, useParsedTimescale } from './timescale-input.js';

/**
 * Editing an action. Only changed fields are sent, with the version they were based on; when someone
 * saved first (409), both versions are shown and nothing typed here is lost. What is typed is kept as a
 * draft until saved or cancelled (lib/drafts.ts); the form takes focus when it opens.
 */
export function EditAction({
  c,
  action,
  plan,
  themes,
  context,
  openMilestones = 0,
  onCancel,
  onSaved,
}: {
  c: string;
  action: ActionRow;
  /** How many of the action's milestones are open: a closing status closes them too. */
  openMilestones?: number;
  /** The action's plan: what it calls its groups. */
  plan: Pick<Plan, 'kind' | 'themeNoun'>;
  /** The plan's themes, to move a (top-level) action to another. */
  themes: ThemeRow[];
  context: TimescaleContext;
  onCancel: () => void;
  /** The fields that changed (none: nothing to save), and the theme the action is now under. */
  onSaved: (changed: Array<keyof Draft>, themeId: string) => void;
}) {
  /** The saved action this edit builds on: replaced by the newer one after a conflict. */
  const [base, setBase] = useState(action);
  const form = useDraft<Draft>(`action-edit:${action.id}`, () => draftOf(action));
  const draft = form.value;
  const setDraft = form.set;
  const heading = useRef<HTMLHeadingElement>(null);
  useFocusOnMount(heading);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | undefined>();
  const [conflict, setConflict] = useState<Conflict | undefined>();
  const [busy, setBusy] = useState(false);
  const people = useApi('/api/v1/councils/{c}/people', { path: { c } });

  const save = async (d: Draft, on: ActionRow) => {
    const v = validateDraft(d);
    setErrors(v);
    setFormError(undefined);
    if (Object.values(v).some(Boolean)) return;
    const keys = changedKeys(draftOf(on), d);
    if (!keys.length) {
      form.discard();
      onSaved(keys, d.themeId);
      return;
    }
    const path = { c, actionId: on.id };
    const body = await patchBody(d, on, keys, context);
    if (movesLater(body, on) && d.dueReason.trim().length < 3) {
      setErrors({ dueReason: 'Say why the deadline is moving later' });
      return;
    }
    setBusy(true);
    try {
      await api.patch('/api/v1/councils/{c}/actions/{actionId}', { params: { path }, body });
      form.discard();
      onSaved(keys, d.themeId);
    } catch (e) {
      if (isStale(e)) {
        // Someone saved first. Fetch what they saved and show both: nothing typed here is lost.
        const latest = await api.get('/api/v1/councils/{c}/actions/{actionId}', { params: { path } });
        setBase(latest);
        setConflict(conflictOf(d, on, latest, keys));
      } else {
        const r = refusal(e, {
          title: 'title',
          leads: 'leads',
          rebaselineReason: 'dueReason',
          ragOverride: 'ragReason',
        });
        setErrors(r.errors);
        setFormError(r.message);
      }
    } finally {
      setBusy(false);
    }
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setConflict(undefined);
    void save(draft, base);
  };

  const summary = [
    ...(formError ? [{ text: formError }] : []),
    ...summaryFrom(errors, {
      title: 'title',
      leads: 'leads',
      ragReason: 'ragReason',
      dueReason: 'dueReason',
    }),
  ];
  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="edit-heading">
      <h2 className="govuk-heading-m" id="edit-heading" tabIndex={-1} ref={heading}>
        Edit this action
      </h2>
      {form.restored ? <p className="govuk-inset-text">What you typed before has been kept.</p> : null}
      <ErrorSummary errors={summary} />
      {conflict ? (
        <ConflictPanel
          conflict={conflict}
          groups={{
            words: themeWordsOf(plan),
            headingOf: (id) => {
              const t = themes.find((x) => x.id === id);
              return t ? themeHeading(plan, t) : undefined;
            },
          }}
          busy={busy}
          onMine={() => {
            setConflict(undefined);
            void save(conflict.mine, base);
          }}
          onTheirs={() => {
            setConflict(undefined);
            setDraft(conflict.theirs);
          }}
        />
      ) : null}
      <ActionFields
        draft={draft}
        setDraft={setDraft}
        base={base}
        errors={errors}
        people={people.data?.items ?? []}
        themes={action.parentId ? [] : themes}
        words={themeWordsOf(plan)}
        context={context}
        openMilestones={openMilestones}
      />
      <SaveOrCancel
        save="Save changes"
        busy={busy}
        onCancel={() => {
          form.discard();
          onCancel();
        }}
      />
    </form>
  );
}

/** The action's fields as form inputs. */
function ActionFields({
  draft,
  setDraft,
  base,
  errors,
  people,
  themes,
  words,
  context,
  openMilestones,
}: {
  draft: Draft;
  setDraft: (update: (d: Draft) => Draft) => void;
  base: ActionRow;
  errors: FieldErrors;
  people: PersonRow[];
  /** Empty for a sub-action: it moves with its parent. */
  themes: ThemeRow[];
  /** The plan's word for its groups, in place of "theme". */
  words: ThemeWords;
  context: TimescaleContext;
  openMilestones: number;
}) {
  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => setDraft((d) => ({ ...d, [k]: v }));
  // Moving the deadline later asks why, as a milestone's re-baseline does (the reason is kept).
  const parsedDue = useParsedTimescale(draft.dueText, base.due, context);
  const later = movesLater({ due: parsedDue }, base);
  type Prose = 'outcome' | 'currentPosition' | 'constraints' | 'measureOfSuccess';
  const text = (k: Prose, label: string, rows = 5) => (
    <Textarea id={k} label={label} rows={rows} value={draft[k]} onChange={(e) => set(k, e.target.value)} />
  );
  return (
    <>
      <TextInput
        id="ref"
        label="Reference"
        width="5"
        value={draft.ref}
        onChange={(e) => set('ref', e.target.value)}
      />
      <Textarea
        id="title"
        label="Title"
        rows={2}
        error={errors.title}
        value={draft.title}
        onChange={(e) => set('title', e.target.value)}
      />
      {text('outcome', 'To achieve (outcome)')}
      {text('currentPosition', 'Current position')}
      {text('constraints', 'Constraints', 3)}
      {text('measureOfSuccess', 'Measure of success', 3)}
      {themes.length ? (
        <Select
          id="themeId"
          label={words.noun}
          hint="Moving the action moves its sub-actions with it."
          value={draft.themeId}
          onChange={(e) => set('themeId', e.target.value)}
          options={[
            ...themes.map((t) => ({ value: t.id, text: `${t.ref ? `${t.ref}: ` : ''}${t.title}` })),
            ...(draft.themeId ? [] : [{ value: '', text: `No ${words.inSentence}` }]),
          ]}
        />
      ) : null}
      <Select
        id="status"
        label="Status"
        // Cancelling asks why ("Cancel this action", on the action's page): not offered here, so an
        // action is never cancelled without its reason. One already cancelled keeps the option.
        hint={
          [
            base.status === 'cancelled'
              ? undefined
              : 'To cancel the action, use “Cancel this action”: it asks why.',
            closingHint(base.status, draft.status, openMilestones),
          ]
            .filter(Boolean)
            .join(' ') || undefined
        }
        value={draft.status}
        onChange={(e) => set('status', e.target.value as Status)}
        options={STATUSES.filter((s) => s !== 'cancelled' || base.status === 'cancelled').map((s) => ({
          value: s,
          text: STATUS_LABELS[s],
        }))}
      />
      <TimescaleInput
        id="start"
        label="Start"
        original={base.start}
        text={draft.startText}
        onText={(t) => set('startText', t)}
        context={{ ...context, asStart: true }}
      />
      <TimescaleInput
        id="due"
        label="Due"
        hint={
          base.baselineDue
            ? `First agreed: ${base.baselineDue.text}. A later date shows as re-baselined.`
            : undefined
        }
        original={base.due}
        text={draft.dueText}
        onText={(t) => set('dueText', t)}
        context={context}
      />
      {later ? (
        <Textarea
          id="dueReason"
          label="Why is it moving later?"
          hint={`It was due ${formatDate(base.due?.due)}. The reason is kept with the action and shown in its reports.`}
          rows={2}
          error={errors.dueReason}
          value={draft.dueReason}
          onChange={(e) => set('dueReason', e.target.value)}
        />
      ) : null}
      <LeadEditor
        leads={draft.leads}
        people={people}
        onChange={(l) => set('leads', l)}
        error={errors.leads}
      />
      <Select
        id="ragMode"
        label="RAG rating"
        hint="Normally worked out from the status and dates by the council’s rules."
        value={draft.ragMode}
        onChange={(e) => set('ragMode', e.target.value as Draft['ragMode'])}
        options={[
          { value: 'auto', text: 'Work it out from status and dates' },
          ...RAGS.map((r) => ({ value: r, text: `Set by hand: ${RAG_LABELS[r]}` })),
        ]}
      />
      {base.unplaced.length > 0 ? (
        <Textarea
          id="importNotes"
          label="Text kept from the import"
          hint="Words the import could not place in a field. Move what matters into the fields above and clear the rest: the action’s history keeps what it said."
          rows={4}
          value={draft.importNotes}
          onChange={(e) => set('importNotes', e.target.value)}
        />
      ) : null}
      {draft.ragMode !== 'auto' ? (
        <Textarea
          id="ragReason"
          label="Why is RAG set by hand?"
          rows={2}
          error={errors.ragReason}
          value={draft.ragReason}
          onChange={(e) => set('ragReason', e.target.value)}
        />
      ) : null}
    </>
  );
}
