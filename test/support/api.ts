import { type DynamoDBDocumentClient, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { createTokenVerifier } from '@peopleplan/auth';
import { createDocClient, provisionCouncil, provisionMember } from '@peopleplan/db';
import { createDevIdp, type DevUser, devSub } from '@peopleplan/devstack';
import { createLogger } from '@peopleplan/observability';
import { inject } from 'vitest';
import { type App, createApp, type RouteModule } from '../../functions/api/src/app.js';
import { freshTable } from './dynamo.js';

export const TEST_USERS: DevUser[] = ['harrow', 'kent'].flatMap((c) =>
  (['admin', 'editor', 'contributor', 'viewer'] as const).map((role) => ({
    email: `${role}@${c}.test`,
    name: `${role} of ${c}`,
    groups: [`council:${c}:${role}`],
  })),
);

export interface TestApi {
  app: App;
  doc: DynamoDBDocumentClient;
  tableName: string;
  token(email: string, overrides?: { groups?: string[]; expiresIn?: string }): Promise<string>;
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
  /** Link a user's membership to a directory person (contributors report on what they lead). */
  linkMember(email: string, councilId: string, personId: string): Promise<void>;
  drop(): Promise<void>;
}

/**
 * The real Hono app on a fresh DynamoDB Local table, with real RS256 tokens from the development
 * identity provider (keys handed to the verifier, so nothing listens on a port).
 */
export async function createTestApi(
  opts: {
    modules?: RouteModule[];
    users?: DevUser[];
    today?: () => string;
    /** Councils provisioned besides harrow and kent (e.g. a partnership's third member). */
    extraCouncils?: string[];
    /** The identity provider's key pair (test/support/tokens.ts), so a test can sign tokens of its own. */
    idpKeyFile?: string;
  } = {},
): Promise<TestApi> {
  const table = await freshTable();
  const doc = createDocClient({ endpoint: inject('dynamoEndpoint') });
  const users = opts.users ?? TEST_USERS;
  const issuer = 'http://127.0.0.1:9/dev/idp';
  const idp = await createDevIdp({
    issuer,
    audience: 'peopleplan-test',
    users,
    ...(opts.idpKeyFile ? { keyFile: opts.idpKeyFile } : {}),
  });
  const app = createApp(
    {
      config: {
        TABLE_NAME: table.tableName,
        MAX_BODY_BYTES: 1_048_576,
        WEB_BASE_URL: 'http://127.0.0.1:9',
        STAGE: 'test',
      },
      logger: createLogger('test'),
      verifier: createTokenVerifier({
        issuer,
        audience: idp.audience,
        jwksUri: `${issuer}/jwks`,
        jwks: idp.jwks as never,
      }),
      docFor: async () => doc,
      partnershipDirectory: async () => doc,
      ...(opts.today ? { today: opts.today } : {}),
    },
    opts.modules ?? [],
  );
  for (const id of ['harrow', 'kent', ...(opts.extraCouncils ?? [])])
    await provisionCouncil(doc, table.tableName, { id, name: `${id} council` });
  for (const u of users) {
    for (const g of u.groups) {
      const [scope, councilId, role] = g.split(':');
      if (scope !== 'council' || !councilId || !role) continue;
      await provisionMember(doc, table.tableName, {
        councilId,
        userSub: devSub(u.email),
        email: u.email,
        name: u.name,
        role: role as 'admin',
      });
    }
  }
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
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {}
    return { status: res.status, body: parsed, headers: res.headers };
  };
  return {
    app,
    doc,
    tableName: table.tableName,
    token: (email, o) => idp.tokenFor(email, o),
    call,
    linkMember: async (email, councilId, personId) => {
      await doc.send(
        new UpdateCommand({
          TableName: table.tableName,
          Key: { PK: `C#${councilId}`, SK: `MEMBER#${devSub(email)}` },
          UpdateExpression: 'SET personId = :p',
          ExpressionAttributeValues: { ':p': personId },
        }),
      );
    },
    drop: table.drop,
  };
}
