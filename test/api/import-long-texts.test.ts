/**
 * A plan's import is committed in transactions (packages/db imports.ts), and DynamoDB takes at most 4 MB
 * in one as well as 100 items: a plan whose actions carry long texts passes 4 MB well before 100 items,
 * and must still be committed whole, not refused (413 here, a 500 in AWS) after part of it went in.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from '../support/api.js';

const K = '/api/v1/councils/kent';
const as = 'editor@kent.test';

describe('importing a plan with long texts', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await createTestApi();
  });
  afterAll(() => api.drop());

  it('commits every action whole though they come to over 4 MB', { timeout: 120_000 }, async () => {
    // 48 actions, each with an outcome and a position of 19,000 characters of 2- and 3-byte letters.
    const rows = ['Ref,Action,Lead,Deadline,Outcome,Current position'];
    for (let i = 1; i <= 48; i++)
      rows.push(`${i},Action number ${i},Head of HR,March 2027,${'€'.repeat(19_000)},${'£'.repeat(19_000)}`);
    const text = rows.join('\r\n');
    expect(Buffer.byteLength(text)).toBeGreaterThan(4_500_000);
    const preview = await api.call('POST', `${K}/imports`, { as, body: { text, filename: 'Long plan.csv' } });
    expect(preview.status, JSON.stringify(preview.body).slice(0, 300)).toBe(201);
    const acknowledge = preview.body.plan.warnings
      .filter((w: { acknowledge?: boolean }) => w.acknowledge)
      .map((w: { code: string; where: string }) => `${w.code}@${w.where}`);
    const commit = await api.call('POST', `${K}/imports/${preview.body.id}/commit`, {
      as,
      body: { acknowledge },
    });
    expect(commit.status, JSON.stringify(commit.body)).toBe(200);
    expect(commit.body.counts.actions).toBe(48);
    const contents = await api.ok('GET', `${K}/plans/${commit.body.planId}/contents`, undefined, as);
    const actions = contents.actions as Array<{ outcome?: string; currentPosition?: string }>;
    expect(actions).toHaveLength(48);
    expect(actions.every((a) => a.outcome?.length === 19_000 && a.currentPosition?.length === 19_000)).toBe(
      true,
    );
  });
});
