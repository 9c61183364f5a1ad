import { isOpen } from '@peopleplan/core';
import { LoadError, Loading, Page } from '../components/page.js';
import { ArchivedNotice, isArchived, themeHeading } from '../components/plan-view.js';
import { UpdateRound } from '../components/update-round.js';
import { orderActions } from '../lib/plan-columns.js';
import { useCouncil } from '../lib/session.js';
import { useApi } from '../lib/use-api.js';

/** An editor's update round over one theme's open actions, sub-actions after their parent (issue 16). */
export default function ThemeRoundPage({
  c,
  planId,
  themeId,
}: {
  c: string;
  planId: string;
  themeId: string;
}) {
  const { council, can } = useCouncil(c);
  const path = { c, planId };
  const contents = useApi('/api/v1/councils/{c}/plans/{planId}/contents', { path });
  const periods = useApi('/api/v1/councils/{c}/plans/{planId}/reporting-periods', { path });
  const data = contents.data;
  const theme = data?.themes.find((t) => t.id === themeId);
  const heading = data ? themeHeading(data.plan, theme) : 'Theme';
  const actions = data
    ? orderActions(data.actions.filter((a) => a.themeId === themeId && isOpen(a.status)))
    : [];
  const error = contents.error ?? periods.error;
  return (
    <Page
      title={`Update round: ${heading}`}
      caption={data?.plan.title}
      crumbs={[
        { href: `/councils/${c}`, text: council?.name ?? 'Dashboard' },
        { href: `/councils/${c}/plans/${planId}`, text: data?.plan.title ?? 'Plan' },
      ]}
    >
      {error ? <LoadError error={error} retry={contents.reload} /> : null}
      {contents.loading || periods.loading ? <Loading what="Loading the theme" /> : null}
      {!can('editor') ? (
        <p className="govuk-body">Only editors run the update round for a whole theme.</p>
      ) : isArchived(data?.plan) ? (
        <ArchivedNotice subject="theme" />
      ) : data && periods.data && !theme ? (
        <p className="govuk-body">This theme is not part of the plan.</p>
      ) : data && periods.data && !actions.length ? (
        <p className="govuk-body">This theme has no open actions.</p>
      ) : data && periods.data ? (
        <UpdateRound
          c={c}
          scope={`theme:${themeId}`}
          items={actions.map((a) => ({ action: a, context: heading }))}
          periods={new Map([[planId, periods.data]])}
          backHref={`/councils/${c}/plans/${planId}`}
          backText="Back to the plan"
        />
      ) : null}
    </Page>
  );
}
