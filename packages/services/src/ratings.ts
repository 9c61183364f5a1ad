import { planRatings, type RagResult, ratingSubtree, ratingsFromStates } from '@peopleplan/core';
import { type CouncilData, sk } from '@peopleplan/db';

/**
 * The rolled-up ratings (with reasons in words) of some actions of a plan, read from the plan's board
 * and the few items its reasons name: never the whole plan (docs/architecture.md, "Ratings"). A plan
 * whose board is not complete is rated from its items, as before boards.
 */
export async function actionRatings(
  data: CouncilData,
  planId: string,
  actionIds: readonly string[],
  today: string,
): Promise<Map<string, RagResult>> {
  // Strong reads: the action page shows its rating again right after the person's own edit.
  const [board, council] = await Promise.all([data.boards.read(planId), data.council.get()]);
  if (!board) {
    const tree = await data.plans.summaries(planId);
    return planRatings(tree.actions, tree.milestones, today, council.ragRules).actions;
  }
  const states = ratingSubtree(board.actions, board.milestones, actionIds);
  const milestoneAction = new Map(states.milestones.map((m) => [m.id, m.actionId]));
  return ratingsFromStates(states, today, council.ragRules, async (ids) => {
    const keys = [
      ...ids.actions.map((id) => sk.action(planId, id)),
      ...ids.milestones.map((id) => sk.milestone(planId, milestoneAction.get(id) ?? '', id)),
    ];
    const items = await data.store.getMany(keys);
    return new Map(
      [...items.values()].map((i) => [
        String(i.id),
        { ref: String(i.ref ?? ''), title: String(i.title ?? '') },
      ]),
    );
  });
}
