import { londonToday } from '@peopleplan/core';
import { useMemo } from 'react';
import { Link } from 'wouter';
import { type Crumb, isNotFound, LoadError, Loading, Page } from '../components/page.js';
import { usePartnershipCrumbs } from '../components/partnership-page.js';
import { ExtraTables } from '../components/plan-tables.js';
import {
  groupByTheme,
  MilestonesSection,
  milestonesByAction,
  PlanFacts,
  PlanSections,
  ThemeSections,
} from '../components/plan-view.js';
import { PLAN_KIND_LABELS } from '../lib/labels.js';
import { partnershipHref } from '../lib/partnerships.js';
import { useSession } from '../lib/session.js';
import { useApi } from '../lib/use-api.js';

/**
 * One council's shared plan, read-only, for the partnership's readers (issue 7): the plan's facts, its
 * themes and actions in the columns the council wrote them in, milestones, and the plan's other tables.
 * There is nothing to edit here and no link into the council's own pages.
 */
export default function PartnershipPlanPage({ p, c, planId }: { p: string; c: string; planId: string }) {
  const { data, error, loading, reload } = useApi('/api/v1/partnerships/{p}/councils/{c}/plans/{planId}', {
    path: { p, c, planId },
  });
  const crumbs = usePartnershipCrumbs(p, data?.partnership.name);
  const today = londonToday();
  const view = useMemo(() => {
    if (!data) return undefined;
    return {
      groups: groupByTheme(data.themes, data.actions),
      msByAction: milestonesByAction(data.milestones),
    };
  }, [data]);
  const { me } = useSession();
  const reader = me?.partnerships.find((x) => x.id === p);
  // To a reader of the partnership, a plan it cannot see is one its council does not (or no longer)
  // share: said so, with the way back to what is shared, not as a page that does not exist.
  if (reader && isNotFound(error)) return <NotShared p={p} name={reader.name} crumbs={crumbs} />;
  const plan = data?.plan;
  return (
    <Page
      title={plan ? `${plan.title} – ${data.council.name}` : 'Shared plan'}
      place={data?.partnership.name}
      heading={plan?.title ?? 'Shared plan'}
      caption={
        plan
          ? `${data.council.name} · ${PLAN_KIND_LABELS[plan.kind]}${plan.period.label ? ` ${plan.period.label}` : ''}`
          : undefined
      }
      crumbs={crumbs}
      wide
      notFound={isNotFound(error)}
    >
      {error ? <LoadError error={error} retry={reload} /> : null}
      {loading ? <Loading what="Loading the plan" /> : null}
      {data && plan && view ? (
        <>
          <div className="govuk-inset-text">
            {data.council.name} shares this plan with {data.partnership.name}. You are reading it as the
            council keeps it today; only the council can change it.
          </div>
          <PlanFacts plan={plan} actions={data.actions.length} />
          <ThemeSections
            plan={plan}
            groups={view.groups}
            msByAction={view.msByAction}
            actionHref={undefined}
          />
          {data.milestones.length ? (
            <MilestonesSection data={data} today={today} actionHref={undefined} />
          ) : null}
          <ExtraTables data={data} />
          <PlanSections plan={plan} />
        </>
      ) : null}
    </Page>
  );
}

function NotShared({ p, name, crumbs }: { p: string; name: string; crumbs: Crumb[] }) {
  return (
    <Page title="Plan not shared with the partnership" place={name} crumbs={crumbs}>
      <p className="govuk-body" data-not-shared>
        This plan is not shared with {name}: its council does not share it, or has stopped sharing it. Each
        council chooses which of its plans the partnership sees, and can stop at any time.
      </p>
      <p className="govuk-body">
        <Link className="govuk-link" href={partnershipHref(p)}>
          Go to the partnership overview
        </Link>{' '}
        to see the plans shared now.
      </p>
    </Page>
  );
}
