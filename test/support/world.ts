import { rmSync } from 'node:fs';
import { PartnershipsRepo } from '@peopleplan/db';
import { createTestApi, TEST_USERS, type TestApi } from './api.js';
import type { IdKind } from './openapi.js';
import { type TokenKit, tokenKit } from './tokens.js';

/**
 * One small world for the fuzzed API and the security matrix: harrow and kent each with two plans
 * (themes, actions, milestones, progress updates, indicators, risks, an import preview, a closed
 * reporting period) and people for every member; partnership `shared-hr` over both councils (granted)
 * with a recorded partner reader, and `other-service` over kent alone with its own reader.
 */
export const COUNCILS = ['harrow', 'kent'] as const;
export type Council = (typeof COUNCILS)[number];
export const other = (c: Council): Council => (c === 'harrow' ? 'kent' : 'harrow');

export const PARTNER = 'partner@shared-hr.test';
export const OTHER_PARTNER = 'partner@other-service.test';
export const WORLD_USERS = [
  ...TEST_USERS,
  { email: PARTNER, name: 'Partner reader', groups: ['partnership:shared-hr:partner-reader'] },
  { email: OTHER_PARTNER, name: 'Other partner', groups: ['partnership:other-service:partner-reader'] },
];
/** A fixed "today" (Europe/London), so that the closed period and every date rule are the same each run. */
export const TODAY = '2026-11-16';
export const CLOSED_PERIOD = 'mid-year-2026-27';
/** Marks each council's own text: another council's caller must never see it. */
export const secretOf = (c: Council) => `${c.toUpperCase()}-ONLY-TEXT`;

export type IdPools = Record<Council, Record<IdKind, string[]>>;

export interface World {
  api: TestApi;
  tokens: TokenKit;
  ids: IdPools;
  /** A spare plan per council, for operations that archive. */
  sparePlan: Record<Council, string>;
  /** The person each council's contributor is linked to (leads the first action, owns the first plan). */
  contributorPerson: Record<Council, string>;
  /** `<token>.ics` of a calendar feed of harrow's first plan. */
  feedFile: string;
  /** Cursors the API issued: first page of plans, actions, updates and audit, per council. */
  cursors: Record<Council, string[]>;
  /** The plan each theme, action, milestone, indicator and risk belongs to (from the API's answers). */
  planOf: Map<string, string>;
}

const emptyPools = (): Record<IdKind, string[]> => ({
  council: [],
  partnership: ['shared-hr', 'other-service'],
  plan: [],
  theme: [],
  action: [],
  milestone: [],
  person: [],
  indicator: [],
  risk: [],
  continuity: [],
  decision: [],
  import: [],
  mapping: [],
  member: [],
  period: [CLOSED_PERIOD],
  'feed-council': [],
  'feed-file': [],
});

/** Records the plan of every object in an answer that names one (`{ id, planId }`). */
export function notePlans(body: unknown, planOf: Map<string, string>): void {
  if (Array.isArray(body)) for (const x of body) notePlans(x, planOf);
  else if (body && typeof body === 'object') {
    const o = body as Record<string, unknown>;
    if (typeof o.id === 'string' && typeof o.planId === 'string') planOf.set(o.id, o.planId);
    for (const x of Object.values(o)) notePlans(x, planOf);
  }
}

const date = (due: string) => ({ text: due, kind: 'date', due, precision: 'day' });

