/**
 * Tenant sessions as the API uses them (packages/db's TenantCredentialsProvider → local STS → a
 * DynamoDB client that IAM evaluates), against DynamoDB Local: what the synthesised policies allow,
 * refuse, and what a refused request leaves behind (nothing).
 */
import {
  BatchGetItemCommand,
  DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
  ScanCommand,
} from '@aws-sdk/client-dynamodb';
import {
  BatchWriteCommand,
  DeleteCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { createDocClient, TenantCredentialsProvider } from '@peopleplan/db';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { freshTable } from '../../../test/support/dynamo.js';
import { type AppPolicies, loadAppPolicies } from './app-policies.js';
import { localTenantCredentials } from './local-sts.js';
import { withIamEvaluation } from './with-iam-evaluation.js';

let policies: AppPolicies;
let admin: DynamoDBDocumentClient;
let tableName: string;
let drop: () => Promise<void>;
let sessions: TenantCredentialsProvider;
const endpoint = inject('dynamoEndpoint');
/** Evaluation is on whatever the developer's shell says: these tests are about it being on. */
const ON = { env: {} };

/** A client signing with a session of `mode` for `councilId`, as functions/api's tenantDocClients builds it. */
function sessionClient(councilId: string, mode: 'readwrite' | 'read') {
  const credentials = sessions.provider({ councilId, mode });
  return withIamEvaluation(createDocClient({ endpoint, credentials }), { policies, ...ON });
}

/** A client signing with the process's own identity, evaluated as a function's execution role. */
function ownRoleClient(role: string) {
  return withIamEvaluation(createDocClient({ endpoint }), { policies, defaultRole: role, ...ON });
}

const key = (council: string, sk: string) => ({ PK: `C#${council}`, SK: sk });

async function stored(k: { PK: string; SK: string }) {
  return (await admin.send(new GetCommand({ TableName: tableName, Key: k }))).Item;
}

/** The AccessDeniedException a call fails with (the test fails if the call succeeds). */
async function denied(p: Promise<unknown>) {
  const e = (await p.then(
    () => expect.fail('expected AccessDeniedException, the call succeeded'),
    (x: unknown) => x,
  )) as Error & { $metadata: { httpStatusCode: number }; $fault: string; __type?: string };
  expect(e.name).toBe('AccessDeniedException');
  return e;
}

beforeAll(async () => {
  const t = await freshTable();
  tableName = t.tableName;
  drop = t.drop;
  admin = createDocClient({ endpoint });
  policies = await loadAppPolicies();
  sessions = new TenantCredentialsProvider(localTenantCredentials({ policies }));
  for (const council of ['harrow', 'kent']) {
    await admin.send(
      new PutCommand({
        TableName: tableName,
        Item: {
          ...key(council, 'PLAN#p1'),
          title: `${council} plan`,
          CPK: `C#${council}`,
          CSK: 'DUE#2026-03-10#m1',
          DUEPK: 'DUE#0',
          DUESK: `2026-03-10#C#${council}#m1`,
        },
      }),
    );
  }
});

afterAll(async () => {
  await drop?.();
});

describe('a read-write tenant session for harrow', () => {
  it('reads, queries and writes its own partition', async () => {
    const db = sessionClient('harrow', 'readwrite');
    await db.send(
      new PutCommand({ TableName: tableName, Item: { ...key('harrow', 'PLAN#p2'), title: 'New' } }),
    );
    await db.send(
      new UpdateCommand({
        TableName: tableName,
        Key: key('harrow', 'PLAN#p2'),
        UpdateExpression: 'SET #t = :t',
        ExpressionAttributeNames: { '#t': 'title' },
        ExpressionAttributeValues: { ':t': 'Renamed' },
      }),
    );
    const got = await db.send(new GetCommand({ TableName: tableName, Key: key('harrow', 'PLAN#p2') }));
    expect(got.Item?.title).toBe('Renamed');
    const q = await db.send(
      new QueryCommand({
        TableName: tableName,
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :p)',
        ExpressionAttributeValues: { ':pk': 'C#harrow', ':p': 'PLAN#' },
      }),
    );
    expect(q.Items?.map((i) => i.SK)).toEqual(['PLAN#p1', 'PLAN#p2']);
    await db.send(new DeleteCommand({ TableName: tableName, Key: key('harrow', 'PLAN#p2') }));
    expect(await stored(key('harrow', 'PLAN#p2'))).toBeUndefined();
  });

  it("is refused kent's items with DynamoDB's AccessDeniedException, and writes nothing", async () => {
    const db = sessionClient('harrow', 'readwrite');
    const e = await denied(db.send(new GetCommand({ TableName: tableName, Key: key('kent', 'PLAN#p1') })));
    expect(e.$metadata.httpStatusCode).toBe(400);
    expect(e.$fault).toBe('client');
    expect(e.__type).toBe('com.amazon.coral.service#AccessDeniedException');
    const role = policies.role('tenant').roleName;
    expect(e.message).toBe(
      `User: arn:aws:sts::${policies.account}:assumed-role/${role}/pp-readwrite-harrow is not authorized to perform: dynamodb:GetItem on resource: arn:aws:dynamodb:${policies.region}:${policies.account}:table/${tableName} because no identity-based policy allows the dynamodb:GetItem action`,
    );

    await denied(db.send(new PutCommand({ TableName: tableName, Item: { ...key('kent', 'PLAN#x'), t: 1 } })));
    expect(await stored(key('kent', 'PLAN#x'))).toBeUndefined();
    await denied(db.send(new DeleteCommand({ TableName: tableName, Key: key('kent', 'PLAN#p1') })));
    expect(await stored(key('kent', 'PLAN#p1'))).toBeDefined();
    await denied(
      db.send(
        new QueryCommand({
          TableName: tableName,
          KeyConditionExpression: 'PK = :pk',
          ExpressionAttributeValues: { ':pk': 'C#kent' },
        }),
      ),
    );
  });

  it('is refused a Scan (no key: the policy never grants one)', async () => {
    const db = sessionClient('harrow', 'readwrite');
    const e = await denied(db.send(new ScanCommand({ TableName: tableName })));
    expect(e.message).toContain('dynamodb:Scan');
  });

  it('may query the council index for harrow only, and is refused the due index (not in its policy)', async () => {
    const resources = JSON.stringify(policies.role('tenant').identityPolicies);
    expect(resources).toContain(`${policies.table().arn}/index/council`);
    expect(resources).not.toContain('/index/due');

    const db = sessionClient('harrow', 'readwrite');
    const own = await db.send(
      new QueryCommand({
        TableName: tableName,
        IndexName: 'council',
        KeyConditionExpression: 'CPK = :c',
        ExpressionAttributeValues: { ':c': 'C#harrow' },
      }),
    );
    expect(own.Items?.map((i) => i.PK)).toEqual(['C#harrow']);
    await denied(
      db.send(
        new QueryCommand({
          TableName: tableName,
          IndexName: 'council',
          KeyConditionExpression: 'CPK = :c',
          ExpressionAttributeValues: { ':c': 'C#kent' },
        }),
      ),
    );
    const e = await denied(
      db.send(
        new QueryCommand({
          TableName: tableName,
          IndexName: 'due',
          KeyConditionExpression: 'DUEPK = :d',
          ExpressionAttributeValues: { ':d': 'DUE#0' },
        }),
      ),
    );
    expect(e.message).toContain(`table/${tableName}/index/due`);
  });

  it('is refused a whole transaction when one item is in another partition', async () => {
    const db = sessionClient('harrow', 'readwrite');
    const e = await denied(
      db.send(
        new TransactWriteCommand({
          TransactItems: [
            { Put: { TableName: tableName, Item: { ...key('harrow', 'PLAN#t1'), n: 1 } } },
            {
              ConditionCheck: {
                TableName: tableName,
                Key: key('kent', 'PLAN#p1'),
                ConditionExpression: 'attribute_exists(PK)',
              },
            },
          ],
        }),
      ),
    );
    expect(e.message).toContain('dynamodb:ConditionCheckItem');
    expect(await stored(key('harrow', 'PLAN#t1'))).toBeUndefined();

    await db.send(
      new TransactWriteCommand({
        TransactItems: [
          { Put: { TableName: tableName, Item: { ...key('harrow', 'PLAN#t1'), n: 1 } } },
          {
            ConditionCheck: {
              TableName: tableName,
              Key: key('harrow', 'PLAN#p1'),
              ConditionExpression: 'attribute_exists(PK)',
            },
          },
        ],
      }),
    );
    expect(await stored(key('harrow', 'PLAN#t1'))).toMatchObject({ n: 1 });
  });

  it('is refused a batch naming another partition, on a raw (marshalled) client too', async () => {
    const db = sessionClient('harrow', 'readwrite');
    await denied(
      db.send(
        new BatchWriteCommand({
          RequestItems: {
            [tableName]: [
              { PutRequest: { Item: { ...key('harrow', 'PLAN#b1') } } },
              { PutRequest: { Item: { ...key('kent', 'PLAN#b1') } } },
            ],
          },
        }),
      ),
    );
    expect(await stored(key('harrow', 'PLAN#b1'))).toBeUndefined();

    const credentials = sessions.provider({ councilId: 'harrow', mode: 'readwrite' });
    const raw = withIamEvaluation(new DynamoDBClient({ endpoint, region: 'eu-west-2', credentials }), {
      policies,
      ...ON,
    });
    const rawKey = (c: string) => ({ PK: { S: `C#${c}` }, SK: { S: 'PLAN#p1' } });
    const own = await raw.send(new GetItemCommand({ TableName: tableName, Key: rawKey('harrow') }));
    expect(own.Item?.title).toEqual({ S: 'harrow plan' });
    await denied(
      raw.send(
        new BatchGetItemCommand({
          RequestItems: { [tableName]: { Keys: [rawKey('harrow'), rawKey('kent')] } },
        }),
      ),
    );
    await denied(raw.send(new PutItemCommand({ TableName: tableName, Item: rawKey('kent') })));
  });
});

