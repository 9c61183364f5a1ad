import type { ParsedPlan } from '@peopleplan/importer';
import { useMemo } from 'react';
import { previewContents, type RatingContext } from '../lib/import-plan.js';
import { ScrollTable } from './page.js';
import { groupByTheme, milestonesByAction, ThemeSections } from './plan-view.js';
import { TableHead } from './table-head.js';

/**
 * The plan as the plan page will show it once imported (the same components: themes, actions in the
 * columns of its kind, leads, deadlines as written and as dates, each rated by the council's rules),
 * and the columns kept as notes.
 */
export function ImportPlanView({ plan, rating }: { plan: ParsedPlan; rating: RatingContext | undefined }) {
  const view = useMemo(() => {
    const { themes, actions, milestones } = previewContents(plan, rating);
    return { actions, groups: groupByTheme(themes, actions), msByAction: milestonesByAction(milestones) };
  }, [plan, rating]);
  const extras = view.actions.flatMap((a) =>
    (a.extra ?? []).map((x) => ({ ref: a.ref, title: a.title, ...x })),
  );
  return (
    <section aria-labelledby="the-plan" className="app-section-break app-import-plan">
      <h2 className="govuk-heading-l" id="the-plan">
        The plan as it will be imported
      </h2>
      {view.groups.length ? (
        <ThemeSections plan={plan} groups={view.groups} msByAction={view.msByAction} actionHref={undefined} />
      ) : (
        <p className="govuk-body">No themes or actions were found.</p>
      )}
      {extras.length ? (
        <ScrollTable label="Other columns, kept on each action">
          <table className="govuk-table app-table">
            <caption className="govuk-table__caption govuk-table__caption--m">
              Other columns, kept on each action
            </caption>
            <TableHead columns={['Action', 'Column', 'As written']} />
            <tbody className="govuk-table__body">
              {extras.map((x, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: cells in document order
                <tr className="govuk-table__row" key={i}>
                  <td className="govuk-table__cell app-cell-s">
                    <span className="app-ref">{x.ref}</span> {x.title}
                  </td>
                  <td className="govuk-table__cell">{x.label}</td>
                  <td className="govuk-table__cell app-col-text">{x.text}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
      ) : null}
    </section>
  );
}
