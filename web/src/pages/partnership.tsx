import { Link } from 'wouter';
import { LoadError, Loading, Page, ScrollTable } from '../components/page.js';
import { ApiError, seg } from '../lib/api.js';
import { useApi } from '../lib/use-api.js';

interface CouncilRow {
  councilId: string;
  name?: string;
  total?: number;
  overdue?: number;
  slipping?: number;
  stale?: number;
}

/** The partnership's combined view (issue 7). Renders the councils' rows when the API provides them. */
export default function PartnershipPage({ p }: { p: string }) {
  const overview = useApi<{ name?: string; councils?: CouncilRow[] }>(`/partnerships/${seg(p)}/overview`);
  const unavailable = overview.error instanceof ApiError && overview.error.status === 404;
  const rows = overview.data?.councils ?? [];
  return (
    <Page
      title={overview.data?.name ?? 'Partnership'}
      caption="Partnership"
      crumbs={[{ href: '/', text: 'Your councils' }]}
    >
      {overview.loading ? <Loading /> : null}
      {unavailable ? (
        <p className="govuk-body">The combined view for this partnership is not available yet.</p>
      ) : overview.error ? (
        <LoadError error={overview.error} retry={overview.reload} />
      ) : null}
      {rows.length ? (
        <ScrollTable label="Councils in the partnership">
          <table className="govuk-table app-table">
            <caption className="govuk-table__caption govuk-table__caption--m">
              Councils sharing their plans
            </caption>
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
                    {r.name ?? r.councilId}
                  </th>
                  <td className="govuk-table__cell govuk-table__cell--numeric">{r.total ?? ''}</td>
                  <td className="govuk-table__cell govuk-table__cell--numeric">{r.overdue ?? ''}</td>
                  <td className="govuk-table__cell govuk-table__cell--numeric">{r.slipping ?? ''}</td>
                  <td className="govuk-table__cell govuk-table__cell--numeric">{r.stale ?? ''}</td>
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
