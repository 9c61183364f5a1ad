import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from '../support/api.js';

/** One read the app sent: what it was, whether strongly consistent, and the keys or range it named. */
interface Read {
  command: string;
  consistent: boolean;
  index?: string;
  keys: string;
}

/** A client that records every read it sends (writes are left out). */
function recording(doc: DynamoDBDocumentClient, reads: Read[]): DynamoDBDocumentClient {
  const wrapped = Object.create(doc) as DynamoDBDocumentClient;
  const send = doc.send.bind(doc) as (cmd: unknown) => Promise<unknown>;
  (wrapped as unknown as { send: typeof send }).send = (cmd: unknown) => {
    const command = (cmd as { constructor: { name: string } }).constructor.name;
    const input = (cmd as { input: Record<string, any> }).input;
    if (command === 'GetCommand' || command === 'QueryCommand') {
      reads.push({
        command,
        consistent: input.ConsistentRead === true,
        ...(input.IndexName && { index: input.IndexName }),
        keys: JSON.stringify(input.Key ?? input.ExpressionAttributeValues),
      });
    } else if (command === 'BatchGetCommand') {
      for (const r of Object.values(input.RequestItems) as Array<Record<string, any>>) {
        reads.push({ command, consistent: r.ConsistentRead === true, keys: JSON.stringify(r.Keys) });
      }
    }
    return send(cmd);
  };
  return wrapped;
}

/**
 * The read-consistency policy (packages/db consistency.ts), checked on what the API actually sends:
 * the dashboard reads eventually except the membership check; a change reads strongly what its
 * conditional write depends on.
 */
describe('read consistency', () => {
  let api: TestApi;
  const reads: Read[] = [];
  const base = '/api/v1/councils/harrow';
  const editor = 'editor@harrow.test';
  let actionId = '';
  let planId = '';

  const call = async (method: string, path: string, as: string, body?: unknown) => {
    reads.length = 0;
    const r = await api.call(method, path, { as, ...(body !== undefined && { body }) });
    expect(r.status, JSON.stringify(r.body)).toBeLessThan(300);
    return r.body;
  };
  const baseTable = () => reads.filter((r) => !r.index);

  beforeAll(async () => {
    api = await createTestApi({ today: () => '2026-11-16' });
    const docFor = api.deps.docFor;
    api.deps.docFor = async (councilId, mode) => recording(await docFor(councilId, mode), reads);
    const date = (due: string) => ({ text: due, kind: 'date', due, precision: 'day' });
    const plan = await call('POST', `${base}/plans`, editor, {
      title: 'People strategy',
      kind: 'people-strategy',
      status: 'active',
      themes: [{ ref: '1', title: 'Recruitment' }],
    });
    planId = plan.id;
    const action = await call('POST', `${base}/plans/${planId}/actions`, editor, {
      title: 'Refresh the workforce strategy',
      themeId: plan.themes[0].id,
      due: date('2026-10-01'),
    });
    actionId = action.id;
    await call('POST', `${base}/actions/${actionId}/milestones`, editor, {
      ref: 'A',
      title: 'Draft',
      due: date('2026-09-01'),
    });
  }, 120_000);
  afterAll(async () => {
    await api?.drop();
  });

  it('the dashboard reads eventually, all but the membership check', async () => {
    const body = await call('GET', `${base}/dashboard`, 'viewer@harrow.test');
    expect(body.overdue.length).toBe(2);
    const strong = baseTable().filter((r) => r.consistent);
    expect(strong).toHaveLength(1);
    expect(strong[0]).toMatchObject({ command: 'BatchGetCommand' });
    expect(strong[0]!.keys).toContain('MEMBER#');
    const eventual = baseTable().filter((r) => !r.consistent);
    // Board, themes and closed periods of the plan, then the listed items by key.
    expect(eventual.map((r) => r.command)).toEqual(
      expect.arrayContaining(['QueryCommand', 'BatchGetCommand']),
    );
    expect(eventual.some((r) => r.keys.includes('BOARD#'))).toBe(true);
  });

  // A person's own edits show again at once: the lists and pages they edit from read strongly.
  it('lists and plan contents a person edits from read strongly', async () => {
    for (const path of [
      '/people',
      `/plans/${planId}/contents`,
      `/plans/${planId}/actions`,
      '/import-mappings',
    ]) {
      await call('GET', `${base}${path}`, 'editor@harrow.test');
      expect(baseTable().length, path).toBeGreaterThan(1);
      expect(
        baseTable().every((r) => r.consistent),
        path,
      ).toBe(true);
    }
  });

  it('a closed period’s report and a trend read eventually', async () => {
    await call('GET', `${base}/plans/${planId}/trends`, 'viewer@harrow.test');
    expect(baseTable().some((r) => !r.consistent)).toBe(true);
  });

  it('an item read before it is edited, and a change, read strongly', async () => {
    const action = await call('GET', `${base}/actions/${actionId}`, editor);
    expect(
      baseTable()
        .filter((r) => r.keys.includes('LOC#'))
        .every((r) => r.consistent),
    ).toBe(true);
    await call('PATCH', `${base}/actions/${actionId}`, editor, {
      version: action.version,
      status: 'at-risk',
    });
    expect(baseTable().length).toBeGreaterThan(1);
    expect(baseTable().every((r) => r.consistent)).toBe(true);
    await call('POST', `${base}/actions/${actionId}/updates`, editor, {
      narrative: 'Behind',
      status: 'at-risk',
    });
    expect(baseTable().every((r) => r.consistent)).toBe(true);
  });
});
