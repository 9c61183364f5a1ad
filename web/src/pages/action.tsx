import type { Lead, Person, Plan, ProgressUpdate, Rag, Status, Timescale } from '@peopleplan/core';
import { type FormEvent, useEffect, useState } from 'react';
import {
  ErrorSummary,
  type FieldErrors,
  fieldErrorsFrom,
  Radios,
  Select,
  summaryFrom,
  Textarea,
  TextInput,
} from '../components/form.js';
import { LeadEditor } from '../components/lead-editor.js';
import { Banner, LoadError, Loading, Page, Prose, ScrollTable, SummaryList } from '../components/page.js';
import { RagTag, StatusTag } from '../components/tags.js';
import { TimescaleText } from '../components/timescale.js';
import { readTimescale, type TimescaleContext, TimescaleInput } from '../components/timescale-input.js';
import { ApiError, api, seg } from '../lib/api.js';
import { formatDateTime } from '../lib/format.js';
import { LEAD_ROLE_LABELS, RAG_LABELS, RAGS, STATUS_LABELS, STATUSES } from '../lib/labels.js';
import type { ActionRow, MilestoneRow } from '../lib/plan-columns.js';
import { useCouncil } from '../lib/session.js';
import { useApi } from '../lib/use-api.js';

export default function ActionPage({ c, actionId }: { c: string; actionId: string }) {
  const { council, can } = useCouncil(c);
  const base = `/councils/${seg(c)}/actions/${seg(actionId)}`;
  const action = useApi<ActionRow>(base);
  const updates = useApi<{ items: ProgressUpdate[] }>(`${base}/updates`);
  const milestones = useApi<{ items: MilestoneRow[] }>(`${base}/milestones`);
  const plan = useApi<Plan>(action.data ? `/councils/${seg(c)}/plans/${seg(action.data.planId)}` : null);
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState<string | undefined>();

  const a = action.data;
  const p = plan.data;
  const context: TimescaleContext = {
    anchor: p?.approval?.date ?? p?.period.start,
    period: p ? { start: p.period.start, end: p.period.end } : undefined,
  };
  const crumbs = [
    { href: `/councils/${c}`, text: council?.name ?? 'Dashboard' },
    ...(a ? [{ href: `/councils/${c}/plans/${a.planId}`, text: p?.title ?? 'Plan' }] : []),
  ];
  const done = (message: string) => {
    setSaved(message);
    action.reload();
    updates.reload();
    milestones.reload();
  };

  return (
    <Page
      title={a ? `${a.ref ? `${a.ref} ` : ''}${a.title}` : 'Action'}
      caption={a ? `Action${a.ref ? ` ${a.ref}` : ''}` : undefined}
      heading={a?.title ?? 'Action'}
      crumbs={crumbs}
    >
      {action.error ? <LoadError error={action.error} retry={action.reload} /> : null}
      {action.loading ? <Loading what="Loading the action" /> : null}
      {saved ? (
        <Banner type="success">
          <p className="govuk-notification-banner__heading">{saved}</p>
        </Banner>
      ) : null}
      {a ? (
        <>
          <p className="govuk-body app-tags-line">
            <StatusTag status={a.status} /> <RagTag rag={a.rag.rag} result={a.rag} />
          </p>
          {a.rag.reasons.length ? (
            <details className="govuk-details">
              <summary className="govuk-details__summary">
                <span className="govuk-details__summary-text">
                  Why it is {RAG_LABELS[a.rag.rag].split(' – ')[0]}
                </span>
              </summary>
              <div className="govuk-details__text">
                <ul className="govuk-list govuk-list--bullet">
                  {a.rag.reasons.map((r) => (
                    <li key={r}>{r}</li>
                  ))}
                </ul>
              </div>
            </details>
          ) : null}

          {editing ? (
            <EditAction
              c={c}
              action={a}
              context={context}
              onCancel={() => setEditing(false)}
              onSaved={() => {
                setEditing(false);
                done('Action saved');
              }}
            />
          ) : (
            <>
              <ActionSummary action={a} />
              {can('editor') ? (
                <button
                  type="button"
                  className="govuk-button govuk-button--secondary"
                  onClick={() => {
                    setSaved(undefined);
                    setEditing(true);
                  }}
                >
                  Edit this action
                </button>
              ) : null}
            </>
          )}

          <Milestones
            c={c}
            actionId={actionId}
            loaded={milestones}
            canEdit={can('editor')}
            context={context}
            onChanged={done}
          />

          <section className="app-section-break" aria-labelledby="progress">
            <h2 className="govuk-heading-l" id="progress">
              Progress
            </h2>
            {can('contributor') ? (
              <AddUpdate c={c} action={a} onAdded={() => done('Progress update added')} />
            ) : null}
            <h3 className="govuk-heading-m">History</h3>
            {updates.error ? <LoadError error={updates.error} retry={updates.reload} /> : null}
            {updates.data ? <History items={updates.data.items} /> : <Loading what="Loading the history" />}
          </section>
        </>
      ) : null}
    </Page>
  );
}

