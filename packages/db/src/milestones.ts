import {
  type Action,
  badRequest,
  closedActionMessage,
  DomainError,
  forbidden,
  isOpen,
  londonToday,
  type Milestone,
  type MilestoneCompletion,
  type MilestoneCreate,
  type MilestonePatch,
  milestoneSearchDoc,
  notFound,
  type Plan,
  unprocessable,
} from '@peopleplan/core';
import type { ActionsRepo, Locator } from './actions.js';
import { boardUpdates, milestoneEntry } from './boards.js';
import type { ReadConsistency } from './consistency.js';
import { newId } from './ids.js';
import { DUE_OUTBOX_PARTITION, dueIndexAttributes, outboxSortKey, sk } from './keys.js';
import { assertMayReportOn } from './may-report.js';
import { whileActionOpen } from './milestones-with-action.js';
import { movedLater, withRebaseline } from './rebaselines.js';
import { assertReferences, linkedReferences } from './references.js';
import { searchWrites } from './search-index.js';
import type { TenantStore } from './store.js';
import { firstVersion, patchedVersion } from './versioning.js';

export function milestoneIndexAttributes(councilId: string, m: Milestone): Record<string, string> {
  return dueIndexAttributes(councilId, m.id, m.due?.due, isOpen(m.status));
}

/** True when a save moves the current due later and past the baseline: the plan owner is told. */
export function isRebaseline(before: Milestone, after: Milestone): boolean {
  const due = after.due?.due;
  const baseline = after.baselineDue?.due;
  if (!isOpen(after.status) || !due || !baseline || due <= baseline) return false;
  return !before.due?.due || due > before.due.due;
}

export class MilestonesRepo {
  constructor(
    private readonly store: TenantStore,
    private readonly actions: ActionsRepo,
  ) {}

  async list(actionId: string, read?: ReadConsistency): Promise<Milestone[]> {
    const action = await this.actions.get(actionId, read);
    const items = await this.store.queryAll<Milestone>(`${sk.action(action.planId, actionId)}#MS#`, {
      types: ['milestone'],
      ...read,
    });
    return items.map(({ type: _t, ...m }) => m as Milestone);
  }

  /** Strong unless `read` says otherwise: a milestone is usually edited next (consistency.ts). */
  async get(milestoneId: string, read?: ReadConsistency): Promise<Milestone> {
    const loc = await this.store.get<Locator>(sk.locator(milestoneId), read);
    const m = loc?.actionId
      ? await this.store.getInVisiblePlan<Milestone>(loc.target, loc.planId, read)
      : undefined;
    if (!m) throw notFound('Milestone');
    return m;
  }

  async create(actionId: string, input: MilestoneCreate): Promise<Milestone> {
    const action = await this.actions.get(actionId);
    const open = isOpen(input.status);
    if (open) assertActionOpen(action, 'status', true);
    await assertReferences(this.store, linkedReferences(input.linkedActionIds));
    // Numbered after its action's ref; refs.ts loads on demand (docs/architecture.md, section 9).
    const ref = input.ref?.trim()
      ? input.ref
      : ((await import('./refs.js')).nextMilestoneRef(
          action.ref,
          (await this.list(actionId)).map((x) => x.ref),
        ) ?? input.ref);
    const m: Milestone = {
      ...input,
      ...(ref !== undefined && { ref }),
      id: newId(),
      planId: action.planId,
      actionId,
      // The first committed due is the baseline: moving `due` later shows as slippage.
      ...(input.due ? { baselineDue: input.due } : {}),
      ...firstVersion(),
    };
    const added = this.actions.childAdded(action.planId, actionId, m.id);
    try {
      await this.store.transact(
        [
          this.store.conditionPlanWritable(action.planId),
          open ? whileActionOpen(added) : added,
          ...this.createItems(m),
        ],
        [{ operation: 'create', entityType: 'milestone', entityId: m.id, planId: m.planId, after: m }],
        'action',
      );
    } catch (e) {
      if (open) await this.closedMeanwhile(e, actionId, true);
      throw e;
    }
    return m;
  }

