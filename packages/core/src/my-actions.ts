import {
  actionState,
  judgePlan,
  type MilestoneJudgement,
  milestoneState,
  planClock,
  type Timeliness,
  timeliness,
} from './board.js';
import { daysBetween } from './dates.js';
import type { Action, Milestone, Plan, Theme } from './entities.js';
import { dueOn, lateBy } from './occurrence.js';
import type { RagResult, RagRules } from './rag.js';
import { planRatings } from './ratings.js';
import { isOpen } from './status.js';
import type { Timescale } from './timescale.js';

/** What a person's list shows of each action they lead. */
export interface MyAction {
  action: Action & { rag: RagResult };
  plan: Pick<Plan, 'id' | 'title' | 'kind'>;
  theme?: Pick<Theme, 'id' | 'ref' | 'title'> | undefined;
  timeliness: Timeliness;
  /** Days past its due date (negative: still to come). */
  daysLate?: number | undefined;
  /** Its open, dated milestones, soonest first, with days past due (negative: to come). */
  milestones: Array<{
    id: string;
    ref: string;
    title: string;
    due: Timescale;
    daysLate: number;
    late: boolean;
  }>;
}

export interface LedPlan {
  plan: Plan;
  themes: Theme[];
  actions: Action[];
  milestones: Milestone[];
}

const ORDER: Record<Timeliness, number> = { late: 0, 'due-soon': 1, later: 2, closed: 3 };

/**
 * Every action a person leads in these plans, judged as the dashboards judge them (board.ts): late
 * (it or one of its milestones is past due), due soon, later, or closed; soonest first in each group.
 */
export function myActions(
  plans: readonly LedPlan[],
  personId: string,
  today: string,
  rules: RagRules,
  dueSoonDays: number,
): MyAction[] {
  const out: MyAction[] = [];
  for (const { plan, themes, actions, milestones } of plans) {
    // An archived plan is the council's record, no longer updated: nothing in it is asked of anyone.
    if (plan.status === 'archived') continue;
    const mine = actions.filter((a) => a.leads.some((l) => l.personId === personId));
    if (!mine.length) continue;
    const window = { today, dueSoonDays };
    const judged = judgePlan(
      planClock(plan),
      actions.map(actionState),
      milestones.map(milestoneState),
      window,
      rules,
    );
    const ratings = planRatings(actions, milestones, today, rules);
    const themeOf = new Map(themes.map((t) => [t.id, t]));
    for (const a of mine) {
      const own = milestones.filter((m) => m.actionId === a.id);
      const msJudged = own.map((m) => judged.milestones.get(m.id) as MilestoneJudgement);
      const theme = a.themeId ? themeOf.get(a.themeId) : undefined;
      out.push({
        action: { ...a, rag: ratings.actions.get(a.id)! },
        plan: { id: plan.id, title: plan.title, kind: plan.kind },
        ...(theme ? { theme: { id: theme.id, ref: theme.ref, title: theme.title } } : {}),
        timeliness: timeliness(a.status, judged.actions.get(a.id)!, msJudged),
        ...(a.due?.due ? { daysLate: lateBy(a.due, today) } : {}),
        milestones: own
          .flatMap((m) => (isOpen(m.status) && m.due?.due ? [{ m, due: dueOn(m.due, today)! }] : []))
          .sort((x, y) => x.due.localeCompare(y.due))
          .map(({ m, due }) => ({
            id: m.id,
            ref: m.ref,
            title: m.title,
            due: m.due!,
            daysLate: daysBetween(due, today),
            late: judged.milestones.get(m.id)!.overdue,
          })),
      });
    }
  }
  const dueOf = (x: MyAction) => dueOn(x.action.due, today) ?? '9999-12-31';
  return out.sort((x, y) => ORDER[x.timeliness] - ORDER[y.timeliness] || dueOf(x).localeCompare(dueOf(y)));
}
