import { isNotFound, LoadError, Loading, Page } from '../components/page.js';
import { UpdateRound } from '../components/update-round.js';
import { useCouncil } from '../lib/session.js';
import { useApi } from '../lib/use-api.js';

/** The update round over everything the signed-in person leads that is still open (issue 16). */
export default function MyRoundPage({ c }: { c: string }) {
  const { council } = useCouncil(c);
  const mine = useApi('/api/v1/councils/{c}/my-actions', { path: { c } });
  const data = mine.data;
  const open = data?.items.filter((i) => i.timeliness !== 'closed') ?? [];
  return (
    <Page
      title="Update round: your actions"
      caption={council?.name}
      crumbs={[
        { href: `/councils/${c}`, text: council?.name ?? 'Dashboard' },
        { href: `/councils/${c}/my-actions`, text: 'My actions' },
      ]}
      notFound={isNotFound(mine.error)}
    >
      {mine.error ? <LoadError error={mine.error} retry={mine.reload} /> : null}
      {mine.loading ? <Loading what="Loading your actions" /> : null}
      {data && !open.length ? <p className="govuk-body">You lead no open actions.</p> : null}
      {data && open.length ? (
        <UpdateRound
          c={c}
          scope="mine"
          items={open.map((i) => ({
            action: i.action,
            context: [i.plan.title, i.theme ? `${i.theme.ref ? `${i.theme.ref}: ` : ''}${i.theme.title}` : '']
              .filter(Boolean)
              .join(' · '),
          }))}
          periods={new Map(data.plans.map((p) => [p.id, p]))}
          backHref={`/councils/${c}/my-actions`}
          backText="Back to my actions"
          onPeriodsStale={mine.reload}
        />
      ) : null}
    </Page>
  );
}
