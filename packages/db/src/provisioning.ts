import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { AlertSettings, type Council, DEFAULT_RAG_RULES, type Membership } from '@peopleplan/core';
import { sk } from './keys.js';
import { newCouncilSearchStamps } from './search-index.js';
import { TenantStore } from './store.js';
import { tenantContext } from './tenant.js';
import { firstVersion } from './versioning.js';

/**
 * Creating councils and memberships: an operator's job (the local stack's seeding, an admin
 * console), run as the `system` actor and audited like every other write.
 */
export async function provisionCouncil(
  doc: DynamoDBDocumentClient,
  tableName: string,
  input: {
    id: string;
    name: string;
    financialYearStartMonth?: number;
    ragRules?: Council['ragRules'];
    alertSettings?: Partial<Council['alertSettings']>;
    actor?: { sub: string; name: string };
  },
): Promise<Council> {
  const store = new TenantStore(
    doc,
    tableName,
    tenantContext(input.id, 'system', input.actor ?? { sub: 'system', name: 'System' }),
  );
  const council: Council = {
    id: input.id,
    name: input.name,
    status: 'active',
    financialYearStartMonth: input.financialYearStartMonth ?? 4,
    timeZone: 'Europe/London',
    ragRules: input.ragRules ?? DEFAULT_RAG_RULES,
    alertSettings: AlertSettings.parse(input.alertSettings ?? {}),
    ...firstVersion(),
  };
  await store.transact(
    // Its search index starts complete: there is nothing to index yet.
    [store.putNew(sk.council(), 'council', council), ...newCouncilSearchStamps(store)],
    [{ operation: 'create', entityType: 'council', entityId: council.id, after: council }],
    'council',
  );
  return council;
}

export async function provisionMember(
  doc: DynamoDBDocumentClient,
  tableName: string,
  m: Omit<Membership, 'version' | 'createdAt' | 'updatedAt'>,
): Promise<Membership> {
  const store = new TenantStore(
    doc,
    tableName,
    tenantContext(m.councilId, 'system', { sub: 'system', name: 'System' }),
  );
  const member: Membership = { ...m, ...firstVersion() };
  await store.transact(
    [store.putNew(sk.member(m.userSub), 'member', member)],
    [{ operation: 'create', entityType: 'member', entityId: m.userSub, after: member }],
    'membership',
  );
  return member;
}
