import { isOpen, type Rag, type Status } from '@peopleplan/core';
import { type FormEvent, type ReactNode, useEffect, useRef, useState } from 'react';
import { Link } from 'wouter';
import { ApiError, api } from '../lib/api.js';
import { useDraft } from '../lib/drafts.js';
import { focusMessage } from '../lib/focus.js';
import { plural, updateWhen } from '../lib/format.js';
import { RAG_LABELS, RAGS, STATUS_LABELS, STATUSES } from '../lib/labels.js';
import { closingHint, openCount } from '../lib/milestones-closing.js';
import type { ActionRow, ReportingPeriods } from '../lib/responses.js';
import { roundCounts, roundStatus, updatedFor } from '../lib/round.js';
import { useApi } from '../lib/use-api.js';
import { ErrorSummary, type FieldErrors, Radios, refusal, Select, summaryFrom, Textarea } from './form.js';
import { Prose } from './page.js';
import { closedMeanwhile, closedMessage, defaultPeriod, PeriodSelect } from './period-select.js';
import { RagTag, StatusTag } from './tags.js';
import { TimescaleText } from './timescale.js';

/** What the round needs of an action (my actions and a plan's contents both give it). */
export type RoundAction = Pick<
  ActionRow,
  'id' | 'ref' | 'title' | 'status' | 'planId' | 'due' | 'latestUpdate' | 'recentUpdates' | 'rag'
>;

export interface RoundItem {
  action: RoundAction;
  /** Where the action sits, in words: "People plan · Priority 1: Recruitment". */
  context: string;
}

interface RoundState {
  /** The action being updated. */
  current?: string | undefined;
  /** The period chosen for each plan. */
  periods: Record<string, string>;
  skipped: string[];
  /** Saved in this round: done whatever period is chosen next. */
  saved?: string[];
}

const name = (a: RoundAction) => `${a.ref ? `${a.ref} ` : ''}${a.title}`;

/**
 * The quarterly update round (issue 16): one open action at a time (status, what has happened, the
 * reporting period chosen from the plan's), saved as it goes, with a count of what is left. An action
 * counts as done once one of its recent updates is for the period chosen (round.ts), or once saved in this round (a
 * period changed for a later action does not undo it). Where the person is, and what they
 * have typed, are kept as drafts: a session that ends mid-round resumes at the same action.
 */
export function UpdateRound({
  c,
  scope,
  items,
  periods,
  backHref,
  backText,
  onPeriodsStale,
}: {
  c: string;
  /** Names this round's drafts ("mine", "theme:<id>"). */
  scope: string;
  items: RoundItem[];
  periods: Map<string, ReportingPeriods>;
  backHref: string;
  backText: string;
  /** Reloads the periods: one was closed after they were loaded (the API refused an update under it). */
  onPeriodsStale: () => void;
}) {
  const [actions, setActions] = useState(() => items.map((i) => i.action));
  const round = useDraft<RoundState>(`round:${scope}`, () => ({ periods: {}, skipped: [] }));
  const [saved, setSaved] = useState<string | undefined>();
  // Set once the person has saved or skipped here: the end of the round then takes focus.
  const [stepped, setStepped] = useState(false);
  // The API says which of each plan's periods are closed (their reports are frozen).
  const isClosed = (planId: string, v: string) =>
    periods.get(planId)?.items.find((p) => p.value === v)?.closed ?? false;
  const periodOf = (planId: string) => round.value.periods[planId] ?? defaultPeriod(periods.get(planId));
  const done = (a: RoundAction) =>
    !isOpen(a.status) ||
    Boolean(round.value.saved?.includes(a.id)) ||
    updatedFor(periods.get(a.planId), periodOf(a.planId), a);
  const counts = roundCounts(actions, done, round.value.saved ?? []);
  const { inRound, already, left } = counts;
  const queue = inRound.filter((a) => !done(a) && !round.value.skipped.includes(a.id));
  const current = queue.find((a) => a.id === round.value.current) ?? queue[0];
  const contextOf = new Map(items.map((i) => [i.action.id, i.context]));

  const go = (id: string | undefined, skipped = round.value.skipped) =>
    round.set((r) => ({ ...r, current: id, skipped: skipped.filter((s) => s !== id) }));
  const nextAfter = (id: string) => {
    const rest = queue.filter((a) => a.id !== id);
    const at = queue.findIndex((a) => a.id === id);
    return (rest.slice(at).find(Boolean) ?? rest[0])?.id;
  };

  return (
    <>
      <p className="govuk-body govuk-!-font-weight-bold" role="status" data-round-left={left}>
        {saved ? `${saved} ` : ''}
        {roundStatus(counts)}
      </p>
      {/* Only a finished round is confirmed in a panel: skipped actions still wait for the person. */}
      {current ? (
        <RoundStep
          key={current.id}
          c={c}
          scope={scope}
          action={current}
          context={contextOf.get(current.id) ?? ''}
          position={`${inRound.indexOf(current) + 1} of ${inRound.length}`}
          periods={periods.get(current.planId)}
          period={periodOf(current.planId)}
          closed={(v) => isClosed(current.planId, v)}
          onPeriodsStale={onPeriodsStale}
          onPeriod={(v) => round.set((r) => ({ ...r, periods: { ...r.periods, [current.planId]: v } }))}
          onSaved={(after) => {
            setActions((list) => list.map((a) => (a.id === after.id ? { ...a, ...after } : a)));
            setSaved(`Update for ${name(current)} saved.`);
            setStepped(true);
            round.set((r) => ({ ...r, saved: [...(r.saved ?? []), current.id] }));
            go(nextAfter(current.id));
          }}
          onSkip={() => {
            setSaved(undefined);
            setStepped(true);
            round.set((r) => ({ ...r, current: nextAfter(current.id), skipped: [...r.skipped, current.id] }));
          }}
        />
      ) : left ? (
        <RoundEnd key="skipped" className="govuk-inset-text app-round-done" focus={stepped}>
          <h2 className="govuk-heading-m">Actions skipped</h2>
          <p className="govuk-body">{plural(left, 'action')} skipped: choose one below to update it.</p>
        </RoundEnd>
      ) : (
        <RoundEnd
          key="complete"
          className="govuk-panel govuk-panel--confirmation app-round-done"
          focus={stepped}
        >
          <h2 className="govuk-panel__title">Update round complete</h2>
          <div className="govuk-panel__body">Every action is up to date.</div>
        </RoundEnd>
      )}
      <RoundList
        actions={[...inRound, ...already]}
        done={done}
        current={current?.id}
        skipped={round.value.skipped}
        onGo={go}
      />
      <p className="govuk-body">
        <Link className="govuk-link" href={backHref}>
          {backText}
        </Link>
      </p>
    </>
  );
}

