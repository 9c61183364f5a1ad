import { useState } from 'react';
import { Link } from 'wouter';
import { CalendarFeed } from '../components/calendar-feed.js';
import { LoadError, Loading, Page, SavedBanner, ScrollTable, useSaved } from '../components/page.js';
import { TableHead } from '../components/table-head.js';
import { api } from '../lib/api.js';
import { formatDateTime } from '../lib/format.js';
import type { MyCalendarFeed } from '../lib/responses.js';
import { useCouncil } from '../lib/session.js';
import { useApi } from '../lib/use-api.js';

/** One's calendar feeds: a feed of the milestones one leads, and the list of feeds one made, to stop. */
export default function MyFeedsPage({ c }: { c: string }) {
  const { council, can } = useCouncil(c);
  const feeds = useApi('/api/v1/councils/{c}/calendar-feeds', can('contributor') ? { path: { c } } : null);
  const [stopped, setStopped] = useSaved();
  const [error, setError] = useState<Error | undefined>();
  const name = council?.name ?? c;
  const crumbs = [{ href: `/councils/${c}`, text: name }];

  const stop = async (f: MyCalendarFeed) => {
    setError(undefined);
    try {
      if (f.scope === 'plan')
        await api.del('/api/v1/councils/{c}/plans/{planId}/calendar-feed', {
          params: { path: { c, planId: f.subjectId } },
        });
      else
        await api.del('/api/v1/councils/{c}/people/{personId}/calendar-feed', {
          params: { path: { c, personId: f.subjectId } },
        });
      setStopped(`The feed of ${describe(f)} is stopped: its address no longer works.`);
      feeds.reload();
    } catch (e) {
      setError(e as Error);
    }
  };
  return (
    <Page title="Your calendar feeds" caption={name} crumbs={crumbs}>
      <SavedBanner saved={stopped} />
      {!can('contributor') ? (
        <p className="govuk-body">Calendar feeds are for contributors, editors and administrators.</p>
      ) : null}
      {council?.personId ? (
        <section aria-labelledby="own-feed">
          <h2 className="govuk-heading-m" id="own-feed">
            The milestones you lead
          </h2>
          <CalendarFeed
            key={stopped?.n ?? 0}
            c={c}
            scope="person"
            subjectId={council.personId}
            what="the milestones of the actions you lead"
          />
        </section>
      ) : null}
      <h2 className="govuk-heading-m">Feeds you have made</h2>
      {feeds.error ? <LoadError error={feeds.error} retry={feeds.reload} /> : null}
      {error ? <LoadError error={error} /> : null}
      {feeds.loading ? <Loading what="Loading your feeds" /> : null}
      {feeds.data && !feeds.data.items.length ? (
        <p className="govuk-body">
          You have no calendar feeds. Make one for a plan from its reports page, or for a person from their
          page.
        </p>
      ) : null}
      {feeds.data?.items.length ? (
        <ScrollTable label="Your calendar feeds">
          <table className="govuk-table app-table" data-testid="my-feeds">
            <caption className="govuk-table__caption govuk-visually-hidden">Your calendar feeds</caption>
            <TableHead columns={['Feed of', 'Made', { label: 'Stop', hidden: true }]} />
            <tbody className="govuk-table__body">
              {feeds.data.items.map((f) => (
                <tr className="govuk-table__row" key={`${f.scope}-${f.subjectId}`}>
                  <td className="govuk-table__cell">
                    <Link className="govuk-link" href={manageHref(c, f)}>
                      {describe(f)}
                    </Link>
                  </td>
                  <td className="govuk-table__cell">
                    {formatDateTime(f.createdAt)} by {f.createdBy}
                  </td>
                  <td className="govuk-table__cell">
                    <button
                      type="button"
                      className="govuk-button govuk-button--warning govuk-!-margin-bottom-0"
                      onClick={() => stop(f)}
                    >
                      Stop<span className="govuk-visually-hidden"> the feed of {describe(f)}</span>
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
      ) : null}
    </Page>
  );
}

const describe = (f: MyCalendarFeed) =>
  f.scope === 'plan' ? `every milestone of ${f.subjectName}` : `the milestones ${f.subjectName} leads`;
const manageHref = (c: string, f: MyCalendarFeed) =>
  f.scope === 'plan'
    ? `/councils/${c}/plans/${f.subjectId}/reports#plan-feed`
    : `/councils/${c}/people/${f.subjectId}`;
