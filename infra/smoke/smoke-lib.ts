/**
 * The post-deploy smoke test's steps (infra/smoke/smoke.ts runs them; test/infra/smoke.test.ts checks the
 * requests they make). Each step takes its AWS clients and `fetch` as arguments, so a test can stand in
 * for AWS without a network, and a dry run can describe the steps without calling anything.
 */

import { createHmac } from 'node:crypto';
import {
  type CloudFormationClient,
  DescribeStacksCommand,
  type Output,
} from '@aws-sdk/client-cloudformation';
import {
  AdminInitiateAuthCommand,
  AdminRespondToAuthChallengeCommand,
  type CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';
import { type DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';
import { AssumeRoleCommand, type STSClient } from '@aws-sdk/client-sts';
import { councilPk, sk } from '@peopleplan/db';
import { TABLE } from '@peopleplan/db/table';

/** The session tag the tenant data role's trust policy requires (infra/lib/constructs/tenant-data-roles.ts). */
export const COUNCIL_TAG = 'council';

export interface SmokeOptions {
  stage: string;
  region: string;
  /** A council the test user belongs to: its tenant session must read it. */
  council: string;
  /** Another council: the same session must be refused. */
  otherCouncil: string;
  /** The test user (Cognito username/email) and password: from the environment, never arguments. */
  username: string | undefined;
  password: string | undefined;
  /**
   * The test user's authenticator (TOTP) secret, base32, as Cognito gave it at enrolment: MFA is required
   * of everyone (infra/README.md, "Sign-in").
   */
  totpSecret?: string | undefined;
}

/** What the smoke test needs from the deployed stacks' outputs. */
export interface Deployment {
  webUrl: string;
  apiBaseUrl: string;
  userPoolId: string;
  clientId: string;
  tenantRoleArn: string;
  tableName: string;
}

/** Stack, output key and field, as infra/lib/stacks/*.ts name them. */
const OUTPUTS: [concern: string, key: string, field: keyof Deployment][] = [
  ['Web', 'WebUrl', 'webUrl'],
  ['Web', 'UserPoolClientId', 'clientId'],
  ['Gateway', 'ApiBaseUrl', 'apiBaseUrl'],
  ['Auth', 'UserPoolId', 'userPoolId'],
  ['Access', 'TenantRoleArn', 'tenantRoleArn'],
  ['Data', 'TableName', 'tableName'],
];

export const stackName = (stage: string, concern: string) => `PeoplePlan-${stage}-${concern}`;

export class SmokeFailure extends Error {
  override name = 'SmokeFailure';
}

export async function readDeployment(cfn: CloudFormationClient, stage: string): Promise<Deployment> {
  const byStack = new Map<string, Output[]>();
  for (const concern of new Set(OUTPUTS.map(([c]) => c))) {
    const name = stackName(stage, concern);
    const r = await cfn.send(new DescribeStacksCommand({ StackName: name }));
    byStack.set(concern, r.Stacks?.[0]?.Outputs ?? []);
  }
  const out: Partial<Deployment> = {};
  for (const [concern, key, field] of OUTPUTS) {
    const value = byStack.get(concern)?.find((o) => o.OutputKey === key)?.OutputValue;
    if (!value) throw new SmokeFailure(`${stackName(stage, concern)} has no output ${key}: is it deployed?`);
    out[field] = value.replace(/\/+$/, '');
  }
  return out as Deployment;
}

type Fetch = (url: string, init?: RequestInit) => Promise<Response>;

export async function checkHealth(fetchFn: Fetch, d: Deployment): Promise<string> {
  const res = await fetchFn(`${d.apiBaseUrl}/health`);
  const body = (await res.json().catch(() => undefined)) as { status?: string; stage?: string } | undefined;
  if (res.status !== 200 || body?.status !== 'ok') {
    throw new SmokeFailure(`GET ${d.apiBaseUrl}/health answered ${res.status} ${JSON.stringify(body)}`);
  }
  return `ok (stage ${body.stage})`;
}

/** The RFC 6238 code (30-second steps, 6 digits, HMAC-SHA1) of a base32 secret at `at`. */
export function totpCode(secretBase32: string, at: number = Date.now()): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const ch of secretBase32.toUpperCase().replace(/[\s=]/g, '')) {
    const v = alphabet.indexOf(ch);
    if (v < 0) throw new SmokeFailure('SMOKE_TOTP_SECRET is not base32');
    bits += v.toString(2).padStart(5, '0');
  }
  const key = Buffer.from((bits.match(/.{8}/g) ?? []).map((b) => Number.parseInt(b, 2)));
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(at / 30_000)));
  const mac = createHmac('sha1', key).update(counter).digest();
  const offset = mac[mac.length - 1]! & 0x0f;
  return String((mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000).padStart(6, '0');
}

