import {
  actionState,
  type Counts,
  judgePlan,
  milestoneState,
  planClock,
  zeroCounts as zero,
} from './board.js';
import { daysBetween } from './dates.js';
import type { Action, Milestone, Plan, Theme } from './entities.js';
import { directionOfTravel, type RagRules, type Travel } from './rag.js';
import { RAGS, type Rag, STATUSES, type Status } from './status.js';
import type { Timescale } from './timescale.js';

export interface ThemeSummary {
  themeId: string | null;
  ref: string;
  title: string;
  total: number;
  byStatus: Counts<Status>;
  byRag: Counts<Rag>;
}

export interface PlanSummary {
  planId: string;
  title: string;
  kind: Plan['kind'];
  status: Plan['status'];
  total: number;
  byStatus: Counts<Status>;
  byRag: Counts<Rag>;
  overdue: number;
  slipping: number;
  stale: number;
  themes: ThemeSummary[];
  /** Direction of travel of actions since the plan's last closed reporting period, if there is one. */
  travel?: { since: string; counts: Counts<Travel> };
}

export interface DashboardItem {
  type: 'action' | 'milestone';
  id: string;
  planId: string;
  planTitle: string;
  actionId: string;
  ref: string;
  title: string;
  due?: Timescale | undefined;
  baselineDue?: Timescale | undefined;
  status: Status;
  rag: Rag;
  /** Positive when late, negative when still to come. */
  daysLate?: number | undefined;
  leads: string[];
  lastUpdateAt?: string | undefined;
}

export interface Dashboard {
  today: string;
  plans: PlanSummary[];
  overdue: DashboardItem[];
  slipping: DashboardItem[];
  stale: DashboardItem[];
  dueSoon: DashboardItem[];
}

export interface PlanData {
  plan: Plan;
  themes: Theme[];
  actions: Action[];
  milestones: Milestone[];
  /** RAG of each action at the last closed reporting period (its label), for direction of travel. */
  lastPeriod?: { label: string; rags: Record<string, Rag> } | undefined;
}

/**
 * A council's dashboard from its plans: counts by status and RAG per plan and theme, and the lists a
 * management team asks about first: overdue, slipping (re-baselined), stale, due in the next N days.
 * Sub-actions count in their theme like any action.
 */
export function buildDashboard(
  plans: PlanData[],
  today: string,
  rules: RagRules,
  opts: { dueSoonDays?: number } = {},
): Dashboard {
  const horizon = opts.dueSoonDays ?? 30;
  const out: Dashboard = { today, plans: [], overdue: [], slipping: [], stale: [], dueSoon: [] };
  for (const { plan, themes, actions, milestones, lastPeriod } of plans) {
    if (plan.status === 'archived') continue;
    const actionById = new Map(actions.map((a) => [a.id, a]));
    const summary: PlanSummary = {
      planId: plan.id,
      title: plan.title,
      kind: plan.kind,
      status: plan.status,
      total: 0,
      byStatus: zero(STATUSES),
      byRag: zero(RAGS),
      overdue: 0,
      slipping: 0,
      stale: 0,
      themes: [],
    };
    const themeSummaries = new Map<string | null, ThemeSummary>(
      themes.map((t) => [
        t.id,
        { themeId: t.id, ref: t.ref, title: t.title, total: 0, byStatus: zero(STATUSES), byRag: zero(RAGS) },
      ]),
    );
    const item = (
      type: DashboardItem['type'],
      x: Action | Milestone,
      rag: Rag,
      action: Action,
    ): DashboardItem => ({
      type,
      id: x.id,
      planId: plan.id,
      planTitle: plan.title,
      actionId: action.id,
      ref: x.ref,
      title: x.title,
      due: x.due,
      baselineDue: 'baselineDue' in x ? x.baselineDue : undefined,
      status: x.status,
      rag,
      daysLate: x.due?.due ? daysBetween(x.due.due, today) : undefined,
      leads: action.leads.map((l) => l.label),
      lastUpdateAt: action.latestUpdate?.at,
    });
    const listDates = (
      type: DashboardItem['type'],
      x: Action | Milestone,
      j: { rag: Rag; overdue: boolean; dueSoon: boolean },
      action: Action,
    ) => {
      if (j.overdue) {
        out.overdue.push(item(type, x, j.rag, action));
        summary.overdue++;
      } else if (j.dueSoon) out.dueSoon.push(item(type, x, j.rag, action));
    };

    if (lastPeriod) {
      summary.travel = { since: lastPeriod.label, counts: { improved: 0, same: 0, worse: 0, new: 0 } };
    }
    const window = { today, dueSoonDays: horizon };
    // The same judgement as the combined views' counts (board.ts), so the two never disagree.
    const judged = judgePlan(
      planClock(plan),
      actions.map(actionState),
      milestones.map(milestoneState),
      window,
      rules,
    );
    for (const a of actions) {
      const j = judged.actions.get(a.id)!;
      const { rag } = j;
      if (summary.travel) summary.travel.counts[directionOfTravel(lastPeriod?.rags[a.id], rag)]++;
      summary.total++;
      summary.byStatus[a.status]++;
      summary.byRag[rag]++;
      const key = a.themeId ?? null;
      if (!themeSummaries.has(key)) {
        themeSummaries.set(key, {
          themeId: null,
          ref: '',
          title: 'No theme',
          total: 0,
          byStatus: zero(STATUSES),
          byRag: zero(RAGS),
        });
      }
      const ts = themeSummaries.get(key)!;
      ts.total++;
      ts.byStatus[a.status]++;
      ts.byRag[rag]++;
      listDates('action', a, j, a);
      if (j.stale) {
        out.stale.push(item('action', a, rag, a));
        summary.stale++;
      }
    }
    for (const m of milestones) {
      const action = actionById.get(m.actionId);
      if (!action) continue;
      const j = judged.milestones.get(m.id)!;
      listDates('milestone', m, j, action);
      if (j.slipping) {
        out.slipping.push(item('milestone', m, j.rag, action));
        summary.slipping++;
      }
    }
    summary.themes = [...themeSummaries.values()];
    out.plans.push(summary);
  }
  const byDue = (a: DashboardItem, b: DashboardItem) => (a.due?.due ?? '').localeCompare(b.due?.due ?? '');
  out.overdue.sort(byDue);
  out.dueSoon.sort(byDue);
  out.slipping.sort(byDue);
  out.stale.sort((a, b) => (a.lastUpdateAt ?? '').localeCompare(b.lastUpdateAt ?? ''));
  return out;
}
