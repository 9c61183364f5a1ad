import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { freshTable } from '../../../test/support/dynamo.js';
import { createDocClient } from './client.js';
import { partnershipDirectoryOnUse } from './partnership-directory.js';

/** The partnership directory made on first use (partnership-directory.ts), on DynamoDB Local. */
describe('the partnership directory loaded on first use', () => {
  let drop: () => Promise<void>;
  let directory: ReturnType<typeof partnershipDirectoryOnUse>;
  beforeAll(async () => {
    const t = await freshTable();
    drop = t.drop;
    directory = partnershipDirectoryOnUse(
      createDocClient({ endpoint: inject('dynamoEndpoint') }),
      t.tableName,
    );
  });
  afterAll(() => drop?.());

  it('works as the repository does', async () => {
    await directory.create({ id: 'shared-hr', name: 'Shared HR service', leadCouncilId: 'harrow' });
    expect((await directory.get('shared-hr'))?.name).toBe('Shared HR service');
    expect(await directory.ids()).toContain('shared-hr');
  });

  it('is never taken for a promise, and offers nothing but the repository’s public methods', async () => {
    // Returned from an async function, a "thenable" would never settle (security probe).
    const settled = await Promise.race([
      (async () => directory)().then(() => 'settled'),
      new Promise((r) => setTimeout(() => r('hung'), 500)),
    ]);
    expect(settled).toBe('settled');
    expect('then' in directory).toBe(false);
    expect('get' in directory).toBe(true);
    const loose = directory as unknown as Record<string, unknown>;
    expect(loose.send).toBeUndefined();
    expect(loose.constructor).toBeUndefined();
    expect(loose[Symbol.toPrimitive as unknown as string]).toBeUndefined();
  });
});