/**
 * Signs the test user in with AdminInitiateAuth (ADMIN_USER_PASSWORD_AUTH): the web client allows that
 * flow only to callers with AWS credentials, and not the public USER_PASSWORD_AUTH one. MFA is required,
 * so the authenticator challenge is answered with a code from the user's TOTP secret.
 */
export async function signIn(
  cognito: CognitoIdentityProviderClient,
  d: Deployment,
  username: string,
  password: string,
  totpSecret?: string,
  now: () => number = Date.now,
): Promise<string> {
  let r = await cognito.send(
    new AdminInitiateAuthCommand({
      UserPoolId: d.userPoolId,
      ClientId: d.clientId,
      AuthFlow: 'ADMIN_USER_PASSWORD_AUTH',
      AuthParameters: { USERNAME: username, PASSWORD: password },
    }),
  );
  if (r.ChallengeName === 'SOFTWARE_TOKEN_MFA' && totpSecret) {
    r = await cognito.send(
      new AdminRespondToAuthChallengeCommand({
        UserPoolId: d.userPoolId,
        ClientId: d.clientId,
        ChallengeName: 'SOFTWARE_TOKEN_MFA',
        Session: r.Session,
        ChallengeResponses: { USERNAME: username, SOFTWARE_TOKEN_MFA_CODE: totpCode(totpSecret, now()) },
      }),
    );
  }
  if (r.ChallengeName) {
    throw new SmokeFailure(
      `Cognito asks the test user for ${r.ChallengeName}: give it a permanent password ` +
        '(aws cognito-idp admin-set-user-password --permanent) and an enrolled authenticator whose secret is ' +
        'in SMOKE_TOTP_SECRET (infra/README.md, "Smoke test")',
    );
  }
  const token = r.AuthenticationResult?.AccessToken;
  if (!token) throw new SmokeFailure('Cognito returned no access token');
  return token;
}

/** Reads `/api/v1/me` through CloudFront, as the web app does. */
export async function readMe(fetchFn: Fetch, d: Deployment, accessToken: string): Promise<string> {
  const res = await fetchFn(`${d.webUrl}/api/v1/me`, { headers: { authorization: `Bearer ${accessToken}` } });
  if (res.status !== 200) throw new SmokeFailure(`GET ${d.webUrl}/api/v1/me answered ${res.status}`);
  const me = (await res.json()) as { councils?: { id: string }[] };
  return `200, member of ${me.councils?.map((c) => c.id).join(', ') || 'no council'}`;
}

/**
 * A request straight to the API, not through CloudFront (no origin header): must be refused. A 200
 * means the origin guard is not in place.
 */
export async function checkNoBypass(fetchFn: Fetch, d: Deployment): Promise<string> {
  const url = `${d.apiBaseUrl}/api/v1/openapi.json`;
  let status: number;
  try {
    status = (await fetchFn(url)).status;
  } catch (e) {
    return `unreachable (${(e as Error).message})`;
  }
  if (status !== 403)
    throw new SmokeFailure(`GET ${url} without CloudFront's header answered ${status}, not 403`);
  return 'refused with 403';
}

export interface TenantCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
}

const councilKey = (council: string) => ({
  [TABLE.partitionKey]: { S: councilPk(council) },
  [TABLE.sortKey]: { S: sk.council() },
});

/**
 * Assumes the tenant data role for one council (session tag `council`), reads that council's record,
 * then asks for another council's with the same session: IAM must answer AccessDeniedException.
 */
