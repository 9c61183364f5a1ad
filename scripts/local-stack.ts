import { join, resolve } from 'node:path';
import { createTokenVerifier } from '@peopleplan/auth';
import { createDocClient, DirectoryRepo } from '@peopleplan/db';
import { ensureTable } from '@peopleplan/db/create-table';
import { partnershipDirectoryOnUse } from '@peopleplan/db/partnership-directory';
import {
  createDevIdp,
  type DevIdp,
  type DynamoDbLocal,
  freePort,
  LocalUserDirectory,
  startDynamoDbLocal,
} from '@peopleplan/devstack';
import { localIamClients } from '@peopleplan/iam-local';
import { createLogger } from '@peopleplan/observability';
import { createApp } from '../functions/api/src/app.js';
import type { AppDeps } from '../functions/api/src/context.js';
import { type LocalServer, serveLocal } from '../functions/api/src/local.js';
import { onboardingFor } from '../functions/api/src/onboarding.js';
import { routeModules } from '../functions/api/src/routes/index.js';
import { ensureDemo, type PlanSeeder } from './demo-data.js';
import { startLocalAlerts } from './local-alerts.js';
import { LOCAL_TABLE } from './local-dynamo.js';
import { removeStackFile, writeStackFile } from './stack-file.js';

export const REPO_ROOT = resolve(import.meta.dirname, '..');
/** The local identity provider's users, under the data folder. */
export const LOCAL_USERS_FILE = 'local-users.json';
/** The web app's client id at the local identity provider (Cognito's app client id in AWS). */
export const LOCAL_CLIENT_ID = 'peopleplan-local';

export interface LocalStackOptions {
  port: number;
  /** Keep DynamoDB data here (npm start); omit for an in-memory database. */
  dataDir?: string;
  /** Use this DynamoDB instead of starting one (tests share one per run). */
  dynamoEndpoint?: string;
  tableName?: string;
  seed?: boolean;
  seedPlan?: PlanSeeder;
  webDist?: string;
}

export interface LocalStack {
  url: string;
  dynamoEndpoint: string;
  tableName: string;
  idp: DevIdp;
  services: Array<{ name: string; url: string }>;
  stop(): Promise<void>;
}

/**
 * Everything `npm start` runs, as a function: tests start the same stack on a free port.
 */
export async function startLocalStack(opts: LocalStackOptions): Promise<LocalStack> {
  const logger = createLogger('peopleplan-local');
  const ddb: DynamoDbLocal | undefined = opts.dynamoEndpoint
    ? undefined
    : await startDynamoDbLocal(opts.dataDir ? { dbPath: join(opts.dataDir, 'dynamodb') } : {});
  const dynamoEndpoint = opts.dynamoEndpoint ?? ddb!.endpoint;
  const tableName = opts.tableName ?? LOCAL_TABLE;
  const doc = createDocClient({ endpoint: dynamoEndpoint });
  await ensureTable(doc as never, tableName);

  // The issuer URL names the port, so a port of 0 is resolved to a free one first.
  const port = opts.port || (await freePort());
  const base = `http://127.0.0.1:${port}`;
  const issuer = `${base}/dev/idp`;
  // Who may sign in: kept in .data/ beside the table, so the `npm run council` CLI sees the same users.
  const users = new LocalUserDirectory(opts.dataDir ? join(opts.dataDir, LOCAL_USERS_FILE) : undefined);
  // The same path as in AWS (docs/architecture.md, "Tenant isolation"): the app as its own role and
  // per-council tenant sessions, the alert job as its own; every command is checked against the
  // synthesised IAM policies unless PEOPLEPLAN_IAM_EVALUATION=off.
  const app = await localIamClients({ endpoint: dynamoEndpoint, role: 'api' });
  const job = await localIamClients({ endpoint: dynamoEndpoint, role: 'alerts' });
  const directory = new DirectoryRepo(app.own, tableName);
  const idp = await createDevIdp({
    issuer,
    clientId: LOCAL_CLIENT_ID,
    users,
    ...(opts.dataDir ? { keyFile: join(opts.dataDir, 'dev-idp-key.json') } : {}),
    councilNames: async () => Object.fromEntries((await directory.councils()).map((c) => [c.id, c.name])),
  });
  const deps: AppDeps = {
    config: { TABLE_NAME: tableName, MAX_BODY_BYTES: 1_048_576, WEB_BASE_URL: base, STAGE: 'local' },
    logger,
    verifier: createTokenVerifier({
      issuer,
      audience: idp.clientId,
      jwksUri: `${issuer}/.well-known/jwks.json`,
    }),
    docFor: app.docFor,
    partnershipDirectory: partnershipDirectoryOnUse(app.own, tableName),
    directory,
    identity: users,
  };
  if (opts.seed !== false)
    await ensureDemo(onboardingFor(deps, { sub: 'system:seed', name: 'Demo data' }), opts.seedPlan);
  const api = createApp(deps, await routeModules());
  // Alerts: mail catcher + inbox at /dev/mail, and the alert job on its schedule.
  const alerts = await startLocalAlerts({
    wiring: { tableName, own: job.own, docFor: job.docFor },
    webBaseUrl: base,
    dataDir: opts.dataDir,
    logger,
  });
  const server: LocalServer = await serveLocal({
    api,
    port,
    mounts: { '/dev/idp': idp.app, '/dev/mail': alerts.inbox },
    webDist: opts.webDist,
  });
  if (opts.dataDir) {
    // Lets `npm run alerts` find this DynamoDB and mail catcher instead of starting its own.
    writeStackFile(opts.dataDir, {
      pid: process.pid,
      url: server.url,
      dynamoEndpoint,
      tableName,
      smtpPort: alerts.catcher.port,
      mailUrl: `${server.url}/dev/mail`,
    });
  }
  return {
    url: server.url,
    dynamoEndpoint,
    tableName,
    idp,
    services: [
      { name: 'Web app', url: `${server.url}/` },
      { name: 'API', url: `${server.url}/api/v1 (OpenAPI: ${server.url}/api/v1/openapi.json)` },
      { name: 'Dev identity provider', url: `${server.url}/dev/idp (JWKS: ${issuer}/.well-known/jwks.json)` },
      {
        name: 'DynamoDB Local',
        url: `${dynamoEndpoint} (table ${tableName}; IAM ${app.evaluated ? 'evaluated on every call' : 'not evaluated'})`,
      },
      { name: 'Mail catcher (inbox)', url: `${server.url}/dev/mail (SMTP 127.0.0.1:${alerts.catcher.port})` },
    ],
    stop: async () => {
      if (opts.dataDir) removeStackFile(opts.dataDir);
      await alerts.stop();
      await server.close();
      await ddb?.stop();
    },
  };
}
