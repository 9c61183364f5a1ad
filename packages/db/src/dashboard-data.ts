import type { PlanData } from '@peopleplan/core';
import type { CouncilData } from './council-data.js';

/**
 * What a council's dashboard is built from: every plan not archived, read whole, with each action's
 * RAG at the plan's last closed reporting period (for direction of travel). The dashboard route and
 * the benchmark that compares the partnership overview with it both read through here.
 */
export async function dashboardPlans(data: CouncilData): Promise<PlanData[]> {
  const plans = (await data.plans.listAll()).filter((p) => p.status !== 'archived');
  return Promise.all(
    plans.map(async (p) => {
      const [tree, last] = await Promise.all([data.plans.tree(p.id), data.snapshots.latest(p.id)]);
      const rags = last && Object.fromEntries(Object.entries(last.entries).map(([id, e]) => [id, e.rag]));
      return { ...tree, ...(last && rags && { lastPeriod: { label: last.label, rags } }) };
    }),
  );
}
