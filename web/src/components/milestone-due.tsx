import { milestoneSlipping } from '../lib/judgements.js';
import type { MilestoneRow } from '../lib/responses.js';
import { TimescaleText } from './timescale.js';

/** A milestone's two due cells: first agreed, and now, tagged when it has slipped. */
export function MilestoneDueCells({ milestone: m, today }: { milestone: MilestoneRow; today: string }) {
  return (
    <>
      <td className="govuk-table__cell app-nowrap-m" data-label="Originally due">
        <TimescaleText value={m.baselineDue} asPlanned />
      </td>
      <td className="govuk-table__cell app-nowrap-m" data-label="Now due">
        <TimescaleText value={m.due} />
        {milestoneSlipping(m, today) ? (
          <strong className="govuk-tag govuk-tag--yellow app-tag">Re-baselined</strong>
        ) : null}
      </td>
    </>
  );
}