  createItems(m: Milestone) {
    const target = sk.milestone(m.planId, m.actionId, m.id);
    return [
      this.store.putNew(target, 'milestone', m, milestoneIndexAttributes(this.store.ctx.councilId, m)),
      this.store.putNew(sk.locator(m.id), 'locator', { target, planId: m.planId, actionId: m.actionId }),
      ...boardUpdates(this.store, m.planId, [milestoneEntry(m)]),
      ...searchWrites(this.store, [milestoneSearchDoc(m)]),
    ];
  }

  /**
   * Marks a milestone done (on the day given, else today) or not done after all. Contributors may, on the
   * milestones of the actions they lead, as they report its progress; editors and admins on any.
   */
  async setCompleted(milestoneId: string, input: MilestoneCompletion): Promise<Milestone> {
    const m = await this.get(milestoneId);
    const action = await this.actions.get(m.actionId);
    assertMayReportOn(
      this.store.ctx,
      action,
      'Contributors can mark done only the milestones of actions they lead',
    );
    if (!input.completed && m.status === 'completed') assertActionOpen(action, 'completed', false);
    return this.update(
      milestoneId,
      {
        version: input.version,
        status: input.completed ? 'completed' : m.status === 'completed' ? 'on-track' : m.status,
        completedOn: input.completed ? (input.completedOn ?? londonToday()) : null,
      },
      action,
    );
  }

  /** `action`: the milestone's action, when the caller has read it already (not read again). */
  async update(milestoneId: string, patch: MilestonePatch, action?: Action): Promise<Milestone> {
    const before = await this.get(milestoneId);
    await assertReferences(this.store, linkedReferences(patch.linkedActionIds));
    const { baselineCorrection, rebaselineReason, ...fields } = patch;
    let after = patchedVersion(before, fields);
    // Closed or opened by hand, it is no longer the action's to reopen (milestones-with-action.ts).
    if (
      after.closedWithAction &&
      (after.status !== before.status || after.completedOn !== before.completedOn)
    ) {
      const { closedWithAction: _was, ...mine } = after;
      after = mine;
    }
    // Opened again only under an open action, and only while it is (checked in the transaction too).
    const reopens = !isOpen(before.status) && isOpen(after.status);
    if (reopens) assertActionOpen(action ?? (await this.actions.get(before.actionId)), 'status', false);
    if (baselineCorrection) after = this.correctBaseline(after, baselineCorrection);
    if (movedLater(before, after))
      after = withRebaseline(before, after, rebaselineReason, this.store.ctx.actor.name);
    if (!after.baselineDue && after.due) after = { ...after, baselineDue: after.due };
    if (after.status === 'completed' && !after.completedOn) after.completedOn = londonToday();
    if (after.completedOn && after.completedOn > londonToday()) {
      throw badRequest('A milestone cannot be completed on a day still to come', [
        { path: 'completedOn', message: 'give the day it was completed, today or earlier' },
      ]);
    }
    if (after.completedOn && after.completedOn !== before.completedOn) {
      await this.assertAfterPlanStart(before.planId, after.completedOn);
    }
    if (after.completedOn && after.status !== 'completed') {
      throw badRequest('A milestone with a completed date must have status completed', [
        { path: 'completedOn', message: 'clear it, or set status to completed' },
      ]);
    }
    try {
      await this.store.transact(
        [
          this.store.conditionPlanWritable(before.planId),
          // Marked as an added milestone is: a close that read it closed is refused, reads it again.
          ...(reopens
            ? [whileActionOpen(this.actions.childAdded(before.planId, before.actionId, newId()))]
            : []),
          this.store.putVersioned(
            sk.milestone(before.planId, before.actionId, before.id),
            'milestone',
            after,
            patch.version,
            milestoneIndexAttributes(this.store.ctx.councilId, after),
          ),
          ...boardUpdates(this.store, after.planId, [milestoneEntry(after)]),
          ...(isRebaseline(before, after) ? [this.rebaselineAlert(before, after)] : []),
          ...searchWrites(this.store, [milestoneSearchDoc(after)], [milestoneSearchDoc(before)]),
        ],
        [
          {
            operation: 'update',
            entityType: 'milestone',
            entityId: milestoneId,
            planId: before.planId,
            before,
            after,
          },
        ],
        'milestone',
      );
    } catch (e) {
      if (reopens) await this.closedMeanwhile(e, before.actionId, false);
      throw e;
    }
    return after;
  }
  /**
   * A write refused because the action closed since it was read (`whileActionOpen`) is said as the check
   * before the write says it (422); any other refusal is left to the caller.
   */
  private async closedMeanwhile(e: unknown, actionId: string, adding: boolean): Promise<void> {
    if (e instanceof DomainError && e.code === 'conflict')
      assertActionOpen(await this.actions.get(actionId), 'status', adding);
  }

