import type { Action, Milestone, Plan, ReviewCadence, Theme } from './entities.js';
import { deriveRag, directionOfTravel, type RagRules, type Travel } from './rag.js';
import { isOpen, RAGS, type Rag, STATUSES, type Status } from './status.js';
import type { Timescale } from './timescale.js';

/** How long an open action may go without a progress update before it is "stale". */
export const CADENCE_DAYS: Record<ReviewCadence, number> = {
  monthly: 31,
  quarterly: 92,
  'six-monthly': 183,
  annual: 366,
};

export type Counts<K extends string> = Record<K, number>;

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

const zero = <K extends string>(keys: readonly K[]) =>
  Object.fromEntries(keys.map((k) => [k, 0])) as Counts<K>;
const DAY = 86_400_000;
const days = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / DAY);

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
      daysLate: x.due?.due ? days(x.due.due, today) : undefined,
      leads: action.leads.map((l) => l.label),
      lastUpdateAt: action.latestUpdate?.at,
    });
    const classifyDates = (type: DashboardItem['type'], x: Action | Milestone, rag: Rag, action: Action) => {
      const due = x.due?.due;
      if (!isOpen(x.status) || !due) return;
      const d = days(today, due);
      if (d < 0) {
        out.overdue.push(item(type, x, rag, action));
        summary.overdue++;
      } else if (d <= horizon) out.dueSoon.push(item(type, x, rag, action));
    };

    if (lastPeriod) {
      summary.travel = { since: lastPeriod.label, counts: { improved: 0, same: 0, worse: 0, new: 0 } };
    }
    for (const a of actions) {
      const { rag } = deriveRag({ status: a.status, due: a.due, override: a.ragOverride }, today, rules);
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
      classifyDates('action', a, rag, a);
      const last = a.latestUpdate?.at ?? a.createdAt;
      if (isOpen(a.status) && days(last.slice(0, 10), today) > CADENCE_DAYS[plan.reviewCadence]) {
        out.stale.push(item('action', a, rag, a));
        summary.stale++;
      }
    }
    for (const m of milestones) {
      const action = actionById.get(m.actionId);
      if (!action) continue;
      const { rag } = deriveRag({ status: m.status, due: m.due, baselineDue: m.baselineDue }, today, rules);
      classifyDates('milestone', m, rag, action);
      if (isOpen(m.status) && m.due?.due && m.baselineDue?.due && m.due.due > m.baselineDue.due) {
        out.slipping.push(item('milestone', m, rag, action));
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
