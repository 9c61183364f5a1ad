import { daysBetween } from './dates.js';
import type { Action, Milestone, Plan } from './entities.js';
import { occurrenceOn, repeatOf } from './occurrence.js';
import {
  combine,
  directionOfTravel,
  type RagFinding,
  type RagRules,
  type Rated,
  type RollUpMode,
  rateItem,
  rollUpOf,
} from './rag.js';
import { isOpen, RAGS, type Rag, STATUSES, type Status } from './status.js';
import type { Recurrence } from './timescale.js';

/**
 * A plan's "board": the few facts about each action and milestone that its counts depend on (status,
 * dates, override), without titles or text. Dashboards judge items from these, and the database keeps
 * them per plan, updated with every write, so that combined views can count a plan from a handful of
 * small items instead of reading every action (see packages/db/src/boards.ts).
 */
export interface ActionState {
  id: string;
  status: Status;
  /** Current due date (yyyy-mm-dd), when the timescale has one: a repeating deadline's first. */
  due?: string | undefined;
  /** How often the deadline repeats (judged by its current occurrence: occurrence.ts). */
  every?: Recurrence | undefined;
  /** An overriding RAG, when someone set one. */
  override?: Rag | undefined;
  /** Day of the latest progress update; absent when there is none yet. */
  lastUpdate?: string | undefined;
  /** Day the action was added (staleness of actions added after the plan became active). */
  created: string;
  /** The action this one is a sub-action of (its rating rolls up into the parent's). */
  parentId?: string | undefined;
  /** The theme it sits under (dashboards count per theme); absent when it has none. */
  themeId?: string | undefined;
  /** The due date first agreed, when the action has been re-baselined (moved later, with a reason). */
  baseline?: string | undefined;
}

export interface MilestoneState {
  id: string;
  status: Status;
  due?: string | undefined;
  every?: Recurrence | undefined;
  baseline?: string | undefined;
  /** The action it belongs to (its rating rolls up into the action's). */
  actionId: string;
}

export type Counts<K extends string> = Record<K, number>;

/** How long an open action may go without a progress update before it is "stale". */
export const CADENCE_DAYS: Record<Plan['reviewCadence'], number> = {
  monthly: 31,
  quarterly: 92,
  'six-monthly': 183,
  annual: 366,
};

export function actionState(
  a: Pick<
    Action,
    'id' | 'status' | 'due' | 'ragOverride' | 'latestUpdate' | 'createdAt' | 'parentId' | 'themeId'
  > &
    Partial<Pick<Action, 'baselineDue'>>,
): ActionState {
  return {
    id: a.id,
    status: a.status,
    due: a.due?.due,
    every: repeatOf(a.due),
    override: a.ragOverride?.rag,
    lastUpdate: a.latestUpdate?.at.slice(0, 10),
    created: a.createdAt.slice(0, 10),
    parentId: a.parentId,
    // A move to "no theme" may store null (ActionPatch): the board, like the dashboard, reads no theme.
    themeId: a.themeId ?? undefined,
    baseline: a.baselineDue?.due,
  };
}

export function milestoneState(
  m: Pick<Milestone, 'id' | 'status' | 'due' | 'baselineDue' | 'actionId'>,
): MilestoneState {
  return {
    id: m.id,
    status: m.status,
    due: m.due?.due,
    every: repeatOf(m.due),
    baseline: m.baselineDue?.due,
    actionId: m.actionId,
  };
}

/**
 * What staleness needs to know of a plan. Only an active plan's actions go stale: a draft is not yet
 * reported on, a closed plan no longer is.
 */
export interface PlanClock {
  status: Plan['status'];
  reviewCadence: Plan['reviewCadence'];
  /** The day the plan became active: actions with no update wait from here. */
  activeSince: string;
  createdOn: string;
}

export type PlanClockInput = Pick<Plan, 'status' | 'reviewCadence' | 'createdAt'> &
  Partial<Pick<Plan, 'activatedOn' | 'approval' | 'period'>>;

/**
 * A plan's clock. Plans record the day they become active (`activatedOn`); a plan that came in
 * already active (an import) or was saved before that was recorded became active when it was
 * approved, else when its period began, else when it was created (docs/architecture.md, "Ratings").
 */
