import {
  type Action,
  DomainError,
  forbidden,
  type ProgressUpdate,
  type ProgressUpdateCreate,
} from '@peopleplan/core';
import type { ActionsRepo } from './actions.js';
import { newId, nowIso } from './ids.js';
import { sk } from './keys.js';
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

  async append(
    actionId: string,
    input: ProgressUpdateCreate,
  ): Promise<{ update: ProgressUpdate; action: Action }> {
    // The caller did not send a version (an update is not an edit), so a concurrent change to the
    // action is retried on the fresh copy instead of being reported as a conflict.
    for (let attempt = 0; ; attempt++) {
      const action = await this.actions.get(actionId);
      this.assertMayReport(action);
      const at = nowIso();
      const update: ProgressUpdate = {
        id: newId(),
        planId: action.planId,
        actionId,
        authorSub: this.store.ctx.actor.sub,
        authorName: this.store.ctx.actor.name,
        at,
        period: input.period ?? currentPeriod(at),
        narrative: input.narrative,
        status: input.status,
        ...(input.rag ? { rag: input.rag } : {}),
      };
      const after = nextVersion(action, {
        status: input.status,
        latestUpdate: {
          id: update.id,
          at,
          authorName: update.authorName,
          status: update.status,
          narrative: update.narrative,
          ...(update.rag ? { rag: update.rag } : {}),
        },
      });
      try {
        await this.store.transact(
          [
            this.store.putNew(sk.update(action.planId, actionId, update.id), 'update', update),
            ...this.actions.versionedWrite(after, action.version),
          ],
          [
            {
              operation: 'append',
              entityType: 'update',
              entityId: update.id,
              planId: action.planId,
              after: update,
            },
          ],
          'action',
        );
        return { update, action: after };
      } catch (e) {
        if (!(e instanceof DomainError && e.code === 'conflict') || attempt >= 4) throw e;
      }
    }
  }
}