export async function createWorld(): Promise<World> {
  const tokens = tokenKit();
  const api = await createTestApi({
    users: WORLD_USERS,
    today: () => TODAY,
    idpKeyFile: tokens.keyFile,
  });
  // The identity provider has read its key: the file is not needed any more.
  rmSync(tokens.keyFile, { force: true });
  const ok = async (method: string, path: string, as: string, body?: unknown) => {
    const r = await api.call(method, path, { as, ...(body === undefined ? {} : { body }) });
    if (r.status >= 300)
      throw new Error(`seeding: ${method} ${path} answered ${r.status} ${JSON.stringify(r.body)}`);
    notePlans(r.body, world.planOf);
    return r.body;
  };
  const ids: IdPools = { harrow: emptyPools(), kent: emptyPools() };
  const both = () => ({ harrow: '', kent: '' });
  const world: World = {
    api,
    tokens,
    ids,
    sparePlan: both(),
    contributorPerson: both(),
    feedFile: '',
    cursors: { harrow: [], kent: [] },
    planOf: new Map(),
  };

  for (const c of COUNCILS) {
    const base = `/api/v1/councils/${c}`;
    const editor = `editor@${c}.test`;
    const pool = ids[c];
    pool.council.push(c);
    for (const role of ['admin', 'editor', 'contributor', 'viewer']) {
      const p = await ok('POST', `${base}/people`, editor, {
        name: `${role} of ${c}`,
        roleLabel: role,
        email: `${role}@${c}.test`,
      });
      pool.person.push(p.id);
      if (role === 'contributor') world.contributorPerson[c] = p.id;
    }
    await api.linkMember(`contributor@${c}.test`, c, world.contributorPerson[c]);
    // A member the member routes may change and remove without touching anyone the other cases use.
    const spare = await ok('POST', `${base}/members`, `admin@${c}.test`, {
      email: `spare-member@${c}.test`,
      role: 'viewer',
      name: `Spare member of ${c}`,
    });
    pool.member.push(spare.userSub);
    for (const n of [1, 2]) {
      const plan = await ok('POST', `${base}/plans`, editor, {
        title: `${secretOf(c)} plan ${n}`,
        kind: 'business-plan',
        status: 'active',
        ownerPersonId: world.contributorPerson[c],
        period: { label: '2026-27', start: '2026-04-01', end: '2027-03-31' },
        themes: [{ ref: '1', title: `${secretOf(c)} theme` }],
      });
      pool.plan.push(plan.id);
      pool.theme.push(plan.themes[0].id);
      if (n === 2) {
        world.sparePlan[c] = plan.id;
        continue;
      }
      for (const t of ['first', 'second']) {
        const a = await ok('POST', `${base}/plans/${plan.id}/actions`, editor, {
          title: `${secretOf(c)} ${t} action`,
          themeId: plan.themes[0].id,
          leads: [{ role: 'responsible', label: 'Contributor', personId: world.contributorPerson[c] }],
          due: date('2027-03-31'),
        });
        pool.action.push(a.id);
        const m = await ok('POST', `${base}/actions/${a.id}/milestones`, editor, {
          ref: 'A',
          title: `${secretOf(c)} milestone`,
          due: date('2026-12-31'),
        });
        pool.milestone.push(m.id);
      }
      for (const narrative of ['Started', 'Going well']) {
        await ok('POST', `${base}/actions/${pool.action[0]}/updates`, `contributor@${c}.test`, {
          narrative: `${secretOf(c)} ${narrative}`,
          status: 'on-track',
        });
      }
      const pi = await ok('POST', `${base}/plans/${plan.id}/indicators`, editor, {
        name: `${secretOf(c)} sickness days`,
        targets: [{ period: '2026-27', value: 8 }],
      });
      pool.indicator.push(pi.id);
      const risk = await ok('POST', `${base}/plans/${plan.id}/risks`, editor, {
        description: `${secretOf(c)} risk`,
      });
      pool.risk.push(risk.id);
      const bc = await ok('POST', `${base}/plans/${plan.id}/continuity`, editor, {
        name: `${secretOf(c)} payroll`,
        timescale: '24 hours',
      });
      pool.continuity.push(bc.id);
      const decision = await ok('POST', `${base}/plans/${plan.id}/decisions`, editor, {
        title: `${secretOf(c)} restructure`,
        decisionMaker: 'Cabinet',
      });
      pool.decision.push(decision.id);
      await ok('POST', `${base}/plans/${plan.id}/periods/${CLOSED_PERIOD}/close`, editor, {});
    }
    const preview = await ok('POST', `${base}/imports`, editor, {
      text: 'Ref\tAction\tLead\tDeadline\n1\tRefresh the workforce strategy\tHead of HR\tMarch 2027\n',
      filename: 'plan.txt',
    });
    pool.import.push(preview.id);
    const mapping = await ok('POST', `${base}/import-mappings`, editor, {
      name: `${secretOf(c)} mapping`,
      columns: { Lead: 'lead:responsible', Deadline: 'due' },
    });
    pool.mapping.push(mapping.id);
    const admin = `admin@${c}.test`;
    for (const list of [
      `${base}/plans?limit=1`,
      `${base}/plans/${pool.plan[0]}/actions?limit=1`,
      `${base}/actions/${pool.action[0]}/updates?limit=1`,
      `${base}/audit?limit=1`,
    ]) {
      const page = await ok('GET', list, admin);
      if (!page.nextCursor) throw new Error(`seeding: ${list} gave no cursor`);
      world.cursors[c].push(page.nextCursor);
    }
  }

  const feed = await ok(
    'POST',
    `/api/v1/councils/harrow/plans/${ids.harrow.plan[0]}/calendar-feed`,
    'editor@harrow.test',
    {},
  );
  world.feedFile = new URL(feed.url).pathname.split('/').pop() as string;
  ids.harrow['feed-council'].push('harrow');
  ids.harrow['feed-file'].push(world.feedFile);

  const directory = new PartnershipsRepo(api.doc, api.tableName);
  await directory.create({ id: 'shared-hr', name: 'Shared HR service', leadCouncilId: 'harrow' });
  await directory.create({ id: 'other-service', name: 'Other service', leadCouncilId: 'kent' });
  for (const c of COUNCILS) await directory.invite('shared-hr', c);
  await directory.invite('other-service', 'kent');
  for (const [c, p] of [
    ['harrow', 'shared-hr'],
    ['kent', 'shared-hr'],
    ['kent', 'other-service'],
  ] as const) {
    await ok('PUT', `/api/v1/councils/${c}/partnerships/${p}/consent`, `admin@${c}.test`, {
      status: 'granted',
      scope: 'all',
    });
  }
  for (const [email, p] of [
    [PARTNER, 'shared-hr'],
    [OTHER_PARTNER, 'other-service'],
  ] as const) {
    await directory.putReader({
      partnershipId: p,
      userSub: (await api.users.findUser(email))!.sub,
      email,
      name: email,
      weeklyDigest: false,
    });
  }
  return world;
}
