import {
  addPlanCounts,
  countPlan,
  emptyPlanCounts,
  type Plan,
  type PlanCounts,
  type PlanKind,
} from '@peopleplan/core';
import type { CouncilBoards } from './types.js';

/**
 * A council's (or the partnership's) counts, as core's PlanCounts summed over shared plans. Direction
 * of travel compares each action's RAG now with its RAG when its plan's last reporting period was
 * closed: `new` for actions added since, `unknown` for plans with no closed period yet.
 */
export type OverviewCounts = Omit<PlanCounts, 'total'> & { plans: number; actions: number };

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

const asOverview = (plans: number, { total, ...c }: PlanCounts): OverviewCounts => ({
  plans,
  actions: total,
  ...c,
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
