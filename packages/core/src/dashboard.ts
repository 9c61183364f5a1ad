import {
  type ActionState,
  actionState,
  type Counts,
  judgePlan,
  type MilestoneState,
  milestoneState,
  planClock,
  zeroCounts as zero,
} from './board.js';
import type { Action, Milestone, Plan, Theme } from './entities.js';
import { dueOn, lateBy } from './occurrence.js';
import { type RagRules, type TravelMove, travelMove } from './rag.js';
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
  /** What the plan calls its groups, when it has its own word ("Objective"): its table's headings use it. */
  themeNoun?: string;
  status: Plan['status'];
  total: number;
  byStatus: Counts<Status>;
  byRag: Counts<Rag>;
  /** Overdue actions and milestones together; of them, `overdueMilestones` are milestones. */
  overdue: number;
  overdueMilestones: number;
  slipping: number;
  stale: number;
  themes: ThemeSummary[];
  /** Direction of travel of actions since the plan's last closed reporting period, if there is one. */
  travel?: { since: string; counts: Counts<TravelMove> };
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
  /** Every directorate the council's plans name (a head of service reads theirs alone), A to Z. */
  directorates?: string[];
  /** The directorate the dashboard is narrowed to, when it is. */
  directorate?: string;
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
 * One plan as the dashboard counts it: its header, its themes (in their order), the counting facts of
 * its actions and milestones (its board, or the same facts from its items), and each action's RAG at
 * the last closed reporting period, for direction of travel.
 */
export interface DashboardBoard {
  plan: Plan;
  themes: ReadonlyArray<Pick<Theme, 'id' | 'ref' | 'title'>>;
  actions: readonly ActionState[];
  milestones: readonly MilestoneState[];
  lastPeriod?: { label: string; rags: Readonly<Record<string, Rag>> } | undefined;
}

export type DashboardList = 'overdue' | 'slipping' | 'stale' | 'dueSoon';

/** An item one of the lists names, judged, before its display fields (title, leads…) are read. */
export interface ListedItem {
  list: DashboardList;
  type: DashboardItem['type'];
  id: string;
  actionId: string;
  rag: Rag;
  plan: Pick<Plan, 'id' | 'title'>;
  /** Where its plan is in the dashboard: lists keep plans in this order among items due alike. */
  planIndex: number;
}

/** The counts of a dashboard, and which items its lists name. */
export interface DashboardCounts {
  today: string;
  plans: PlanSummary[];
  listed: ListedItem[];
}

const emptyTheme = (themeId: string | null, ref: string, title: string): ThemeSummary => ({
  themeId,
  ref,
  title,
  total: 0,
  byStatus: zero(STATUSES),
  byRag: zero(RAGS),
});

/**
 * One plan's summary (counts per plan and theme, direction of travel), adding the items its lists
 * name to `listed`. Actions whose theme is none or not one of the plan's count under "No theme", one
 * group per missing theme, after the plan's own themes (no theme first, then by id).
 */
function summarisePlan(
  b: DashboardBoard,
  planIndex: number,
  window: { today: string; dueSoonDays: number },
  rules: RagRules,
  listed: ListedItem[],
): PlanSummary {
  const { plan, lastPeriod } = b;
  const summary: PlanSummary = {
    planId: plan.id,
    title: plan.title,
    kind: plan.kind,
    ...(plan.themeNoun && { themeNoun: plan.themeNoun }),
    status: plan.status,
    total: 0,
    byStatus: zero(STATUSES),
    byRag: zero(RAGS),
    overdue: 0,
    overdueMilestones: 0,
    slipping: 0,
    stale: 0,
    themes: [],
    ...(lastPeriod && {
      travel: {
        since: lastPeriod.label,
        counts: { improved: 0, started: 0, same: 0, stopped: 0, worse: 0, new: 0 },
      },
    }),
  };
  const themes = new Map(b.themes.map((t) => [t.id, emptyTheme(t.id, t.ref, t.title)]));
  const others = new Map<string, ThemeSummary>();
  const list = (l: DashboardList, type: ListedItem['type'], id: string, actionId: string, rag: Rag) =>
    listed.push({ list: l, type, id, actionId, rag, plan: { id: plan.id, title: plan.title }, planIndex });
  // The same judgement as the combined views' counts (board.ts), so the two never disagree.
  const judged = judgePlan(planClock(plan), b.actions, b.milestones, window, rules);
  for (const a of b.actions) {
    const j = judged.actions.get(a.id)!;
    // Counted as reports count it (a start is no "no change"); partnership views count by rank alone.
    if (summary.travel) summary.travel.counts[travelMove(lastPeriod?.rags[a.id], j.rag)]++;
    summary.total++;
    summary.byStatus[a.status]++;
    summary.byRag[j.rag]++;
    const key = a.themeId ?? '';
    let ts = (a.themeId && themes.get(a.themeId)) || others.get(key);
    if (!ts) {
      ts = emptyTheme(null, '', 'No theme');
      others.set(key, ts);
    }
    ts.total++;
    ts.byStatus[a.status]++;
    ts.byRag[j.rag]++;
    if (j.overdue) {
      list('overdue', 'action', a.id, a.id, j.rag);
      summary.overdue++;
    } else if (j.dueSoon) list('dueSoon', 'action', a.id, a.id, j.rag);
    if (j.stale) {
      list('stale', 'action', a.id, a.id, j.rag);
      summary.stale++;
    }
    if (j.slipping) {
      list('slipping', 'action', a.id, a.id, j.rag);
      summary.slipping++;
    }
  }
  const actionIds = new Set(b.actions.map((a) => a.id));
  for (const m of b.milestones) {
    // A milestone of an action that is not there (bad data) is neither counted nor listed.
    if (!actionIds.has(m.actionId)) continue;
    const j = judged.milestones.get(m.id)!;
    if (j.overdue) {
      list('overdue', 'milestone', m.id, m.actionId, j.rag);
      summary.overdue++;
      summary.overdueMilestones++;
    } else if (j.dueSoon) list('dueSoon', 'milestone', m.id, m.actionId, j.rag);
    if (j.slipping) {
      list('slipping', 'milestone', m.id, m.actionId, j.rag);
      summary.slipping++;
    }
  }
  const missing = [...others].sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)).map(([, t]) => t);
  summary.themes = [...themes.values(), ...missing];
  return summary;
}

