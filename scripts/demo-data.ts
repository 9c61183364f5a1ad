import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type CouncilRole, councilGroup, OPERATOR_GROUP, parseGroups } from '@peopleplan/core';
import type { CouncilData } from '@peopleplan/db';
import { DEMO_COUNCILS, DEMO_PARTNERSHIP, DEMO_USERS, type DevUser, SEEDS_DIR } from '@peopleplan/devstack';
import {
  addOperator,
  commitImport,
  createCouncil,
  createPartnership,
  inviteMember,
  type OnboardingDeps,
  previewImport,
  repairIndexes,
} from '@peopleplan/services';
import { ensureSideBySidePlan } from './demo-side-by-side.js';

/** Seeds run as this actor; their audit events say so. */
const SEEDER = { sub: 'system:seed', name: 'Demo data' };

export type PlanSeeder = (data: CouncilData, seedFile: string) => Promise<void>;

const demoRoles = (user: DevUser) => parseGroups(user.groups).councils;

/**
 * The demo: councils, their members, one plan each imported from the seed plans, the shared service
 * with its partner reader, and the operator, all made through the same onboarding service a real
 * council goes through. It brings whatever is there up to that state, so a restart changes nothing and
 * data kept in `.data/` from an older version gets its directory entries and sign-ins.
 */
export async function ensureDemo(deps: OnboardingDeps, seedPlan: PlanSeeder = importSeedPlan): Promise<void> {
  const operator = DEMO_USERS.find((u) => u.groups.includes(OPERATOR_GROUP))!;
  if (
    !(await deps.directory.operator((await deps.identity.ensureUser(operator.email, operator.name)).user.sub))
  )
    await addOperator(deps, operator.email, operator.name, SEEDER);
  for (const council of DEMO_COUNCILS) {
    const members = DEMO_USERS.flatMap((u) => {
      const role = demoRoles(u)[council.id];
      return role ? [{ user: u, role }] : [];
    });
    const admin = members.find((m) => m.role === 'admin')!;
    const data = await deps.council(council.id);
    if (!(await deps.directory.council(council.id))) {
      const existing = await data.council.get().catch(() => undefined);
      if (existing) await adoptCouncil(deps, data, council);
      else {
        await createCouncil(
          deps,
          {
            id: council.id,
            name: council.name,
            financialYearStartMonth: 4,
            adminEmail: admin.user.email,
            adminName: admin.user.name,
          },
          SEEDER,
        );
        await seedPlan(data, council.seed);
        await deps.directory.count(council.id, 'plans', 1);
      }
    }
    for (const m of members) await ensureMember(deps, data, m.user, m.role);
  }
  await ensureDemoPartnership(deps);
  // Two partner councils with plans of one kind, so "side by side" has something to compare.
  if (await ensureSideBySidePlan(await deps.council('east-herts')))
    await deps.directory.count('east-herts', 'plans', 1);
  await completeDemoBoards(deps);
}

/** A council kept from before the directory: its entry, and its role groups. */
async function adoptCouncil(
  deps: OnboardingDeps,
  data: CouncilData,
  council: (typeof DEMO_COUNCILS)[number],
): Promise<void> {
  await deps.directory.addCouncil({
    id: council.id,
    name: council.name,
    status: 'active',
    financialYearStartMonth: 4,
    createdAt: new Date().toISOString(),
    createdBy: SEEDER.name,
  });
  const plans = (await data.plans.listAll()).length;
  await deps.directory.count(council.id, 'plans', plans);
}

/** A demo member with their sign-in and group; the contributor is the first lead without an email. */
async function ensureMember(deps: OnboardingDeps, data: CouncilData, user: DevUser, role: CouncilRole) {
  const existing = await data.members.byEmail(user.email);
  if (existing) {
    // Kept from an older version: make sure they can still sign in.
    await deps.identity.ensureGroup(councilGroup(data.ctx.councilId, role), role);
    const { user: u } = await deps.identity.ensureUser(user.email, user.name);
    await deps.identity.addToGroup(u.username, councilGroup(data.ctx.councilId, role));
    return;
  }
  const people = role === 'contributor' ? await data.people.list() : [];
  const personId = people.find((p) => !p.email)?.id ?? people[0]?.id;
  await inviteMember(
    deps,
    data,
    { email: user.email, role, name: user.name, ...(personId ? { personId } : {}) },
    SEEDER,
  );
}

/**
 * The demo shared service: the partnership with its reader (an operator's job), and each member's
 * admin granting read access to all its plans, audited in the council's own log.
 */
async function ensureDemoPartnership(deps: OnboardingDeps): Promise<void> {
  const { id, name, leadCouncilId, memberCouncilIds } = DEMO_PARTNERSHIP;
  if (!(await deps.partnerships.get(id))) {
    const readers = DEMO_USERS.filter((u) => u.groups.includes(`partnership:${id}:partner-reader`));
    await createPartnership(
      deps,
      { id, name, leadCouncilId, memberCouncilIds: [...memberCouncilIds], readers },
      SEEDER,
    );
    for (const councilId of memberCouncilIds) {
      const data = await deps.council(councilId);
      await data.consents.change(id, { status: 'granted', scope: 'all' });
    }
  }
}

/**
 * Complete the boards of demo plans kept in `.data/` by a version from before boards existed (so the
 * partnership overview reads them fast). Usually there is nothing to do.
 */
async function completeDemoBoards(deps: OnboardingDeps): Promise<void> {
  for (const council of DEMO_COUNCILS) {
    const data = await deps.council(council.id);
    for (const plan of await data.plans.listAll()) await data.boards.repair(plan.id);
    // Data kept in `.data/` from before search and item history: index it (usually nothing to do).
    await repairIndexes(data);
  }
}

/** Import a council's seed plan through the same preview-and-commit path a person uses. */
export const importSeedPlan: PlanSeeder = async (data, seed) => {
  const dir = fileURLToPath(SEEDS_DIR);
  const file = readdirSync(dir).find((f) => f.startsWith(`${seed}_`) && f.endsWith('.txt'));
  if (!file) throw new Error(`seed plan ${seed} not found in ${dir}`);
  const preview = await previewImport(data, readFileSync(join(dir, file)), { filename: file });
  await commitImport(data, preview.id);
};
