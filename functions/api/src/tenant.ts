import { type CouncilRole, forbidden, notFound, roleAtLeast } from '@peopleplan/core';
import { CouncilData, tenantContext } from '@peopleplan/db';
import type { Context } from 'hono';
import type { AppDeps, AppEnv } from './context.js';

/**
 * Resolve the council in the path against the caller's verified memberships. A council the caller
 * does not belong to answers 404 (it leaks nothing, not even existence); a role too low answers 403.
 */
export async function councilData(
  c: Context<AppEnv>,
  deps: AppDeps,
  councilId: string,
  minRole: CouncilRole,
): Promise<CouncilData> {
  const principal = c.get('principal');
  const role = principal.councils[councilId];
  if (!role) {
    // Partner readers never write anywhere; saying so is clearer than a 404 and leaks nothing.
    if (minRole !== 'viewer' && Object.keys(principal.partnerships).length > 0) {
      throw forbidden('Partner readers can only read');
    }
    throw notFound('Council');
  }
  if (!roleAtLeast(role, minRole)) throw forbidden();
  const mode = roleAtLeast(role, 'contributor') ? 'readwrite' : 'read';
  const doc = await deps.docFor(councilId, mode);
  const provisional = tenantContext(councilId, role, {
    sub: principal.sub,
    name: principal.name,
    email: principal.email,
  });
  const data = new CouncilData(doc, deps.config.TABLE_NAME, provisional);
  // The membership item links the user to their directory person (contributors report on what they lead).
  const member = role === 'contributor' ? await data.people.getMember(principal.sub) : undefined;
  if (!member?.personId) return data;
  return new CouncilData(
    doc,
    deps.config.TABLE_NAME,
    tenantContext(councilId, role, { ...provisional.actor, personId: member.personId }),
  );
}