function ActionSummary({ action: a }: { action: ActionRow }) {
  const roles = [...new Set(a.leads.map((l) => l.role))];
  return (
    <SummaryList
      rows={[
        { key: 'Reference', value: a.ref || 'None' },
        a.outcome && { key: 'To achieve', value: <Prose text={a.outcome} /> },
        a.currentPosition && { key: 'Current position', value: <Prose text={a.currentPosition} /> },
        a.constraints && { key: 'Constraints', value: <Prose text={a.constraints} /> },
        a.measureOfSuccess && { key: 'Measure of success', value: <Prose text={a.measureOfSuccess} /> },
        ...(roles.length
          ? roles.map((r) => ({
              id: `lead-${r}`,
              key: LEAD_ROLE_LABELS[r],
              value: a.leads
                .filter((l) => l.role === r)
                .map((l) => `${l.label}${l.personId ? '' : ' (not in the directory)'}`)
                .join(', '),
            }))
          : [{ key: 'Leads', value: 'None' }]),
        { key: 'Start', value: <TimescaleText value={a.start} /> },
        { key: 'Due', value: <TimescaleText value={a.due} /> },
        a.ragOverride && {
          key: 'RAG set by hand',
          value: `${RAG_LABELS[a.ragOverride.rag]}: ${a.ragOverride.reason}`,
        },
        a.crossRefs.length > 0 && { key: 'See also', value: a.crossRefs.map((x) => x.text).join('; ') },
        a.unplaced.length > 0 && {
          key: 'Text kept from the import',
          value: a.unplaced.map((u, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: static text in order
            <p className="govuk-body app-prose" key={i}>
              {u}
            </p>
          )),
        },
      ]}
    />
  );
}

/** The editable fields, as the form holds them. */
interface Draft {
  ref: string;
  title: string;
  outcome: string;
  currentPosition: string;
  constraints: string;
  measureOfSuccess: string;
  status: Status;
  dueText: string;
  startText: string;
  leads: Lead[];
  ragMode: 'auto' | Rag;
  ragReason: string;
}

const draftOf = (a: ActionRow): Draft => ({
  ref: a.ref,
  title: a.title,
  outcome: a.outcome ?? '',
  currentPosition: a.currentPosition ?? '',
  constraints: a.constraints ?? '',
  measureOfSuccess: a.measureOfSuccess ?? '',
  status: a.status,
  dueText: a.due?.text ?? '',
  startText: a.start?.text ?? '',
  leads: a.leads,
  ragMode: a.ragOverride?.rag ?? 'auto',
  ragReason: a.ragOverride?.reason ?? '',
});

const FIELD_LABELS: Record<keyof Draft, string> = {
  ref: 'Reference',
  title: 'Title',
  outcome: 'To achieve',
  currentPosition: 'Current position',
  constraints: 'Constraints',
  measureOfSuccess: 'Measure of success',
  status: 'Status',
  dueText: 'Due',
  startText: 'Start',
  leads: 'Leads',
  ragMode: 'RAG',
  ragReason: 'Reason for setting RAG by hand',
};

const show = (k: keyof Draft, d: Draft): string => {
  const v = d[k];
  if (k === 'status') return STATUS_LABELS[v as Status];
  if (k === 'ragMode') return v === 'auto' ? 'Worked out from status and dates' : RAG_LABELS[v as Rag];
  if (k === 'leads')
    return (v as Lead[]).map((l) => `${l.label} (${LEAD_ROLE_LABELS[l.role]})`).join(', ') || 'None';
  return String(v) || '(blank)';
};

