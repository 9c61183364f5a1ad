import {
  type Action,
  badRequest,
  conflict,
  DomainError,
  findPeriod,
  londonToday,
  type ProgressUpdate,
  type ProgressUpdateCreate,
  periodToUpdate,
  planArchived,
  reportingPeriods,
  updateSearchDoc,
} from '@peopleplan/core';
import type { ActionsRepo } from './actions.js';
import { ClosedPeriods } from './closed-periods.js';
import type { ReadConsistency } from './consistency.js';
import type { CouncilRepo } from './council.js';
import { newId, nowIso } from './ids.js';
import { assertItemFits } from './item-size.js';
import { sk } from './keys.js';
import { assertMayReportOn } from './may-report.js';
import { milestonesFollowing, tooManyMilestones } from './milestones-with-action.js';
import type { PlansRepo } from './plans.js';
import { joinRecentUpdates, recentChange, withRecentChange } from './recent-updates.js';
import { searchWrites } from './search-index.js';
import type { Page, TenantStore } from './store.js';
import { nextVersion } from './versioning.js';

/** The period of an update written with no plan to offer any (kept for callers without one). */
export const currentPeriod = (at: string) => at.slice(0, 7);

const squash = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');

/**
 * Progress history is append-only: there is no update or delete here, by design. A correction is a
 * new update naming the one it corrects; both stay. Appending also moves the action's status and its
 * "latest update" in the same transaction.
 */
export class UpdatesRepo {
  private readonly closedPeriods: ClosedPeriods;

  constructor(
    private readonly store: TenantStore,
    private readonly actions: ActionsRepo,
    private readonly plans: PlansRepo,
    private readonly council: CouncilRepo,
  ) {
    this.closedPeriods = new ClosedPeriods(store);
  }

  async list(
    actionId: string,
    opts: ReadConsistency & { cursor?: string; limit?: number } = {},
  ): Promise<Page<ProgressUpdate>> {
    const action = await this.actions.get(actionId, opts);
    return this.store.queryPage<ProgressUpdate>(sk.updatePrefix(action.planId, actionId), {
      ...opts,
      types: ['update'],
      newestFirst: true,
    });
  }

  /** Contributors may report only on actions they lead; editors and admins on any. */
  assertMayReport(action: Action): void {
    assertMayReportOn(this.store.ctx, action, 'Contributors can add progress only on actions they lead');
  }

  /**
   * The period an update is filed under: one the plan offers (core reporting-periods.ts), however the
   * request spells it; none given, the one being gathered (core `periodToUpdate`; a correction: the corrected update's). Free
   * text is refused: "next tuesday" would be kept for ever.
   */
  private async periodFor(
    action: Action,
    asked: string | undefined,
    corrected: ProgressUpdate | undefined,
    today: string,
  ): Promise<string> {
    const [plan, council] = await Promise.all([this.plans.header(action.planId), this.council.get()]);
    // An archived plan takes no update, whatever its period: said first (the transaction checks it too).
    if (plan.status === 'archived') throw planArchived();
    if (asked === undefined && corrected) return corrected.period;
    const offered = reportingPeriods(plan, {
      financialYearStartMonth: council.financialYearStartMonth ?? 4,
      today,
    });
    if (asked === undefined) {
      const closed = await this.closedPeriods.closedTest(action.planId);
      return periodToUpdate(offered, today, (p) => closed(p.value))?.value ?? currentPeriod(nowIso());
    }
    const found = findPeriod(offered, asked);
    if (found) return found.value;
    // A correction may keep the period of the update it corrects, even one the plan no longer offers.
    if (corrected && squash(asked) === squash(corrected.period)) return corrected.period;
    throw badRequest('Choose one of the plan’s reporting periods', [
      {
        path: 'period',
        message: `not one of this plan’s reporting periods: ${offered.map((p) => p.value).join(', ')}`,
      },
    ]);
  }

  /** The update a correction corrects: of the same action, and not corrected already. */
  private async correctable(action: Action, id: string): Promise<ProgressUpdate> {
    const items = await this.store.queryAll<ProgressUpdate>(sk.updatePrefix(action.planId, action.id), {
      types: ['update'],
    });
    const target = items.find((u) => u.id === id);
    if (!target) {
      throw badRequest('That update is not part of this action’s history', [
        { path: 'corrects', message: 'not an update of this action' },
      ]);
    }
    if (items.some((u) => u.corrects === id)) {
      throw conflict('That update has already been corrected: correct the correction instead');
    }
    const { type: _t, ...update } = target;
    return update as ProgressUpdate;
  }

