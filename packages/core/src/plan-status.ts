import type { Plan } from './entities.js';

type PlanStatus = Plan['status'];

/**
 * How a plan moves through its life: a draft becomes active; an active plan is closed when its work
 * ends, and may be reopened; archiving (administrators, DELETE) takes a plan out of current work and is
 * not undone here. Anything else would rewrite what the plan's history says happened.
 */
export const PLAN_STATUS_MOVES: Record<PlanStatus, readonly PlanStatus[]> = {
  draft: ['active'],
  active: ['closed'],
  closed: ['active'],
  archived: [],
};

export const canMovePlan = (from: PlanStatus, to: PlanStatus): boolean =>
  from === to || PLAN_STATUS_MOVES[from].includes(to);
