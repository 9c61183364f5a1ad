import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, describe, expect, it } from 'vitest';
import { freshTable } from '../../../test/support/dynamo.js';
import { ensureTable } from './create-table.js';
import { TABLE } from './table.js';

describe('ensureTable on DynamoDB Local', async () => {
  const t = await freshTable();
  afterAll(() => t.drop());

  it('creates the table with the due and council indexes', async () => {
    const d = await t.client.send(new DescribeTableCommand({ TableName: t.tableName }));
    const names = d.Table?.GlobalSecondaryIndexes?.map((g) => g.IndexName).sort();
    expect(names).toEqual([TABLE.indexes.council.name, TABLE.indexes.due.name].sort());
  });

  it('is idempotent', async () => {
    await expect(ensureTable(t.client, t.tableName)).resolves.toBeUndefined();
  });
});