  /**
   * Append an update. Updates carry no version (an update is not an edit of the action), so they never
   * refuse each other: the update item always goes in, and it moves the action's status and "latest
   * update" only if no later update got there first. Twenty people reporting at once give twenty
   * updates, all kept, and the action shows the last of them. A correction of any update but the
   * latest joins the history only: the action already shows something newer.
   */
  async append(
    actionId: string,
    input: ProgressUpdateCreate,
    today: string = londonToday(),
  ): Promise<{ update: ProgressUpdate; action: Action }> {
    const first = await this.actions.get(actionId);
    this.assertMayReport(first);
    const corrected = input.corrects ? await this.correctable(first, input.corrects) : undefined;
    const period = await this.periodFor(first, input.period, corrected, today);
    // A closed period's report is frozen (snapshots.ts): an update filed under it would be in no report,
    // so it is refused until an admin reopens the period; the transaction checks it again.
    let periodOpen = await this.closedPeriods.assertOpen(first.planId, period);
    const at = nowIso();
    const update: ProgressUpdate = {
      id: newId(),
      planId: first.planId,
      actionId,
      authorSub: this.store.ctx.actor.sub,
      authorName: this.store.ctx.actor.name,
      at,
      period,
      narrative: input.narrative,
      status: input.status,
      ...(input.rag ? { rag: input.rag } : {}),
      ...(corrected ? { corrects: corrected.id } : {}),
    };
    const itemAndAudit = () => ({
      items: [
        this.store.putNew(sk.update(first.planId, actionId, update.id), 'update', update),
        // One correction per update, even when two people correct it at the same moment.
        ...(corrected
          ? [
              this.store.putNew(sk.correctionMark(first.planId, actionId, corrected.id), 'correction', {
                by: update.id,
              }),
            ]
          : []),
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
    const moves = !corrected || first.latestUpdate?.id === corrected.id;
    for (let attempt = 0; moves && attempt < 5; attempt++) {
      if (action.latestUpdate && action.latestUpdate.id > update.id) break;
      stampStatusBefore(update, action, corrected);
      const recent = await recentChange(this.store, action, update);
      const after = nextVersion(action, { status: input.status, latestUpdate: latestOf(update) });
      // The action takes the update's narrative by an Update, which transact does not measure.
      assertItemFits({ ...after, recentUpdates: recent.after }, 'action', 'narrative');
      // A status that closes or reopens the action carries its milestones with it (milestones-with-action.ts).
      const following = await milestonesFollowing(this.store, action, after, today);
      const { items, audits } = itemAndAudit();
      try {
        await this.store.transact(
          [
            this.store.conditionPlanWritable(first.planId),
            ...periodOpen,
            ...items,
            ...withRecentChange(this.actions.latestUpdateWrite(action, after, following), recent),
          ],
          [...audits, ...(following?.audits ?? [])],
          'action',
          following && tooManyMilestones(following.writes.length),
        );
        return { update, action: { ...after, recentUpdates: recent.after } };
      } catch (e) {
        if (!(e instanceof DomainError && e.code === 'conflict')) throw e;
        // A later update landed, the update was corrected meanwhile, the action's dates changed, a milestone
        // was added or changed under it, or the period was closed (which refuses the update, as the check
        // before did): the retry checks afresh.
        periodOpen = await this.closedPeriods.assertOpen(first.planId, period);
        action = await this.actions.get(actionId);
        if (corrected) await this.correctable(first, corrected.id);
      }
    }
    // A later update already moved the action: this one joins the history only.
    stampStatusBefore(update, action, corrected);
    const { items, audits } = itemAndAudit();
    try {
      // Its recent updates change all the same: the update round reads them (core recent-updates.ts).
      action = await joinRecentUpdates(this.store, action, update, (recentWrite) =>
        this.store.transact(
          [this.store.conditionPlanWritable(first.planId), recentWrite, ...periodOpen, ...items],
          audits,
          'action',
        ),
      );
    } catch (e) {
      // A period closed meanwhile is said as such, not as "changed by someone else".
      if (e instanceof DomainError && e.code === 'conflict')
        await this.closedPeriods.assertOpen(first.planId, period);
      throw e;
    }
    return { update, action };
  }
}

/** What the action was when this update changed it; a correction stands where the one it corrects stood. */
function stampStatusBefore(update: ProgressUpdate, action: Action, corrected: ProgressUpdate | undefined) {
  if (!corrected) update.statusBefore = action.status;
  else if (corrected.statusBefore) update.statusBefore = corrected.statusBefore;
}

const latestOf = (u: ProgressUpdate) => ({
  id: u.id,
  at: u.at,
  authorName: u.authorName,
  status: u.status,
  narrative: u.narrative,
  period: u.period,
  ...(u.rag ? { rag: u.rag } : {}),
});
