import {
  buildDashboard,
  type Counts,
  type Plan,
  type PlanKind,
  type Rag,
  type Status,
} from '@peopleplan/core';
import type { SharedCouncil } from './types.js';

export interface ComparedTheme {
  ref: string;
  title: string;
  total: number;
  byStatus: Counts<Status>;
  byRag: Counts<Rag>;
}

/** One column of the side-by-side view: a council's plan of the kind being compared. */
export interface ComparedPlan {
  councilId: string;
  councilName: string;
  planId: string;
  title: string;
  period: Plan['period'];
  status: Plan['status'];
  total: number;
  byStatus: Counts<Status>;
  byRag: Counts<Rag>;
  overdue: number;
  slipping: number;
  stale: number;
  themes: ComparedTheme[];
  /** The latest progress update on any of its actions. */
  lastUpdateAt?: string | undefined;
}

export interface PlanComparison {
  kind: PlanKind;
  today: string;
  plans: ComparedPlan[];
  /**
   * Rows of the side-by-side table: each theme ref found in any compared plan (`1`, `2`… as the plans
   * number their priorities or headings), with one cell per plan in `plans` order (null: none there).
   */
  themeRows: Array<{ ref: string; cells: Array<ComparedTheme | null> }>;
}

/** Every consenting council's shared plans of one kind, summarised the same way, side by side. */
export function comparePlans(
  councils: readonly SharedCouncil[],
  kind: PlanKind,
  today: string,
): PlanComparison {
  const plans: ComparedPlan[] = [];
  for (const council of councils) {
    const ofKind = council.plans.filter((p) => p.plan.kind === kind);
    if (!ofKind.length) continue;
    const dash = buildDashboard(ofKind, today, council.ragRules);
    for (const s of dash.plans) {
      const data = ofKind.find((p) => p.plan.id === s.planId)!;
      const lastUpdateAt = data.actions
        .map((a) => a.latestUpdate?.at)
        .filter((at): at is string => at !== undefined)
        .sort()
        .at(-1);
      plans.push({
        councilId: council.councilId,
        councilName: council.councilName,
        planId: s.planId,
        title: s.title,
        period: data.plan.period,
        status: s.status,
        total: s.total,
        byStatus: s.byStatus,
        byRag: s.byRag,
        overdue: s.overdue,
        slipping: s.slipping,
        stale: s.stale,
        themes: s.themes.map(({ ref, title, total, byStatus, byRag }) => ({
          ref,
          title,
          total,
          byStatus,
          byRag,
        })),
        lastUpdateAt,
      });
    }
  }
  plans.sort(
    (a, b) => a.councilName.localeCompare(b.councilName, 'en') || a.title.localeCompare(b.title, 'en'),
  );
  const refs = [...new Set(plans.flatMap((p) => p.themes.map((t) => t.ref)))].sort((a, b) =>
    // Themes without a ref ("No theme") go last.
    a === '' ? 1 : b === '' ? -1 : a.localeCompare(b, 'en', { numeric: true }),
  );
  const themeRows = refs.map((ref) => ({
    ref,
    cells: plans.map((p) => p.themes.find((t) => t.ref === ref) ?? null),
  }));
  return { kind, today, plans, themeRows };
}
