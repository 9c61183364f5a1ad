import { z } from 'zod';

/**
 * Slug ids for councils and partnerships (`east-herts`, `hr-shared-service`): the one pattern, used
 * by schemas, token groups, session tags and key checks alike.
 */
export const SLUG_PATTERN = /^[a-z0-9][a-z0-9-]{1,63}$/;
export const isSlug = (value: unknown): value is string =>
  typeof value === 'string' && SLUG_PATTERN.test(value);

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

/** The team that runs PeoplePlan: creates, suspends and offboards councils; never reads plan data. */
export const OPERATOR_GROUP = 'platform:operator';

/** The Cognito group that gives a role in a council (`council:<id>:<role>`). */
export const councilGroup = (councilId: string, role: CouncilRole) => `council:${councilId}:${role}`;
/** The Cognito group of a partnership's partner readers. */
export const partnershipGroup = (partnershipId: string) => `partnership:${partnershipId}:partner-reader`;

/**
 * Group names carried in the verified token (`cognito:groups`): `council:<councilId>:<role>`,
 * `partnership:<partnershipId>:partner-reader` and `platform:operator`.
 */
export function parseGroups(groups: readonly string[]): {
  councils: Record<string, CouncilRole>;
  partnerships: Record<string, PartnershipRole>;
  operator: boolean;
} {
  // No prototype: a council called "constructor" or "__proto__" must find nothing, not Object's own.
  const councils: Record<string, CouncilRole> = Object.create(null);
  const partnerships: Record<string, PartnershipRole> = Object.create(null);
  let operator = false;
  for (const g of groups) {
    if (g === OPERATOR_GROUP) {
      operator = true;
      continue;
    }
    const [scope, id, role, ...rest] = g.split(':');
    if (!id || !role || rest.length || !isSlug(id)) continue;
    if (scope === 'council') {
      const r = CouncilRole.safeParse(role);
      // A user in two groups of one council gets the higher role.
      if (r.success && (!councils[id] || roleAtLeast(r.data, councils[id]))) councils[id] = r.data;
    } else if (scope === 'partnership') {
      const r = PartnershipRole.safeParse(role);
      if (r.success) partnerships[id] = r.data;
    }
  }
  return { councils, partnerships, operator };
}
