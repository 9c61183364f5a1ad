import { Link, useSearchParams } from 'wouter';
import { CalendarFeed } from '../components/calendar-feed.js';
import { isNotFound, LoadError, Loading, Page, SavedBanner, useSaved } from '../components/page.js';
import { PeriodClose } from '../components/period-close.js';
import { PeriodSelect, PeriodState, ReportDownload } from '../components/report-download.js';
import { defaultReportPeriod } from '../lib/report-period.js';
import { useCouncil } from '../lib/session.js';
import { useApi } from '../lib/use-api.js';

/**
 * A plan's reports: choose the period and the format, download in one click or see the web page here;
 * close the period (editors), reopen it (admins, with a reason); the plan's calendar feed.
 */
export default function ReportsPage({ c, planId }: { c: string; planId: string }) {
  const { council, can, role } = useCouncil(c);
  const plan = useApi('/api/v1/councils/{c}/plans/{planId}', { path: { c, planId } });
  const periods = useApi('/api/v1/councils/{c}/plans/{planId}/report-periods', { path: { c, planId } });
  // The plan's own reporting points, and the one updates are being gathered for.
  const points = useApi('/api/v1/councils/{c}/plans/{planId}/reporting-periods', { path: { c, planId } });
  const [params, setParams] = useSearchParams();
  const [saved, setSaved] = useSaved();
  const items = periods.data?.items ?? [];
  const asked = items.find((p) => p.key === params.get('period'));
  // Without a period asked for, the default waits for the reporting points (else it would change under
  // the person once they came); if they cannot be read, today's rule stands.
  const chosen = asked ?? (points.loading ? undefined : defaultReportPeriod(items, points.data));
  const owner = !!council?.personId && plan.data?.ownerPersonId === council.personId;
  const title = plan.data?.title ?? 'Plan';

  return (
    <Page
      title={`Reports – ${title}`}
      heading="Reports"
      caption={title}
      crumbs={[
        { href: `/councils/${c}`, text: council?.name ?? 'Dashboard' },
        { href: `/councils/${c}/plans/${planId}`, text: title },
      ]}
      notFound={isNotFound(plan.error, periods.error)}
    >
      <SavedBanner saved={saved} />
      {plan.error ? <LoadError error={plan.error} retry={plan.reload} /> : null}
      {periods.error ? <LoadError error={periods.error} retry={periods.reload} /> : null}
      {periods.loading || (periods.data && !asked && points.loading) ? (
        <Loading what="Loading the reporting periods" />
      ) : null}
      {periods.data && !points.loading && !chosen ? (
        <p className="govuk-body">This plan’s period has not started yet: there is nothing to report.</p>
      ) : null}
      {chosen ? (
        <>
          <PeriodSelect
            periods={items}
            value={chosen.key}
            onChange={(period) => {
              setSaved(undefined);
              setParams({ period });
            }}
          />
          <PeriodState period={chosen} />
          <ReportDownload c={c} planId={planId} period={chosen.key} />
          <p className="govuk-body">
            <Link className="govuk-link" href={`/councils/${c}/plans/${planId}/trends`}>
              See trends over the closed periods
            </Link>
          </p>
          {can('editor') ? (
            <PeriodClose
              key={`${chosen.key}-${chosen.closed}`}
              c={c}
              planId={planId}
              period={chosen}
              isAdmin={role === 'admin'}
              onChanged={(m) => {
                setSaved(m);
                periods.reload();
              }}
            />
          ) : null}
        </>
      ) : null}
      {can('editor') || (can('contributor') && owner) ? (
        <section className="app-section-break" aria-labelledby="plan-feed">
          <h2 className="govuk-heading-m" id="plan-feed">
            Calendar feed of this plan’s milestones
          </h2>
          <CalendarFeed c={c} scope="plan" subjectId={planId} what="every milestone of this plan" />
        </section>
      ) : null}
    </Page>
  );
}
