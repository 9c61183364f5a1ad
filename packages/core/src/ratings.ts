import { type ActionState, actionState, type MilestoneState, milestoneState, ratePlan } from './board.js';
import type { Action, Milestone } from './entities.js';
import { explain, type RagResult, type RagRules, type Rated } from './rag.js';

type RatedAction = Pick<Action, 'id' | 'ref' | 'title' | 'status'> &
  Partial<Pick<Action, 'due' | 'ragOverride' | 'parentId'>>;
type RatedMilestone = Pick<Milestone, 'id' | 'ref' | 'title' | 'status' | 'actionId'> &
  Partial<Pick<Milestone, 'due' | 'baselineDue'>>;

const clip = (s: string) => (s.length > 60 ? `${s.slice(0, 57)}…` : s);
/** An item as a reason names it: its reference, else its title in quotes. */
const nameOf = (x: { ref: string; title: string }) => x.ref || `“${clip(x.title)}”`;

/**
 * Every action's and milestone's rating in one plan, with the reasons in words, as pages show them:
 * the board's roll-up (board.ts ratePlan), worded for the action or milestone itself.
 */
export function planRatings(
  actions: readonly RatedAction[],
  milestones: readonly RatedMilestone[],
  today: string,
  rules: RagRules,
): { actions: Map<string, RagResult>; milestones: Map<string, RagResult> } {
  const actionNames = new Map(actions.map((a) => [a.id, nameOf(a)]));
  const milestoneNames = new Map(milestones.map((m) => [m.id, nameOf(m)]));
  // The board's own states (its rule for what rating reads); ratings need no dates of activity
  // (staleness is the board's other judgement), so none is given.
  const states = actions.map((a) => actionState({ ...a, createdAt: '' }));
  const rated = ratePlan(states, milestones.map(milestoneState), today, rules, {
    action: (id) => actionNames.get(id) ?? id,
    milestone: (id) => milestoneNames.get(id) ?? id,
  });
  const words = (map: Map<string, Rated>, subject: string) =>
    new Map([...map].map(([id, r]) => [id, explain(r, subject)]));
  return {
    actions: words(rated.actions, 'This action'),
    milestones: words(rated.milestones, 'This milestone'),
  };
}

/**
 * What rating some actions needs from a plan's board: those actions, every sub-action below them and
 * all their milestones (an action's rating depends on nothing else, board.ts `ratePlan`).
 */
export function ratingSubtree(
  actions: readonly ActionState[],
  milestones: readonly MilestoneState[],
  roots: readonly string[],
): { actions: ActionState[]; milestones: MilestoneState[] } {
  const children = new Map<string, string[]>();
  for (const a of actions) {
    if (a.parentId && a.parentId !== a.id)
      children.set(a.parentId, [...(children.get(a.parentId) ?? []), a.id]);
  }
  const wanted = new Set<string>();
  const stack = [...roots];
  while (stack.length) {
    const id = stack.pop()!;
    if (wanted.has(id)) continue;
    wanted.add(id);
    stack.push(...(children.get(id) ?? []));
  }
  return {
    actions: actions.filter((a) => wanted.has(a.id)),
    milestones: milestones.filter((m) => wanted.has(m.actionId)),
  };
}

/**
 * Ratings of actions from board states, worded with names looked up only for the items the reasons
 * name: `names` is asked once, with the ids of the sub-actions and milestones that raise a rating.
 */
export async function ratingsFromStates(
  states: { actions: readonly ActionState[]; milestones: readonly MilestoneState[] },
  today: string,
  rules: RagRules,
  names: (ids: {
    actions: string[];
    milestones: string[];
  }) => Promise<Map<string, { ref: string; title: string }>>,
): Promise<Map<string, RagResult>> {
  const named = { actions: new Set<string>(), milestones: new Set<string>() };
  ratePlan(states.actions, states.milestones, today, rules, {
    action: (id) => {
      named.actions.add(id);
      return id;
    },
    milestone: (id) => {
      named.milestones.add(id);
      return id;
    },
  });
  const found =
    named.actions.size + named.milestones.size > 0
      ? await names({ actions: [...named.actions], milestones: [...named.milestones] })
      : new Map<string, { ref: string; title: string }>();
  const label = (id: string) => {
    const x = found.get(id);
    return x ? nameOf(x) : id;
  };
  const rated = ratePlan(states.actions, states.milestones, today, rules, {
    action: label,
    milestone: label,
  });
  return new Map([...rated.actions].map(([id, r]) => [id, explain(r, 'This action')]));
}
