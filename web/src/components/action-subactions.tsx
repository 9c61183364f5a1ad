import { useState } from 'react';
import { Link } from 'wouter';
import { api } from '../lib/api.js';
import { useHasDraft } from '../lib/drafts.js';
import { useFocusNext } from '../lib/focus.js';
import type { ActionRow } from '../lib/responses.js';
import { ActionAddForm } from './action-add.js';
import { OrderList } from './order-list.js';
import { RagTag, StatusTag } from './tags.js';
import type { TimescaleContext } from './timescale-input.js';

type Listed = Pick<ActionRow, 'id' | 'ref' | 'title' | 'status' | 'order' | 'rag'>;

const name = (a: Pick<ActionRow, 'ref' | 'title'>) => `${a.ref ? `${a.ref} ` : ''}${a.title}`;

/** An action's sub-actions: each with its standing (it rolls up into this action's rating). */
export function SubActions({
  c,
  action,
  subActions,
  canEdit,
  context,
  onChanged,
}: {
  c: string;
  action: ActionRow;
  subActions: Listed[];
  canEdit: boolean;
  context: TimescaleContext;
  onChanged: (message?: string) => void;
}) {
  const [adding, setAdding] = useState(
    useHasDraft(`action-new:${action.planId}:${action.themeId ?? ''}:${action.id}`),
  );
  const focusNext = useFocusNext();
  const sorted = [...subActions].sort((x, y) => x.order - y.order);
  if (!sorted.length && !canEdit) return null;
  return (
    <section className="app-section-break" aria-labelledby="sub-actions">
      <h2 className="govuk-heading-l" id="sub-actions">
        Sub-actions
      </h2>
      {sorted.length ? (
        <ul className="govuk-list app-sub-list">
          {sorted.map((s) => (
            <li key={s.id}>
              <Link className="govuk-link" href={`/councils/${c}/actions/${s.id}`}>
                {name(s)}
              </Link>{' '}
              <StatusTag status={s.status} /> <RagTag rag={s.rag.rag} result={s.rag} />
            </li>
          ))}
        </ul>
      ) : (
        <p className="govuk-body">This action has no sub-actions.</p>
      )}
      {canEdit && sorted.length > 1 ? (
        <details className="govuk-details">
          <summary className="govuk-details__summary">
            <span className="govuk-details__summary-text">Change the order of the sub-actions</span>
          </summary>
          <div className="govuk-details__text">
            <OrderList
              label="Sub-actions, in order"
              items={sorted.map((s) => ({ id: s.id, text: name(s) }))}
              onMove={async (actionIds) => {
                await api.put('/api/v1/councils/{c}/plans/{planId}/action-order', {
                  params: { path: { c, planId: action.planId } },
                  body: { actionIds },
                });
                onChanged();
              }}
            />
          </div>
        </details>
      ) : null}
      {canEdit ? (
        adding ? (
          <ActionAddForm
            c={c}
            planId={action.planId}
            themeId={action.themeId}
            parentId={action.id}
            context={context}
            heading={`Add a sub-action to ${name(action)}`}
            onDone={(message) => {
              setAdding(false);
              if (message) onChanged(message);
              else focusNext('add-sub-action');
            }}
          />
        ) : (
          <button
            type="button"
            id="add-sub-action"
            className="govuk-button govuk-button--secondary"
            onClick={() => setAdding(true)}
          >
            Add a sub-action
          </button>
        )
      ) : null}
    </section>
  );
}
