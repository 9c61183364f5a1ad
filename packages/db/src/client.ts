import { DynamoDBClient, type DynamoDBClientConfig } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

export interface DbConfig {
  region?: string | undefined;
  endpoint?: string | undefined;
  credentials?: DynamoDBClientConfig['credentials'];
}

export function createDocClient(cfg: DbConfig = {}): DynamoDBDocumentClient {
  const client = new DynamoDBClient({
    region: cfg.region ?? 'eu-west-2',
    ...(cfg.endpoint ? { endpoint: cfg.endpoint } : {}),
    // DynamoDB Local accepts any credentials; these are not secrets.
    ...(cfg.credentials
      ? { credentials: cfg.credentials }
      : cfg.endpoint
        ? { credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }
        : {}),
  });
  return DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
  });
}