  /**
   * A milestone is not completed before its plan began: a day before the plan's period (or, for a plan
   * with none, more than a year before the plan was made) is a slip of the keyboard, or a claim to have
   * met it in time that the plan's own dates cannot bear.
   */
  private async assertAfterPlanStart(planId: string, completedOn: string): Promise<void> {
    const plan = await this.store.get<Pick<Plan, 'period' | 'createdAt'>>(sk.plan(planId));
    const earliest =
      plan?.period.start ??
      (plan ? `${Number(plan.createdAt.slice(0, 4)) - 1}${plan.createdAt.slice(4, 10)}` : undefined);
    if (earliest && completedOn < earliest) {
      throw badRequest(`A milestone cannot be completed before its plan began (${earliest})`, [
        { path: 'completedOn', message: `give a day on or after ${earliest}` },
      ]);
    }
  }

  /** Only an admin may move a baseline, and the reason stays with the milestone. */
  private correctBaseline(m: Milestone, c: NonNullable<MilestonePatch['baselineCorrection']>): Milestone {
    if (this.store.ctx.role !== 'admin' && this.store.ctx.role !== 'system') {
      throw forbidden('Only a council admin can correct a baseline');
    }
    const correction = {
      ...(m.baselineDue ? { from: m.baselineDue } : {}),
      to: c.due,
      reason: c.reason,
      by: this.store.ctx.actor.name,
      at: m.updatedAt,
    };
    return { ...m, baselineDue: c.due, baselineCorrections: [...(m.baselineCorrections ?? []), correction] };
  }

  /** The outbox record of a re-baseline alert (the alert job delivers it to the plan owner). */
  private rebaselineAlert(before: Milestone, after: Milestone) {
    const due = after.due!.due!;
    const { councilId, actor } = this.store.ctx;
    return {
      Update: {
        TableName: this.store.tableName,
        Key: { PK: this.store.pk, SK: sk.alert(after.id, 'rebaselined', due) },
        UpdateExpression:
          'SET #type = :type, itemId = :id, planId = :plan, actionId = :action, due = :due, baselineDue = :baseline, ' +
          'previousDue = :previous, savedAt = :at, savedBy = :by, outboxState = :pending, DUEPK = :dpk, DUESK = :dsk',
        ExpressionAttributeNames: { '#type': 'type' },
        ExpressionAttributeValues: {
          ':type': 'alert-outbox',
          ':id': after.id,
          ':plan': after.planId,
          ':action': after.actionId,
          ':due': due,
          ':baseline': after.baselineDue?.due ?? null,
          ':previous': before.due?.due ?? null,
          ':at': after.updatedAt,
          ':by': actor.name,
          ':pending': 'pending',
          ':dpk': DUE_OUTBOX_PARTITION,
          ':dsk': outboxSortKey(after.updatedAt, councilId, after.id),
        },
      },
    };
  }
}

/** An open milestone goes only under an open action: the action must be reopened first (422). */
function assertActionOpen(action: Action, path: string, adding: boolean): void {
  if (isOpen(action.status)) return;
  const message = closedActionMessage(action.status, adding);
  throw unprocessable(message, [{ path, message }]);
}
