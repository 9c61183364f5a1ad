import { londonToday, type Status } from '@peopleplan/core';
import { type FormEvent, useMemo } from 'react';
import { Link, useSearchParams } from 'wouter';
import { LoadError, Loading, Page } from '../components/page.js';
import { ExtraTables } from '../components/plan-tables.js';
import {
  groupByTheme,
  MilestonesSection,
  milestonesByAction,
  PlanFacts,
  PlanSections,
  ThemeSections,
} from '../components/plan-view.js';
import { plural } from '../lib/format.js';
import { actionJudgement } from '../lib/judgements.js';
import { PLAN_KIND_LABELS, STATUS_LABELS, STATUSES } from '../lib/labels.js';
import { THEME_NOUN } from '../lib/plan-columns.js';
import type { ActionRow, PlanContents } from '../lib/responses.js';
import { useCouncil } from '../lib/session.js';
import { useApi } from '../lib/use-api.js';

const DUE_WINDOWS: Record<string, string> = {
  overdue: 'Overdue',
  '30': 'Due in the next 30 days',
  '90': 'Due in the next 90 days',
  nodate: 'No date',
};
const WINDOW_DAYS: Record<string, number> = { '30': 30, '90': 90 };

interface Filters {
  status: string;
  lead: string;
  theme: string;
  due: string;
}

function matches(a: ActionRow, f: Filters, plan: PlanContents['plan'], today: string): boolean {
  if (f.status && a.status !== f.status) return false;
  if (f.lead && !a.leads.some((l) => l.label === f.lead)) return false;
  if (f.theme && (a.themeId ?? 'none') !== f.theme) return false;
  if (f.due === 'nodate') return !a.due?.due;
  if (f.due) {
    // Overdue and due soon as the dashboard judges them (core's board.ts): open actions only.
    const judged = actionJudgement(a, { today, dueSoonDays: WINDOW_DAYS[f.due] ?? 0 }, plan.reviewCadence);
    return f.due === 'overdue' ? judged.overdue : judged.dueSoon;
  }
  return true;
}

export default function PlanPage({ c, planId }: { c: string; planId: string }) {
  const { council } = useCouncil(c);
  const { data, error, loading, reload } = useApi('/api/v1/councils/{c}/plans/{planId}/contents', {
    path: { c, planId },
  });
  const [params, setParams] = useSearchParams();
  const filters: Filters = {
    status: params.get('status') ?? '',
    lead: params.get('lead') ?? '',
    theme: params.get('theme') ?? '',
    due: params.get('due') ?? '',
  };
  const filtering = Object.values(filters).some(Boolean);
  const filterKey = JSON.stringify(filters);
  const today = londonToday();

  const view = useMemo(() => {
    if (!data) return undefined;
    const f = JSON.parse(filterKey) as Filters;
    const shown = data.actions.filter((a) => matches(a, f, data.plan, today));
    const leads = [...new Set(data.actions.flatMap((a) => a.leads.map((l) => l.label)))].sort((x, y) =>
      x.localeCompare(y),
    );
    const msByAction = milestonesByAction(data.milestones);
    const themes = [...data.themes].sort((x, y) => x.order - y.order);
    const groups = groupByTheme(themes, shown);
    return { shown, leads, msByAction, groups, themes };
  }, [data, filterKey, today]);

  const onFilter = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const next: Record<string, string> = {};
    for (const k of ['status', 'lead', 'theme', 'due']) {
      const v = String(f.get(k) ?? '');
      if (v) next[k] = v;
    }
    setParams(next);
  };

  const plan = data?.plan;
  const actionHref = (actionId: string) => `/councils/${c}/actions/${actionId}`;
  const crumbs = [{ href: `/councils/${c}`, text: council?.name ?? 'Dashboard' }];
  return (
    <Page
      title={plan?.title ?? 'Plan'}
      caption={
        plan ? `${PLAN_KIND_LABELS[plan.kind]}${plan.period.label ? ` ${plan.period.label}` : ''}` : undefined
      }
      crumbs={crumbs}
      wide
    >
      {error ? <LoadError error={error} retry={reload} /> : null}
      {loading ? <Loading what="Loading the plan" /> : null}
      {data && plan && view ? (
        <>
          <PlanFacts plan={plan} actions={data.actions.length} />
          <div className="govuk-button-group app-no-print">
            <button
              type="button"
              className="govuk-button govuk-button--secondary"
              onClick={() => window.print()}
            >
              Print this plan
            </button>
          </div>

          <form
            className="app-filters-form app-no-print"
            onSubmit={onFilter}
            aria-labelledby="filter-heading"
          >
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
                options={view.leads.map((l) => ({ value: l, text: l }))}
              />
              <FilterSelect
                id="theme"
                label={THEME_NOUN[plan.kind]}
                value={filters.theme}
                options={view.themes.map((t) => ({
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
                <Link className="govuk-link" href={`/councils/${c}/plans/${planId}`}>
                  Clear filters
                </Link>
              ) : null}
            </div>
          </form>
          <p className="govuk-body govuk-!-font-weight-bold" role="status">
            {filtering
              ? `Showing ${view.shown.length} of ${plural(data.actions.length, 'action')}`
              : `Showing all ${plural(data.actions.length, 'action')}`}
          </p>

          <ThemeSections
            kind={plan.kind}
            groups={view.groups}
            msByAction={view.msByAction}
            actionHref={actionHref}
            skipEmpty={filtering}
          />

          {data.milestones.length ? (
            <MilestonesSection data={data} today={today} actionHref={actionHref} />
          ) : null}
          <ExtraTables data={data} />
          <PlanSections plan={plan} />
          {plan.unplaced.length ? (
            <section aria-labelledby="unplaced">
              <h2 className="govuk-heading-m" id="unplaced">
                Text from the import not yet placed
              </h2>
              <div className="govuk-warning-text">
                <span className="govuk-warning-text__icon" aria-hidden="true">
                  !
                </span>
                <strong className="govuk-warning-text__text">
                  <span className="govuk-visually-hidden">Warning</span>
                  This text was kept from the original document but not matched to an action.
                </strong>
              </div>
              {plan.unplaced.map((u, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: static text in document order
                <p className="govuk-body app-highlight app-prose" key={i}>
                  {u}
                </p>
              ))}
            </section>
          ) : null}
        </>
      ) : null}
    </Page>
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
