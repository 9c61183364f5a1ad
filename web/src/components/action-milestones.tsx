import { useState } from 'react';
import { useDraftKeys } from '../lib/drafts.js';
import { useFocusNext } from '../lib/focus.js';
import { formatDate } from '../lib/format.js';
import { sortMilestones } from '../lib/milestone-order.js';
import type { MilestoneRow } from '../lib/responses.js';
import type { Loaded } from '../lib/use-api.js';
import { MilestoneDoneForm } from './milestone-done-form.js';
import { MilestoneDueCells } from './milestone-due.js';
import { MilestoneForm } from './milestone-form.js';
import { LoadError, ScrollTable } from './page.js';
import { TableHead } from './table-head.js';
import { ClosedWithAction, RagTag, StatusTag } from './tags.js';
import type { TimescaleContext } from './timescale-input.js';

/**
 * An action's milestones: the table, and for editors a form to change one or add another; the action's
 * lead (a contributor) may mark one done.
 */
export function ActionMilestones({
  c,
  actionId,
  loaded,
  today,
  canEdit,
  canReport = false,
  context,
  onChanged,
}: {
  c: string;
  actionId: string;
  loaded: Pick<Loaded<{ items: MilestoneRow[] }>, 'data' | 'error' | 'reload'>;
  today: string;
  canEdit: boolean;
  /** May report on the action (its lead): marks its milestones done. */
  canReport?: boolean;
  context: TimescaleContext;
  onChanged: (message: string) => void;
}) {
  const [completing, setCompleting] = useState<string | undefined>();
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
        <MilestonesTable
          items={items}
          today={today}
          canEdit={canEdit}
          onChange={setEditing}
          onComplete={!canEdit && canReport ? setCompleting : undefined}
        />
      ) : null}
      {!canEdit && canReport && completing
        ? (() => {
            const m = items.find((x) => x.id === completing);
            return m ? (
              <MilestoneDoneForm
                c={c}
                milestone={m}
                onDone={(msg) => {
                  setCompleting(undefined);
                  if (msg) onChanged(msg);
                  else focusNext(`milestone-done-${m.id}`);
                }}
              />
            ) : null;
          })()
        : null}
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
  onComplete,
}: {
  items: MilestoneRow[];
  today: string;
  canEdit: boolean;
  onChange: (milestoneId: string) => void;
  /** Offered to the action's lead on each milestone not yet done. */
  onComplete?: ((milestoneId: string) => void) | undefined;
}) {
  const actions = canEdit || !!onComplete;
  return (
    <ScrollTable label="Milestones">
      <table className="govuk-table app-table app-cards">
        <caption className="govuk-table__caption govuk-visually-hidden">Milestones</caption>
        <TableHead
          columns={[
            'Milestone',
            'Originally due',
            'Now due',
            'Moved later',
            'Status',
            actions ? { label: canEdit ? 'Change' : 'Mark as done', hidden: true } : null,
          ]}
        />
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
                {m.completedOn ? <span className="govuk-body-s"> on {formatDate(m.completedOn)}</span> : null}
                <ClosedWithAction milestone={m} />
              </td>
              {canEdit ? (
                <td className="govuk-table__cell app-no-print" data-label="">
                  <RowButton
                    id={`milestone-change-${m.id}`}
                    text="Change"
                    m={m}
                    onClick={() => onChange(m.id)}
                  />
                </td>
              ) : onComplete ? (
                <td className="govuk-table__cell app-no-print" data-label="">
                  {m.status === 'completed' ? null : (
                    <RowButton
                      id={`milestone-done-${m.id}`}
                      text="Mark as done"
                      m={m}
                      onClick={() => onComplete(m.id)}
                    />
                  )}
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollTable>
  );
}

/** A milestone row's action, named in full for screen readers ("Change milestone A Consult unions"). */
function RowButton({
  id,
  text,
  m,
  onClick,
}: {
  id: string;
  text: string;
  m: MilestoneRow;
  onClick: () => void;
}) {
  return (
    <button type="button" id={id} className="app-link-button govuk-link" onClick={onClick}>
      {text}
      <span className="govuk-visually-hidden">
        {' '}
        milestone {m.ref} {m.title}
      </span>
    </button>
  );
}
