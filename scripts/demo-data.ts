import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import {
  CouncilData,
  provisionCouncil,
  provisionMember,
  sk,
  TenantStore,
  tenantContext,
} from '@peopleplan/db';
import { DEMO_COUNCILS, DEMO_USERS, devSub } from '@peopleplan/devstack';

/** Seeds run as this actor; their audit events say so. */
const SEEDER = { sub: 'system:seed', name: 'Demo data' };

/** True once the demo councils exist (restarts keep data and do not seed again). */
export async function isSeeded(doc: DynamoDBDocumentClient, tableName: string): Promise<boolean> {
  const store = new TenantStore(doc, tableName, tenantContext(DEMO_COUNCILS[0].id, 'system', SEEDER));
  return (await store.getRaw(sk.council())) !== undefined;
}

export type PlanSeeder = (data: CouncilData, seedFile: string) => Promise<void>;

/**
 * Demo councils, their members and one plan each. `seedPlan` fills a council from its seed plan
 * (the importer); without one, a small hand-made plan stands in.
 */
export async function seedDemo(
  doc: DynamoDBDocumentClient,
  tableName: string,
  seedPlan?: PlanSeeder,
): Promise<void> {
  for (const council of DEMO_COUNCILS) {
    await provisionCouncil(doc, tableName, { id: council.id, name: council.name });
    const data = new CouncilData(doc, tableName, tenantContext(council.id, 'admin', SEEDER));
    if (seedPlan) await seedPlan(data, council.seed);
    else await handMadePlan(data);
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
}

async function handMadePlan(data: CouncilData): Promise<void> {
  const lead = await data.people.create({ name: 'Head of HR', roleLabel: 'GM (HR)' });
  const { plan, themes } = await data.plans.create({
    title: 'People strategy action plan',
    kind: 'people-strategy',
    period: { label: '2026-27', start: '2026-04-01', end: '2027-03-31' },
    status: 'active',
    reviewCadence: 'quarterly',
    reportingPoints: [],
    sections: [],
    themes: [{ ref: '1', title: 'Finding and keeping the right people' }],
  });
  const action = await data.actions.create(plan.id, {
    themeId: themes[0]!.id,
    ref: '1',
    title: 'Develop a flexible benefits package',
    leads: [{ role: 'responsible', label: 'GM (HR)', personId: lead.id }],
    status: 'on-track',
    due: { text: 'March 2027', kind: 'date', due: '2027-03-31', precision: 'month' },
    crossRefs: [],
  });
  await data.milestones.create(action.id, {
    ref: 'A',
    title: 'Negotiate flexible benefits scheme',
    due: { text: 'December 2026', kind: 'date', due: '2026-12-31', precision: 'month' },
    linkedActionIds: [],
    status: 'not-started',
  });
}
