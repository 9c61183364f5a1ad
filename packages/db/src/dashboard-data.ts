import {
  type ActionState,
  countDashboard,
  type Dashboard,
  type DashboardBoard,
  type ListedAction,
  type ListedDisplay,
  type ListedItem,
  type ListedMilestone,
  listDashboard,
  type MilestoneState,
  normaliseRef,
  type Plan,
  type Rag,
  type RagRules,
} from '@peopleplan/core';
import { EVENTUAL } from './consistency.js';
import type { CouncilData } from './council-data.js';
import { entityOf } from './item-shape.js';
import { sk } from './keys.js';

/**
 * A plan as combined views count it: its board (or, when the board is incomplete, the same facts
 * from its items) and each action's RAG at its last closed reporting period (direction of travel).
 */
export interface PlanBoardFacts {
  plan: Plan;
  actions: ActionState[];
  milestones: MilestoneState[];
  /** Where the facts came from: the plan's board, or its items (a board `npm run boards` must mend). */
  from: 'board' | 'items';
  /** The closed reporting period direction of travel compares with, if the plan has one. */
  lastPeriod?: { key: string; label: string; rags: Record<string, Rag> } | undefined;
}

/**
 * One plan's board and last closed period, in a few small reads, eventually consistent: nothing is
 * written from them (consistency.ts). The council dashboard and the partnership overview both count
 * from this.
 *
 * An incomplete board (a plan written by an older release) is counted from the plan's items for
 * this read and left as it is: the read may be a viewer's or a partner reader's, whose sessions
 * cannot write, and in Lambda work left running after the answer is frozen with the function, so a
 * repair started here would stall or be lost. Every write of an item mends its own entry, plans
 * created or imported start complete, and `npm run boards` completes the rest (docs/architecture.md,
 * "Boards"); callers report which plans were counted from items so that it is run.
 */
export async function planBoardFacts(data: CouncilData, plan: Plan): Promise<PlanBoardFacts> {
  const [states, last] = await Promise.all([
    data.boards.states(plan.id, EVENTUAL),
    data.snapshots.latest(plan.id, EVENTUAL),
  ]);
  return {
    plan,
    actions: states.actions,
    milestones: states.milestones,
    from: states.from,
    ...(last && {
      lastPeriod: {
        key: last.key,
        label: last.label,
        rags: Object.fromEntries(Object.entries(last.entries).map(([id, e]) => [id, e.rag])),
      },
    }),
  };
}

/** What the lists show of an action or a milestone: all a BatchGet of the listed items projects. */
const LISTED_ATTRIBUTES = [
  'type',
  'id',
  'actionId',
  'ref',
  'title',
  'due',
  'baselineDue',
  'status',
  'leads',
  'order',
  'latestUpdate.at',
] as const;

/** The sort keys of the listed items and of the actions their milestones belong to. */
export function listedKeys(listed: readonly ListedItem[]): string[] {
  return listed.flatMap((l) =>
    l.type === 'action'
      ? [sk.action(l.plan.id, l.id)]
      : [sk.milestone(l.plan.id, l.actionId, l.id), sk.action(l.plan.id, l.actionId)],
  );
}

/** The listed items' display fields, read by key (the board names each milestone's action). */
export async function listedDisplay(
  data: CouncilData,
  listed: readonly ListedItem[],
): Promise<ListedDisplay> {
  const found = await data.store.getMany(listedKeys(listed), { ...EVENTUAL, attributes: LISTED_ATTRIBUTES });
  const actions = new Map<string, ListedAction>();
  const milestones = new Map<string, ListedMilestone>();
  for (const item of found.values()) {
    if (item.type === 'action') {
      const a = entityOf<ListedAction>(item);
      actions.set(a.id, a);
    } else if (item.type === 'milestone') {
      const m = entityOf<ListedMilestone>(item);
      milestones.set(m.id, m);
    }
  }
  return { actions, milestones };
}

/** What the dashboard reads of the council before judging: each plan not archived, as a board. */
export async function dashboardBoards(
  data: CouncilData,
): Promise<Array<DashboardBoard & Pick<PlanBoardFacts, 'from'>>> {
  const plans = (await data.plans.listAll()).filter((p) => p.status !== 'archived');
  return Promise.all(
    plans.map(async (p) => {
      const [facts, themes] = await Promise.all([
        planBoardFacts(data, p),
        data.plans.themesOf(p.id, EVENTUAL),
      ]);
      return { ...facts, themes };
    }),
  );
}

/**
 * A council's dashboard, from plan boards and never whole plans: plan headers, themes, boards, the
 * last closed period of each plan, and the display fields of the items its lists name, read by key.
 * Its cost grows with the number of plans and listed items, not with actions' texts or progress
 * history. `fromItems` names plans whose board was incomplete (counted from their items this time).
 */
export async function councilDashboard(
  data: CouncilData,
  opts: {
    today: string;
    rules: RagRules;
    dueSoonDays?: number | undefined;
    directorate?: string | undefined;
  },
): Promise<{ dashboard: Dashboard; fromItems: string[] }> {
  const all = await dashboardBoards(data);
  // Narrowed to one directorate's plans (named alike whatever the case), counted by the same rules.
  const key = (d: string | undefined) => normaliseRef(d ?? '').toLowerCase();
  const boards = opts.directorate
    ? all.filter((b) => key(b.plan.directorate) === key(opts.directorate))
    : all;
  const directorates = [
    ...new Set(all.flatMap((b) => (b.plan.directorate?.trim() ? [b.plan.directorate.trim()] : []))),
  ];
  const counts = countDashboard(boards, opts.today, opts.rules, {
    ...(opts.dueSoonDays !== undefined && { dueSoonDays: opts.dueSoonDays }),
  });
  return {
    dashboard: {
      ...listDashboard(counts, await listedDisplay(data, counts.listed)),
      directorates: directorates.sort((a, b) => a.localeCompare(b, 'en')),
      ...(opts.directorate && { directorate: opts.directorate }),
    },
    fromItems: boards.filter((b) => b.from === 'items').map((b) => b.plan.id),
  };
}
