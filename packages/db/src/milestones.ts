import {
  badRequest,
  isOpen,
  type Milestone,
  type MilestoneCreate,
  type MilestonePatch,
  notFound,
} from '@peopleplan/core';
import type { ActionsRepo, Locator } from './actions.js';
import { boardUpdates, milestoneEntry } from './boards.js';
import { newId } from './ids.js';
import { dueIndexAttributes, sk } from './keys.js';
import type { TenantStore } from './store.js';
import { firstVersion, patchedVersion } from './versioning.js';

export function milestoneIndexAttributes(councilId: string, m: Milestone): Record<string, string> {
  return dueIndexAttributes(councilId, m.id, m.due?.due, isOpen(m.status));
}

/**
 * Re-baseline alerts are saved with the change that causes them (same transaction) and wait in this
 * partition of the sparse due index until the alert job delivers them and removes the index keys.
 */
export const ALERT_OUTBOX_PARTITION = 'DUE#outbox';

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

  async list(actionId: string): Promise<Milestone[]> {
    const action = await this.actions.get(actionId);
    const items = await this.store.queryAll<Milestone>(`${sk.action(action.planId, actionId)}#MS#`, {
      types: ['milestone'],
    });
    return items.map(({ type: _t, ...m }) => m as Milestone);
  }

  async get(milestoneId: string): Promise<Milestone> {
    const loc = await this.store.get<Locator>(sk.locator(milestoneId));
    const m = loc?.actionId ? await this.store.get<Milestone>(loc.target) : undefined;
    if (!m) throw notFound('Milestone');
    return m;
  }

  async create(actionId: string, input: MilestoneCreate): Promise<Milestone> {
    const action = await this.actions.get(actionId);
    const m: Milestone = {
      ...input,
      id: newId(),
      planId: action.planId,
      actionId,
      // The first committed due is the baseline: moving `due` later shows as slippage.
      ...(input.due ? { baselineDue: input.due } : {}),
      ...firstVersion(),
    };
    await this.store.transact(
      [this.store.conditionExists(sk.action(action.planId, actionId)), ...this.createItems(m)],
      [{ operation: 'create', entityType: 'milestone', entityId: m.id, planId: m.planId, after: m }],
      'action',
    );
    return m;
  }

  createItems(m: Milestone) {
    const target = sk.milestone(m.planId, m.actionId, m.id);
    return [
      this.store.putNew(target, 'milestone', m, milestoneIndexAttributes(this.store.ctx.councilId, m)),
      this.store.putNew(sk.locator(m.id), 'locator', { target, planId: m.planId, actionId: m.actionId }),
      ...boardUpdates(this.store, m.planId, [milestoneEntry(m)]),
    ];
  }

  async update(milestoneId: string, patch: MilestonePatch): Promise<Milestone> {
    const before = await this.get(milestoneId);
    let after = patchedVersion(before, patch);
    if (!after.baselineDue && after.due) after = { ...after, baselineDue: after.due };
    if (after.status === 'completed' && !after.completedOn)
      after.completedOn = new Date().toISOString().slice(0, 10);
    if (after.completedOn && after.status !== 'completed') {
      throw badRequest('A milestone with a completed date must have status completed', [
        { path: 'completedOn', message: 'clear it, or set status to completed' },
      ]);
    }
    await this.store.transact(
      [
        this.store.putVersioned(
          sk.milestone(before.planId, before.actionId, before.id),
          'milestone',
          after,
          patch.version,
          milestoneIndexAttributes(this.store.ctx.councilId, after),
        ),
        ...boardUpdates(this.store, after.planId, [milestoneEntry(after)]),
        ...(isRebaseline(before, after) ? [this.rebaselineAlert(before, after)] : []),
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
    return after;
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
          ':dpk': ALERT_OUTBOX_PARTITION,
          ':dsk': `${after.updatedAt}#C#${councilId}#${after.id}`,
        },
      },
    };
  }
}