const same = (x: unknown, y: unknown) => JSON.stringify(x) === JSON.stringify(y);
const changedKeys = (from: Draft, to: Draft) =>
  (Object.keys(FIELD_LABELS) as Array<keyof Draft>).filter((k) => !same(from[k], to[k]));

function EditAction({
  c,
  action,
  context,
  onCancel,
  onSaved,
}: {
  c: string;
  action: ActionRow;
  context: TimescaleContext;
  onCancel: () => void;
  onSaved: () => void;
}) {
  /** The saved action this edit builds on: replaced by the newer one after a conflict. */
  const [base, setBase] = useState(action);
  const [draft, setDraft] = useState<Draft>(() => draftOf(action));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | undefined>();
  const [conflict, setConflict] = useState<
    { mine: Draft; theirs: Draft; keys: Array<keyof Draft> } | undefined
  >();
  const [busy, setBusy] = useState(false);
  const people = useApi<{ items: Person[] }>(`/councils/${seg(c)}/people`);
  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => setDraft((d) => ({ ...d, [k]: v }));

  const validate = (d: Draft): FieldErrors => ({
    title: d.title.trim() ? undefined : 'Enter a title for the action',
    leads: d.leads.some((l) => !l.label.trim()) ? 'Give every lead a name or label as written' : undefined,
    ragReason:
      d.ragMode !== 'auto' && d.ragReason.trim().length < 3
        ? 'Give a reason for setting RAG by hand'
        : undefined,
  });

  const save = async (d: Draft, on: ActionRow) => {
    const v = validate(d);
    setErrors(v);
    setFormError(undefined);
    if (Object.values(v).some(Boolean)) return;
    const from = draftOf(on);
    const keys = changedKeys(from, d);
    if (!keys.length) {
      onSaved();
      return;
    }
    const body: Record<string, unknown> = { version: on.version };
    for (const k of keys) {
      if (k === 'dueText') body.due = await readTimescale(d.dueText, on.due, context);
      else if (k === 'startText') body.start = await readTimescale(d.startText, on.start, context);
      else if (k === 'ragMode' || k === 'ragReason')
        body.ragOverride = d.ragMode === 'auto' ? null : { rag: d.ragMode, reason: d.ragReason.trim() };
      else if (k === 'leads') body.leads = d.leads.map((l) => ({ ...l, label: l.label.trim() }));
      else body[k] = typeof d[k] === 'string' ? (d[k] as string).trim() : d[k];
    }
    setBusy(true);
    try {
      await api.patch(`/councils/${seg(c)}/actions/${seg(on.id)}`, body);
      onSaved();
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) {
        // Someone saved first. Fetch what they saved and show both: nothing typed here is lost.
        const latest = await api.get<ActionRow>(`/councils/${seg(c)}/actions/${seg(on.id)}`);
        const theirs = draftOf(latest);
        const mine = d;
        const keysBoth = [...new Set([...changedKeys(draftOf(on), theirs), ...keys])].filter(
          (k) => !same(mine[k], theirs[k]),
        );
        setBase(latest);
        setConflict({ mine, theirs, keys: keysBoth });
      } else if (e instanceof ApiError) {
        setErrors(fieldErrorsFrom(e.details));
        setFormError(e.message);
      } else setFormError((e as Error).message);
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
    ...summaryFrom(errors, { title: 'title', leads: 'leads', ragReason: 'ragReason' }),
  ];
  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="edit-heading">
      <h2 className="govuk-heading-m" id="edit-heading">
        Edit this action
      </h2>
      <ErrorSummary errors={summary} />
      {conflict ? (
        <ConflictPanel
          conflict={conflict}
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
      <Textarea
        id="outcome"
        label="To achieve (outcome)"
        value={draft.outcome}
        onChange={(e) => set('outcome', e.target.value)}
      />
      <Textarea
        id="currentPosition"
        label="Current position"
        value={draft.currentPosition}
        onChange={(e) => set('currentPosition', e.target.value)}
      />
      <Textarea
        id="constraints"
        label="Constraints"
        rows={3}
        value={draft.constraints}
        onChange={(e) => set('constraints', e.target.value)}
      />
      <Textarea
        id="measureOfSuccess"
        label="Measure of success"
        rows={3}
        value={draft.measureOfSuccess}
        onChange={(e) => set('measureOfSuccess', e.target.value)}
      />
      <Select
        id="status"
        label="Status"
        value={draft.status}
        onChange={(e) => set('status', e.target.value as Status)}
        options={STATUSES.map((s) => ({ value: s, text: STATUS_LABELS[s] }))}
      />
      <TimescaleInput
        id="start"
        label="Start"
        original={base.start}
        text={draft.startText}
        onText={(t) => set('startText', t)}
        context={context}
      />
      <TimescaleInput
        id="due"
        label="Due"
        original={base.due}
        text={draft.dueText}
        onText={(t) => set('dueText', t)}
        context={context}
      />
      <LeadEditor
        leads={draft.leads}
        people={people.data?.items ?? []}
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
      <div className="govuk-button-group">
        <button type="submit" className="govuk-button" disabled={busy} aria-disabled={busy}>
          Save changes
        </button>
        <button type="button" className="govuk-button govuk-button--secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

function ConflictPanel({
  conflict,
  busy,
  onMine,
  onTheirs,
}: {
  conflict: { mine: Draft; theirs: Draft; keys: Array<keyof Draft> };
  busy: boolean;
  onMine: () => void;
  onTheirs: () => void;
}) {
  return (
    <div className="govuk-error-summary app-conflict" role="alert" tabIndex={-1} ref={(el) => el?.focus()}>
      <h2 className="govuk-error-summary__title">Someone else saved this action while you were editing</h2>
      <div className="govuk-error-summary__body">
        <p className="govuk-body">
          Your changes have not been saved yet, and nothing has been lost. Compare the two versions, then
          choose which to keep. You can also change the form below and save again.
        </p>
        <ScrollTable label="Your version and the saved version">
          <table className="govuk-table app-compare">
            <caption className="govuk-table__caption govuk-table__caption--s">Differences</caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">
                  Field
                </th>
                <th scope="col" className="govuk-table__header">
                  Your version
                </th>
                <th scope="col" className="govuk-table__header">
                  Saved version
                </th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {conflict.keys.map((k) => (
                <tr className="govuk-table__row" key={k}>
                  <th scope="row" className="govuk-table__header">
                    {FIELD_LABELS[k]}
                  </th>
                  <td className="govuk-table__cell">{show(k, conflict.mine)}</td>
                  <td className="govuk-table__cell">{show(k, conflict.theirs)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
        <div className="govuk-button-group">
          <button type="button" className="govuk-button" onClick={onMine} disabled={busy}>
            Save my version
          </button>
          <button type="button" className="govuk-button govuk-button--secondary" onClick={onTheirs}>
            Use the saved version
          </button>
        </div>
      </div>
    </div>
  );
}

function AddUpdate({ c, action, onAdded }: { c: string; action: ActionRow; onAdded: () => void }) {
  const [status, setStatus] = useState<Status>(action.status);
  const [rag, setRag] = useState<string>('');
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
      await api.post(`/councils/${seg(c)}/actions/${seg(action.id)}/updates`, {
        narrative: narrative.trim(),
        status,
        ...(rag ? { rag } : {}),
        ...(period.trim() ? { period: period.trim() } : {}),
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
        onChange={(e) => setRag(e.target.value)}
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

function History({ items }: { items: ProgressUpdate[] }) {
  if (!items.length) return <p className="govuk-body">No progress has been reported yet.</p>;
  return (
    <ol className="app-history" aria-label="Progress updates, newest first">
      {items.map((u) => (
        <li className="app-history__item" key={u.id}>
          <p className="govuk-body app-history__title">
            <StatusTag status={u.status} /> {u.rag ? <RagTag rag={u.rag} /> : null}
          </p>
          <p className="app-history__meta">
            {u.authorName}, <time dateTime={u.at}>{formatDateTime(u.at)}</time>
            {u.period ? ` · period ${u.period}` : ''}
          </p>
          <Prose text={u.narrative} />
        </li>
      ))}
    </ol>
  );
}

function Milestones({
  c,
  actionId,
  loaded,
  canEdit,
  context,
  onChanged,
}: {
  c: string;
  actionId: string;
  loaded: { data: { items: MilestoneRow[] } | undefined; error: Error | undefined; reload: () => void };
  canEdit: boolean;
  context: TimescaleContext;
  onChanged: (message: string) => void;
}) {
  const [editing, setEditing] = useState<string | undefined>();
  const [adding, setAdding] = useState(false);
  const items = loaded.data?.items ?? [];
  return (
    <section className="app-section-break" aria-labelledby="milestones">
      <h2 className="govuk-heading-l" id="milestones">
        Milestones
      </h2>
      {loaded.error ? <LoadError error={loaded.error} retry={loaded.reload} /> : null}
      {loaded.data && !items.length ? <p className="govuk-body">This action has no milestones.</p> : null}
      {items.length ? (
        <ScrollTable label="Milestones">
          <table className="govuk-table app-table">
            <caption className="govuk-table__caption govuk-visually-hidden">Milestones</caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">
                  Milestone
                </th>
                <th scope="col" className="govuk-table__header">
                  Originally due
                </th>
                <th scope="col" className="govuk-table__header">
                  Now due
                </th>
                <th scope="col" className="govuk-table__header">
                  Status
                </th>
                {canEdit ? (
                  <th scope="col" className="govuk-table__header">
                    <span className="govuk-visually-hidden">Change</span>
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {items.map((m) => (
                <tr className="govuk-table__row" key={m.id}>
                  <td className="govuk-table__cell app-col-text">
                    {m.ref ? <span className="app-ref">{m.ref}</span> : null}
                    {m.title}
                  </td>
                  <td className="govuk-table__cell app-nowrap-m">
                    <TimescaleText value={m.baselineDue} />
                  </td>
                  <td className="govuk-table__cell app-nowrap-m">
                    <TimescaleText value={m.due} />
                    {m.baselineDue?.due && m.due?.due && m.due.due > m.baselineDue.due ? (
                      <strong className="govuk-tag govuk-tag--yellow app-tag">Re-baselined</strong>
                    ) : null}
                  </td>
                  <td className="govuk-table__cell app-tags">
                    <StatusTag status={m.status} /> <RagTag rag={m.rag.rag} result={m.rag} />
                  </td>
                  {canEdit ? (
                    <td className="govuk-table__cell">
                      <button
                        type="button"
                        className="app-link-button govuk-link"
                        onClick={() => setEditing(m.id)}
                      >
                        Change
                        <span className="govuk-visually-hidden">
                          {' '}
                          milestone {m.ref} {m.title}
                        </span>
                      </button>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
      ) : null}
      {editing && items.find((m) => m.id === editing) ? (
        <MilestoneForm
          c={c}
          actionId={actionId}
          milestone={items.find((m) => m.id === editing)!}
          context={context}
          onDone={(msg) => {
            setEditing(undefined);
            if (msg) onChanged(msg);
          }}
        />
      ) : null}
      {canEdit && !editing ? (
        adding ? (
          <MilestoneForm
            c={c}
            actionId={actionId}
            context={context}
            onDone={(msg) => {
              setAdding(false);
              if (msg) onChanged(msg);
            }}
          />
        ) : (
          <button
            type="button"
            className="govuk-button govuk-button--secondary"
            onClick={() => setAdding(true)}
          >
            Add a milestone
          </button>
        )
      ) : null}
    </section>
  );
}

function MilestoneForm({
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
      const due: Timescale | null = await readTimescale(dueText, m?.due, context);
      if (m) {
        await api.patch(`/councils/${seg(c)}/milestones/${seg(m.id)}`, {
          version: m.version,
          ref: ref.trim(),
          title: title.trim(),
          due,
          status,
        });
        onDone('Milestone saved');
      } else {
        await api.post(`/councils/${seg(c)}/actions/${seg(actionId)}/milestones`, {
          ref: ref.trim(),
          title: title.trim(),
          status,
          ...(due ? { due } : {}),
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
