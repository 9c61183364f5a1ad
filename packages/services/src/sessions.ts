import type { IdentityAdmin } from '@peopleplan/auth';
import { OPERATOR_GROUP } from '@peopleplan/core';

/** Groups that give a user access to something: a council role, a partnership's readers, the operators. */
const gives = (g: string) => g.startsWith('council:') || g.startsWith('partnership:') || g === OPERATOR_GROUP;

/**
 * Ends a user's sessions once a role of theirs is taken away, only if none is left. A user is one
 * person across councils (identity-admin.ts): signing out someone who still belongs to another council,
 * a partnership or the operators would let one council's admin end another council's people's sessions
 * at will (invite their email, then remove it). What was taken away ends for them anyway with their next
 * request: member and reader records are read on every request (docs/architecture.md, "Tenant
 * isolation"). True when their sessions were ended.
 */
export async function endSessionsIfNothingLeft(identity: IdentityAdmin, email: string): Promise<boolean> {
  const user = await identity.findUser(email);
  if (!user || user.groups.some(gives)) return false;
  await identity.signOutEverywhere(user.username);
  return true;
}