describe('a read session (partner-reader role)', () => {
  it("reads its council's partition and is refused every write", async () => {
    const db = sessionClient('harrow', 'read');
    const got = await db.send(new GetCommand({ TableName: tableName, Key: key('harrow', 'PLAN#p1') }));
    expect(got.Item?.title).toBe('harrow plan');
    await denied(db.send(new GetCommand({ TableName: tableName, Key: key('kent', 'PLAN#p1') })));

    await denied(
      db.send(new PutCommand({ TableName: tableName, Item: { ...key('harrow', 'PLAN#r'), t: 1 } })),
    );
    await denied(
      db.send(
        new UpdateCommand({
          TableName: tableName,
          Key: key('harrow', 'PLAN#p1'),
          UpdateExpression: 'SET title = :t',
          ExpressionAttributeValues: { ':t': 'changed' },
        }),
      ),
    );
    await denied(db.send(new DeleteCommand({ TableName: tableName, Key: key('harrow', 'PLAN#p1') })));
    await denied(
      db.send(
        new TransactWriteCommand({
          TransactItems: [{ Put: { TableName: tableName, Item: { ...key('harrow', 'PLAN#r2') } } }],
        }),
      ),
    );
    expect(await stored(key('harrow', 'PLAN#p1'))).toMatchObject({ title: 'harrow plan' });
    expect(await stored(key('harrow', 'PLAN#r'))).toBeUndefined();
  });
});

