import { formatDateTime } from '../lib/format.js';
import { auditWords } from '../lib/labels.js';
import { useApi } from '../lib/use-api.js';
import { ScrollTable } from './page.js';

/** The council's last twenty changes, newest first. */
export function AuditLog({ c }: { c: string }) {
  const audit = useApi('/api/v1/councils/{c}/audit', { path: { c }, query: { limit: 20 } });
  if (!audit.data?.items.length) return null;
  return (
    <section className="app-section-break" aria-labelledby="audit">
      <h2 className="govuk-heading-m" id="audit">
        Recent changes
      </h2>
      <ScrollTable label="Recent changes">
        <table className="govuk-table app-table">
          <caption className="govuk-table__caption govuk-visually-hidden">
            Recent changes, newest first
          </caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">
                When
              </th>
              <th scope="col" className="govuk-table__header">
                Who
              </th>
              <th scope="col" className="govuk-table__header">
                What
              </th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {audit.data.items.map((e) => (
              <tr className="govuk-table__row" key={e.id}>
                <td className="govuk-table__cell">{formatDateTime(e.at)}</td>
                <td className="govuk-table__cell">{e.actorName ?? e.actorSub}</td>
                <td className="govuk-table__cell">{auditWords(e.operation, e.entityType)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollTable>
    </section>
  );
}
