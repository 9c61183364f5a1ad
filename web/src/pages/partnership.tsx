import { Link } from 'wouter';
import { LoadError, Loading, Page, ScrollTable } from '../components/page.js';
import { ApiError, seg } from '../lib/api.js';
import { formatDate } from '../lib/format.js';
import { useApi } from '../lib/use-api.js';

interface Counts {
  plans: number;
  actions: number;
  overdue: number;
  slipping: number;
  stale: number;
  dueSoon: number;
  travel: { improved: number; same: number; worse: number; new: number; unknown: number };
}
interface CouncilRow extends Counts {
  councilId: string;
  councilName: string;
  sharedPlans: Array<{ planId: string; title: string }>;
}
interface Overview {
  partnership: { id: string; name: string };
  today: string;
  since: string;
  dueSoonDays: number;
  councils: CouncilRow[];
  totals: Counts;
}

/** The partnership's combined view (issue 7): one row per consenting council, read-only. */
export default function PartnershipPage({ p }: { p: string }) {
  const overview = useApi<Overview>(`/partnerships/${seg(p)}/overview`);
  const unavailable = overview.error instanceof ApiError && overview.error.status === 404;
  const rows = overview.data?.councils ?? [];
  const caption = overview.data ? `${rows.length} councils sharing their plans` : '';
  return (
    <Page
      title={overview.data?.partnership.name ?? 'Partnership'}
      caption="Partnership"
      crumbs={[{ href: '/', text: 'Your councils' }]}
    >
      {overview.loading ? <Loading /> : null}
      {unavailable ? (
        <p className="govuk-body">The combined view for this partnership is not available yet.</p>
      ) : overview.error ? (
        <LoadError error={overview.error} retry={overview.reload} />
      ) : null}
      {overview.data ? (
        <p className="govuk-body app-muted">
          Figures as at {formatDate(overview.data.today)}; direction of travel since{' '}
          {formatDate(overview.data.since)}. Only councils that share their plans with the partnership appear.
        </p>
      ) : null}
      {rows.length ? (
        <ScrollTable label="Councils in the partnership">
          <table className="govuk-table app-table">
            <caption className="govuk-table__caption govuk-table__caption--m">{caption}</caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">
                  Council
                </th>
                <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                  Actions
                </th>
                <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                  Overdue
                </th>
                <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                  Re-baselined
                </th>
                <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                  Stale
                </th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {rows.map((r) => (
                <tr className="govuk-table__row" key={r.councilId}>
                  <th scope="row" className="govuk-table__header">
                    {r.councilName}
                  </th>
                  <td className="govuk-table__cell govuk-table__cell--numeric">{r.actions}</td>
                  <td className="govuk-table__cell govuk-table__cell--numeric">{r.overdue}</td>
                  <td className="govuk-table__cell govuk-table__cell--numeric">{r.slipping}</td>
                  <td className="govuk-table__cell govuk-table__cell--numeric">{r.stale}</td>
                  <td className="govuk-table__cell govuk-table__cell--numeric">{r.dueSoon}</td>
                  <td className="govuk-table__cell">
                    {r.travel.improved} better, {r.travel.worse} worse, {r.travel.same} the same
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
      ) : null}
      <p className="govuk-body">
        <Link className="govuk-link" href="/">
          Back to your councils
        </Link>
      </p>
    </Page>
  );
}
