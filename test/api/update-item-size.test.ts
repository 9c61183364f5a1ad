/**
 * A progress update is written into its action's item (latestUpdate, recentUpdates) by an Update, not a
 * Put, so the action's size is not measured by the store as an edit's is (packages/db item-size.ts). An
 * action with long texts (an import's extra columns, long positions) and a long update must be refused
 * with a clear 413 and nothing written, not fail in DynamoDB over its 400 KB item limit (a 500).
 */
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { councilPk, sk } from '@peopleplan/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from '../support/api.js';
import { recruitmentPlan } from '../support/plans.js';

const H = '/api/v1/councils/harrow';
const as = 'editor@harrow.test';
/** 20,000 characters (the most a field takes) of a 3-byte character: 60 KB each. */
const longest = '€'.repeat(20_000);

describe('an update that would make its action too large', () => {
  let api: TestApi;
  let planId: string;
  let themeId: string;

  beforeAll(async () => {
    api = await createTestApi({ today: () => '2026-11-15' });
    ({ planId, themeId } = await recruitmentPlan(api, as));
  });
  afterAll(() => api.drop());

  it('is refused with a 413 naming the update, and nothing is written', async () => {
    const action = await api.ok(
      'POST',
      `${H}/plans/${planId}/actions`,
      {
        themeId,
        title: 'Recruit and keep social workers',
        status: 'on-track',
        outcome: longest,
        currentPosition: longest,
        constraints: longest,
        measureOfSuccess: longest,
      },
      as,
    );
    // Two of an imported plan's columns with no field of their own, each as long as a field takes:
    // the action (about 360 KB) still fits, as an import would have written it.
    await api.doc.send(
      new UpdateCommand({
        TableName: api.tableName,
        Key: { PK: councilPk('harrow'), SK: sk.action(planId, action.id) },
        UpdateExpression: 'SET extra = :extra',
        ExpressionAttributeValues: {
          ':extra': [
            { label: 'Supporting partners', text: longest },
            { label: 'Resources', text: longest },
          ],
        },
      }),
    );
    const before = await api.ok('GET', `${H}/actions/${action.id}`, undefined, as);

    const refused = await api.call('POST', `${H}/actions/${action.id}/updates`, {
      as,
      body: { status: 'at-risk', narrative: longest },
    });
    expect(refused.status).toBe(413);
    expect(refused.body.error.code).toBe('payload-too-large');
    expect(refused.body.error.details).toEqual([expect.objectContaining({ path: 'narrative' })]);
    expect((await api.ok('GET', `${H}/actions/${action.id}/updates`, undefined, as)).items).toEqual([]);
    expect(await api.ok('GET', `${H}/actions/${action.id}`, undefined, as)).toEqual(before);

    // A short update still goes in.
    await api.ok(
      'POST',
      `${H}/actions/${action.id}/updates`,
      { status: 'at-risk', narrative: 'Two posts filled' },
      as,
    );
    expect((await api.ok('GET', `${H}/actions/${action.id}`, undefined, as)).status).toBe('at-risk');
  });
});
