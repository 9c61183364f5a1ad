import {
  buildDashboard,
  type Counts,
  type Plan,
  type PlanKind,
  RAGS,
  type Rag,
  STATUSES,
  type Status,
} from '@peopleplan/core';
import { daysBefore } from './dates.js';
import { actionTravel, emptyTravel, type TravelCounts } from './travel.js';
import type { SharedCouncil, UpdateMark } from './types.js';

export interface OverviewCounts {
  plans: number;
  actions: number;
  byStatus: Counts<Status>;
  byRag: Counts<Rag>;
  /** Open actions and milestones past their due date (as on the council's own dashboard). */
  overdue: number;
  /** Open milestones whose current due is later than their baseline. */
  slipping: number;
  /** Open actions without a progress update within their plan's review cadence. */
  stale: number;
  /** Open actions and milestones due within `dueSoonDays`. */
  dueSoon: number;
  /** Direction of travel of actions since `since`. */
  travel: TravelCounts;
}

export interface SharedPlanRef {
  planId: string;
  title: string;
  kind: PlanKind;
  status: Plan['status'];
}

export interface OverviewRow extends OverviewCounts {
  councilId: string;
  councilName: string;
  /** The plans this council shares (links to the read-only plan view; kinds for the side-by-side). */
  sharedPlans: SharedPlanRef[];
}

export interface PartnershipOverview {
  partnership: { id: string; name: string };
  today: string;
  /** Direction of travel is measured from this date. */
  since: string;
  dueSoonDays: number;
  /** One row per consenting council, by name. Nothing else appears: no row, no count, no name. */
  councils: OverviewRow[];
  totals: OverviewCounts;
}

const zero = <K extends string>(keys: readonly K[]) =>
  Object.fromEntries(keys.map((k) => [k, 0])) as Counts<K>;

const emptyCounts = (): OverviewCounts => ({
  plans: 0,
  actions: 0,
  byStatus: zero(STATUSES),
  byRag: zero(RAGS),
  overdue: 0,
  slipping: 0,
  stale: 0,
  dueSoon: 0,
  travel: emptyTravel(),
});

function add(into: OverviewCounts, from: OverviewCounts): void {
  into.plans += from.plans;
  into.actions += from.actions;
  for (const s of STATUSES) into.byStatus[s] += from.byStatus[s];
  for (const r of RAGS) into.byRag[r] += from.byRag[r];
  into.overdue += from.overdue;
  into.slipping += from.slipping;
  into.stale += from.stale;
  into.dueSoon += from.dueSoon;
  for (const k of Object.keys(into.travel) as Array<keyof TravelCounts>) into.travel[k] += from.travel[k];
}

/** One council's row: the council's own dashboard rules (its RAG rules), summed over its shared plans. */
export function councilRow(
  council: SharedCouncil,
  today: string,
  opts: { since: string; dueSoonDays: number },
): OverviewRow {
  const dash = buildDashboard(council.plans, today, council.ragRules, { dueSoonDays: opts.dueSoonDays });
  const counts = emptyCounts();
  for (const p of dash.plans) {
    counts.plans++;
    counts.actions += p.total;
    for (const s of STATUSES) counts.byStatus[s] += p.byStatus[s];
    for (const r of RAGS) counts.byRag[r] += p.byRag[r];
  }
  counts.overdue = dash.overdue.length;
  counts.slipping = dash.slipping.length;
  counts.stale = dash.stale.length;
  counts.dueSoon = dash.dueSoon.length;
  for (const plan of council.plans) {
    if (plan.plan.status === 'archived') continue;
    const byAction = new Map<string, UpdateMark[]>();
    for (const u of plan.updates) {
      const list = byAction.get(u.actionId);
      if (list) list.push(u);
      else byAction.set(u.actionId, [u]);
    }
    for (const a of plan.actions) {
      counts.travel[actionTravel(a, byAction.get(a.id) ?? [], opts.since, today, council.ragRules)]++;
    }
  }
  const sharedPlans = dash.plans.map(({ planId, title, kind, status }) => ({ planId, title, kind, status }));
  return { councilId: council.councilId, councilName: council.councilName, sharedPlans, ...counts };
}

/** The combined dashboard: one row per consenting council, and the partnership's totals. */
export function buildOverview(
  partnership: { id: string; name: string },
  councils: readonly SharedCouncil[],
  today: string,
  opts: { since?: string | undefined; dueSoonDays?: number | undefined } = {},
): PartnershipOverview {
  const since = opts.since ?? daysBefore(today, 30);
  const dueSoonDays = opts.dueSoonDays ?? 30;
  const rows = councils
    .map((c) => councilRow(c, today, { since, dueSoonDays }))
    .sort((a, b) => a.councilName.localeCompare(b.councilName, 'en'));
  const totals = emptyCounts();
  for (const r of rows) add(totals, r);
  return {
    partnership: { id: partnership.id, name: partnership.name },
    today,
    since,
    dueSoonDays,
    councils: rows,
    totals,
  };
}
