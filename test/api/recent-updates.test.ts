/**
 * An action's recent updates through the API (core recent-updates.ts): what the update round reads to
 * tell whether an action is up to date for a period, kept with each update appended, a late one or a
 * correction that joins the history only included, and none lost when updates are appended at once.
 */
import { ScanCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from '../support/api.js';
import { recruitmentPlan } from '../support/plans.js';

const H = '/api/v1/councils/harrow';
const as = 'editor@harrow.test';

describe('an action’s recent updates', () => {
  let api: TestApi;
  let planId: string;
  let themeId: string;

  beforeAll(async () => {
    api = await createTestApi({ today: () => '2026-11-15' });
    ({ planId, themeId } = await recruitmentPlan(api, as, {
      reportingPoints: [
        { label: 'Q2', date: '2026-09-30' },
        { label: 'Q3', date: '2026-12-31' },
        { label: 'Q4', date: '2027-03-31' },
      ],
    }));
  });
  afterAll(() => api.drop());

  const newAction = async (ref: string) =>
    (
      await api.ok(
        'POST',
        `${H}/plans/${planId}/actions`,
        { themeId, ref, title: `Action ${ref}`, status: 'on-track' },
        as,
      )
    ).id as string;
  const file = (actionId: string, body: object) =>
    api.ok('POST', `${H}/actions/${actionId}/updates`, { status: 'on-track', ...body }, as);
  const recent = async (actionId: string) =>
    (await api.ok('GET', `${H}/actions/${actionId}`, undefined, as)).recentUpdates as Record<
      string,
      { period?: string; at: string }
    >;
  const periodsOf = (r: Record<string, { period?: string }>) =>
    Object.values(r)
      .map((u) => u.period)
      .sort();

  it('keeps a Q3 update when a late Q2 one is filed after it, and a correction in place of what it corrects', async () => {
    const actionId = await newAction('1.1');
    const q3 = await file(actionId, { narrative: 'Q3 return', period: 'Q3' });
    expect(q3.action.recentUpdates).toEqual({ [q3.update.id]: { period: 'Q3', at: q3.update.at } });
    const q2 = await file(actionId, { narrative: 'Late Q2 return', period: 'Q2' });
    // The late one is now the latest update, but the Q3 one is still there to be found.
    expect(q2.action.latestUpdate.period).toBe('Q2');
    expect(q2.action.recentUpdates).toEqual({
      [q3.update.id]: { period: 'Q3', at: q3.update.at },
      [q2.update.id]: { period: 'Q2', at: q2.update.at },
    });
    expect(await recent(actionId)).toEqual(q2.action.recentUpdates);
    // Correcting the Q3 update (not the latest) joins the history only: its summary changes all the same.
    const fixed = await file(actionId, { narrative: 'Q3 return, corrected', corrects: q3.update.id });
    expect(fixed.update.period).toBe('Q3');
    const after = await recent(actionId);
    expect(Object.keys(after).sort()).toEqual([q2.update.id, fixed.update.id].sort());
    expect(after[fixed.update.id]).toEqual({ period: 'Q3', at: fixed.update.at });
    // The latest update is still the Q2 one; the action has a new version all the same.
    const action = await api.ok('GET', `${H}/actions/${actionId}`, undefined, as);
    expect(action.latestUpdate.id).toBe(q2.update.id);
    expect(action.version).toBe(q2.action.version + 1);
    expect(fixed.action.version).toBe(action.version);
  });

  it('loses none of several updates appended at once', async () => {
    const actionId = await newAction('1.2');
    const periods = ['Q2', 'Q3', 'Q2', 'Q3', 'Q4', 'Q2', 'Q3', 'Q4'];
    const filed = await Promise.all(
      periods.map((period, i) => file(actionId, { narrative: `Return ${i}`, period })),
    );
    const summary = await recent(actionId);
    expect(Object.keys(summary).sort()).toEqual(filed.map((f) => f.update.id).sort());
    expect(periodsOf(summary)).toEqual([...periods].sort());
  });

  it('keeps the newest dozen, a correction of one no longer among them included', async () => {
    const actionId = await newAction('1.4');
    const filed = [];
    for (let i = 0; i < 13; i++) filed.push(await file(actionId, { narrative: `Return ${i}`, period: 'Q3' }));
    const ids = filed.map((f) => f.update.id);
    expect(Object.keys(await recent(actionId)).sort()).toEqual(ids.slice(1).sort());
    // The first is no longer summarised: its correction removes nothing there, and the oldest makes room.
    const fixed = await file(actionId, { narrative: 'Return 0, corrected', corrects: ids[0] });
    expect(Object.keys(await recent(actionId)).sort()).toEqual([...ids.slice(2), fixed.update.id].sort());
  });

  it('refuses a correction of another action’s or council’s update, and a period the plan does not offer', async () => {
    const mine = await newAction('1.5');
    const other = await newAction('1.6');
    const kept = await file(mine, { narrative: 'Q3 return', period: 'Q3' });
    const theirs = await file(other, { narrative: 'Their Q3 return', period: 'Q3' });
    const kent = await api.ok(
      'POST',
      '/api/v1/councils/kent/plans',
      { title: 'Kent plan', kind: 'people-strategy', status: 'active', themes: [{ title: 'Pay' }] },
      'editor@kent.test',
    );
    const kentAction = await api.ok(
      'POST',
      `/api/v1/councils/kent/plans/${kent.id}/actions`,
      { themeId: kent.themes[0].id, title: 'Kent action', status: 'on-track' },
      'editor@kent.test',
    );
    const kentUpdate = await api.ok(
      'POST',
      `/api/v1/councils/kent/actions/${kentAction.id}/updates`,
      { status: 'on-track', narrative: 'Kent return' },
      'editor@kent.test',
    );
    const before = [
      await api.ok('GET', `${H}/actions/${mine}`, undefined, as),
      await api.ok('GET', `${H}/actions/${other}`, undefined, as),
    ];
    const refusals = [
      { corrects: theirs.update.id },
      { corrects: kentUpdate.update.id },
      { corrects: '01J00000000000000000000000' },
      { period: 'Next Tuesday' },
      { period: `${'Q3 '.repeat(33)}` },
      { corrects: kept.update.id, period: 'Q9' },
    ];
    for (const body of refusals) {
      const r = await api.call('POST', `${H}/actions/${mine}/updates`, {
        as,
        body: { status: 'at-risk', narrative: 'Forged', ...body },
      });
      expect([r.status, r.body.error.details?.[0]?.path], JSON.stringify(body)).toEqual([
        400,
        'corrects' in body && !('period' in body) ? 'corrects' : 'period',
      ]);
    }
    expect([
      await api.ok('GET', `${H}/actions/${mine}`, undefined, as),
      await api.ok('GET', `${H}/actions/${other}`, undefined, as),
    ]).toEqual(before);
    const narratives = (await api.ok('GET', `${H}/actions/${mine}/updates`, undefined, as)).items.map(
      (u: { narrative: string }) => u.narrative,
    );
    expect(narratives).toEqual(['Q3 return']);
  });

  it('makes the summary of an action kept before it from the whole history, once, even when raced', async () => {
    const actionId = await newAction('1.3');
    const q3 = await file(actionId, { narrative: 'Q3 return', period: 'Q3' });
    const q2 = await file(actionId, { narrative: 'Late Q2 return', period: 'Q2' });
    // As an action stored before actions kept their recent updates.
    const items = await api.doc.send(
      new ScanCommand({
        TableName: api.tableName,
        FilterExpression: 'id = :id AND #t = :t',
        ExpressionAttributeNames: { '#t': 'type' },
        ExpressionAttributeValues: { ':id': actionId, ':t': 'action' },
      }),
    );
    const [item] = items.Items ?? [];
    await api.doc.send(
      new UpdateCommand({
        TableName: api.tableName,
        Key: { PK: item!.PK, SK: item!.SK },
        UpdateExpression: 'REMOVE recentUpdates',
      }),
    );
    expect(await recent(actionId)).toBeUndefined();
    const filed = await Promise.all(
      ['Q4', 'Q3', 'Q4'].map((period, i) => file(actionId, { narrative: `Return ${i}`, period })),
    );
    const summary = await recent(actionId);
    expect(Object.keys(summary).sort()).toEqual(
      [q3.update.id, q2.update.id, ...filed.map((f) => f.update.id)].sort(),
    );
    expect(periodsOf(summary)).toEqual(['Q2', 'Q3', 'Q3', 'Q4', 'Q4']);
  });
});
