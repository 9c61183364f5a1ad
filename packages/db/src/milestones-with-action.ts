/**
 * The writes that carry an action's milestones with it as it closes or reopens (core
 * milestones-with-action.ts; docs/architecture.md, "Milestones close with their action"), in the same
 * transaction as the action's own write. Each milestone is written only if unchanged since read, and the
 * action only if no milestone was added under it since (its child mark, theme-marks.ts): a milestone
 * added while it closes is either among those read, or the close is refused and read again.
 */
import {
  type Action,
  CLOSED_STATUSES,
  type Milestone,
  milestonesWithAction,
  movesMilestones,
} from '@peopleplan/core';
import { type BoardEntry, milestoneEntry } from './boards.js';
import { andCondition, writeOf } from './conditions.js';
import { nowIso } from './ids.js';
import { sk } from './keys.js';
import { milestoneIndexAttributes } from './milestones.js';
import type { AuditInput, TenantStore, TransactItem } from './store.js';
import { CHILD_MARK } from './theme-marks.js';

export interface MilestonesFollowing {
  /** The action's child mark, read before its milestones: the action's write requires it unchanged. */
  mark: unknown;
  /** The milestones' versioned writes (their board entries are in `entries`, for the action's shards). */
  writes: TransactItem[];
  entries: BoardEntry[];
  audits: AuditInput[];
  /** Whether any milestone written is no longer as read (its write then fails): read again to know. */
  changedSince(): Promise<boolean>;
}

/**
 * What the action's milestones become as it goes from `before` to `after`'s status, a completion dated
 * `day`. Strong reads: the writes are conditional on what is read here.
 */
export async function milestonesFollowing(
  store: TenantStore,
  before: Action,
  after: Action,
  day: string,
): Promise<MilestonesFollowing | undefined> {
  if (!movesMilestones(before.status, after.status)) return undefined;
  const key = sk.action(before.planId, before.id);
  const mark = (await store.getRaw(key))?.[CHILD_MARK];
  const read = await store.queryAll<Milestone>(`${key}#MS#`, { types: ['milestone'] });
  const milestones = read.map(({ type: _t, ...m }) => {
    const { dataProblems: _p, ...clean } = m as Milestone & { dataProblems?: unknown };
    return clean as Milestone;
  });
  const byId = new Map(milestones.map((m) => [m.id, m]));
  const updatedAt = nowIso();
  const changed = milestonesWithAction(before.status, after.status, milestones, day).map(
    (m): Milestone => ({ ...m, version: m.version + 1, updatedAt }),
  );
  return {
    mark,
    writes: changed.map((m) =>
      store.putVersioned(
        sk.milestone(m.planId, m.actionId, m.id),
        'milestone',
        m,
        m.version - 1,
        milestoneIndexAttributes(store.ctx.councilId, m),
      ),
    ),
    entries: changed.map(milestoneEntry),
    changedSince: async () => {
      const now = await store.queryAll<Milestone>(`${key}#MS#`, {
        types: ['milestone'],
        attributes: ['id', 'version'],
      });
      const versionNow = new Map(now.map((m) => [m.id, m.version]));
      return changed.some((m) => versionNow.get(m.id) !== m.version - 1);
    },
    audits: changed.map((m) => ({
      operation: 'update',
      entityType: 'milestone',
      entityId: m.id,
      planId: m.planId,
      before: byId.get(m.id),
      after: m,
    })),
  };
}

/** The refusal when an action has more milestones to carry with it than one transaction holds. */
export const tooManyMilestones = (n: number) =>
  `This action has ${n} milestones that would change with it, more than can change in one go: ` +
  'mark some of them done first, then try again.';

/**
 * The Update (its child mark: actions.ts `childAdded`) or check of an action, on condition also that it
 * is still open: an open milestone goes under it, or one of its milestones opens again, only while it is
 * (a close that read its milestones before is refused by the mark; a close after it is refused here).
 */
export function whileActionOpen(item: TransactItem): TransactItem {
  const { kind, write } = writeOf(item);
  if ((kind !== 'Update' && kind !== 'ConditionCheck') || !write.ConditionExpression)
    throw new Error('whileActionOpen: a conditional Update or check only');
  const closed = CLOSED_STATUSES.map((_, i) => `:closed${i}`);
  return andCondition(
    item,
    `NOT (#actionStatus IN (${closed.join(', ')}))`,
    { '#actionStatus': 'status' },
    Object.fromEntries(CLOSED_STATUSES.map((s, i) => [`:closed${i}`, s])),
  );
}
