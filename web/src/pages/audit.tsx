import { themeWordsOf } from '@peopleplan/core';
import { type FormEvent, useState } from 'react';
import { Link, useSearchParams } from 'wouter';
import { ChangeHistory } from '../components/change-history.js';
import { DateField } from '../components/date-field.js';
import { ErrorSummary, Select } from '../components/form.js';
import { Page } from '../components/page.js';
import { plansWithChangedItems, usePlanItemNames } from '../lib/audit-items.js';
import { isoOf, partsOf } from '../lib/plan-draft.js';
import { useCouncil } from '../lib/session.js';
import { useApi } from '../lib/use-api.js';

const FILTERS = ['actor', 'item', 'from', 'to'] as const;

/**
 * The council's audit trail (admins): every change, newest first, filtered by who made it, the plan it
 * belongs to (or any item given in the address) and Europe/London dates, twenty at a time.
 */
export default function AuditPage({ c }: { c: string }) {
  const { council, can } = useCouncil(c);
  const admin = can('admin');
  const [params, setParams] = useSearchParams();
  const members = useApi('/api/v1/councils/{c}/members', admin ? { path: { c } } : null);
  const plans = useApi('/api/v1/councils/{c}/plans', admin ? { path: { c }, query: { limit: 200 } } : null);
  // People named by id in the changes (an owner, a member's link, a merge), in words.
  const directory = useApi('/api/v1/councils/{c}/people', admin ? { path: { c } } : null);
  // The plans whose actions, milestones or groups were changed or moved between groups on show: the
  // changes name them, and the groups by heading.
  const [changedIn, setChangedIn] = useState<string[]>([]);
  const itemNames = usePlanItemNames(c, changedIn);
  const query = Object.fromEntries(FILTERS.flatMap((k) => (params.get(k) ? [[k, params.get(k)!]] : [])));
  const name = council?.name ?? c;
  const crumbs = [{ href: `/councils/${c}`, text: name }];
  if (!admin)
    return (
      <Page title="Audit trail" crumbs={crumbs}>
        <p className="govuk-body">Only the council’s PeoplePlan administrators can see its audit trail.</p>
      </Page>
    );
  const planOptions = (plans.data?.items ?? []).map((p) => ({ value: p.id, text: p.title }));
  // An item named in the address that is not a plan (an action's "see in the audit trail") stays choosable.
  if (query.item && !planOptions.some((o) => o.value === query.item))
    planOptions.unshift({ value: query.item, text: 'The item you came from' });
  const people = (members.data?.items ?? []).map((m) => ({ value: m.userSub, text: m.name }));
  // Each change to a group is named in its own plan's word for its groups ("Added an objective").
  const byId = new Map((plans.data?.items ?? []).map((p) => [p.id, p]));
  const themeWords = (planId: string | undefined) => {
    const plan = planId ? byId.get(planId) : undefined;
    return plan ? themeWordsOf(plan) : undefined;
  };
  // The plans' word for their groups when they all use one, else "groups" (as the partnership's filter).
  const groupWords = [...new Set([...byId.values()].map((p) => themeWordsOf(p).pluralInSentence))];
  const groups = groupWords.length === 1 ? groupWords[0]! : 'groups';
  const personById = new Map((directory.data?.items ?? []).map((p) => [p.id, p.name]));
  const memberBySub = new Map((members.data?.items ?? []).map((m) => [m.userSub, m.name]));
  /** What a change was made to: a person, member or plan from the lists here, else its plan's contents. */
  const itemName = (type: string, id: string) =>
    type === 'person'
      ? personById.get(id)
      : type === 'member'
        ? memberBySub.get(id)
        : type === 'plan'
          ? byId.get(id)?.title
          : itemNames.get(id);
  return (
    <Page title="Audit trail" caption={name} crumbs={crumbs}>
      <p className="govuk-body">
        Every change to the council’s plans, people and settings: who, when, and what.
      </p>
      <AuditFilters
        key={`${JSON.stringify(query)}-${people.length}-${planOptions.length}`}
        c={c}
        query={query}
        people={people}
        plans={planOptions}
        groups={groups}
        onApply={setParams}
      />
      <h2 className="govuk-heading-m">Changes</h2>
      <ChangeHistory
        key={JSON.stringify(query)}
        path="/api/v1/councils/{c}/audit"
        params={{ c }}
        query={query}
        label="Changes to the council, newest first"
        names={{
          themeWords,
          themeHeading: (id) => itemNames.get(id),
          personName: (id) => personById.get(id),
          itemName,
        }}
        onShown={(items) => {
          setChangedIn(plansWithChangedItems(items));
        }}
      />
    </Page>
  );
}

type Option = { value: string; text: string };

/** The filters, kept in the address: who, which plan, from and to (GOV.UK date inputs). */
function AuditFilters({
  c,
  query,
  people,
  plans,
  groups,
  onApply,
}: {
  c: string;
  query: Record<string, string>;
  people: Option[];
  plans: Option[];
  /** What the plans call their groups, in a sentence ("objectives"; "groups" when they differ). */
  groups: string;
  onApply: (q: Record<string, string>) => void;
}) {
  const [from, setFrom] = useState(partsOf(query.from));
  const [to, setTo] = useState(partsOf(query.to));
  const [errors, setErrors] = useState<Array<{ href: string; text: string }>>([]);
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const f = isoOf(from);
    const t = isoOf(to);
    const errs = [
      ...(f === undefined
        ? [{ href: '#from-day', text: 'Enter a real date for “from”, like 1 4 2026' }]
        : []),
      ...(t === undefined ? [{ href: '#to-day', text: 'Enter a real date for “to”, like 30 9 2026' }] : []),
      ...(f && t && f > t ? [{ href: '#from-day', text: '“From” must be on or before “to”' }] : []),
    ];
    setErrors(errs);
    if (errs.length) return;
    const next: Record<string, string> = {};
    for (const k of ['actor', 'item'] as const) {
      const v = String(form.get(k) ?? '');
      if (v) next[k] = v;
    }
    if (f) next.from = f;
    if (t) next.to = t;
    onApply(next);
  };
  return (
    <form onSubmit={submit} noValidate className="app-filters" aria-label="Filter the audit trail">
      <ErrorSummary errors={errors} />
      <Select
        id="actor"
        label="Changed by"
        defaultValue={query.actor ?? ''}
        options={[{ value: '', text: 'Anyone' }, ...people]}
      />
      <Select
        id="item"
        label="Plan"
        hint={`A plan’s changes include its ${groups}, indicators, risks and closed periods`}
        defaultValue={query.item ?? ''}
        options={[{ value: '', text: 'Any plan or item' }, ...plans]}
      />
      <DateField
        id="from"
        legend="From"
        hint="For example, 1 4 2026"
        value={from}
        onChange={setFrom}
        error={errors.find((x) => x.href === '#from-day')?.text}
      />
      <DateField
        id="to"
        legend="To"
        hint="For example, 30 9 2026"
        value={to}
        onChange={setTo}
        error={errors.find((x) => x.href === '#to-day')?.text}
      />
      <div className="govuk-button-group">
        <button type="submit" className="govuk-button govuk-button--secondary">
          Show changes
        </button>
        <Link className="govuk-link" href={`/councils/${c}/audit`}>
          Clear filters
        </Link>
      </div>
    </form>
  );
}