const laterOf = (a: string, b: string) => (a > b ? a : b);

export function planClock(p: PlanClockInput): PlanClock {
  const createdOn = p.createdAt.slice(0, 10);
  return {
    status: p.status,
    reviewCadence: p.reviewCadence,
    // Never before the plan came into PeoplePlan: nothing could be reported here before it did, and a
    // plan imported mid-year would otherwise have every action stale (and its leads emailed) on day one.
    activeSince: laterOf(p.activatedOn ?? p.approval?.date ?? p.period?.start ?? createdOn, createdOn),
    createdOn,
  };
}

/**
 * The day an action was last active: its latest update, never before it came into PeoplePlan. An update
 * dated earlier is imported history (a plan's dated progress log), counted, like the plan's clock, from
 * the day it came in (docs/architecture.md, "Ratings"). Dates or ISO times, either.
 */
export const lastActiveOn = (lastUpdate: string | undefined, created: string): string =>
  laterOf((lastUpdate ?? created).slice(0, 10), created.slice(0, 10));

/**
 * The day an action's staleness counts from: its last update (never before the action was made); else, for an action that came with the
 * plan, the day the plan became active; for one added later, the later of that and the day it was added.
 */
export function staleSince(s: Pick<ActionState, 'lastUpdate' | 'created'>, plan: PlanClock): string {
  if (s.lastUpdate) return lastActiveOn(s.lastUpdate, s.created);
  if (s.created > plan.createdOn && s.created > plan.activeSince) return s.created;
  return plan.activeSince;
}

export interface Window {
  today: string;
  /** "Due soon" means due within this many days. */
  dueSoonDays: number;
}

export interface ActionJudgement {
  /** Rolled up from its own status and dates, its milestones and its sub-actions. */
  rag: Rag;
  overdue: boolean;
  dueSoon: boolean;
  stale: boolean;
  /** Open, with a current due later than first agreed (re-baselined), as a milestone can be. */
  slipping: boolean;
}

/** Re-baselined: open, and now due later than first agreed. */
const slips = (open: boolean, s: { due?: string | undefined; baseline?: string | undefined }) =>
  open && Boolean(s.due && s.baseline && s.due > s.baseline);

/** A state's deadline as rating reads it (a repeating one by its occurrence on the day). */
const dueFacts = (s: { due?: string | undefined; every?: Recurrence | undefined }) =>
  s.due
    ? s.every
      ? { due: s.due, kind: 'recurring' as const, recurrence: s.every }
      : { due: s.due }
    : undefined;

/** Overdue and due soon: for open items with a due date only; a repeating one by its current occurrence. */
function dueFlags(open: boolean, s: { due?: string | undefined; every?: Recurrence | undefined }, w: Window) {
  const due = s.due && occurrenceOn(s.due, s.every, w.today);
  const d = open && due ? daysBetween(w.today, due) : undefined;
  return { overdue: d !== undefined && d < 0, dueSoon: d !== undefined && d >= 0 && d <= w.dueSoonDays };
}

export interface MilestoneJudgement {
  rag: Rag;
  overdue: boolean;
  dueSoon: boolean;
  /** Open, with a current due later than its baseline (re-baselined). */
  slipping: boolean;
}

const rateMilestone = (s: MilestoneState, today: string, rules: RagRules) =>
  rateItem(
    {
      status: s.status,
      due: dueFacts(s),
      baselineDue: s.baseline ? { due: s.baseline } : undefined,
    },
    today,
    rules,
  );

export function judgeMilestone(s: MilestoneState, w: Window, rules: RagRules): MilestoneJudgement {
  const open = isOpen(s.status);
  return {
    rag: rateMilestone(s, w.today, rules).rag,
    ...dueFlags(open, s, w),
    slipping: slips(open, s),
  };
}

/** What the roll-up calls an item in its reasons ("B", "2.1"); the id when no label is given. */
export interface RollUpLabels {
  action(id: string): string;
  milestone(id: string): string;
}

/** A rolled-up rating can only be raised by a child's problem (amber or red), capped by the mode. */
function capped(rag: Rag, mode: RollUpMode): Rag | undefined {
  if (mode === 'none' || (rag !== 'amber' && rag !== 'red')) return undefined;
  return mode === 'amber' ? 'amber' : rag;
}

