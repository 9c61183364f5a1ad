import { useState } from 'react';
import type { HistoryNames } from '../lib/history-words.js';
import type { MilestoneRow } from '../lib/responses.js';
import { ChangeHistory } from './change-history.js';

/** One milestone's changes, read only when opened. */
function MilestoneChanges({ c, m, saves }: { c: string; m: MilestoneRow; saves: number }) {
  const [open, setOpen] = useState(false);
  const name = `${m.ref ? `${m.ref} ` : ''}${m.title}`;
  return (
    <details className="govuk-details" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary className="govuk-details__summary">
        <span className="govuk-details__summary-text">Changes to milestone {name}</span>
      </summary>
      <div className="govuk-details__text">
        {open ? (
          <ChangeHistory
            key={saves}
            path="/api/v1/councils/{c}/milestones/{milestoneId}/history"
            params={{ c, milestoneId: m.id }}
            label={`Changes to milestone ${name}, newest first`}
          />
        ) : null}
      </div>
    </details>
  );
}

/**
 * An action's changes (its progress updates among them), newest first and paged, and each of its
 * milestones' changes behind a "details" of its own. `saves` counts the page's saves: each reads again.
 */
export function ActionChanges({
  c,
  actionId,
  milestones,
  saves,
  names,
}: {
  c: string;
  actionId: string;
  milestones: MilestoneRow[];
  saves: number;
  /** The plan's word for its groups and their names: a move between groups in the plan's words. */
  names?: HistoryNames | undefined;
}) {
  return (
    <section className="app-section-break app-no-print" aria-labelledby="action-changes">
      <h2 className="govuk-heading-l" id="action-changes">
        Changes to this action
      </h2>
      <ChangeHistory
        key={saves}
        path="/api/v1/councils/{c}/actions/{actionId}/history"
        params={{ c, actionId }}
        label="Changes to this action, newest first"
        names={names}
      />
      {milestones.map((m) => (
        <MilestoneChanges key={m.id} c={c} m={m} saves={saves} />
      ))}
    </section>
  );
}
