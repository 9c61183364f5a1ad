import type { DashboardItem } from '@peopleplan/core';
import { useState } from 'react';
import { Link } from 'wouter';
import { useFocusRevealed } from '../lib/focus.js';
import { formatDateTime, lateness } from '../lib/format.js';
import { NO_LEAD } from '../lib/labels.js';
import { ScrollTable } from './page.js';
import { TableHead } from './table-head.js';
import { RagTag, StatusTag } from './tags.js';
import { TimescaleText } from './timescale.js';

export type ItemColumn = 'plan' | 'due' | 'baseline' | 'lateness' | 'leads' | 'lastUpdate';

/** Overdue, slipping, stale and due-soon items: one table shape, columns chosen per list. */
export function ItemsTable({
  c,
  caption,
  items,
  columns,
}: {
  c: string;
  caption: string;
  items: DashboardItem[];
  columns: ItemColumn[];
}) {
  const has = (col: ItemColumn) => columns.includes(col);
  // A long list is cut to the first few: the dashboard is read in a meeting, the rest is one click away.
  const [all, setAll] = useState(items.length <= LIMIT + 2);
  const shown = all ? items : items.slice(0, LIMIT);
  const { reveal, revealed } = useFocusRevealed();
  const [showing, setShowing] = useState('');
  return (
    <>
      <ScrollTable label={caption}>
        <table className="govuk-table app-table app-cards">
          <caption className="govuk-table__caption govuk-visually-hidden">{caption}</caption>
          <TableHead
            columns={[
              'Item',
              has('plan') && 'Plan',
              has('baseline') && 'Originally due',
              has('due') && (has('baseline') ? 'Now due' : 'Due'),
              has('lateness') && 'When',
              has('lastUpdate') && 'Last update',
              has('leads') && 'Lead',
              'Status',
            ]}
          />
          <tbody className="govuk-table__body">
            {shown.map((i, n) => (
              <tr className="govuk-table__row" key={`${i.type}-${i.id}`} {...revealed(n)}>
                <td className="govuk-table__cell" data-label="Item">
                  <Link className="govuk-link" href={`/councils/${c}/actions/${i.actionId}`}>
                    {i.ref ? <span className="app-ref">{i.ref}</span> : null}
                    {i.title}
                  </Link>
                  {i.type === 'milestone' ? <span className="app-item-type">Milestone</span> : null}
                </td>
                {has('plan') ? (
                  <td className="govuk-table__cell app-cell-s" data-label="Plan">
                    {i.planTitle}
                  </td>
                ) : null}
                {has('baseline') ? (
                  <td className="govuk-table__cell app-nowrap-m" data-label="Originally due">
                    <TimescaleText value={i.baselineDue} asPlanned />
                  </td>
                ) : null}
                {has('due') ? (
                  <td
                    className="govuk-table__cell app-nowrap-m"
                    data-label={has('baseline') ? 'Now due' : 'Due'}
                  >
                    <TimescaleText value={i.due} />
                  </td>
                ) : null}
                {has('lateness') ? (
                  <td
                    className={`govuk-table__cell${(i.daysLate ?? 0) > 0 ? ' app-late' : ''}`}
                    data-label="When"
                  >
                    {lateness(i.daysLate)}
                  </td>
                ) : null}
                {has('lastUpdate') ? (
                  <td className="govuk-table__cell" data-label="Last update">
                    {i.lastUpdateAt ? formatDateTime(i.lastUpdateAt) : 'Never'}
                  </td>
                ) : null}
                {has('leads') ? (
                  <td className="govuk-table__cell app-cell-s" data-label="Lead">
                    {/* One person in two roles (strategic and operational lead) is named once. */}
                    {[...new Set(i.leads)].join(', ') || NO_LEAD}
                  </td>
                ) : null}
                <td className="govuk-table__cell app-tags" data-label="Status">
                  <StatusTag status={i.status} /> <RagTag rag={i.rag} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollTable>
      {!all ? (
        <button
          type="button"
          className="govuk-button govuk-button--secondary app-no-print"
          onClick={() => {
            reveal(LIMIT);
            setAll(true);
            setShowing(`Showing all ${items.length} ${caption.toLowerCase()}.`);
          }}
        >
          Show all {items.length}
          <span className="govuk-visually-hidden"> {caption.toLowerCase()}</span>
        </button>
      ) : null}
      {/* Says what the button did; there before it is pressed, so screen readers announce the change. */}
      <p className="govuk-visually-hidden" role="status">
        {showing}
      </p>
    </>
  );
}

const LIMIT = 10;
