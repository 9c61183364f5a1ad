import { type Council, type CouncilSettingsPatch, type Membership, notFound } from '@peopleplan/core';
import type { ReadConsistency } from './consistency.js';
import { sk } from './keys.js';
import { entityOf, type TenantStore } from './store.js';
import { patchedVersion } from './versioning.js';

export class CouncilRepo {
  /** The settings as read earlier in this request (they are read with the membership on every one). */
  private primed: Council | undefined;

  constructor(private readonly store: TenantStore) {}

  async get(read?: ReadConsistency): Promise<Council> {
    if (this.primed) return this.primed;
    const c = await this.store.get<Council>(sk.council(), read);
    if (!c) throw notFound('Council');
    return c;
  }

  prime(council: Council): void {
    this.primed = council;
  }

  /** The council's settings and one user's membership, in one request (consistent reads). */
  async withMember(userSub: string): Promise<{ council?: Council; member?: Membership }> {
    const found = await this.store.getMany([sk.council(), sk.member(userSub)]);
    const council = found.get(sk.council());
    const member = found.get(sk.member(userSub));
    return {
      ...(council ? { council: entityOf<Council>(council) } : {}),
      ...(member ? { member: entityOf<Membership>(member) } : {}),
    };
  }

  /** Suspend or reactivate: an operator's action, kept in the council's own audit trail too. */
  async setStatus(version: number, status: Council['status']): Promise<Council> {
    this.primed = undefined;
    const before = await this.get();
    const after = patchedVersion(before, { status });
    await this.store.transact(
      [this.store.putVersioned(sk.council(), 'council', after, version)],
      [{ operation: 'update', entityType: 'council', entityId: before.id, before, after }],
      'council settings',
    );
    return after;
  }

  async updateSettings(patch: CouncilSettingsPatch): Promise<Council> {
    this.primed = undefined;
    const before = await this.get();
    const after = patchedVersion(before, patch);
    await this.store.transact(
      [this.store.putVersioned(sk.council(), 'council', after, patch.version)],
      [{ operation: 'update', entityType: 'council', entityId: before.id, before, after }],
      'council settings',
    );
    return after;
  }
}
