import { randomUUID } from 'node:crypto';
import { DeleteTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { ensureTable } from '@peopleplan/db/create-table';
import { inject } from 'vitest';

/** Local credentials: DynamoDB Local accepts any; these are not secrets. */
export const LOCAL_CREDENTIALS = { accessKeyId: 'local', secretAccessKey: 'local' };

export function localClient(endpoint = inject('dynamoEndpoint')): DynamoDBClient {
  return new DynamoDBClient({ endpoint, region: 'eu-west-2', credentials: LOCAL_CREDENTIALS });
}

/** A fresh, empty table for one test file. */
export async function freshTable(): Promise<{
  client: DynamoDBClient;
  tableName: string;
  drop(): Promise<void>;
}> {
  const client = localClient();
  const tableName = `t-${randomUUID()}`;
  await ensureTable(client, tableName);
  return {
    client,
    tableName,
    drop: async () => {
      await client.send(new DeleteTableCommand({ TableName: tableName }));
    },
  };
}
