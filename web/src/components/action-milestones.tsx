import { useState } from 'react';
import { useDraftKeys } from '../lib/drafts.js';
import { useFocusNext } from '../lib/focus.js';
import { formatDate } from '../lib/format.js';
import { sortMilestones } from '../lib/milestone-order.js';
import type { MilestoneRow } from '../lib/responses.js';
import type { Loaded } from '../lib/use-api.js';
import { MilestoneDueCells } from './milestone-due.js';
import { MilestoneForm } from './milestone-form.js';
import { LoadError, ScrollTable } from './page.js';
import { RagTag, StatusTag } from './tags.js';
import type { TimescaleContext } from './timescale-input.js';

/** An action's milestones: the table, and for editors a form to change one or add another. */
export function ActionMilestones({
  c,
  actionId,
  loaded,
  today,
  canEdit,
  context,
  onChanged,
}: {
  c: string;
  actionId: string;
  loaded: Pick<Loaded<{ items: MilestoneRow[] }>, 'data' | 'error' | 'reload'>;
  today: string;
  canEdit: boolean;
  context: TimescaleContext;
  onChanged: (message: string) => void;
}) {
  // By due date, then ref (2.2.M2 before 2.2.M10).
  const items = sortMilestones(loaded.data?.items ?? []);
  // A form left with unsaved text (a session that ended) opens again.
  const drafted = useDraftKeys();
  const [editing, setEditing] = useState<string | undefined>();
  // Shown only while `canEdit`, which may come true after mounting (the plan read: not archived).
  const [adding, setAdding] = useState(() => drafted(`milestone-new:${actionId}`));
  const [reopened, setReopened] = useState(false);
  const focusNext = useFocusNext();
  if (!reopened && canEdit && items.length) {
    setReopened(true);
    const m = items.find((x) => drafted(`milestone-edit:${x.id}`));
    if (m) setEditing(m.id);
  }
  const chosen = editing ? items.find((m) => m.id === editing) : undefined;
  return (
    <section className="app-section-break" aria-labelledby="milestones">
      <h2 className="govuk-heading-l" id="milestones">
        Milestones
      </h2>
      {loaded.error ? <LoadError error={loaded.error} retry={loaded.reload} /> : null}
      {loaded.data && !items.length ? <p className="govuk-body">This action has no milestones.</p> : null}
      {items.length ? (
        <MilestonesTable items={items} today={today} canEdit={canEdit} onChange={setEditing} />
      ) : null}
      {canEdit && chosen ? (
        <MilestoneForm
          c={c}
          actionId={actionId}
          milestone={chosen}
          context={context}
          onDone={(msg) => {
            setEditing(undefined);
            if (msg) onChanged(msg);
            else focusNext(`milestone-change-${chosen.id}`);
          }}
        />
      ) : null}
      {canEdit && !editing ? (
        adding ? (
          <MilestoneForm
            c={c}
            actionId={actionId}
            context={context}
            onDone={(msg) => {
              setAdding(false);
              if (msg) onChanged(msg);
              else focusNext('milestone-add');
            }}
          />
        ) : (
          <button
            type="button"
            id="milestone-add"
            className="govuk-button govuk-button--secondary"
            onClick={() => setAdding(true)}
          >
            Add a milestone
          </button>
        )
      ) : null}
    </section>
  );
}

function MilestonesTable({
  items,
  today,
  canEdit,
  onChange,
}: {
  items: MilestoneRow[];
  today: string;
  canEdit: boolean;
  onChange: (milestoneId: string) => void;
}) {
  return (
    <ScrollTable label="Milestones">
      <table className="govuk-table app-table app-cards">
        <caption className="govuk-table__caption govuk-visually-hidden">Milestones</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">
              Milestone
            </th>
            <th scope="col" className="govuk-table__header">
              Originally due
            </th>
            <th scope="col" className="govuk-table__header">
              Now due
            </th>
            <th scope="col" className="govuk-table__header">
              Moved later
            </th>
            <th scope="col" className="govuk-table__header">
              Status
            </th>
            {canEdit ? (
              <th scope="col" className="govuk-table__header">
                <span className="govuk-visually-hidden">Change</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {items.map((m) => (
            <tr className="govuk-table__row" key={m.id} id={`milestone-${m.id}`}>
              <td className="govuk-table__cell app-col-text" data-label="Milestone">
                {m.ref ? <span className="app-ref">{m.ref}</span> : null}
                {m.title}
              </td>
              <MilestoneDueCells milestone={m} today={today} />
              <td className="govuk-table__cell app-cell-s" data-label="Moved later">
                {m.rebaselines?.length ? (
                  <ul className="app-year-list">
                    {m.rebaselines.map((r) => (
                      <li key={r.at}>
                        {formatDate(r.at)}: to {r.to.text}
                        {r.reason ? ` (${r.reason})` : ''}
                      </li>
                    ))}
                  </ul>
                ) : (
                  'Never'
                )}
              </td>
              <td className="govuk-table__cell app-tags" data-label="Status">
                <StatusTag status={m.status} /> <RagTag rag={m.rag.rag} result={m.rag} />
              </td>
              {canEdit ? (
                <td className="govuk-table__cell app-no-print" data-label="">
                  <button
                    type="button"
                    id={`milestone-change-${m.id}`}
                    className="app-link-button govuk-link"
                    onClick={() => onChange(m.id)}
                  >
                    Change
                    <span className="govuk-visually-hidden">
                      {' '}
                      milestone {m.ref} {m.title}
                    </span>
                  </button>
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollTable>
  );
}
