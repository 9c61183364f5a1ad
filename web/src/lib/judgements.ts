import {
  actionState,
  DEFAULT_RAG_RULES,
  judgeMilestone,
  judgePlan,
  milestoneState,
  type PlanClockInput,
  planClock,
  type Timeliness,
  timeliness,
  type Window,
} from '@peopleplan/core';

/**
 * The board's judgements (overdue, due soon, stale, slipping) of the items a page shows, made by core's
 * board.ts exactly as the dashboards make them: no page decides them itself. Pages read only these
 * flags; the RAG they show is the one the API worked out with the council's own rules, so the default
 * rules passed here never reach the screen.
 */

/**
 * Where an action stands as a person's list ("my actions") puts it: late when it or one of its open
 * milestones is past due, else due soon when one of them is, else later; closed when it is (core's
 * `timeliness`, the one rule).
 */
export function actionTimeliness(
  a: Parameters<typeof actionState>[0],
  milestones: ReadonlyArray<Parameters<typeof milestoneState>[0]>,
  w: Window,
  plan: PlanClockInput,
): Timeliness {
  const s = actionState(a);
  const own = milestones.filter((m) => m.actionId === a.id).map(milestoneState);
  const judged = judgePlan(planClock(plan), [s], own, w, DEFAULT_RAG_RULES);
  return timeliness(
    s.status,
    judged.actions.get(s.id)!,
    own.map((m) => judged.milestones.get(m.id)!),
  );
}

/** Open and now due later than first agreed (re-baselined): the dashboard's "slipping". */
export function milestoneSlipping(m: Parameters<typeof milestoneState>[0], today: string): boolean {
  return judgeMilestone(milestoneState(m), { today, dueSoonDays: 0 }, DEFAULT_RAG_RULES).slipping;
}
