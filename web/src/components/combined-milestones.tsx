import { themeNounOf } from '@peopleplan/core';
import { Link } from 'wouter';
import { plural } from '../lib/format.js';
import { NO_LEAD } from '../lib/labels.js';
import { lateWords, sharedPlanHref } from '../lib/partnerships.js';
import type { CombinedMilestone } from '../lib/responses.js';
import { ScrollTable } from './page.js';
import { TableHead } from './table-head.js';
import { RagTag, StatusTag } from './tags.js';
import { TimescaleText } from './timescale.js';

/** What the list holds: open actions and milestones past due, or moved later than first agreed. */
export const COMBINED_LIST_TITLE = 'Overdue and re-baselined actions and milestones';

/**
 * The list's count, each item counted as what it is ("Showing 22 actions and 81 milestones (99 overdue,
 * 6 re-baselined)"): an action or milestone is listed when overdue, moved later than first agreed, or
 * both, so counted in both (packages/partnerships milestones.ts).
 */
export function combinedCount(items: CombinedMilestone[], filtering: boolean): string {
  const actions = items.filter((i) => i.kind === 'action').length;
  const milestones = items.length - actions;
  const what =
    [actions ? plural(actions, 'action') : '', milestones ? plural(milestones, 'milestone') : '']
      .filter(Boolean)
      .join(' and ') || 'no overdue or re-baselined action or milestone';
  const split = items.length
    ? ` (${items.filter((m) => m.overdue).length} overdue, ${items.filter((m) => m.slipping).length} re-baselined)`
    : '';
  return `Showing ${what}${filtering ? ' matching your filters' : ''}${split}`;
}

/** The combined list's table, by due date. */
export function CombinedMilestoneTable({ p, items }: { p: string; items: CombinedMilestone[] }) {
  return (
    <ScrollTable label={COMBINED_LIST_TITLE}>
      <table className="govuk-table app-table" data-testid="milestones">
        <caption className="govuk-table__caption govuk-table__caption--m">
          {COMBINED_LIST_TITLE}, by due date
        </caption>
        <TableHead
          columns={[
            { label: 'Milestone or action', className: 'app-col-text' },
            'Council',
            { label: 'Plan and action', className: 'app-col-text' },
            'Now due',
            'Originally due',
            'Late or moved',
            'Status and RAG',
            'Lead',
          ]}
        />
        <tbody className="govuk-table__body">
          {items.map((i) => (
            <tr className="govuk-table__row" key={`${i.councilId}-${i.id}`} data-council={i.councilId}>
              <th scope="row" className="govuk-table__header app-theme-cell">
                <span className="app-item-kind">{i.kind === 'action' ? 'Action' : 'Milestone'}</span>
                {i.ref ? <span className="app-ref">{i.ref}</span> : null}
                {i.title}
              </th>
              <td className="govuk-table__cell app-cell-s">{i.councilName}</td>
              <td className="govuk-table__cell app-cell-s">
                <Link className="govuk-link" href={sharedPlanHref(p, i.councilId, i.planId)}>
                  {i.planTitle}
                </Link>
                {i.kind === 'milestone' ? (
                  <span className="app-item-type">
                    Action {i.actionRef ? `${i.actionRef}: ` : ''}
                    {i.actionTitle}
                  </span>
                ) : null}
                {i.themeTitle ? (
                  <span className="app-item-type">
                    {themeNounOf({ kind: i.planKind, themeNoun: i.themeNoun })}
                    {i.themeRef ? ` ${i.themeRef}` : ''}: {i.themeTitle}
                  </span>
                ) : null}
              </td>
              <td className="govuk-table__cell app-nowrap-m">
                <TimescaleText value={i.due} />
              </td>
              <td className="govuk-table__cell app-nowrap-m">
                <TimescaleText value={i.baselineDue} asPlanned />
              </td>
              <td className="govuk-table__cell app-cell-s">
                {lateWords(i).map((w) => (
                  <span className="app-lateness" key={w}>
                    {w}
                  </span>
                ))}
              </td>
              <td className="govuk-table__cell app-tags">
                <StatusTag status={i.status} /> <RagTag rag={i.rag} />
              </td>
              <td className="govuk-table__cell app-cell-s">{i.leads.join(', ') || NO_LEAD}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollTable>
  );
}
