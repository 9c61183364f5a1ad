import type { Status } from '@peopleplan/core';
import type { FormEvent } from 'react';
import { Link } from 'wouter';
import { actionJudgement } from '../lib/judgements.js';
import { STATUS_LABELS, STATUSES } from '../lib/labels.js';
import type { ActionRow, PlanContents, ThemeRow } from '../lib/responses.js';

/*
 * The plan page's filters, kept in the address so that a filtered plan can be bookmarked and shared.
 */
const DUE_WINDOWS: Record<string, string> = {
  overdue: 'Overdue',
  '30': 'Due in the next 30 days',
  '90': 'Due in the next 90 days',
  nodate: 'No date',
};
const WINDOW_DAYS: Record<string, number> = { '30': 30, '90': 90 };

export interface Filters {
  status: string;
  lead: string;
  theme: string;
  due: string;
}

/** Whether an action passes the filters. */
export function matches(a: ActionRow, f: Filters, plan: PlanContents['plan'], today: string): boolean {
  if (f.status && a.status !== f.status) return false;
  if (f.lead && !a.leads.some((l) => l.label === f.lead)) return false;
  if (f.theme && (a.themeId ?? 'none') !== f.theme) return false;
  if (f.due === 'nodate') return !a.due?.due;
  if (f.due) {
    // Overdue and due soon as the dashboard judges them (core's board.ts): open actions only.
    const judged = actionJudgement(a, { today, dueSoonDays: WINDOW_DAYS[f.due] ?? 0 }, plan);
    return f.due === 'overdue' ? judged.overdue : judged.dueSoon;
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
  leads: string[];
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
        <FilterSelect
          id="lead"
          label="Lead"
          value={filters.lead}
          options={leads.map((l) => ({ value: l, text: l }))}
        />
        <FilterSelect
          id="theme"
          label={noun}
          value={filters.theme}
          options={themes.map((t) => ({
            value: t.id,
            text: `${t.ref ? `${t.ref}. ` : ''}${t.title}`,
          }))}
        />
        <FilterSelect
          id="due"
          label="Due"
          value={filters.due}
          options={Object.entries(DUE_WINDOWS).map(([value, text]) => ({ value, text }))}
        />
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
