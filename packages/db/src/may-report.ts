import { type Action, forbidden } from '@peopleplan/core';
import type { TenantStore } from './store.js';

/**
 * Contributors may report only on the actions they lead (their progress, their milestones done); editors
 * and admins on any.
 */
export function assertMayReportOn(
  ctx: TenantStore['ctx'],
  action: Pick<Action, 'leads'>,
  contributorMessage: string,
): void {
  const { role, actor } = ctx;
  if (role === 'admin' || role === 'editor') return;
  if (role === 'contributor' && actor.personId && action.leads.some((l) => l.personId === actor.personId))
    return;
  throw forbidden(role === 'contributor' ? contributorMessage : undefined);
}
