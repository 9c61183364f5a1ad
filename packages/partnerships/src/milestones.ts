import {
  type Action,
  deriveRag,
  isOpen,
  type PlanKind,
  type Rag,
  type Status,
  type Theme,
  type Timescale,
} from '@peopleplan/core';
import { daysBetween } from './dates.js';
import type { SharedCouncil } from './types.js';

/** A milestone that is overdue, slipping (re-baselined later), or both, with where it sits. */
export interface CombinedMilestone {
  councilId: string;
  councilName: string;
  planId: string;
  planTitle: string;
  planKind: PlanKind;
  themeId?: string | undefined;
  themeRef?: string | undefined;
  themeTitle?: string | undefined;
  actionId: string;
  actionRef: string;
  actionTitle: string;
  id: string;
  ref: string;
  title: string;
  due?: Timescale | undefined;
  baselineDue?: Timescale | undefined;
  status: Status;
  rag: Rag;
  ragReasons: string[];
  overdue: boolean;
  /** Days past the current due, when overdue. */
  daysLate?: number | undefined;
  slipping: boolean;
  /** Days the current due lies after the baseline, when slipping. */
  slippedDays?: number | undefined;
  /** Lead labels of the milestone's action, as the plan writes them. */
  leads: string[];
  /** When the milestone last changed (a re-baseline shows here). */
  changedAt: string;
}

export interface MilestoneFilter {
  /** Only these councils (ids). A council that does not share simply gives no rows. */
  councils?: readonly string[] | undefined;
  /** Theme id, ref (`2`), or words from its title, case-insensitive. */
  theme?: string | undefined;
  /** Words from a lead's label (`GM (HR)`, `Head of Paid Service`), case-insensitive. */
  lead?: string | undefined;
  /** Current due on or after this date. */
  from?: string | undefined;
  /** Current due on or before this date. */
  to?: string | undefined;
}

const norm = (s: string) => s.trim().toLocaleLowerCase('en-GB');

function themeMatches(theme: Theme | undefined, wanted: string): boolean {
  if (!theme) return false;
  const w = norm(wanted);
  return theme.id === wanted || norm(theme.ref) === w || norm(theme.title).includes(w);
}

/** Sub-actions often carry no theme of their own: they sit in their parent's. */
function themeOf(
  action: Action,
  actions: Map<string, Action>,
  themes: Map<string, Theme>,
): Theme | undefined {
  let a: Action | undefined = action;
  for (let depth = 0; a && depth < 10; depth++) {
    if (a.themeId) return themes.get(a.themeId);
    a = a.parentId ? actions.get(a.parentId) : undefined;
  }
  return undefined;
}

/**
 * Overdue and slipping milestones across every consenting council, by current due date. The same
 * rules as each council's dashboard: open milestones only; overdue = due before today; slipping =
 * current due later than the baseline.
 */
export function combinedMilestones(
  councils: readonly SharedCouncil[],
  today: string,
  filter: MilestoneFilter = {},
): CombinedMilestone[] {
  const wantedCouncils = filter.councils?.length ? new Set(filter.councils) : undefined;
  const out: CombinedMilestone[] = [];
  for (const council of councils) {
    if (wantedCouncils && !wantedCouncils.has(council.councilId)) continue;
    for (const { plan, themes, actions, milestones } of council.plans) {
      if (plan.status === 'archived') continue;
      const actionById = new Map(actions.map((a) => [a.id, a]));
      const themeById = new Map(themes.map((t) => [t.id, t]));
      for (const m of milestones) {
        const action = actionById.get(m.actionId);
        const due = m.due?.due;
        if (!action || !isOpen(m.status) || !due) continue;
        const baseline = m.baselineDue?.due;
        const overdue = due < today;
        const slipping = baseline !== undefined && due > baseline;
        if (!overdue && !slipping) continue;
        if (filter.from && due < filter.from) continue;
        if (filter.to && due > filter.to) continue;
        const theme = themeOf(action, actionById, themeById);
        if (filter.theme && !themeMatches(theme, filter.theme)) continue;
        const leads = action.leads.map((l) => l.label);
        if (filter.lead && !leads.some((l) => norm(l).includes(norm(filter.lead!)))) continue;
        const rag = deriveRag(
          { status: m.status, due: m.due, baselineDue: m.baselineDue },
          today,
          council.ragRules,
        );
        out.push({
          councilId: council.councilId,
          councilName: council.councilName,
          planId: plan.id,
          planTitle: plan.title,
          planKind: plan.kind,
          themeId: theme?.id,
          themeRef: theme?.ref,
          themeTitle: theme?.title,
          actionId: action.id,
          actionRef: action.ref,
          actionTitle: action.title,
          id: m.id,
          ref: m.ref,
          title: m.title,
          due: m.due,
          baselineDue: m.baselineDue,
          status: m.status,
          rag: rag.rag,
          ragReasons: rag.reasons,
          overdue,
          daysLate: overdue ? daysBetween(due, today) : undefined,
          slipping,
          slippedDays: slipping ? daysBetween(baseline!, due) : undefined,
          leads,
          changedAt: m.updatedAt,
        });
      }
    }
  }
  return out.sort(
    (a, b) =>
      (a.due?.due ?? '').localeCompare(b.due?.due ?? '') ||
      a.councilName.localeCompare(b.councilName, 'en') ||
      a.ref.localeCompare(b.ref, 'en', { numeric: true }),
  );
}
