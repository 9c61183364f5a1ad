/**
 * A milestone follows its action when the action closes and reopens (docs/architecture.md, "Milestones
 * close with their action"): a finished action must not go on showing overdue milestones, nor send
 * "milestone slipped" alerts. The milestones still open as it closes take its status, each keeping what
 * it was (`closedWithAction`), so that reopening the action reopens exactly those, as they were.
 * Milestones closed by hand are never touched.
 */
import type { Milestone } from './entities.js';
import { isOpen, type Status } from './status.js';

/** Whether moving an action from `before` to `after` changes any of its milestones. */
export function movesMilestones(before: Status, after: Status): boolean {
  if (isOpen(before)) return !isOpen(after);
  return before !== after;
}

/**
 * The milestones to write, as they become, when the action goes from `before` to `after` on `day` (the
 * day a completion is dated). Versions and timestamps are the caller's; unchanged milestones are left out.
 */
export function milestonesWithAction(
  before: Status,
  after: Status,
  milestones: readonly Milestone[],
  day: string,
): Milestone[] {
  if (!movesMilestones(before, after)) return [];
  const out: Milestone[] = [];
  for (const m of milestones) {
    const { completedOn: _c, closedWithAction: was, ...rest } = m;
    if (isOpen(after)) {
      // Reopened: back to what each was before it closed with the action.
      if (!was) continue;
      out.push({ ...rest, status: was.status, ...(was.completedOn ? { completedOn: was.completedOn } : {}) });
    } else if (was || isOpen(m.status)) {
      // Closed (or closed otherwise): the ones already closed with it follow, keeping what they were.
      if (was && m.status === after) continue;
      out.push({
        ...rest,
        status: after,
        ...(after === 'completed' ? { completedOn: day } : {}),
        closedWithAction: was ?? {
          status: m.status,
          ...(m.completedOn ? { completedOn: m.completedOn } : {}),
        },
      });
    }
  }
  return out;
}

/**
 * Milestones brought in with their actions (an import), each open one of a closed action closed with it,
 * as if the action had closed with them in place: reopening the action then reopens them.
 */
export function closedWithActions(
  actions: ReadonlyArray<{ id: string; status: Status }>,
  milestones: readonly Milestone[],
  day: string,
): Milestone[] {
  const statusOf = new Map(actions.map((a) => [a.id, a.status]));
  return milestones.map((m) => {
    const status = statusOf.get(m.actionId);
    if (!status || !isOpen(m.status) || isOpen(status)) return m;
    return milestonesWithAction(m.status, status, [m], day)[0] ?? m;
  });
}

/**
 * Why a milestone may not be open under an action that is not (422): added open, or opened again.
 */
export function closedActionMessage(action: Status, adding: boolean): string {
  return adding
    ? `This action is ${action}: reopen it first, or add the milestone as done.`
    : `This action is ${action}: reopen it first, then open its milestone again.`;
}