export async function checkTenantIsolation(
  sts: STSClient,
  dynamoFor: (credentials: TenantCredentials) => DynamoDBClient,
  d: Deployment,
  council: string,
  otherCouncil: string,
): Promise<string> {
  const assumed = await sts.send(
    new AssumeRoleCommand({
      RoleArn: d.tenantRoleArn,
      RoleSessionName: `smoke-${council}`.slice(0, 64),
      Tags: [{ Key: COUNCIL_TAG, Value: council }],
      DurationSeconds: 900,
    }),
  );
  const c = assumed.Credentials;
  if (!c?.AccessKeyId || !c.SecretAccessKey || !c.SessionToken)
    throw new SmokeFailure('STS returned no credentials');
  const dynamo = dynamoFor({
    accessKeyId: c.AccessKeyId,
    secretAccessKey: c.SecretAccessKey,
    sessionToken: c.SessionToken,
  });
  const own = await dynamo.send(new GetItemCommand({ TableName: d.tableName, Key: councilKey(council) }));
  try {
    await dynamo.send(new GetItemCommand({ TableName: d.tableName, Key: councilKey(otherCouncil) }));
  } catch (e) {
    if ((e as Error).name === 'AccessDeniedException') {
      return `${council} readable (${own.Item ? 'found' : 'no council record'}), ${otherCouncil} refused`;
    }
    throw e;
  }
  throw new SmokeFailure(
    `a session for ${council} read ${otherCouncil}'s partition: tenant isolation is broken`,
  );
}

export interface SmokeClients {
  cfn: CloudFormationClient;
  cognito: CognitoIdentityProviderClient;
  sts: STSClient;
  dynamoFor: (credentials: TenantCredentials) => DynamoDBClient;
  fetch: Fetch;
}

export interface SmokeStep {
  name: string;
  /** What the step does, for --dry-run. */
  plan: string;
}

export function smokeSteps(o: SmokeOptions): SmokeStep[] {
  const s = (concern: string) => stackName(o.stage, concern);
  return [
    {
      name: 'stack outputs',
      plan: `CloudFormation DescribeStacks ${['Web', 'Gateway', 'Auth', 'Access', 'Data'].map(s).join(', ')} (${o.region})`,
    },
    { name: 'health', plan: 'GET <ApiBaseUrl>/health → 200 {"status":"ok"}' },
    {
      name: 'no way around CloudFront',
      plan: 'GET <ApiBaseUrl>/api/v1/openapi.json without the origin header → 403',
    },
    {
      name: 'sign in',
      plan: `Cognito AdminInitiateAuth ADMIN_USER_PASSWORD_AUTH for ${o.username ?? '$SMOKE_USERNAME'}, the TOTP challenge answered from $SMOKE_TOTP_SECRET → access token`,
    },
    { name: 'read a route', plan: 'GET <WebUrl>/api/v1/me with the access token (through CloudFront) → 200' },
    {
      name: 'tenant isolation',
      plan:
        `STS AssumeRole <TenantRoleArn> with session tag council=${o.council}; DynamoDB GetItem ${councilPk(o.council)} → ok; ` +
        `GetItem ${councilPk(o.otherCouncil)} → AccessDeniedException`,
    },
  ];
}

/** Runs every step in order, reporting each; stops at the first failure. Returns true when all passed. */
export async function runSmoke(
  o: SmokeOptions,
  clients: SmokeClients,
  log: (line: string) => void,
): Promise<boolean> {
  let deployment: Deployment | undefined;
  let token: string | undefined;
  const need = <T>(v: T | undefined): T => {
    if (v === undefined) throw new SmokeFailure('an earlier step did not finish');
    return v;
  };
  const run: Record<string, () => Promise<string>> = {
    'stack outputs': async () => {
      deployment = await readDeployment(clients.cfn, o.stage);
      return `${deployment.webUrl}, API ${deployment.apiBaseUrl}`;
    },
    health: () => checkHealth(clients.fetch, need(deployment)),
    'no way around CloudFront': () => checkNoBypass(clients.fetch, need(deployment)),
    'sign in': async () => {
      if (!o.username || !o.password) throw new SmokeFailure('set SMOKE_USERNAME and SMOKE_PASSWORD');
      token = await signIn(clients.cognito, need(deployment), o.username, o.password, o.totpSecret);
      return 'access token received';
    },
    'read a route': () => readMe(clients.fetch, need(deployment), need(token)),
    'tenant isolation': () =>
      checkTenantIsolation(clients.sts, clients.dynamoFor, need(deployment), o.council, o.otherCouncil),
  };
  for (const step of smokeSteps(o)) {
    try {
      log(`✓ ${step.name}: ${await need(run[step.name])()}`);
    } catch (e) {
      const err = e as Error;
      log(`✗ ${step.name}: ${err.name === 'SmokeFailure' ? '' : `${err.name}: `}${err.message}`);
      return false;
    }
  }
  return true;
}
