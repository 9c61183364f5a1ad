import type { Status } from '@peopleplan/core';
import type { FormEvent } from 'react';
import { Link } from 'wouter';
import { actionTimeliness } from '../lib/judgements.js';
import { STATUS_LABELS, STATUSES } from '../lib/labels.js';
import type { ActionRow, MilestoneRow, PlanContents, ThemeRow } from '../lib/responses.js';

/*
 * The plan page's filters, kept in the address so that a filtered plan can be bookmarked and shared.
 */
const BY_MILESTONES = '(the action or one of its milestones)';
/** The due filter's choices: late and due soon count an action's milestones, as "my actions" does. */
export const DUE_CHOICES = [
  { value: 'overdue', text: `Late ${BY_MILESTONES}` },
  { value: '30', text: `Due in the next 30 days ${BY_MILESTONES}` },
  { value: '90', text: `Due in the next 90 days ${BY_MILESTONES}` },
  { value: 'nodate', text: 'No date' },
];
const WINDOW_DAYS: Record<string, number> = { '30': 30, '90': 90 };

export interface Filters {
  status: string;
  lead: string;
  theme: string;
  due: string;
}

type LeadRef = { label: string; personId?: string | undefined };

/** A lead as the filter knows it: the person, when the label is matched to one, else the label as written. */
const leadKey = (l: LeadRef) => (l.personId ? `person:${l.personId}` : l.label);

/**
 * The leads to filter by: one choice a person, however the plan wrote them ("Aisha Khan", "A. Khan"),
 * named by the label used most, with the others after it; labels matched to no one, as written.
 */
export function leadChoices(
  actions: ReadonlyArray<{ leads: readonly LeadRef[] }>,
): Array<{ value: string; text: string }> {
  const labels = new Map<string, Map<string, number>>();
  for (const a of actions)
    for (const l of a.leads) {
      const byLabel = labels.get(leadKey(l)) ?? new Map<string, number>();
      byLabel.set(l.label, (byLabel.get(l.label) ?? 0) + 1);
      labels.set(leadKey(l), byLabel);
    }
  return [...labels]
    .map(([value, byLabel]) => {
      const [main, ...others] = [...byLabel]
        .sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]))
        .map(([l]) => l);
      return { value, text: others.length ? `${main} (also ${others.join(', ')})` : main! };
    })
    .sort((x, y) => x.text.localeCompare(y.text));
}

/** Whether an action passes the filters; `milestones` are the plan's (its own are picked out). */
export function matches(
  a: ActionRow,
  f: Filters,
  plan: PlanContents['plan'],
  today: string,
  milestones: readonly MilestoneRow[],
): boolean {
  if (f.status && a.status !== f.status) return false;
  if (f.lead && !a.leads.some((l) => leadKey(l) === f.lead || l.label === f.lead)) return false;
  if (f.theme && (a.themeId ?? 'none') !== f.theme) return false;
  if (f.due === 'nodate') return !a.due?.due;
  if (f.due) {
    // Late and due soon as "my actions" and the dashboards judge them (core's board.ts): open actions
    // only, late through a milestone too, and late before due soon.
    const when = actionTimeliness(a, milestones, { today, dueSoonDays: WINDOW_DAYS[f.due] ?? 0 }, plan);
    return when === (f.due === 'overdue' ? 'late' : 'due-soon');
  }
  return true;
}

/** The filters from the address's query. */
export const filtersFrom = (params: URLSearchParams): Filters => ({
  status: params.get('status') ?? '',
  lead: params.get('lead') ?? '',
  theme: params.get('theme') ?? '',
  due: params.get('due') ?? '',
});

/** The filters chosen in the form, as the address's query (empty ones left out). */
export function queryFromForm(form: HTMLFormElement): Record<string, string> {
  const f = new FormData(form);
  const next: Record<string, string> = {};
  for (const k of ['status', 'lead', 'theme', 'due']) {
    const v = String(f.get(k) ?? '');
    if (v) next[k] = v;
  }
  return next;
}

/** The filter form; it applies on submit, so nothing moves while a person is still choosing. */
export function PlanFilters({
  noun,
  filters,
  filtering,
  leads,
  themes,
  clearHref,
  onSubmit,
}: {
  /** What the plan calls its groups ("Priority", "Theme"). */
  noun: string;
  filters: Filters;
  filtering: boolean;
  leads: Array<{ value: string; text: string }>;
  themes: ThemeRow[];
  clearHref: string;
  onSubmit: (e: FormEvent<HTMLFormElement>) => void;
}) {
  return (
    <form className="app-filters-form app-no-print" onSubmit={onSubmit} aria-labelledby="filter-heading">
      <h2 className="govuk-heading-m" id="filter-heading">
        Filter actions
      </h2>
      <div className="app-filters">
        <FilterSelect
          id="status"
          label="Status"
          value={filters.status}
          options={STATUSES.map((s: Status) => ({ value: s, text: STATUS_LABELS[s] }))}
        />
        <FilterSelect id="lead" label="Lead" value={filters.lead} options={leads} />
        <FilterSelect
          id="theme"
          label={noun}
          value={filters.theme}
          options={themes.map((t) => ({
            value: t.id,
            text: `${t.ref ? `${t.ref}. ` : ''}${t.title}`,
          }))}
        />
        <FilterSelect id="due" label="Due" value={filters.due} options={DUE_CHOICES} />
      </div>
      <div className="govuk-button-group">
        <button type="submit" className="govuk-button">
          Apply filters
        </button>
        {filtering ? (
          <Link className="govuk-link" href={clearHref}>
            Clear filters
          </Link>
        ) : null}
      </div>
    </form>
  );
}

function FilterSelect({
  id,
  label,
  value,
  options,
}: {
  id: string;
  label: string;
  value: string;
  options: Array<{ value: string; text: string }>;
}) {
  return (
    <div className="govuk-form-group">
      <label className="govuk-label" htmlFor={`filter-${id}`}>
        {label}
      </label>
      <select className="govuk-select" id={`filter-${id}`} name={id} defaultValue={value} key={value}>
        <option value="">All</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.text}
          </option>
        ))}
      </select>
    </div>
  );
}
