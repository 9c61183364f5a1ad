import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import {
  conflict,
  DomainError,
  forbidden,
  type MemberPatch,
  type Membership,
  notFound,
  tooMany,
} from '@peopleplan/core';
import type { ReadConsistency } from './consistency.js';
import { sk } from './keys.js';
import type { TenantStore, TransactItem } from './store.js';
import { TABLE } from './table.js';
import { firstVersion, nextVersion, patchedVersion } from './versioning.js';

/**
 * A council's members: who may sign in to it, with which role, and who they are in its plans. The
 * record is what the API checks on every request (functions/api/src/tenant.ts), so removing it ends
 * the person's access at once. One user may be a member of several councils (a record in each).
 */
export class MembersRepo {
  constructor(private readonly store: TenantStore) {}

  async list(read?: ReadConsistency): Promise<Membership[]> {
    const items = await this.store.queryAll<Membership>('MEMBER#', { types: ['member'], ...read });
    return items.map(({ type: _t, ...m }) => m as Membership).sort((a, b) => a.name.localeCompare(b.name));
  }

  async get(userSub: string): Promise<Membership | undefined> {
    return this.store.get<Membership>(sk.member(userSub));
  }

  async require(userSub: string): Promise<Membership> {
    const m = await this.get(userSub);
    if (!m) throw notFound('Member');
    return m;
  }

  async byEmail(email: string): Promise<Membership | undefined> {
    const wanted = email.toLowerCase();
    return (await this.list()).find((m) => m.email.toLowerCase() === wanted);
  }

  /**
   * Counts one invitation against the council's cap for `day` (Europe/London): a compromised or careless
   * admin account cannot make the service mail thousands of strangers, which would harm its standing as
   * a sender for every council. 429 once `limit` have been sent that day; the count lapses after a week.
   */
  async countInvitation(day: string, limit: number): Promise<void> {
    try {
      await this.store.update(
        sk.invitationsOn(day),
        'SET #type = :type, #exp = :exp ADD #n :one',
        { '#type': 'type', '#exp': TABLE.ttlAttribute, '#n': 'n' },
        {
          ':type': 'invitation-count',
          ':exp': Math.floor(Date.parse(`${day}T00:00:00Z`) / 1000) + 7 * 86_400,
          ':one': 1,
        },
        { condition: 'attribute_not_exists(#n) OR #n < :max', values: { ':max': limit } },
      );
    } catch (e) {
      if (!(e instanceof ConditionalCheckFailedException)) throw e;
      throw tooMany(
        `This council has sent ${limit} invitations today, the most a day allows. Send the rest tomorrow, or ask the PeoplePlan service team.`,
      );
    }
  }

  /** A new member; 409 if they are one already. `byAdmin`: the admin inviting them (stillAdmin). */
  async add(
    m: Omit<Membership, 'version' | 'createdAt' | 'updatedAt'>,
    byAdmin?: string,
  ): Promise<Membership> {
    if (await this.byEmail(m.email)) throw conflict(`${m.email} is already a member of this council`);
    const member: Membership = { ...m, email: m.email.toLowerCase(), ...firstVersion() };
    await this.stillAdmin(byAdmin, () =>
      this.store.transact(
        [this.store.putNew(sk.member(m.userSub), 'member', member), ...this.adminCheck(byAdmin, m.userSub)],
        [{ operation: 'create', entityType: 'member', entityId: m.userSub, after: member }],
        'membership',
      ),
    );
    return member;
  }

  /** `byAdmin`: the admin making the change, who must still be one when it is written (stillAdmin). */
  async update(
    userSub: string,
    patch: MemberPatch,
    byAdmin?: string,
  ): Promise<{ before: Membership; after: Membership }> {
    const before = await this.require(userSub);
    const after = patchedVersion(before, patch);
    await this.stillAdmin(byAdmin, () =>
      this.store.transact(
        [
          this.store.putVersioned(sk.member(userSub), 'member', after, patch.version),
          ...this.adminCheck(byAdmin, userSub),
        ],
        [{ operation: 'update', entityType: 'member', entityId: userSub, before, after }],
        'membership',
      ),
    );
    return { before, after };
  }

  /** A change by `byAdmin` to the member `written`: their own record is checked unless it is the one written. */
  private adminCheck(byAdmin: string | undefined, written: string): TransactItem[] {
    // Their own record (a new name) is written only at the version read, which holds the role it had.
    return byAdmin && byAdmin !== written ? [stillAdminCheck(this.store, byAdmin)] : [];
  }

  private stillAdmin(byAdmin: string | undefined, write: () => Promise<void>): Promise<void> {
    return byAdmin ? writtenWhileAdmin(this.store, byAdmin, write) : write();
  }

  /**
   * Mail to this member's address bounced for good or was complained about (the bounce handler): alerts
   * stop going to it and the members page shows it. Only while the record still has that address (a
   * changed address is a fresh start); answers whether it marked the record. Audited like any change.
   */
  async markUndeliverable(
    userSub: string,
    email: string,
    undeliverable: { at: string; reason: string },
  ): Promise<boolean> {
    const before = await this.get(userSub);
    if (!before || before.email.toLowerCase() !== email.toLowerCase()) return false;
    const after = nextVersion(before, {
      undeliverable: { at: undeliverable.at, reason: undeliverable.reason.slice(0, 500) },
    });
    await this.store.transact(
      [this.store.putVersioned(sk.member(userSub), 'member', after, before.version)],
      [{ operation: 'update', entityType: 'member', entityId: userSub, before, after }],
      'membership',
    );
    return true;
  }

  /** Ends a membership (a leaver): the record goes, the audit trail keeps who they were. */
  async remove(userSub: string, byAdmin?: string): Promise<Membership> {
    const before = await this.require(userSub);
    await this.stillAdmin(byAdmin, () =>
      this.store.transact(
        [
          this.store.deleteVersioned(sk.member(userSub), before.version),
          ...this.adminCheck(byAdmin, userSub),
        ],
        [{ operation: 'delete', entityType: 'member', entityId: userSub, before }],
        'membership',
      ),
    );
    return before;
  }
}

/**
 * A council keeps an admin, and only an admin decides what an admin decides: nobody takes away their own
 * admin role, and two admins taking each other's at the same moment must not both succeed; nor may an
 * admin removed meanwhile still invite someone or share the council's plans. So such a change is written
 * only while its admin's own record still says admin (this check, in its transaction); otherwise it is
 * refused (403, `writtenWhileAdmin`) and nothing changes.
 */
export function stillAdminCheck(store: TenantStore, adminSub: string): TransactItem {
  return {
    ConditionCheck: {
      TableName: store.tableName,
      Key: { PK: store.pk, SK: sk.member(adminSub) },
      ConditionExpression: '#role = :admin',
      ExpressionAttributeNames: { '#role': 'role' },
      ExpressionAttributeValues: { ':admin': 'admin' },
    },
  };
}

/** Runs a write holding `stillAdminCheck`: refused as it was (409) unless its admin is no longer one (403). */
export async function writtenWhileAdmin(
  store: TenantStore,
  adminSub: string,
  write: () => Promise<void>,
): Promise<void> {
  try {
    await write();
  } catch (e) {
    if (e instanceof DomainError && e.code === 'conflict') {
      const self = await store.get<Membership>(sk.member(adminSub));
      if (self?.role !== 'admin') throw forbidden('You are no longer an admin of this council');
    }
    throw e;
  }
}
