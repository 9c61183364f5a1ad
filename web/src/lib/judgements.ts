import {
  actionState,
  CADENCE_DAYS,
  DEFAULT_RAG_RULES,
  judgeAction,
  judgeMilestone,
  milestoneState,
  type Plan,
  type Window,
} from '@peopleplan/core';

/**
 * The board's judgements (overdue, due soon, stale, slipping) of the items a page shows, made by core's
 * board.ts exactly as the dashboards make them: no page decides them itself. Pages read only these
 * flags; the RAG they show is the one the API worked out with the council's own rules, so the default
 * rules passed here never reach the screen.
 */
export function actionJudgement(
  a: Parameters<typeof actionState>[0],
  w: Window,
  reviewCadence: Plan['reviewCadence'],
) {
  return judgeAction(actionState(a), w, DEFAULT_RAG_RULES, CADENCE_DAYS[reviewCadence]);
}

/** Open and now due later than first agreed (re-baselined): the dashboard's "slipping". */
export function milestoneSlipping(m: Parameters<typeof milestoneState>[0], today: string): boolean {
  return judgeMilestone(milestoneState(m), { today, dueSoonDays: 0 }, DEFAULT_RAG_RULES).slipping;
}
