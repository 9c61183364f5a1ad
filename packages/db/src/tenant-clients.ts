import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createDocClient, type TenantCredentialsProvider } from '@peopleplan/db';
import type { Logger } from '@peopleplan/observability';

/**
 * One DynamoDB client per (council, mode), each signing with that council's tenant-role session, so
 * IAM itself refuses any key outside `C#<council>`. Without role ARNs (local stack) all councils
 * share one client; the session tag is still computed, so a bad council id fails the same way.
 */
export function tenantDocClients(opts: {
  region?: string | undefined;
  endpoint?: string | undefined;
  credentials: TenantCredentialsProvider;
  logger: Logger;
}): (councilId: string, mode: 'readwrite' | 'read') => Promise<DynamoDBDocumentClient> {
  const shared = createDocClient({ region: opts.region, endpoint: opts.endpoint });
  const clients = new Map<string, DynamoDBDocumentClient>();
  return async (councilId, mode) => {
    const creds = opts.credentials.forCouncil({ councilId, mode });
    if (!creds.provider) {
      opts.logger.debug('tenant session (local: not assumed)', { sessionTags: creds.sessionTags, mode });
      return shared;
    }
    const key = `${councilId}|${mode}`;
    let client = clients.get(key);
    if (!client) {
      client = createDocClient({ region: opts.region, endpoint: opts.endpoint, credentials: creds.provider });
      clients.set(key, client);
    }
    return client;
  };
}