/**
 * A council's dashboard counts from its plans' boards: counts by status and RAG per plan and theme,
 * and which items belong in the lists a management team asks about first (overdue, slipping
 * (re-baselined), stale, due in the next N days). Sub-actions count in their theme like any action.
 * Nothing here needs an item's title or text: those are read for the listed items only (`listDashboard`).
 */
export function countDashboard(
  boards: readonly DashboardBoard[],
  today: string,
  rules: RagRules,
  opts: { dueSoonDays?: number } = {},
): DashboardCounts {
  const window = { today, dueSoonDays: opts.dueSoonDays ?? 30 };
  const listed: ListedItem[] = [];
  const plans: PlanSummary[] = [];
  boards.forEach((b, i) => {
    if (b.plan.status !== 'archived') plans.push(summarisePlan(b, i, window, rules, listed));
  });
  return { today, plans, listed };
}

/** What a list shows of an action: read by key for listed items only. */
export type ListedAction = Pick<Action, 'id' | 'ref' | 'title' | 'due' | 'status' | 'leads' | 'order'> &
  Partial<Pick<Action, 'baselineDue'>> & {
    latestUpdate?: Pick<NonNullable<Action['latestUpdate']>, 'at'> | undefined;
  };

/** What a list shows of a milestone (and of its action: leads, last update). */
export type ListedMilestone = Pick<
  Milestone,
  'id' | 'actionId' | 'ref' | 'title' | 'due' | 'baselineDue' | 'status'
>;

export interface ListedDisplay {
  actions: ReadonlyMap<string, ListedAction>;
  milestones: ReadonlyMap<string, ListedMilestone>;
}

// Collators made once: `localeCompare` with a locale and options sets one up on every call, slow
// over long lists. Same order as `a.localeCompare(b, 'en', { numeric: true })` and `a.localeCompare(b)`.
const numeric = new Intl.Collator('en', { numeric: true }).compare;
const local = new Intl.Collator().compare;
const plain = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The order a plan reads in (PlansRepo: actions by order then ref, then milestones by ref, each in
 * key order after that). Lists sort by date; items due alike stay in this order.
 */
function planOrder(x: ListedItem & { shown: ListedAction | ListedMilestone }, y: typeof x): number {
  if (x.planIndex !== y.planIndex) return x.planIndex - y.planIndex;
  if (x.type !== y.type) return x.type === 'action' ? -1 : 1;
  if (x.type === 'action') {
    const [a, b] = [x.shown as ListedAction, y.shown as ListedAction];
    return a.order - b.order || numeric(a.ref, b.ref) || plain(a.id, b.id);
  }
  return numeric(x.shown.ref, y.shown.ref) || plain(`${x.actionId}#MS#${x.id}`, `${y.actionId}#MS#${y.id}`);
}

/**
 * The dashboard: its counts, and its lists with each item's display fields. A listed item whose
 * fields are not in `display` (changed away meanwhile) is left out of the list; the counts stand.
 */
export function listDashboard(counts: DashboardCounts, display: ListedDisplay): Dashboard {
  const { today } = counts;
  const out: Dashboard = { today, plans: counts.plans, overdue: [], slipping: [], stale: [], dueSoon: [] };
  const shown = counts.listed.flatMap((l) => {
    const action = display.actions.get(l.actionId);
    const x = l.type === 'action' ? action : display.milestones.get(l.id);
    return x && action ? [{ ...l, shown: x, action }] : [];
  });
  shown.sort(planOrder);
  for (const { list, type, rag, plan, shown: x, action } of shown) {
    out[list].push({
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
      daysLate: lateBy(x.due, today),
      leads: action.leads.map((l) => l.label),
      lastUpdateAt: action.latestUpdate?.at,
    });
  }
  const byDue = (a: DashboardItem, b: DashboardItem) =>
    local(dueOn(a.due, today) ?? '', dueOn(b.due, today) ?? '');
  out.overdue.sort(byDue);
  out.dueSoon.sort(byDue);
  out.slipping.sort(byDue);
  out.stale.sort((a, b) => local(a.lastUpdateAt ?? '', b.lastUpdateAt ?? ''));
  return out;
}

/**
 * A council's dashboard from its plans read whole: the same counting and lists as from boards
 * (`countDashboard`, `listDashboard`), for callers that hold the plans already.
 */
export function buildDashboard(
  plans: PlanData[],
  today: string,
  rules: RagRules,
  opts: { dueSoonDays?: number } = {},
): Dashboard {
  const counts = countDashboard(
    plans.map((p) => ({
      plan: p.plan,
      themes: p.themes,
      actions: p.actions.map(actionState),
      milestones: p.milestones.map(milestoneState),
      lastPeriod: p.lastPeriod,
    })),
    today,
    rules,
    opts,
  );
  return listDashboard(counts, {
    actions: new Map(plans.flatMap((p) => p.actions.map((a) => [a.id, a]))),
    milestones: new Map(plans.flatMap((p) => p.milestones.map((m) => [m.id, m]))),
  });
}
