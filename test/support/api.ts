import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createTokenVerifier } from '@peopleplan/auth';
import { type CouncilRole, OPERATOR_GROUP, parseGroups } from '@peopleplan/core';
import { createDocClient, DirectoryRepo } from '@peopleplan/db';
import { partnershipDirectoryOnUse } from '@peopleplan/db/partnership-directory';
import { createDevIdp, type DevIdp, type DevUser, LocalUserDirectory } from '@peopleplan/devstack';
import { localIamClients } from '@peopleplan/iam-local';
import { createLogger } from '@peopleplan/observability';
import { addOperator, createCouncil, inviteMember, type OnboardingDeps } from '@peopleplan/services';
import { inject } from 'vitest';
import { createApp } from '../../functions/api/src/app.js';
import type { AppDeps } from '../../functions/api/src/context.js';
import { onboardingFor } from '../../functions/api/src/onboarding.js';
import { routeModules } from '../../functions/api/src/routes/index.js';
import type { App } from '../../functions/api/src/types.js';
import { freshTable } from './dynamo.js';

export const TEST_USERS: DevUser[] = ['harrow', 'kent'].flatMap((c) =>
  (['admin', 'editor', 'contributor', 'viewer'] as const).map((role) => ({
    email: `${role}@${c}.test`,
    name: `${role} of ${c}`,
    groups: [`council:${c}:${role}`],
  })),
);

export const TEST_OPERATOR: DevUser = {
  email: 'operator@peopleplan.test',
  name: 'Test operator',
  groups: [OPERATOR_GROUP],
};

export interface TestApi {
  app: App;
  deps: AppDeps;
  doc: DynamoDBDocumentClient;
  tableName: string;
  /** The local identity provider's users: what Cognito holds in AWS. */
  users: LocalUserDirectory;
  /** The local identity provider itself (its token endpoint: `idp.app`), as `npm start` serves it. */
  idp: DevIdp;
  onboarding: OnboardingDeps;
  token(email: string, overrides?: { groups?: string[]; expiresIn?: string | null }): Promise<string>;
  call(
    method: string,
    path: string,
    opts?: {
      as?: string;
      body?: unknown;
      raw?: string | Uint8Array<ArrayBuffer>;
      headers?: Record<string, string>;
    },
  ): Promise<{ status: number; body: any; headers: Headers }>;
  /** A call that must succeed (status under 300), as `as`: its body; otherwise it throws with the answer. */
  ok(method: string, path: string, body: unknown, as: string): Promise<any>;
  /** Link a user's membership to a directory person (contributors report on what they lead). */
  linkMember(email: string, councilId: string, personId: string): Promise<void>;
  drop(): Promise<void>;
}

const SEEDER = { sub: 'system:test', name: 'Test set-up' };
/** The app client the test identity provider issues tokens to (`client_id`). */
export const TEST_CLIENT_ID = 'peopleplan-test';
export const TEST_ISSUER = 'http://127.0.0.1:9/dev/idp';

/**
 * The real Hono app on a fresh DynamoDB Local table, with real RS256 access tokens shaped like
 * Cognito's from the development identity provider (keys handed to the verifier, so nothing listens
 * on a port). Councils, members, partner readers and the operator are made through the same onboarding
 * service a real council goes through.
 */
