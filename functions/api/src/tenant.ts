import {
  type Council,
  type CouncilRole,
  forbidden,
  type Membership,
  notFound,
  roleAtLeast,
} from '@peopleplan/core';
import { CouncilData, tenantContext } from '@peopleplan/db';
import type { Context } from 'hono';
import type { AppDeps, AppEnv } from './context.js';

/** Viewers read through a read-only session; everyone who may write, a read-write one. */
const modeOf = (role: CouncilRole) => (roleAtLeast(role, 'contributor') ? 'readwrite' : 'read');

export interface OpenCouncil {
  data: CouncilData;
  council: Council;
  member: Membership;
  role: CouncilRole;
}

/**
 * The council in the path, for this caller, checked on every request: the token must name the council,
 * the council must exist, and the caller must still be one of its members. The member record, not the
 * token, says the role: a removal or a role change counts from the very next request, not the next
 * token. Anything short of that answers 404 (it leaks nothing, not even existence).
 */
export async function openCouncil(
  c: Context<AppEnv>,
  deps: AppDeps,
  councilId: string,
): Promise<OpenCouncil> {
  const principal = c.get('principal');
  const tokenRole = Object.hasOwn(principal.councils, councilId) ? principal.councils[councilId] : undefined;
  if (!tokenRole) throw notFound('Council');
  const provisional = tenantContext(councilId, tokenRole, { sub: principal.sub, name: principal.name });
  const doc = await deps.docFor(councilId, modeOf(tokenRole));
  // Council and membership in one round trip: the cheapest read that makes removal immediate.
  const { council, member } = await new CouncilData(
    doc,
    deps.config.TABLE_NAME,
    provisional,
  ).council.withMember(principal.sub);
  if (!council || !member || council.status === 'suspended') throw notFound('Council');
  const role = member.role;
  const data = new CouncilData(
    // A member whose role changed since the token was issued gets the session of their role now.
    modeOf(role) === modeOf(tokenRole) ? doc : await deps.docFor(councilId, modeOf(role)),
    deps.config.TABLE_NAME,
    tenantContext(councilId, role, {
      sub: principal.sub,
      name: member.name || principal.name,
      email: member.email,
      ...(member.personId ? { personId: member.personId } : {}),
    }),
  );
  data.council.prime(council);
  return { data, council, member, role };
}

/**
 * The council's data for a request that needs at least `minRole` there. Not a member: 404. A role
 * too low: 403.
 */
export async function councilData(
  c: Context<AppEnv>,
  deps: AppDeps,
  councilId: string,
  minRole: CouncilRole,
): Promise<CouncilData> {
  const principal = c.get('principal');
  if (!Object.hasOwn(principal.councils, councilId)) {
    // Partner readers never write anywhere; saying so is clearer than a 404 and leaks nothing.
    if (minRole !== 'viewer' && Object.keys(principal.partnerships).length > 0) {
      throw forbidden('Partner readers can only read');
    }
    throw notFound('Council');
  }
  const open = await openCouncil(c, deps, councilId);
  if (!roleAtLeast(open.role, minRole)) throw forbidden();
  return open.data;
}
