import type { CouncilData } from '@peopleplan/db';
import { SearchIndexRepo } from '@peopleplan/db';

/**
 * Bring a council's data from before issue 17 up to date: its search index built and its audit events
 * indexed for item history (docs/architecture.md, "Search" and "History of every item"). Does nothing
 * for a council whose search index is complete (every council created since, or repaired already).
 */
export async function repairIndexes(data: CouncilData): Promise<{ searched: number; events: number }> {
  const search = new SearchIndexRepo(data.store);
  const stamps = await search.stamps();
  if ([...stamps.values()].filter((s) => s.complete).length === stamps.size && stamps.size > 0) {
    return { searched: 0, events: 0 };
  }
  const events = await data.history.backfill();
  return { searched: await search.rebuild(), events };
}