export async function createTestApi(
  opts: {
    users?: DevUser[];
    today?: () => string;
    /** Councils created besides those the users belong to (e.g. a partnership's third member). */
    extraCouncils?: string[];
    /** The identity provider's key pair (test/support/tokens.ts), so a test can sign tokens of its own. */
    idpKeyFile?: string;
  } = {},
): Promise<TestApi> {
  const table = await freshTable();
  const endpoint = inject('dynamoEndpoint');
  // The test's own hand on the table (seeding, checking what was written): no role, unchecked.
  const doc = createDocClient({ endpoint });
  // The app's clients as in AWS: its own role (`api`) and per-council tenant sessions, each command
  // checked against the synthesised IAM policies (packages/iam-local).
  const clients = await localIamClients({ endpoint, role: 'api' });
  const users = new LocalUserDirectory();
  const issuer = TEST_ISSUER;
  const idp = await createDevIdp({
    issuer,
    clientId: TEST_CLIENT_ID,
    users,
    ...(opts.idpKeyFile ? { keyFile: opts.idpKeyFile } : {}),
  });
  const deps: AppDeps = {
    config: {
      TABLE_NAME: table.tableName,
      MAX_BODY_BYTES: 1_048_576,
      WEB_BASE_URL: 'http://127.0.0.1:9',
      STAGE: 'test',
    },
    logger: createLogger('test'),
    verifier: createTokenVerifier({
      issuer,
      audience: idp.clientId,
      jwksUri: `${issuer}/jwks`,
      jwks: idp.jwks as never,
    }),
    docFor: clients.docFor,
    partnershipDirectory: partnershipDirectoryOnUse(clients.own, table.tableName),
    directory: new DirectoryRepo(clients.own, table.tableName),
    identity: users,
    ...(opts.today ? { today: opts.today } : {}),
  };
  // Every route group, as `npm start` serves them (in AWS two functions share them).
  const app = createApp(deps, await routeModules());
  const onboarding = onboardingFor(deps, SEEDER);
  await onboard(onboarding, [...(opts.users ?? TEST_USERS), TEST_OPERATOR], opts.extraCouncils ?? []);

  const call: TestApi['call'] = async (method, path, o = {}) => {
    const headers: Record<string, string> = { ...(o.headers ?? {}) };
    if (o.as) headers.authorization = `Bearer ${await idp.tokenFor(o.as)}`;
    let reqBody: string | Uint8Array<ArrayBuffer> | undefined;
    if (o.raw !== undefined) reqBody = o.raw;
    else if (o.body !== undefined) {
      reqBody = JSON.stringify(o.body);
      headers['content-type'] ??= 'application/json';
    }
    const res = await app.request(path, {
      method,
      headers,
      ...(reqBody !== undefined ? { body: reqBody } : {}),
    });
    const text = await res.text();
    let parsed: unknown;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      parsed = text;
    }
    return { status: res.status, body: parsed, headers: res.headers };
  };
  return {
    app,
    deps,
    doc,
    tableName: table.tableName,
    users,
    idp,
    onboarding,
    token: (email, o) => idp.tokenFor(email, o),
    call,
    ok: async (method, path, body, as) => {
      const r = await call(method, path, { as, ...(body === undefined ? {} : { body }) });
      if (r.status >= 300) throw new Error(`${method} ${path}: ${r.status} ${JSON.stringify(r.body)}`);
      return r.body;
    },
    linkMember: async (email, councilId, personId) => {
      const data = await onboarding.council(councilId);
      const member = await data.members.byEmail(email);
      if (!member) throw new Error(`${email} is not a member of ${councilId}`);
      await data.members.update(member.userSub, { version: member.version, personId });
    },
    drop: table.drop,
  };
}

/**
 * Every council the users belong to is created (its first admin the first admin user of it, else a
 * made-up one), then everyone is invited with their roles; partner readers and operators are given
 * their groups. The tests' partnerships themselves are made by the tests.
 */
async function onboard(deps: OnboardingDeps, users: DevUser[], extraCouncils: string[]): Promise<void> {
  const roles = new Map<string, Array<{ user: DevUser; role: CouncilRole }>>();
  for (const id of extraCouncils) roles.set(id, []);
  for (const user of users) {
    for (const [id, role] of Object.entries(parseGroups(user.groups).councils)) {
      roles.set(id, [...(roles.get(id) ?? []), { user, role }]);
    }
  }
  for (const [id, members] of roles) {
    const first = members.find((m) => m.role === 'admin');
    await createCouncil(
      deps,
      {
        id,
        name: `${id} council`,
        financialYearStartMonth: 4,
        adminEmail: first?.user.email ?? `first-admin@${id}.test`,
        ...(first ? { adminName: first.user.name } : {}),
      },
      SEEDER,
    );
    const data = await deps.council(id);
    for (const m of members.filter((x) => x !== first)) {
      await inviteMember(deps, data, { email: m.user.email, role: m.role, name: m.user.name }, SEEDER);
    }
  }
  for (const user of users) {
    if (user.groups.includes(OPERATOR_GROUP)) await addOperator(deps, user.email, user.name, SEEDER);
    for (const g of user.groups.filter((x) => x.startsWith('partnership:'))) {
      await deps.identity.ensureGroup(g, 'partner readers');
      const { user: u } = await deps.identity.ensureUser(user.email, user.name);
      await deps.identity.addToGroup(u.username, g);
      // A reader is recorded with the group, as createPartnership does (the record is checked on every request).
      await deps.partnerships.putReader({
        partnershipId: g.split(':')[1]!,
        userSub: u.sub,
        email: user.email,
        name: user.name,
        weeklyDigest: false,
      });
    }
  }
}
