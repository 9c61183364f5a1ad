import {
  type Action,
  atOccurrence,
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

/**
 * An action or milestone that is overdue, slipping (re-baselined later), or both, with where it sits.
 * For an action, `id`/`ref`/`title` and `actionId`/`actionRef`/`actionTitle` name the action itself.
 */
export interface CombinedMilestone {
  kind: 'milestone' | 'action';
  councilId: string;
  councilName: string;
  planId: string;
  planTitle: string;
  planKind: PlanKind;
  /** What the plan calls its groups, when the council gave its own word ("Theme"); else its kind's. */
  themeNoun?: string | undefined;
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
 * Overdue and slipping actions and milestones across every consenting council, by current due date.
 * The same rules as each council's dashboard (core's board.ts): open items only; overdue = due before
 * today; slipping = current due later than the baseline, an action's as a milestone's (a later
 * deadline keeps the first agreed one). Actions count too: a plan whose deadlines sit on its actions
 * (East Herts' peer review has no milestones) would otherwise show nothing overdue or moved.
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
      const where = { council, plan, actionById, themeById };
      for (const m of milestones) {
        const action = actionById.get(m.actionId);
        if (action) pushItem(out, where, { kind: 'milestone', item: m, action }, today, filter);
      }
      for (const a of actions) pushItem(out, where, { kind: 'action', item: a, action: a }, today, filter);
    }
  }
  return out.sort(
    (a, b) =>
      (a.due?.due ?? '').localeCompare(b.due?.due ?? '') ||
      a.councilName.localeCompare(b.councilName, 'en') ||
      (a.kind === b.kind ? 0 : a.kind === 'action' ? -1 : 1) ||
      a.ref.localeCompare(b.ref, 'en', { numeric: true }),
  );
}

interface Where {
  council: SharedCouncil;
  plan: SharedCouncil['plans'][number]['plan'];
  actionById: Map<string, Action>;
  themeById: Map<string, Theme>;
}

type Candidate =
  | { kind: 'milestone'; item: SharedCouncil['plans'][number]['milestones'][number]; action: Action }
  | { kind: 'action'; item: Action; action: Action };

/** Adds the item if it is open, dated, overdue or slipping, and passes the filter. */
function pushItem(
  out: CombinedMilestone[],
  { council, plan, actionById, themeById }: Where,
  { kind, item, action }: Candidate,
  today: string,
  filter: MilestoneFilter,
): void {
  // A repeating deadline by its current occurrence; moved later by the dates as agreed.
  const shown = atOccurrence(item.due, today);
  const [due, agreed] = [shown?.due, item.due?.due];
  if (!isOpen(item.status) || !due || !agreed) return;
  const baselineDue = item.baselineDue;
  const baseline = baselineDue?.due;
  const overdue = due < today;
  const slipping = baseline !== undefined && agreed > baseline;
  if (!overdue && !slipping) return;
  if (filter.from && due < filter.from) return;
  if (filter.to && due > filter.to) return;
  const theme = themeOf(action, actionById, themeById);
  if (filter.theme && !themeMatches(theme, filter.theme)) return;
  const leads = action.leads.map((l) => l.label);
  if (filter.lead && !leads.some((l) => norm(l).includes(norm(filter.lead!)))) return;
  const rag = deriveRag(
    kind === 'milestone'
      ? { status: item.status, due: item.due, baselineDue }
      : { status: item.status, due: item.due, baselineDue, override: item.ragOverride },
    today,
    council.ragRules,
  );
  out.push({
    kind,
    councilId: council.councilId,
    councilName: council.councilName,
    planId: plan.id,
    planTitle: plan.title,
    planKind: plan.kind,
    themeNoun: plan.themeNoun,
    themeId: theme?.id,
    themeRef: theme?.ref,
    themeTitle: theme?.title,
    actionId: action.id,
    actionRef: action.ref,
    actionTitle: action.title,
    id: item.id,
    ref: item.ref,
    title: item.title,
    due: shown,
    baselineDue,
    status: item.status,
    rag: rag.rag,
    ragReasons: rag.reasons,
    overdue,
    daysLate: overdue ? daysBetween(due, today) : undefined,
    slipping,
    slippedDays: slipping ? daysBetween(baseline!, agreed) : undefined,
    leads,
    changedAt: item.updatedAt,
  });
}