/**
 * Where the round ends (all done, or only skipped actions left). After the last save or skip here it
 * takes focus: the form the person was in has gone, and this says what happened.
 */
function RoundEnd({
  className,
  focus,
  children,
}: {
  className: string;
  focus: boolean;
  children: ReactNode;
}) {
  const box = useRef<HTMLDivElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: on arrival only, not when `focus` changes later
  useEffect(() => {
    if (focus) focusMessage(box.current);
  }, []);
  return (
    <div className={className} tabIndex={-1} ref={box}>
      {children}
    </div>
  );
}

function RoundStep({
  c,
  scope,
  action: a,
  context,
  position,
  periods,
  period,
  closed,
  onPeriodsStale,
  onPeriod,
  onSaved,
  onSkip,
}: {
  c: string;
  scope: string;
  action: RoundAction;
  context: string;
  position: string;
  periods: ReportingPeriods | undefined;
  period: string;
  /** Whether a period of the action's plan is closed (updates cannot go under it). */
  closed: (value: string) => boolean;
  onPeriodsStale: () => void;
  onPeriod: (v: string) => void;
  onSaved: (action: RoundAction) => void;
  onSkip: () => void;
}) {
  const form = useDraft(`round:${scope}:${a.id}`, () => ({
    status: a.status as Status,
    rag: '' as Rag | '',
    narrative: '',
  }));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  // Each new action in the round takes focus, so the person starts at its heading.
  useEffect(() => heading.current?.focus(), []);
  const set = (k: 'status' | 'rag' | 'narrative', v: string) => form.set((f) => ({ ...f, [k]: v }));
  // A closing status closes its open milestones too: said beside the status.
  const milestones = useApi('/api/v1/councils/{c}/actions/{actionId}/milestones', {
    path: { c, actionId: a.id },
  });
  // A draft kept from before the RAG field existed has none.
  const rag = form.value.rag ?? '';

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const v: FieldErrors = {
      period: period && closed(period) ? closedMessage(period) : undefined,
      narrative: form.value.narrative.trim() ? undefined : 'Write what has happened',
    };
    setErrors(v);
    setFormError(undefined);
    if (Object.values(v).some(Boolean)) return;
    setBusy(true);
    try {
      const r = await api.post('/api/v1/councils/{c}/actions/{actionId}/updates', {
        params: { path: { c, actionId: a.id } },
        body: {
          narrative: form.value.narrative.trim(),
          status: form.value.status,
          ...(rag ? { rag } : {}),
          ...(period ? { period } : {}),
        },
      });
      form.discard();
      const { status, latestUpdate, recentUpdates } = r.action;
      onSaved({ ...a, status, latestUpdate, recentUpdates });
    } catch (err) {
      // A period closed meanwhile is said on the period field (the API names it), and the list is
      // reloaded so that it shows the period as closed.
      const r = refusal(err, { narrative: 'narrative', period: 'period' });
      setErrors(r.errors);
      setFormError(
        err instanceof ApiError && err.status === 403
          ? 'You can only report progress on actions you lead.'
          : r.message,
      );
      if (closedMeanwhile(err)) onPeriodsStale();
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} noValidate className="app-round-step" aria-labelledby="round-step">
      <span className="govuk-caption-m">Action {position}</span>
      <h2 className="govuk-heading-m" id="round-step" tabIndex={-1} ref={heading}>
        {name(a)}
      </h2>
      <p className="govuk-body-s app-muted">{context}</p>
      <ErrorSummary
        errors={[
          ...(formError ? [{ text: formError }] : []),
          ...summaryFrom(errors, { narrative: 'round-narrative', period: 'round-period' }),
        ]}
      />
      <dl className="govuk-summary-list govuk-summary-list--no-border">
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Now</dt>
          <dd className="govuk-summary-list__value">
            <StatusTag status={a.status} /> <RagTag rag={a.rag.rag} result={a.rag} />
          </dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Due</dt>
          <dd className="govuk-summary-list__value">
            <TimescaleText value={a.due} />
          </dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Last update</dt>
          <dd className="govuk-summary-list__value">
            {a.latestUpdate ? (
              <>
                <span className="app-lead-role">
                  {a.latestUpdate.authorName}, {updateWhen(a.latestUpdate)}
                  {a.latestUpdate.period ? ` · ${a.latestUpdate.period}` : ''}
                </span>
                <Prose text={a.latestUpdate.narrative} />
              </>
            ) : (
              'None yet'
            )}
          </dd>
        </div>
      </dl>
      {form.restored ? (
        <p className="govuk-inset-text">What you typed before has been kept. Check it and save.</p>
      ) : null}
      <Radios
        id="round-status"
        legend="Status now"
        hint={closingHint(a.status, form.value.status, openCount(milestones.data?.items))}
        small
        value={form.value.status}
        onChange={(v) => set('status', v)}
        options={STATUSES.map((s) => ({ value: s, text: STATUS_LABELS[s] }))}
      />
      <Select
        id="round-rag"
        label="RAG rating (optional)"
        hint="Leave it to be worked out from the status and dates, or give the RAG you are reporting."
        value={rag}
        onChange={(e) => set('rag', e.target.value)}
        options={[
          { value: '', text: 'Work it out' },
          ...RAGS.map((r) => ({ value: r, text: RAG_LABELS[r] })),
        ]}
      />
      {periods ? (
        <PeriodSelect
          id="round-period"
          periods={periods.items}
          value={period}
          onChange={onPeriod}
          error={errors.period}
          closed={closed}
        />
      ) : null}
      <Textarea
        id="round-narrative"
        label="What has happened"
        hint="Progress since the last update, what is next, and anything blocking it."
        rows={5}
        error={errors.narrative}
        value={form.value.narrative}
        onChange={(e) => set('narrative', e.target.value)}
      />
      <div className="govuk-button-group">
        <button type="submit" className="govuk-button" disabled={busy} aria-disabled={busy}>
          Save and go to the next action
        </button>
        <button type="button" className="govuk-button govuk-button--secondary" onClick={onSkip}>
          Skip this action for now
        </button>
      </div>
    </form>
  );
}

function RoundList({
  actions,
  done,
  current,
  skipped,
  onGo,
}: {
  actions: RoundAction[];
  done: (a: RoundAction) => boolean;
  current: string | undefined;
  skipped: string[];
  onGo: (id: string) => void;
}) {
  return (
    <section className="app-section-break" aria-labelledby="round-list">
      <h2 className="govuk-heading-m" id="round-list">
        Actions in this round
      </h2>
      <ol className="govuk-list app-round-list">
        {actions.map((a) => {
          const state = done(a)
            ? 'Updated'
            : a.id === current
              ? 'Updating now'
              : skipped.includes(a.id)
                ? 'Skipped'
                : 'To do';
          return (
            <li key={a.id} className="app-round-list__item">
              <span>{name(a)}</span>{' '}
              <strong className={`govuk-tag app-tag ${done(a) ? 'govuk-tag--green' : 'govuk-tag--grey'}`}>
                {state}
              </strong>
              {!done(a) && a.id !== current ? (
                <button type="button" className="app-link-button govuk-link" onClick={() => onGo(a.id)}>
                  Update now<span className="govuk-visually-hidden"> {name(a)}</span>
                </button>
              ) : null}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
