import { type CouncilRole, isSlug } from '@peopleplan/core';

/** Who is acting: taken from the verified token, never from a request body. */
export interface Actor {
  sub: string;
  name: string;
  email?: string | undefined;
  /** The directory person this user is, when linked (contributors act on actions they lead). */
  personId?: string | undefined;
}

/**
 * Every repository call takes one. `councilId` comes only from the verified membership; key builders
 * read it from here, so a request body can never point a write at another council.
 */
export interface TenantContext {
  readonly councilId: string;
  readonly role: CouncilRole | 'partner-reader' | 'system';
  readonly actor: Actor;
}

export function tenantContext(councilId: string, role: TenantContext['role'], actor: Actor): TenantContext {
  if (!isSlug(councilId)) throw new Error(`invalid council id: ${councilId}`);
  return Object.freeze({ councilId, role, actor: Object.freeze({ ...actor }) });
}
