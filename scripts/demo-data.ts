import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import {
  ConsentRepo,
  CouncilData,
  PartnershipsRepo,
  provisionCouncil,
  provisionMember,
  sk,
  TenantStore,
  tenantContext,
} from '@peopleplan/db';
import { DEMO_COUNCILS, DEMO_PARTNERSHIP, DEMO_USERS, devSub, SEEDS_DIR } from '@peopleplan/devstack';
import { commitImport, previewImport } from '@peopleplan/services';

/** Seeds run as this actor; their audit events say so. */
const SEEDER = { sub: 'system:seed', name: 'Demo data' };

/** True once the demo councils exist (restarts keep data and do not seed again). */
export async function isSeeded(doc: DynamoDBDocumentClient, tableName: string): Promise<boolean> {
  const store = new TenantStore(doc, tableName, tenantContext(DEMO_COUNCILS[0].id, 'system', SEEDER));
  return (await store.getRaw(sk.council())) !== undefined;
}

export type PlanSeeder = (data: CouncilData, seedFile: string) => Promise<void>;

/**
 * Demo councils, their members and one plan each, imported from the seed plans.
 */
export async function seedDemo(
  doc: DynamoDBDocumentClient,
  tableName: string,
  seedPlan?: PlanSeeder,
): Promise<void> {
  for (const council of DEMO_COUNCILS) {
    await provisionCouncil(doc, tableName, { id: council.id, name: council.name });
    const data = new CouncilData(doc, tableName, tenantContext(council.id, 'admin', SEEDER));
    await (seedPlan ?? importSeedPlan)(data, council.seed);
    const people = await data.people.list();
    for (const user of DEMO_USERS) {
      const role = user.groups
        .map((g) => g.split(':'))
        .find(([scope, id]) => scope === 'council' && id === council.id)?.[2];
      if (!role) continue;
      // The demo contributor is linked to the first lead in the directory, so they can report on its actions.
      const personId =
        role === 'contributor' ? (people.find((p) => !p.email)?.id ?? people[0]?.id) : undefined;
      await provisionMember(doc, tableName, {
        councilId: council.id,
        userSub: devSub(user.email),
        email: user.email,
        name: user.name,
        role: role as 'admin',
        ...(personId ? { personId } : {}),
      });
    }
  }
  await seedDemoPartnership(doc, tableName);
}

/**
 * The demo shared service: the partnership (a platform operation), an invitation to each member, and
 * each member's admin granting read access to all its plans, audited in the council's own log.
 */
export async function seedDemoPartnership(doc: DynamoDBDocumentClient, tableName: string): Promise<void> {
  const { id, name, leadCouncilId, memberCouncilIds } = DEMO_PARTNERSHIP;
  const directory = new PartnershipsRepo(doc, tableName);
  await directory.create({ id, name, leadCouncilId });
  for (const councilId of memberCouncilIds) {
    await directory.invite(id, councilId, SEEDER);
    const admin = new TenantStore(doc, tableName, tenantContext(councilId, 'admin', SEEDER));
    await new ConsentRepo(admin).change(id, { status: 'granted', scope: 'all' });
  }
  // The demo partner reader, with the weekly "what slipped" digest switched on.
  for (const user of DEMO_USERS.filter((u) => u.groups.includes(`partnership:${id}:partner-reader`))) {
    await directory.putReader({
      partnershipId: id,
      userSub: devSub(user.email),
      email: user.email,
      name: user.name,
      weeklyDigest: true,
    });
  }
}

/**
 * Complete the boards of demo plans kept in `.data/` by a version from before boards existed (so the
 * partnership overview reads them fast). Returns how many plans needed it; usually none.
 */
export async function completeDemoBoards(doc: DynamoDBDocumentClient, tableName: string): Promise<number> {
  let done = 0;
  for (const council of DEMO_COUNCILS) {
    const data = new CouncilData(doc, tableName, tenantContext(council.id, 'system', SEEDER));
    for (const plan of await data.plans.listAll()) {
      const r = await data.boards.repair(plan.id);
      if (r.added + r.corrected + r.completed > 0) done++;
    }
  }
  return done;
}

/** Import a council's seed plan through the same preview-and-commit path a person uses. */
export const importSeedPlan: PlanSeeder = async (data, seed) => {
  const dir = fileURLToPath(SEEDS_DIR);
  const file = readdirSync(dir).find((f) => f.startsWith(`${seed}_`) && f.endsWith('.txt'));
  if (!file) throw new Error(`seed plan ${seed} not found in ${dir}`);
  const preview = await previewImport(data, readFileSync(join(dir, file)), { filename: file });
  await commitImport(data, preview.id);
};
