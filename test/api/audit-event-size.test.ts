/**
 * Every change carries its audit event in its own transaction (packages/db transactions.ts). An event
 * keeps the changed fields before and after (audit-change.ts), so an edit replacing many medium texts
 * of an action that fits DynamoDB's 400 KB item limit could make an event twice that: DynamoDB refused
 * the whole transaction (a 500). The edit must be saved, with an event that fits.
 */
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { councilPk } from '@peopleplan/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from '../support/api.js';
import { recruitmentPlan } from '../support/plans.js';

const H = '/api/v1/councils/harrow';
const as = 'editor@harrow.test';
/** 120 texts of 1,000 three-byte characters: 360 KB, inside an item; each short enough to be kept whole. */
const texts = (c: string) => Array.from({ length: 120 }, (_, i) => `${i} ${c.repeat(1_000)}`);

describe('an edit whose audit event would be larger than an item', () => {
  let api: TestApi;
  let planId: string;
  let themeId: string;

  beforeAll(async () => {
    api = await createTestApi({ today: () => '2026-11-15' });
    ({ planId, themeId } = await recruitmentPlan(api, as));
  });
  afterAll(() => api.drop());

  it('is saved, and its event in the history says what changed within an item', async () => {
    const action = await api.ok(
      'POST',
      `${H}/plans/${planId}/actions`,
      { themeId, title: 'Recruit and keep social workers', status: 'on-track' },
      as,
    );
    const first = await api.ok(
      'PATCH',
      `${H}/actions/${action.id}`,
      { version: action.version, unplaced: texts('€') },
      as,
    );
    const second = await api.call('PATCH', `${H}/actions/${action.id}`, {
      as,
      body: { version: first.version, unplaced: texts('£') },
    });
    expect(second.status, JSON.stringify(second.body).slice(0, 300)).toBe(200);
    expect((await api.ok('GET', `${H}/actions/${action.id}`, undefined, as)).unplaced).toEqual(texts('£'));

    // Every audit event of the council fits an item, and the last one names the field it changed.
    const events = await api.doc.send(
      new QueryCommand({
        TableName: api.tableName,
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :a)',
        ExpressionAttributeValues: { ':pk': councilPk('harrow'), ':a': 'AUDIT#' },
      }),
    );
    const edits = (events.Items ?? []).filter((e) => e.entityId === action.id && e.operation === 'update');
    expect(edits).toHaveLength(2);
    for (const e of edits) expect(Buffer.byteLength(JSON.stringify(e))).toBeLessThan(400_000);
    expect(edits.every((e) => 'unplaced' in e.after)).toBe(true);
  });
});