/**
 * Every action's and milestone's rating in one plan. An action's rating is its own (status, dates), raised
 * by its open milestones and open sub-actions by the council's roll-up rules (rag.ts); an override wins
 * over everything, and a closed action keeps its own rating. Each raise is kept as a finding about the
 * milestone or sub-action, so "why it is red" can name it.
 */
export function ratePlan(
  actions: readonly ActionState[],
  milestones: readonly MilestoneState[],
  today: string,
  rules: RagRules,
  labels: RollUpLabels = { action: (id) => id, milestone: (id) => id },
): { actions: Map<string, Rated>; milestones: Map<string, Rated> } {
  const mode = rollUpOf(rules);
  const msRated = new Map(milestones.map((m) => [m.id, rateMilestone(m, today, rules)]));
  const msOf = groupBy(milestones, (m) => m.actionId);
  const ids = new Set(actions.map((a) => a.id));
  const childrenOf = groupBy(
    actions.filter((a) => a.parentId && a.parentId !== a.id && ids.has(a.parentId)),
    (a) => a.parentId!,
  );
  const out = new Map<string, Rated>();
  const visiting = new Set<string>();
  const raisesFrom = (rated: Rated, rag: Rag, wrap: (f: RagFinding) => RagFinding) =>
    rated.findings.filter((f) => f.rag === rated.rag).map((f) => ({ rag, finding: wrap(f.finding) }));
  const rate = (a: ActionState): Rated => {
    const done = out.get(a.id);
    if (done) return done;
    const own = rateItem(
      {
        status: a.status,
        due: dueFacts(a),
        override: a.override && { rag: a.override },
      },
      today,
      rules,
    );
    // A sub-action that is its own ancestor (bad data) is rated on its own, never in a loop.
    if (own.overridden || !isOpen(a.status) || visiting.has(a.id)) {
      out.set(a.id, own);
      return own;
    }
    visiting.add(a.id);
    const findings = [...own.findings];
    for (const m of msOf.get(a.id) ?? []) {
      const r = msRated.get(m.id)!;
      const rag = isOpen(m.status) ? capped(r.rag, mode.milestones) : undefined;
      // Named only when it raises the rating: naming may cost a read (services ratings.ts).
      if (rag) {
        const ref = labels.milestone(m.id);
        findings.push(...raisesFrom(r, rag, (finding) => ({ kind: 'milestone', ref, finding })));
      }
    }
    for (const c of childrenOf.get(a.id) ?? []) {
      const r = rate(c);
      const rag = isOpen(c.status) ? capped(r.rag, mode.subActions) : undefined;
      if (rag) {
        const ref = labels.action(c.id);
        findings.push(...raisesFrom(r, rag, (finding) => ({ kind: 'sub-action', ref, finding })));
      }
    }
    visiting.delete(a.id);
    const rated = combine(findings, false);
    out.set(a.id, rated);
    return rated;
  };
  for (const a of actions) rate(a);
  return { actions: out, milestones: msRated };
}

function groupBy<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const i of items) {
    const k = key(i);
    const list = out.get(k);
    if (list) list.push(i);
    else out.set(k, [i]);
  }
  return out;
}

export interface PlanJudgement {
  actions: Map<string, ActionJudgement>;
  milestones: Map<string, MilestoneJudgement>;
}

/**
 * One plan's actions and milestones as every dashboard, board and list judges them: ratings rolled up
 * (ratePlan), and the lists each belongs in (overdue, due soon, stale, slipping).
 */
export function judgePlan(
  plan: PlanClock,
  actions: readonly ActionState[],
  milestones: readonly MilestoneState[],
  w: Window,
  rules: RagRules,
): PlanJudgement {
  const rated = ratePlan(actions, milestones, w.today, rules);
  const cadence = CADENCE_DAYS[plan.reviewCadence];
  const out: PlanJudgement = { actions: new Map(), milestones: new Map() };
  for (const a of actions) {
    const open = isOpen(a.status);
    out.actions.set(a.id, {
      rag: rated.actions.get(a.id)!.rag,
      ...dueFlags(open, a, w),
      stale: plan.status === 'active' && open && daysBetween(staleSince(a, plan), w.today) > cadence,
      slipping: slips(open, a),
    });
  }
  for (const m of milestones) {
    const open = isOpen(m.status);
    out.milestones.set(m.id, {
      rag: rated.milestones.get(m.id)!.rag,
      ...dueFlags(open, m, w),
      slipping: slips(open, m),
    });
  }
  return out;
}

