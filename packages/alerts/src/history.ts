import { Rebaseline } from '@peopleplan/core';
import { alertsOf, CouncilAlertsRepo, type TenantStore } from '@peopleplan/db';

/** Milestones by id, each with its re-baseline history (oldest first); one left out has none readable. */
export type RebaselineHistory = (
  milestones: ReadonlyArray<{ planId: string; actionId: string; id: string }>,
) => Promise<Map<string, Rebaseline[]>>;

/**
 * A council as the alert job reads it. The ledger's due items leave out who moved a deadline, when and
 * why; a re-baseline alert reads that from the milestone's history when `rebaselineHistory` is there.
 */
export type AlertsCouncil = CouncilAlertsRepo & { rebaselineHistory?: RebaselineHistory };

/** The alert job's view of one council's data, read through that council's own session. */
export function alertsCouncil(data: { store: TenantStore }): AlertsCouncil {
  const rebaselineHistory: RebaselineHistory = async (milestones) => {
    const key = (m: { planId: string; actionId: string; id: string }) =>
      CouncilAlertsRepo.keys.milestone(m.planId, m.actionId, m.id);
    const found = await data.store.getMany(milestones.map(key), { attributes: ['rebaselines'] });
    const out = new Map<string, Rebaseline[]>();
    for (const m of milestones) {
      // Read defensively: a history that does not parse only loses the details, never the alert.
      const parsed = Rebaseline.array().safeParse(found.get(key(m))?.rebaselines);
      if (parsed.success) out.set(m.id, parsed.data);
    }
    return out;
  };
  return Object.assign(alertsOf(data), { rebaselineHistory });
}