describe("functions' own roles", () => {
  it('the alert job may query the due index across councils', async () => {
    const db = ownRoleClient('alerts');
    const due = await db.send(
      new QueryCommand({
        TableName: tableName,
        IndexName: 'due',
        KeyConditionExpression: 'DUEPK = :d',
        ExpressionAttributeValues: { ':d': 'DUE#0' },
      }),
    );
    expect(due.Items?.map((i) => i.PK).sort()).toEqual(['C#harrow', 'C#kent']);
  });

  it("the API function's own role reads partnership records but no council's partition", async () => {
    const db = ownRoleClient('api');
    await db.send(new GetCommand({ TableName: tableName, Key: { PK: 'P#east', SK: 'PARTNERSHIP' } }));
    await denied(db.send(new GetCommand({ TableName: tableName, Key: key('harrow', 'PLAN#p1') })));
  });
});

describe('the evaluating layer itself', () => {
  it('is off with PEOPLEPLAN_IAM_EVALUATION=off (the same cross-council read then succeeds)', async () => {
    const credentials = sessions.provider({ councilId: 'harrow', mode: 'readwrite' });
    const off = withIamEvaluation(createDocClient({ endpoint, credentials }), {
      policies,
      env: { PEOPLEPLAN_IAM_EVALUATION: 'off' },
    });
    const got = await off.send(new GetCommand({ TableName: tableName, Key: key('kent', 'PLAN#p1') }));
    expect(got.Item?.title).toBe('kent plan');
  });

  it('refuses credentials that are no session and no named role, as AWS refuses unknown keys', async () => {
    const db = withIamEvaluation(createDocClient({ endpoint }), { policies, ...ON });
    const e = (await db
      .send(new GetCommand({ TableName: tableName, Key: key('harrow', 'PLAN#p1') }))
      .catch((x: unknown) => x)) as Error & { $metadata: { httpStatusCode: number } };
    expect(e.name).toBe('UnrecognizedClientException');
    expect(e.$metadata.httpStatusCode).toBe(400);
  });

  it('refuses an expired session with ExpiredTokenException', async () => {
    const later = Date.now() + 2 * 3600_000;
    const credentials = sessions.provider({ councilId: 'harrow', mode: 'readwrite' });
    const db = withIamEvaluation(createDocClient({ endpoint, credentials }), {
      policies,
      now: () => later,
      ...ON,
    });
    const e = (await db
      .send(new GetCommand({ TableName: tableName, Key: key('harrow', 'PLAN#p1') }))
      .catch((x: unknown) => x)) as Error;
    expect(e.name).toBe('ExpiredTokenException');
  });

  it('evaluates the session that signs: a client for kent cannot be used for harrow', async () => {
    const kent = sessionClient('kent', 'readwrite');
    await kent.send(new GetCommand({ TableName: tableName, Key: key('kent', 'PLAN#p1') }));
    const e = await denied(
      kent.send(new GetCommand({ TableName: tableName, Key: key('harrow', 'PLAN#p1') })),
    );
    expect(e.message).toContain('/pp-readwrite-kent is not authorized');
  });
});