/** Where an action sits in a person's list: late (it or one of its milestones), due soon, later, or closed. */
export type Timeliness = 'late' | 'due-soon' | 'later' | 'closed';

export function timeliness(
  status: Status,
  action: Pick<ActionJudgement, 'overdue' | 'dueSoon'>,
  milestones: ReadonlyArray<Pick<MilestoneJudgement, 'overdue' | 'dueSoon'>>,
): Timeliness {
  if (!isOpen(status)) return 'closed';
  if (action.overdue || milestones.some((m) => m.overdue)) return 'late';
  if (action.dueSoon || milestones.some((m) => m.dueSoon)) return 'due-soon';
  return 'later';
}

/** Direction of travel in a combined view: `unknown` when the plan has no closed period to compare with. */
export type TravelCounts = Counts<'improved' | 'same' | 'worse' | 'new' | 'unknown'>;

export interface PlanCounts {
  /** Actions (sub-actions included). */
  total: number;
  byStatus: Counts<Status>;
  byRag: Counts<Rag>;
  /** Open actions and milestones past their due date. */
  overdue: number;
  /** Open actions and milestones re-baselined later. */
  slipping: number;
  /** Open actions without an update within the plan's review cadence. */
  stale: number;
  /** Open actions and milestones due within the window. */
  dueSoon: number;
  travel: TravelCounts;
}

export const zeroCounts = <K extends string>(keys: readonly K[]) =>
  Object.fromEntries(keys.map((k) => [k, 0])) as Counts<K>;

export const emptyTravel = (): TravelCounts => ({ improved: 0, same: 0, worse: 0, new: 0, unknown: 0 });

export const emptyPlanCounts = (): PlanCounts => ({
  total: 0,
  byStatus: zeroCounts(STATUSES),
  byRag: zeroCounts(RAGS),
  overdue: 0,
  slipping: 0,
  stale: 0,
  dueSoon: 0,
  travel: emptyTravel(),
});

/** Adds `from` into `into` (totals across plans and councils). */
export function addPlanCounts(into: PlanCounts, from: PlanCounts): void {
  into.total += from.total;
  for (const s of STATUSES) into.byStatus[s] += from.byStatus[s];
  for (const r of RAGS) into.byRag[r] += from.byRag[r];
  into.overdue += from.overdue;
  into.slipping += from.slipping;
  into.stale += from.stale;
  into.dueSoon += from.dueSoon;
  for (const k of Object.keys(into.travel) as Array<keyof TravelCounts>) into.travel[k] += from.travel[k];
}

/**
 * A plan's counts from its board, by the same judgements as the council dashboard. Direction of
 * travel compares each action's RAG now with its RAG in `lastPeriod` (the plan's last closed
 * reporting period); without one, every action counts as `unknown`.
 */
export function countPlan(
  plan: PlanClockInput,
  actions: readonly ActionState[],
  milestones: readonly MilestoneState[],
  w: Window,
  rules: RagRules,
  lastPeriod?: { rags: Readonly<Record<string, Rag>> } | undefined,
): PlanCounts {
  const out = emptyPlanCounts();
  const judged = judgePlan(planClock(plan), actions, milestones, w, rules);
  for (const a of actions) {
    const j = judged.actions.get(a.id)!;
    out.total++;
    out.byStatus[a.status]++;
    out.byRag[j.rag]++;
    if (j.overdue) out.overdue++;
    if (j.dueSoon) out.dueSoon++;
    if (j.stale) out.stale++;
    if (j.slipping) out.slipping++;
    out.travel[lastPeriod ? directionOfTravel(lastPeriod.rags[a.id], j.rag) : 'unknown']++;
  }
  for (const m of milestones) {
    const j = judged.milestones.get(m.id)!;
    if (j.overdue) out.overdue++;
    if (j.dueSoon) out.dueSoon++;
    if (j.slipping) out.slipping++;
  }
  return out;
}
