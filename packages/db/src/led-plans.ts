import type { LedPlan } from '@peopleplan/core';
import type { CouncilData } from './council-data.js';

/**
 * The council's active plans, each read whole (without progress history), for "my actions": what a
 * person leads is found in the actions themselves (leads are not indexed), so every active plan is read,
 * as the dashboard does. Drafts are not yet reported on, closed and archived plans no longer are.
 */
export async function activePlans(data: CouncilData): Promise<LedPlan[]> {
  const plans = (await data.plans.listAll()).filter((p) => p.status === 'active');
  // A list to read, not to change: eventually consistent (consistency.ts).
  return Promise.all(plans.map((p) => data.plans.tree(p.id)));
}
