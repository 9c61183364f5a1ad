import { useState } from 'react';
import { useLocation } from 'wouter';
import { api } from '../lib/api.js';
import type { ActionRow } from '../lib/responses.js';
import { ErrorSummary } from './form.js';
import { RemoveConfirm } from './remove-confirm.js';

/** What the API says of removing the action (`GET …/actions/{id}/removal`). */
interface Removability {
  removable: boolean;
  reason?: string | undefined;
}

/** Set by the action page as it goes to the plan's page: what that page's banner says (`removedMessage`). */
interface RemovedState {
  removed: string;
}

/** The plan page's banner after an action was removed, if it was just now (read once, then forgotten). */
export function removedMessage(state: unknown): string | undefined {
  const removed = (state as Partial<RemovedState> | null)?.removed;
  return typeof removed === 'string' ? removed : undefined;
}

/**
 * Removing an action entered by mistake (a duplicate): offered to editors only when the API says it can
 * go, that is when no committee may have seen it; otherwise a hint says why and to cancel it instead. It
 * asks first; then the plan's page says it has gone, its banner taking focus. The audit trail keeps it.
 */
export function RemoveAction({
  c,
  action: a,
  removal,
  onRefused,
}: {
  c: string;
  action: ActionRow;
  removal: Removability | undefined;
  /** The removal was refused (someone changed it meanwhile): the page reads it again. */
  onRefused: () => void;
}) {
  const [, navigate] = useLocation();
  const [refused, setRefused] = useState<string | undefined>();
  const name = `${a.ref ? `${a.ref} ` : ''}${a.title}`;
  if (!removal) return null;
  return (
    <div className="app-no-print">
      <ErrorSummary errors={refused ? [{ text: refused }] : []} />
      {removal.removable ? (
        <RemoveConfirm
          label="Remove this action"
          question={`Remove ${name}? It goes from the plan and its reports, and links to it from other actions and milestones are taken out; the audit trail keeps it.`}
          onConfirm={async () => {
            await api.del('/api/v1/councils/{c}/actions/{actionId}', {
              params: { path: { c, actionId: a.id }, query: { version: a.version } },
            });
            const state: RemovedState = { removed: `Action removed: ${name}. The audit trail keeps it.` };
            navigate(`/councils/${c}/plans/${a.planId}`, { state });
          }}
          onRefused={(err) => {
            setRefused((err as Error).message);
            onRefused();
          }}
        />
      ) : removal.reason ? (
        <p className="govuk-hint govuk-!-margin-bottom-6" data-testid="remove-action-hint">
          Only an action added by mistake can be removed. {removal.reason}
        </p>
      ) : null}
    </div>
  );
}
