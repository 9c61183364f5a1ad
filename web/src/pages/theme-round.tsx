import { isOpen, themeWordsOf } from '@peopleplan/core';
import { isNotFound, LoadError, Loading, Page } from '../components/page.js';
import { ArchivedNotice, isArchived, themeHeading } from '../components/plan-view.js';
import { UpdateRound } from '../components/update-round.js';
import { orderActions } from '../lib/plan-columns.js';
import { useCouncil } from '../lib/session.js';
import { useApi } from '../lib/use-api.js';

/**
 * An editor's update round over one theme's open actions, sub-actions after their parent (issue 16). The
 * page calls the theme what the plan calls its groups ("objective", "key priority"), as the plan page does.
 */
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
  // Until the plan is loaded its word for its groups is not known: the page is only "Update round".
  const heading = data ? themeHeading(data.plan, theme) : undefined;
  const noun = data ? themeWordsOf(data.plan).inSentence : '';
  const actions = data
    ? orderActions(data.actions.filter((a) => a.themeId === themeId && isOpen(a.status)))
    : [];
  const error = contents.error ?? periods.error;
  return (
    <Page
      title={heading ? `Update round: ${heading}` : 'Update round'}
      caption={data?.plan.title}
      crumbs={[
        { href: `/councils/${c}`, text: council?.name ?? 'Dashboard' },
        { href: `/councils/${c}/plans/${planId}`, text: data?.plan.title ?? 'Plan' },
      ]}
      notFound={isNotFound(error)}
    >
      {error ? <LoadError error={error} retry={contents.reload} /> : null}
      {contents.loading || periods.loading ? <Loading what="Loading the actions" /> : null}
      {!data || !heading ? null : !can('editor') ? (
        <p className="govuk-body">Only editors run the update round for a whole {noun}.</p>
      ) : isArchived(data.plan) ? (
        <ArchivedNotice subject={noun} />
      ) : periods.data && !theme ? (
        <p className="govuk-body">This {noun} is not part of the plan.</p>
      ) : periods.data && !actions.length ? (
        <p className="govuk-body">This {noun} has no open actions.</p>
      ) : periods.data ? (
        <UpdateRound
          c={c}
          scope={`theme:${themeId}`}
          items={actions.map((a) => ({ action: a, context: heading }))}
          periods={new Map([[planId, periods.data]])}
          backHref={`/councils/${c}/plans/${planId}`}
          backText="Back to the plan"
          onPeriodsStale={periods.reload}
        />
      ) : null}
    </Page>
  );
}
