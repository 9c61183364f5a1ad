import {
  addPlanCounts,
  type Counts,
  countPlan,
  emptyPlanCounts,
  type Plan,
  type PlanCounts,
  type PlanKind,
  type Rag,
  type Status,
  type TravelCounts,
} from '@peopleplan/core';
import type { CouncilBoards } from './types.js';

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
  /**
   * Each action's RAG now against its RAG when its plan's last reporting period was closed: `new`
   * for actions added since, `unknown` for plans with no closed period yet.
   */
  travel: TravelCounts;
}

export interface SharedPlanRef {
  planId: string;
  title: string;
  kind: PlanKind;
  status: Plan['status'];
  /** The closed reporting period direction of travel compares with (none: not yet compared). */
  comparedWith?: { key: string; label: string } | undefined;
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
  dueSoonDays: number;
  /** One row per consenting council, by name. Nothing else appears: no row, no count, no name. */
  councils: OverviewRow[];
  totals: OverviewCounts;
}

const asOverview = (plans: number, c: PlanCounts): OverviewCounts => ({
  plans,
  actions: c.total,
  byStatus: c.byStatus,
  byRag: c.byRag,
  overdue: c.overdue,
  slipping: c.slipping,
  stale: c.stale,
  dueSoon: c.dueSoon,
  travel: c.travel,
});

/** One council's row: its shared plans counted by its own RAG rules, as its own dashboard counts them. */
export function councilRow(
  council: CouncilBoards,
  today: string,
  opts: { dueSoonDays: number },
): OverviewRow {
  const sum = emptyPlanCounts();
  const sharedPlans: SharedPlanRef[] = [];
  for (const p of council.plans) {
    if (p.plan.status === 'archived') continue;
    const window = { today, dueSoonDays: opts.dueSoonDays };
    addPlanCounts(sum, countPlan(p.plan, p.actions, p.milestones, window, council.ragRules, p.lastPeriod));
    const { id: planId, title, kind, status } = p.plan;
    sharedPlans.push({
      planId,
      title,
      kind,
      status,
      ...(p.lastPeriod && { comparedWith: { key: p.lastPeriod.key, label: p.lastPeriod.label } }),
    });
  }
  return {
    councilId: council.councilId,
    councilName: council.councilName,
    sharedPlans,
    ...asOverview(sharedPlans.length, sum),
  };
}

/** The combined dashboard: one row per consenting council, and the partnership's totals. */
export function buildOverview(
  partnership: { id: string; name: string },
  councils: readonly CouncilBoards[],
  today: string,
  opts: { dueSoonDays?: number | undefined } = {},
): PartnershipOverview {
  const dueSoonDays = opts.dueSoonDays ?? 30;
  const rows = councils
    .map((c) => councilRow(c, today, { dueSoonDays }))
    .sort((a, b) => a.councilName.localeCompare(b.councilName, 'en'));
  const totals = emptyPlanCounts();
  let plans = 0;
  for (const r of rows) {
    plans += r.plans;
    addPlanCounts(totals, { ...r, total: r.actions });
  }
  return {
    partnership: { id: partnership.id, name: partnership.name },
    today,
    dueSoonDays,
    councils: rows,
    totals: asOverview(plans, totals),
  };
}
