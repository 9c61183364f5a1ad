import { z } from 'zod';

export const COUNCIL_ROLES = ['admin', 'editor', 'contributor', 'viewer'] as const;
export const CouncilRole = z.enum(COUNCIL_ROLES);
export type CouncilRole = z.infer<typeof CouncilRole>;

export const PARTNERSHIP_ROLES = ['partner-reader'] as const;
export const PartnershipRole = z.enum(PARTNERSHIP_ROLES);
export type PartnershipRole = z.infer<typeof PartnershipRole>;

const RANK: Record<CouncilRole, number> = { viewer: 0, contributor: 1, editor: 2, admin: 3 };

/** True when `role` is at least `needed` (admin > editor > contributor > viewer). */
export function roleAtLeast(role: CouncilRole, needed: CouncilRole): boolean {
  return RANK[role] >= RANK[needed];
}

/**
 * Group names carried in the verified token (`cognito:groups`):
 * `council:<councilId>:<role>` and `partnership:<partnershipId>:partner-reader`.
 */
export function parseGroups(groups: readonly string[]): {
  councils: Record<string, CouncilRole>;
  partnerships: Record<string, PartnershipRole>;
} {
  const councils: Record<string, CouncilRole> = {};
  const partnerships: Record<string, PartnershipRole> = {};
  for (const g of groups) {
    const [scope, id, role] = g.split(':');
    if (!id || !role || !/^[a-z0-9-]{2,64}$/.test(id)) continue;
    if (scope === 'council') {
      const r = CouncilRole.safeParse(role);
      // A user in two groups of one council gets the higher role.
      if (r.success && (!councils[id] || roleAtLeast(r.data, councils[id]))) councils[id] = r.data;
    } else if (scope === 'partnership') {
      const r = PartnershipRole.safeParse(role);
      if (r.success) partnerships[id] = r.data;
    }
  }
  return { councils, partnerships };
}
