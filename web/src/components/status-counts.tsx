import type { PlanSummary, Status, ThemeWords } from '@peopleplan/core';
import { Link } from 'wouter';
import { STATUS_LABELS, STATUSES } from '../lib/labels.js';
import { ScrollTable } from './page.js';
import { TableHead } from './table-head.js';

/**
 * A plan's actions by status and group, as the dashboard shows them. Each count above nought opens the
 * plan filtered to those actions (its filters are in the address: `?status=…&theme=…`, `none` for
 * actions under no group), its link saying what it lists, not only the number (WCAG 2.4.4).
 */
export function StatusCounts({ c, plan, words }: { c: string; plan: PlanSummary; words: ThemeWords }) {
  // Only the statuses this plan uses, so the table stays readable on a phone and a projector.
  const statuses = STATUSES.filter((s: Status) => plan.byStatus[s] > 0);
  const count = (n: number, filter: { status?: Status; theme?: string }, what: string) => {
    if (!n) return n;
    const query = new URLSearchParams(filter as Record<string, string>).toString();
    return (
      <Link className="govuk-link" href={`/councils/${c}/plans/${plan.planId}${query ? `?${query}` : ''}`}>
        {n}
        <span className="govuk-visually-hidden"> {what}</span>
      </Link>
    );
  };
  const actions = (n: number, s?: Status) =>
    `${s ? `${STATUS_LABELS[s].toLowerCase()} ` : ''}${n === 1 ? 'action' : 'actions'}`;
  return (
    <ScrollTable label={`${plan.title}: actions by status and ${words.inSentence}`}>
      <table className="govuk-table app-table app-count-table">
        <caption className="govuk-table__caption govuk-table__caption--s">Actions by status</caption>
        <TableHead
          columns={[
            words.noun,
            ...statuses.map((s) => ({ label: STATUS_LABELS[s], numeric: true })),
            { label: 'Total', numeric: true },
          ]}
        />
        <tbody className="govuk-table__body">
          {plan.themes
            .filter((t) => t.total > 0)
            .map((t) => {
              const theme = t.themeId ?? 'none';
              // Actions under no group of the plan's (the summary calls them "No theme").
              const name =
                t.themeId === null ? `No ${words.inSentence}` : `${t.ref ? `${t.ref}. ` : ''}${t.title}`;
              const where = t.themeId === null ? `under no ${words.inSentence}` : `in ${name}`;
              return (
                <tr className="govuk-table__row" key={theme}>
                  <th scope="row" className="govuk-table__header app-theme-cell">
                    {name}
                  </th>
                  {statuses.map((s) => (
                    <td className="govuk-table__cell govuk-table__cell--numeric" key={s}>
                      {count(t.byStatus[s], { status: s, theme }, `${actions(t.byStatus[s], s)} ${where}`)}
                    </td>
                  ))}
                  <td className="govuk-table__cell govuk-table__cell--numeric">
                    {count(t.total, { theme }, `${actions(t.total)} ${where}`)}
                  </td>
                </tr>
              );
            })}
          <tr className="govuk-table__row app-total-row">
            <th scope="row" className="govuk-table__header">
              All {words.pluralInSentence}
            </th>
            {statuses.map((s) => (
              <td className="govuk-table__cell govuk-table__cell--numeric" key={s}>
                {count(plan.byStatus[s], { status: s }, `${actions(plan.byStatus[s], s)} in the plan`)}
              </td>
            ))}
            <td className="govuk-table__cell govuk-table__cell--numeric">
              {count(plan.total, {}, `${actions(plan.total)} in the plan`)}
            </td>
          </tr>
        </tbody>
      </table>
    </ScrollTable>
  );
}
