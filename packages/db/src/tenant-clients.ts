import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createDocClient } from './client.js';
import { CouncilData } from './council-data.js';
import type { Actor } from './tenant.js';
import { tenantContext } from './tenant.js';
import type { TenantAccessMode, TenantCredentialsProvider } from './tenant-credentials.js';

/** A DynamoDB client for one council's data, in a mode: what every council-scoped read or write uses. */
export type DocFor = (councilId: string, mode: TenantAccessMode) => Promise<DynamoDBDocumentClient>;

/**
 * One DynamoDB client per (council, mode), each signing with that council's tenant-role session, so
 * IAM itself refuses any key outside `C#<council>`. Without role ARNs (local stack) all councils
 * share one client; the session tag is still computed, so a bad council id fails the same way.
 */
export function tenantDocClients(opts: {
  region?: string | undefined;
  endpoint?: string | undefined;
  credentials: TenantCredentialsProvider;
  logger?: { debug(message: string, extra: { sessionTags: Record<string, string>; mode: string }): void };
  /** Applied to each client made (locally and in tests: IAM evaluation, packages/iam-local). */
  wrap?: (client: DynamoDBDocumentClient) => DynamoDBDocumentClient;
}): DocFor {
  const shared = createDocClient({ region: opts.region, endpoint: opts.endpoint });
  const clients = new Map<string, DynamoDBDocumentClient>();
  return async (councilId, mode) => {
    const creds = opts.credentials.forCouncil({ councilId, mode });
    if (!creds.provider) {
      opts.logger?.debug('tenant session (local: not assumed)', { sessionTags: creds.sessionTags, mode });
      return shared;
    }
    const key = `${councilId}|${mode}`;
    let client = clients.get(key);
    if (!client) {
      client = createDocClient({ region: opts.region, endpoint: opts.endpoint, credentials: creds.provider });
      if (opts.wrap) client = opts.wrap(client);
      clients.set(key, client);
    }
    return client;
  };
}

/**
 * A job's view of each council (the alert job, repairs): that council's data through its own session,
 * acting as the named system actor. Jobs never read or write a council partition any other way.
 */
export function jobCouncils(
  docFor: DocFor,
  tableName: string,
  actor: Actor,
): (councilId: string) => Promise<CouncilData> {
  return async (councilId) =>
    new CouncilData(
      await docFor(councilId, 'readwrite'),
      tableName,
      tenantContext(councilId, 'system', actor),
    );
}

/**
 * Each council's data as a partner reader sees it: a read-only session (in AWS the partner-reader role
 * tagged `council=<id>`), and the partner-reader role in code, which refuses every write.
 */
export function partnerReaders(
  docFor: DocFor,
  tableName: string,
): (councilId: string, actor: Actor) => Promise<CouncilData> {
  return async (councilId, actor) =>
    new CouncilData(
      await docFor(councilId, 'read'),
      tableName,
      tenantContext(councilId, 'partner-reader', actor),
    );
}
