import { daysBetween, isCalendarDate } from './dates.js';
import type { Action, Milestone, Plan } from './entities.js';
import { deriveRag, directionOfTravel, type RagRules } from './rag.js';
import { isOpen, RAGS, type Rag, STATUSES, type Status } from './status.js';

/**
 * A plan's "board": the few facts about each action and milestone that its counts depend on (status,
 * dates, override), without titles or text. Dashboards judge items from these, and the database keeps
 * them per plan, updated with every write, so that combined views can count a plan from a handful of
 * small items instead of reading every action (see packages/db/src/boards.ts).
 */
export interface ActionState {
  id: string;
  status: Status;
  /** Current due date (yyyy-mm-dd), when the timescale has one. */
  due?: string | undefined;
  /** An overriding RAG, when someone set one. */
  override?: Rag | undefined;
  /** Day of the latest progress update, or of creation when there is none (staleness). */
  lastActivity: string;
}

export interface MilestoneState {
  id: string;
  status: Status;
  due?: string | undefined;
  baseline?: string | undefined;
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
  a: Pick<Action, 'id' | 'status' | 'due' | 'ragOverride' | 'latestUpdate' | 'createdAt'>,
): ActionState {
  return {
    id: a.id,
    status: a.status,
    due: a.due?.due,
    override: a.ragOverride?.rag,
    lastActivity: (a.latestUpdate?.at ?? a.createdAt).slice(0, 10),
  };
}

export function milestoneState(m: Pick<Milestone, 'id' | 'status' | 'due' | 'baselineDue'>): MilestoneState {
  return { id: m.id, status: m.status, due: m.due?.due, baseline: m.baselineDue?.due };
}

export interface Window {
  today: string;
  /** "Due soon" means due within this many days. */
  dueSoonDays: number;
}

export interface ActionJudgement {
  rag: Rag;
  overdue: boolean;
  dueSoon: boolean;
  stale: boolean;
}

/** One action as every dashboard judges it: RAG by the council's rules, and the lists it belongs in. */
export function judgeAction(
  s: ActionState,
  w: Window,
  rules: RagRules,
  cadenceDays: number,
): ActionJudgement {
  const { rag } = deriveRag(
    {
      status: s.status,
      due: s.due ? { due: s.due } : undefined,
      override: s.override && { rag: s.override },
    },
    w.today,
    rules,
  );
  const open = isOpen(s.status);
  return {
    rag,
    ...dueFlags(open, s.due, w),
    stale: open && daysBetween(s.lastActivity, w.today) > cadenceDays,
  };
}

/** Overdue and due soon: for open items with a due date only. */
function dueFlags(open: boolean, due: string | undefined, w: Window) {
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

export function judgeMilestone(s: MilestoneState, w: Window, rules: RagRules): MilestoneJudgement {
  const { rag } = deriveRag(
    {
      status: s.status,
      due: s.due ? { due: s.due } : undefined,
      baselineDue: s.baseline ? { due: s.baseline } : undefined,
    },
    w.today,
    rules,
  );
  const open = isOpen(s.status);
  return {
    rag,
    ...dueFlags(open, s.due, w),
    slipping: open && Boolean(s.due && s.baseline && s.due > s.baseline),
  };
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
  /** Open milestones re-baselined later. */
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
  plan: Pick<Plan, 'reviewCadence'>,
  actions: readonly ActionState[],
  milestones: readonly MilestoneState[],
  w: Window,
  rules: RagRules,
  lastPeriod?: { rags: Readonly<Record<string, Rag>> } | undefined,
): PlanCounts {
  const out = emptyPlanCounts();
  const cadence = CADENCE_DAYS[plan.reviewCadence];
  for (const a of actions) {
    const j = judgeAction(a, w, rules, cadence);
    out.total++;
    out.byStatus[a.status]++;
    out.byRag[j.rag]++;
    if (j.overdue) out.overdue++;
    if (j.dueSoon) out.dueSoon++;
    if (j.stale) out.stale++;
    out.travel[lastPeriod ? directionOfTravel(lastPeriod.rags[a.id], j.rag) : 'unknown']++;
  }
  for (const m of milestones) {
    const j = judgeMilestone(m, w, rules);
    if (j.overdue) out.overdue++;
    if (j.dueSoon) out.dueSoon++;
    if (j.slipping) out.slipping++;
  }
  return out;
}

// Board entries as stored: one short string per item, `|`-separated (statuses and dates never hold `|`).
const STATUS_SET = new Set<string>(STATUSES);
const RAG_SET = new Set<string>(RAGS);

export function encodeActionState(s: ActionState): string {
  return `${s.status}|${s.due ?? ''}|${s.override ?? ''}|${s.lastActivity}`;
}

export function encodeMilestoneState(s: MilestoneState): string {
  return `${s.status}|${s.due ?? ''}|${s.baseline ?? ''}`;
}

/** Written only by the encoders above: anything else is corruption, reported rather than guessed at. */
function corrupt(id: string, text: string): never {
  throw new Error(`corrupt board entry for ${id}: ${text.slice(0, 80)}`);
}

export function decodeActionState(id: string, text: string): ActionState {
  const [status, due, override, lastActivity] = text.split('|');
  if (
    !status ||
    !STATUS_SET.has(status) ||
    !isCalendarDate(lastActivity) ||
    (override && !RAG_SET.has(override)) ||
    (due && !isCalendarDate(due))
  ) {
    corrupt(id, text);
  }
  return {
    id,
    status: status as Status,
    due: due || undefined,
    override: (override || undefined) as Rag | undefined,
    lastActivity,
  };
}

export function decodeMilestoneState(id: string, text: string): MilestoneState {
  const [status, due, baseline] = text.split('|');
  if (!status || !STATUS_SET.has(status) || (due && !isCalendarDate(due))) corrupt(id, text);
  if (baseline && !isCalendarDate(baseline)) corrupt(id, text);
  return { id, status: status as Status, due: due || undefined, baseline: baseline || undefined };
}
