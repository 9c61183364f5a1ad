import { londonToday } from '@peopleplan/core';
import { type FormEvent, useMemo } from 'react';
import { useSearchParams } from 'wouter';
import { LoadError, Loading, Page } from '../components/page.js';
import {
  type Filters,
  filtersFrom,
  matches,
  PlanFilters,
  queryFromForm,
} from '../components/plan-filters.js';
import { ExtraTables } from '../components/plan-tables.js';
import {
  groupByTheme,
  MilestonesSection,
  milestonesByAction,
  PlanFacts,
  PlanSections,
  ThemeSections,
  UnplacedText,
} from '../components/plan-view.js';
import { plural } from '../lib/format.js';
import { PLAN_KIND_LABELS } from '../lib/labels.js';
import { useCouncil } from '../lib/session.js';
import { useApi } from '../lib/use-api.js';

export default function PlanPage({ c, planId }: { c: string; planId: string }) {
  const { council } = useCouncil(c);
  const { data, error, loading, reload } = useApi('/api/v1/councils/{c}/plans/{planId}/contents', {
    path: { c, planId },
  });
  const [params, setParams] = useSearchParams();
  const filters = filtersFrom(params);
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
    setParams(queryFromForm(e.currentTarget));
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

          <PlanFilters
            kind={plan.kind}
            filters={filters}
            filtering={filtering}
            leads={view.leads}
            themes={view.themes}
            clearHref={`/councils/${c}/plans/${planId}`}
            onSubmit={onFilter}
          />
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
          <UnplacedText plan={plan} />
        </>
      ) : null}
    </Page>
  );
}
