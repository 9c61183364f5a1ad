import {
  type Action,
  DomainError,
  forbidden,
  type ProgressUpdate,
  type ProgressUpdateCreate,
  updateSearchDoc,
} from '@peopleplan/core';
import type { ActionsRepo } from './actions.js';
import { newId, nowIso } from './ids.js';
import { sk } from './keys.js';
import { searchWrites } from './search-index.js';
import type { Page, TenantStore } from './store.js';
import { nextVersion } from './versioning.js';

/** The reporting period an update made today belongs to, by default its month. */
export const currentPeriod = (at: string) => at.slice(0, 7);

/**
 * Progress history is append-only: there is no update or delete here, by design. A correction is a
 * new update. Appending also moves the action's status and its "latest update" in the same transaction.
 */
export class UpdatesRepo {
  constructor(
    private readonly store: TenantStore,
    private readonly actions: ActionsRepo,
  ) {}

  async list(
    actionId: string,
    opts: { cursor?: string; limit?: number } = {},
  ): Promise<Page<ProgressUpdate>> {
    const action = await this.actions.get(actionId);
    return this.store.queryPage<ProgressUpdate>(sk.updatePrefix(action.planId, actionId), {
      ...opts,
      newestFirst: true,
    });
  }

  /** Contributors may report only on actions they lead; editors and admins on any. */
  assertMayReport(action: Action): void {
    const { role, actor } = this.store.ctx;
    if (role === 'admin' || role === 'editor') return;
    if (role === 'contributor' && actor.personId && action.leads.some((l) => l.personId === actor.personId))
      return;
    throw forbidden(
      role === 'contributor' ? 'Contributors can add progress only on actions they lead' : undefined,
    );
  }

  /**
   * Append an update. Updates carry no version (an update is not an edit of the action), so they never
   * refuse each other: the update item always goes in, and it moves the action's status and "latest
   * update" only if no later update got there first. Twenty people reporting at once give twenty
   * updates, all kept, and the action shows the last of them.
   */
  async append(
    actionId: string,
    input: ProgressUpdateCreate,
  ): Promise<{ update: ProgressUpdate; action: Action }> {
    const first = await this.actions.get(actionId);
    this.assertMayReport(first);
    const at = nowIso();
    const update: ProgressUpdate = {
      id: newId(),
      planId: first.planId,
      actionId,
      authorSub: this.store.ctx.actor.sub,
      authorName: this.store.ctx.actor.name,
      at,
      period: input.period ?? currentPeriod(at),
      narrative: input.narrative,
      status: input.status,
      ...(input.rag ? { rag: input.rag } : {}),
    };
    const itemAndAudit = () => ({
      items: [
        this.store.putNew(sk.update(first.planId, actionId, update.id), 'update', update),
        ...searchWrites(this.store, [updateSearchDoc(update)]),
      ],
      audits: [
        {
          operation: 'append' as const,
          entityType: 'update',
          entityId: update.id,
          planId: first.planId,
          after: update,
        },
      ],
    });
    let action = first;
    for (let attempt = 0; attempt < 5; attempt++) {
      if (action.latestUpdate && action.latestUpdate.id > update.id) break;
      const after = nextVersion(action, { status: input.status, latestUpdate: latestOf(update) });
      const { items, audits } = itemAndAudit();
      try {
        await this.store.transact(
          [...items, ...this.actions.latestUpdateWrite(action, after)],
          audits,
          'action',
        );
        return { update, action: after };
      } catch (e) {
        if (!(e instanceof DomainError && e.code === 'conflict')) throw e;
        // A later update landed, or the action's dates changed meanwhile: look again.
        action = await this.actions.get(actionId);
      }
    }
    // A later update already moved the action: this one joins the history only.
    const { items, audits } = itemAndAudit();
    await this.store.transact(
      [this.store.conditionExists(sk.action(first.planId, actionId)), ...items],
      audits,
      'action',
    );
    return { update, action };
  }
}

const latestOf = (u: ProgressUpdate) => ({
  id: u.id,
  at: u.at,
  authorName: u.authorName,
  status: u.status,
  narrative: u.narrative,
  ...(u.rag ? { rag: u.rag } : {}),
});
