import { milestoneState, ratePlan } from './board.js';
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
  // Ratings need no dates of activity (staleness is the board's other judgement).
  const states = actions.map((a) => ({
    id: a.id,
    status: a.status,
    due: a.due?.due,
    override: a.ragOverride?.rag,
    parentId: a.parentId,
    created: '',
  }));
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
