import {
  conflict,
  forbidden,
  Id,
  notFound,
  type PartnershipConsent,
  type Plan,
  unprocessable,
} from '@peopleplan/core';
import { z } from 'zod';
import type { ReadConsistency } from './consistency.js';
import { sk } from './keys.js';
import { stillAdminCheck, writtenWhileAdmin } from './members.js';
import type { TenantStore } from './store.js';
import { nextVersion } from './versioning.js';

/*
 * A council's consents to share with partnerships, kept in its own partition. Apart from the partnership
 * directory (partnerships.ts), which only partner readers, the operator and onboarding need: every
 * council request may read consents, the directory loads with its first use (partnership-directory.ts).
 */

/**
 * A council's consent as stored in its own partition. The partnership's name is copied in at
 * invitation so the council's screens never need to read another partition to show it.
 */
export type ConsentRecord = PartnershipConsent & { partnershipName: string; changedByName?: string };

/** What a council admin sends to grant or revoke. Granting names its scope explicitly. */
export const ConsentChange = z
  .strictObject({
    status: z.enum(['granted', 'revoked']),
    scope: z.union([z.literal('all'), z.strictObject({ planIds: z.array(Id).min(1).max(500) })]).optional(),
    /** The version the admin saw: a stale one answers 409. */
    version: z.number().int().min(1).optional(),
  })
  .refine((c) => c.status !== 'granted' || c.scope !== undefined, {
    message: "say what to share: 'all' or { planIds: [...] }",
    path: ['scope'],
  });
export type ConsentChange = z.infer<typeof ConsentChange>;

/** True when a plan falls inside a consent's scope (status is checked separately). */
export function inConsentScope(consent: Pick<PartnershipConsent, 'scope'>, planId: string): boolean {
  return consent.scope === 'all' || consent.scope.planIds.includes(planId);
}

/**
 * One council's consents, in its own partition: only its admins change them, and every change is a
 * versioned write audited in the council's own log. Partner reads check `get` on every request.
 */
export class ConsentRepo {
  constructor(private readonly store: TenantStore) {}

  async list(read?: ReadConsistency): Promise<ConsentRecord[]> {
    const items = await this.store.queryAll<ConsentRecord>('PARTNERSHIP#', { types: ['consent'], ...read });
    return items
      .map(({ type: _t, ...c }) => c as ConsentRecord)
      .sort((a, b) => a.partnershipId.localeCompare(b.partnershipId));
  }

  async get(partnershipId: string): Promise<ConsentRecord | undefined> {
    return this.store.get<ConsentRecord>(sk.consent(partnershipId));
  }

  /** The consent only if it is granted now (read consistently: a revocation counts at once). */
  async granted(partnershipId: string): Promise<ConsentRecord | undefined> {
    const c = await this.get(partnershipId);
    return c?.status === 'granted' ? c : undefined;
  }

  /** Grant (with a scope) or revoke. A partnership that never invited this council is a 404. */
  async change(partnershipId: string, input: ConsentChange): Promise<ConsentRecord> {
    const { role, actor } = this.store.ctx;
    if (role !== 'admin' && role !== 'system')
      throw forbidden('Only a council admin can change what is shared');
    const change = ConsentChange.parse(input);
    const before = await this.get(partnershipId);
    if (!before) throw notFound('Partnership');
    if (change.version !== undefined && change.version !== before.version) {
      throw conflict('The consent was changed by someone else. Reload it and try again.');
    }
    const scope = change.scope ?? before.scope;
    if (scope !== 'all') await this.assertOwnPlans(scope.planIds);
    const after: ConsentRecord = nextVersion(before, {
      status: change.status,
      scope: scope === 'all' ? 'all' : { planIds: [...new Set(scope.planIds)] },
      changedBy: actor.sub,
      changedByName: actor.name,
    });
    // An admin's decision to share is written only while they still are one (members.ts stillAdminCheck).
    const byAdmin = role === 'admin' ? actor.sub : undefined;
    const write = () =>
      this.store.transact(
        [
          this.store.putVersioned(sk.consent(partnershipId), 'consent', after, before.version),
          ...(byAdmin ? [stillAdminCheck(this.store, byAdmin)] : []),
        ],
        [
          {
            operation: change.status === 'granted' ? 'grant' : 'revoke',
            entityType: 'partnership-consent',
            entityId: partnershipId,
            before,
            after,
          },
        ],
        'partnership consent',
      );
    await (byAdmin ? writtenWhileAdmin(this.store, byAdmin, write) : write());
    return after;
  }

  /** Chosen plans must be this council's, and not archived: a typo must not share nothing silently. */
  private async assertOwnPlans(planIds: string[]): Promise<void> {
    const unique = [...new Set(planIds)];
    const plans = await Promise.all(unique.map((id) => this.store.get<Plan>(sk.plan(id))));
    const bad = unique.filter((_, i) => !plans[i] || plans[i]!.status === 'archived');
    if (bad.length) {
      throw unprocessable(
        'Some chosen plans are not this council’s current plans',
        bad.map((id) => ({ path: 'scope.planIds', message: `no such plan: ${id}` })),
      );
    }
  }
}
