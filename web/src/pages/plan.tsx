import { londonToday, themeNounOf, themeWordsOf } from '@peopleplan/core';
import { type FormEvent, useEffect, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'wouter';
import { ActionAddedNote, ActionAddForm, type AddedAction, ThemeTools } from '../components/action-add.js';
import { removedMessage } from '../components/action-remove.js';
import { ChangeHistory } from '../components/change-history.js';
import { isNotFound, LoadError, Loading, Page, SavedBanner, useSaved } from '../components/page.js';
import {
  type Filters,
  filtersFrom,
  leadChoices,
  matches,
  PlanFilters,
  queryFromForm,
} from '../components/plan-filters.js';
import { PlanDetailsEditor, PlanStatusControl } from '../components/plan-manage.js';
import { ExtraTables } from '../components/plan-tables.js';
import { PlanTravel } from '../components/plan-travel.js';
import {
  ArchivedNotice,
  groupByTheme,
  isArchived,
  MilestonesSection,
  milestonesByAction,
  PlanFacts,
  PlanSections,
  ThemeSections,
  themeHeading,
  UnplacedText,
} from '../components/plan-view.js';
import { ThemesEditor } from '../components/theme-editor.js';
import { planDeadlineContext, type TimescaleContext } from '../components/timescale-input.js';
import { useHasDraft } from '../lib/drafts.js';
import { useFocusNext } from '../lib/focus.js';
import { plural } from '../lib/format.js';
import { PLAN_KIND_LABELS } from '../lib/labels.js';
import { useCouncil } from '../lib/session.js';
import { useApi } from '../lib/use-api.js';

export default function PlanPage({ c, planId }: { c: string; planId: string }) {
  const { council, can } = useCouncil(c);
  // Who the plan's owner is in the directory, when they were chosen from it (PlanFacts).
  const people = useApi('/api/v1/councils/{c}/people', { path: { c } });
  const { data, error, loading, reload } = useApi('/api/v1/councils/{c}/plans/{planId}/contents', {
    path: { c, planId },
  });
  const [params, setParams] = useSearchParams();
  const [saved, setSaved] = useSaved(params.get('created') ? 'Plan created' : undefined);
  // An action just removed on its own page: said here, once. Set after the page's heading has taken
  // focus (Page), so that the banner takes it from there; forgotten, so a reload does not say it again.
  useEffect(() => {
    const removed = removedMessage(history.state);
    if (!removed) return;
    setSaved(removed);
    history.replaceState(null, '', window.location.href);
  }, [setSaved]);
  // An action added is said beside its table, not at the top (a long plan would lose the person's place).
  const [added, setAdded] = useState<AddedAction | undefined>();
  const filters = filtersFrom(params);
  const filtering = Object.values(filters).some(Boolean);
  const filterKey = JSON.stringify(filters);
  const today = londonToday();
  const archived = isArchived(data?.plan);
  const editor = can('editor') && !archived;

  const view = useMemo(() => {
    if (!data) return undefined;
    const f = JSON.parse(filterKey) as Filters;
    const msByAction = milestonesByAction(data.milestones);
    const shown = data.actions.filter((a) => matches(a, f, data.plan, today, msByAction.get(a.id) ?? []));
    const leads = leadChoices(data.actions);
    const themes = [...data.themes].sort((x, y) => x.order - y.order);
    const groups = groupByTheme(themes, shown);
    return { shown, leads, msByAction, groups, themes };
  }, [data, filterKey, today]);

  const onFilter = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setParams(queryFromForm(e.currentTarget));
  };
  // Each save reads the plan's history again.
  const [saves, setSaves] = useState(0);
  const changed = (message?: string, next?: (x: AddedAction | undefined) => AddedAction) => {
    setSaved(message);
    setAdded(next ?? undefined);
    setSaves((n) => n + 1);
    reload();
  };
  const addedTo = (where: string) => (action: AddedAction['action']) =>
    changed(undefined, (x) => ({ n: (x?.n ?? 0) + 1, where, action }));

  const plan = data?.plan;
  const context = planDeadlineContext(plan);
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
      notFound={isNotFound(error)}
    >
      <SavedBanner saved={saved} />
      {error ? <LoadError error={error} retry={reload} /> : null}
      {loading && !data ? <Loading what="Loading the plan" /> : null}
      {data && plan && view ? (
        <>
          {archived ? <ArchivedNotice subject="plan" /> : null}
          <PlanFacts
            plan={plan}
            actions={data.actions.length}
            ownerName={people.data?.items.find((p) => p.id === plan.ownerPersonId)?.name}
          />
          <PlanTravel key={saves} c={c} planId={plan.id} />
          <div className="govuk-button-group app-no-print">
            <button
              type="button"
              className="govuk-button govuk-button--secondary"
              onClick={() => window.print()}
            >
              Print this plan
            </button>
            {editor ? <PlanDetailsEditor key={plan.version} c={c} plan={plan} onSaved={changed} /> : null}
          </div>
          <ul className="govuk-list app-plan-links app-no-print">
            <li>
              <Link className="govuk-link" href={`/councils/${c}/plans/${planId}/reports`}>
                Reports{editor ? ' and closing a reporting period' : ''}
              </Link>
            </li>
            <li>
              <Link className="govuk-link" href={`/councils/${c}/plans/${planId}/trends`}>
                Trends over time
              </Link>
            </li>
            <li>
              <a className="govuk-link" href="#plan-changes">
                Changes to this plan
              </a>
            </li>
          </ul>
          {editor ? (
            <PlanStatusControl
              key={plan.status}
              c={c}
              plan={plan}
              isAdmin={can('admin')}
              onChanged={changed}
            />
          ) : null}
          {editor ? (
            <ThemesEditor c={c} plan={plan} themes={view.themes} actions={data.actions} onChanged={changed} />
          ) : null}
          {editor && !view.themes.length ? (
            <PlanLevelAdd
              c={c}
              planId={plan.id}
              context={context}
              added={added?.where === '' ? added : undefined}
              onAdded={addedTo('')}
              onChanged={changed}
            />
          ) : null}

          <PlanFilters
            noun={themeNounOf(plan)}
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
            plan={plan}
            groups={view.groups}
            msByAction={view.msByAction}
            actionHref={actionHref}
            skipEmpty={filtering}
            tools={
              editor
                ? (theme, actions) => (
                    <ThemeTools
                      c={c}
                      plan={plan}
                      theme={theme}
                      actions={actions}
                      context={context}
                      added={added?.where === theme.id ? added : undefined}
                      onAdded={addedTo(theme.id)}
                      onChanged={changed}
                    />
                  )
                : undefined
            }
          />

          {data.milestones.length ? (
            <MilestonesSection data={data} today={today} actionHref={actionHref} />
          ) : null}
          <ExtraTables data={data} edit={editor ? { c, planId, context, onChanged: changed } : undefined} />
          <PlanSections plan={plan} />
          <UnplacedText plan={plan} />
          <section className="app-section-break app-no-print" aria-labelledby="plan-changes">
            <h2 className="govuk-heading-l" id="plan-changes">
              Changes to this plan
            </h2>
            <ChangeHistory
              key={saves}
              path="/api/v1/councils/{c}/plans/{planId}/history"
              params={{ c, planId }}
              label="Changes to this plan, newest first"
              names={{
                themeWords: () => themeWordsOf(plan),
                themeHeading: (id) => {
                  const t = view.themes.find((x) => x.id === id);
                  return t ? themeHeading(plan, t) : undefined;
                },
              }}
            />
          </section>
        </>
      ) : null}
    </Page>
  );
}

/** A plan with no themes yet: actions can still be added straight to it. */
function PlanLevelAdd({
  c,
  planId,
  context,
  added,
  onAdded,
  onChanged,
}: {
  c: string;
  planId: string;
  context: TimescaleContext;
  added: AddedAction | undefined;
  onAdded: (action: AddedAction['action']) => void;
  onChanged: (message?: string) => void;
}) {
  const [adding, setAdding] = useState(useHasDraft(`action-new:${planId}::`));
  const focusNext = useFocusNext();
  return adding ? (
    <ActionAddForm
      c={c}
      planId={planId}
      context={context}
      heading="Add an action"
      onDone={(_, created) => {
        setAdding(false);
        if (created) onAdded(created);
        else {
          focusNext('add-action');
          onChanged();
        }
      }}
    />
  ) : (
    <>
      {added ? <ActionAddedNote key={added.n} c={c} added={added} /> : null}
      <button
        id="add-action"
        type="button"
        className="govuk-button govuk-button--secondary app-no-print"
        onClick={() => setAdding(true)}
      >
        Add an action
      </button>
    </>
  );
}
