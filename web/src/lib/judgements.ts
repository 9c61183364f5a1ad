import {
  actionState,
  DEFAULT_RAG_RULES,
  judgeMilestone,
  judgePlan,
  milestoneState,
  type PlanClockInput,
  planClock,
  type Window,
} from '@peopleplan/core';

/**
 * The board's judgements (overdue, due soon, stale, slipping) of the items a page shows, made by core's
 * board.ts exactly as the dashboards make them: no page decides them itself. Pages read only these
 * flags; the RAG they show is the one the API worked out with the council's own rules, so the default
 * rules passed here never reach the screen.
 */
export function actionJudgement(a: Parameters<typeof actionState>[0], w: Window, plan: PlanClockInput) {
  const s = actionState(a);
  return judgePlan(planClock(plan), [s], [], w, DEFAULT_RAG_RULES).actions.get(s.id)!;
}

/** Open and now due later than first agreed (re-baselined): the dashboard's "slipping". */
export function milestoneSlipping(m: Parameters<typeof milestoneState>[0], today: string): boolean {
  return judgeMilestone(milestoneState(m), { today, dueSoonDays: 0 }, DEFAULT_RAG_RULES).slipping;
}
