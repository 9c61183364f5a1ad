import { type FormEvent, useState } from 'react';
import { Link } from 'wouter';
import { Checkbox, ErrorSummary, Select } from '../components/form.js';
import { LoadError, Loading, ScrollTable } from '../components/page.js';
import { ConfirmQuestion } from '../components/remove-confirm.js';
import { TableHead } from '../components/table-head.js';
import { StatusTag } from '../components/tags.js';
import { api, isStale } from '../lib/api.js';
import { useFocusNext } from '../lib/focus.js';
import { plural } from '../lib/format.js';
import { PLAN_STATUS_LABELS } from '../lib/labels.js';
import { handOverChoices } from '../lib/person-choices.js';
import type { PersonRow } from '../lib/responses.js';
import { useApi } from '../lib/use-api.js';

/** What moves in a hand-over, in words: "2 actions and 1 plan". */
const what = (actions: number, plans: number) =>
  [actions && plural(actions, 'action'), plans && plural(plans, 'plan')].filter(Boolean).join(' and ');

/**
 * "What they lead": the open actions a person leads (in plans not archived) and the plans they own,
 * each linked. Editors tick what to hand over (all, to begin with), choose who takes it over and confirm;
 * everyone else reads the lists.
 */
export function PersonWork({
  c,
  person,
  directory,
  editable,
  onHandedOver,
  onStale,
}: {
  c: string;
  person: PersonRow;
  directory: PersonRow[];
  editable: boolean;
  onHandedOver: (sentence: string) => void;
  onStale: () => void;
}) {
  const leads = useApi('/api/v1/councils/{c}/people/{personId}/leads', { path: { c, personId: person.id } });
  // Unticked rather than ticked: everything listed is handed over unless taken out.
  const [unticked, setUnticked] = useState<ReadonlySet<string>>(new Set());
  const [to, setTo] = useState('');
  const [error, setError] = useState<{ href: string; text: string } | undefined>();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  // Cancel puts focus back on the button that asked.
  const focusNext = useFocusNext();
  const actions = leads.data?.actions ?? [];
  const plans = leads.data?.plans ?? [];
  const chosenActions = actions.filter((a) => !unticked.has(a.id));
  const chosenPlans = plans.filter((p) => !unticked.has(p.id));
  const others = handOverChoices(directory, person.id);
  const target = others.find((p) => p.id === to);
  const tick = (id: string, on: boolean) => {
    const next = new Set(unticked);
    if (on) next.delete(id);
    else next.add(id);
    setUnticked(next);
    setConfirming(false);
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const first = actions[0] ?? plans[0];
    if (!chosenActions.length && !chosenPlans.length) {
      setError({ href: `#hand-${first?.id}`, text: 'Tick at least one action or plan to hand over' });
    } else if (!target) {
      setError({ href: '#handover-to', text: `Choose who takes ${person.name}’s work over` });
    } else {
      setError(undefined);
      setConfirming(true);
    }
  };
  const handOver = async () => {
    if (!target) return;
    setBusy(true);
    try {
      const r = await api.post('/api/v1/councils/{c}/people/{personId}/hand-over', {
        params: { path: { c, personId: person.id } },
        body: {
          to: target.id,
          version: person.version,
          actionIds: chosenActions.map((a) => a.id),
          planIds: chosenPlans.map((p) => p.id),
        },
      });
      setConfirming(false);
      setUnticked(new Set());
      setTo('');
      leads.reload();
      onHandedOver(
        `${what(r.moved.actions, r.moved.plans)} handed over from ${person.name} to ${target.name}.`,
      );
    } catch (err) {
      setConfirming(false);
      setError({
        href: '#handover-to',
        text: isStale(err)
          ? 'Something changed while you were choosing. The list has been reloaded: check it and try again.'
          : (err as Error).message,
      });
      if (isStale(err)) {
        leads.reload();
        onStale();
      }
    } finally {
      setBusy(false);
    }
  };

  const box = (id: string, name: string) =>
    editable ? (
      <td className="govuk-table__cell">
        <div className="govuk-checkboxes govuk-checkboxes--small">
          <Checkbox
            id={`hand-${id}`}
            label={<span className="govuk-visually-hidden">Hand over {name}</span>}
            checked={!unticked.has(id)}
            onChange={(v) => tick(id, v)}
          />
        </div>
      </td>
    ) : null;
  const head = (names: string[]) => <TableHead columns={[editable && 'Hand over', ...names]} />;

  const lists = (
    <>
      {actions.length ? (
        <ScrollTable label="Open actions they lead">
          <table className="govuk-table app-table">
            <caption className="govuk-table__caption govuk-table__caption--s">
              Open actions they lead ({actions.length})
            </caption>
            {head(['Action', 'Plan', 'Status', 'Due'])}
            <tbody className="govuk-table__body">
              {actions.map((a) => (
                <tr className="govuk-table__row" key={a.id}>
                  {box(a.id, `${a.ref} ${a.title}`)}
                  <td className="govuk-table__cell">
                    <Link className="govuk-link" href={`/councils/${c}/actions/${a.id}`}>
                      {a.ref ? `${a.ref} ` : ''}
                      {a.title}
                    </Link>
                  </td>
                  <td className="govuk-table__cell">
                    <Link className="govuk-link" href={`/councils/${c}/plans/${a.planId}`}>
                      {a.planTitle}
                    </Link>
                  </td>
                  <td className="govuk-table__cell">
                    <StatusTag status={a.status} />
                  </td>
                  <td className="govuk-table__cell">{a.due ?? 'Not set'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
      ) : null}
      {plans.length ? (
        <ScrollTable label="Plans they own">
          <table className="govuk-table app-table">
            <caption className="govuk-table__caption govuk-table__caption--s">
              Plans they own ({plans.length})
            </caption>
            {head(['Plan', 'Status'])}
            <tbody className="govuk-table__body">
              {plans.map((p) => (
                <tr className="govuk-table__row" key={p.id}>
                  {box(p.id, `ownership of ${p.title}`)}
                  <td className="govuk-table__cell">
                    <Link className="govuk-link" href={`/councils/${c}/plans/${p.id}`}>
                      {p.title}
                    </Link>
                  </td>
                  <td className="govuk-table__cell">{PLAN_STATUS_LABELS[p.status] ?? p.status}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
      ) : null}
    </>
  );
  const choose = (
    <>
      <Select
        id="handover-to"
        label="Hand over to"
        hint="Only people still at the council are offered. The ticked actions and plans move to them."
        error={error?.href === '#handover-to' ? error.text : undefined}
        value={to}
        onChange={(e) => {
          setTo(e.target.value);
          setConfirming(false);
        }}
        options={[
          { value: '', text: 'Choose a person' },
          ...others.map((p) => ({ value: p.id, text: p.name })),
        ]}
      />
      {confirming && target ? (
        <ConfirmQuestion
          question={`Hand over ${what(chosenActions.length, chosenPlans.length)} from ${person.name} to ${target.name}?`}
          detail={
            <>
              <ul className="govuk-list govuk-list--bullet">
                {chosenActions.map((a) => (
                  <li key={a.id}>
                    {a.ref ? `${a.ref} ` : ''}
                    {a.title} ({a.planTitle})
                  </li>
                ))}
                {chosenPlans.map((p) => (
                  <li key={p.id}>Owner of {p.title}</li>
                ))}
              </ul>
              <p className="govuk-body">
                {target.name} becomes the lead or owner in {person.name}’s place; a lead written as{' '}
                {person.name}’s name will read {target.name}’s. The history is kept.
              </p>
            </>
          }
          yes="Yes, hand over"
          no="Cancel"
          focus="question"
          busy={busy}
          onYes={handOver}
          onNo={() => {
            setConfirming(false);
            focusNext('handover-submit');
          }}
        />
      ) : (
        <button type="submit" id="handover-submit" className="govuk-button">
          Hand over
        </button>
      )}
    </>
  );

  return (
    <section className="app-section-break" aria-labelledby="person-leads">
      <h2 className="govuk-heading-m" id="person-leads">
        What they lead
      </h2>
      {leads.error ? <LoadError error={leads.error} retry={leads.reload} /> : null}
      {leads.loading ? <Loading what="Loading what they lead" /> : null}
      {leads.data && !actions.length && !plans.length ? (
        <p className="govuk-body">{person.name} leads no open actions and owns no plans.</p>
      ) : null}
      {editable ? (
        <form onSubmit={submit} noValidate>
          <ErrorSummary errors={error ? [error] : []} />
          {lists}
          {actions.length || plans.length ? choose : null}
        </form>
      ) : (
        lists
      )}
    </section>
  );
}
