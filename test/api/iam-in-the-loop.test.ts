import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { CouncilData, tenantContext } from '@peopleplan/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from '../support/api.js';

/**
 * IAM is evaluated on every DynamoDB command the app sends in these tests (packages/iam-local, the
 * policies synthesised from infra/): a bug that builds another council's key is refused by IAM even
 * when the code asks for it, as it would be in AWS.
 */
describe('IAM in the loop', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await createTestApi();
  });
  afterAll(() => api.drop());

  it('refuses another council’s item through a council’s session, even when the code asks for it', async () => {
    const harrow = await api.deps.docFor('harrow', 'readwrite');
    await expect(
      harrow.send(new GetCommand({ TableName: api.tableName, Key: { PK: 'C#kent', SK: 'COUNCIL' } })),
    ).rejects.toMatchObject({ name: 'AccessDeniedException', $metadata: { httpStatusCode: 400 } });
    const own = await harrow.send(
      new GetCommand({ TableName: api.tableName, Key: { PK: 'C#harrow', SK: 'COUNCIL' } }),
    );
    expect(own.Item?.id).toBe('harrow');
  });

  it('refuses a repository pointed at the wrong council by a code bug (session for harrow, context kent)', async () => {
    const wrong = new CouncilData(
      await api.deps.docFor('harrow', 'read'),
      api.tableName,
      tenantContext('kent', 'viewer', { sub: 'bug', name: 'A bug' }),
    );
    await expect(wrong.plans.listAll()).rejects.toMatchObject({ name: 'AccessDeniedException' });
  });

  it('gives the function’s own role no council partition, and a read session no writes', async () => {
    const ownRole = (api.deps.directory as unknown as { doc: { send: (c: unknown) => Promise<unknown> } })
      .doc;
    await expect(
      ownRole.send(new GetCommand({ TableName: api.tableName, Key: { PK: 'C#harrow', SK: 'COUNCIL' } })),
    ).rejects.toMatchObject({ name: 'AccessDeniedException' });
    const reader = new CouncilData(
      await api.deps.docFor('harrow', 'read'),
      api.tableName,
      tenantContext('harrow', 'system', { sub: 'bug', name: 'A bug' }),
    );
    await expect(reader.people.create({ name: 'Nobody' })).rejects.toMatchObject({
      name: 'AccessDeniedException',
    });
  });
});
