import type { IdentityAdmin } from '@peopleplan/auth';
import { parseGroups } from '@peopleplan/core';
import { type DocFor, jobCouncils } from '@peopleplan/db';
import type { Logger } from '@peopleplan/observability';
import type { UndeliverableAddress } from './record-bounce.js';

/** Who changed the member records, in each council's audit trail. */
export const BOUNCE_ACTOR = { sub: 'system:bounces', name: 'PeoplePlan email bounces' };

export interface BounceDeps {
  /** Cognito's admin API in AWS: the user an address belongs to, and their groups. */
  identity: Pick<IdentityAdmin, 'findUser'>;
  /** Each council's read-write tenant session (the bounce handler's own role reaches no council). */
  docFor: DocFor;
  tableName: string;
}

export interface MarkedMember {
  address: string;
  councilId: string;
  userSub: string;
}

/**
 * For each address SES says will never take our mail (a permanent bounce, or a complaint), marks the
 * member records with that address `undeliverable` in every council its user belongs to, each through
 * that council's own session: alerts stop going to it and the members page shows it. The councils come
 * from the user's groups in Cognito (`council:<id>:<role>`), so no council is searched that the person
 * is not a member of. Addresses of people who are not users (directory entries only) are left to SES's
 * suppression list, which the configuration set applies anyway. A council that fails is logged and the
 * rest still marked; the invocation then fails so EventBridge retries it (marking is idempotent).
 */
export async function markUndeliverable(
  deps: BounceDeps,
  addresses: UndeliverableAddress[],
  logger: Pick<Logger, 'info' | 'error'>,
): Promise<MarkedMember[]> {
  const councils = jobCouncils(deps.docFor, deps.tableName, BOUNCE_ACTOR);
  const marked: MarkedMember[] = [];
  let failures = 0;
  for (const a of addresses.filter((x) => x.permanent)) {
    const user = await deps.identity.findUser(a.address);
    if (!user) {
      logger.info('undeliverable address belongs to no user', { address: a.address });
      continue;
    }
    const reason = `${a.kind === 'complaint' ? 'Complaint' : 'Bounce'}: ${a.reason}`;
    for (const councilId of Object.keys(parseGroups(user.groups).councils)) {
      try {
        const data = await councils(councilId);
        if (await data.members.markUndeliverable(user.sub, a.address, { at: a.at, reason })) {
          marked.push({ address: a.address, councilId, userSub: user.sub });
        }
      } catch (e) {
        failures++;
        logger.error('could not mark a member undeliverable', {
          address: a.address,
          councilId,
          error: (e as Error).message,
        });
      }
    }
  }
  if (failures) throw new Error(`${failures} council(s) could not be marked: see the log`);
  return marked;
}
