import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { londonToday } from '@peopleplan/core';
import { CouncilData, councilPk, historyIndexAttributes, sk, tenantContext } from '@peopleplan/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from '../support/api.js';

const H = '/api/v1/councils/harrow';
const date = (due: string) => ({ text: due, kind: 'date', due, precision: 'day' });

/** Issue 17: every change to a plan, action and milestone, and the audit trail filtered. */
describe('history of every item, and the audit trail filtered', () => {
  let api: TestApi;
  let planId: string;
  let actionId: string;
  let milestoneId: string;
  const editor = 'editor@harrow.test';

  const ok = async (method: string, path: string, as: string, body?: unknown) => {
    const r = await api.call(method, path, { as, ...(body === undefined ? {} : { body }) });
    expect(r.status, `${method} ${path}: ${JSON.stringify(r.body)}`).toBeLessThan(300);
    return r.body;
  };

  beforeAll(async () => {
    api = await createTestApi({
      today: () => '2026-11-16',
    });
    const plan = await ok('POST', `${H}/plans`, editor, {
      title: 'People strategy',
      kind: 'people-strategy',
      status: 'active',
      themes: [{ ref: '1', title: 'Recruitment' }],
    });
    planId = plan.id;
    const action = await ok('POST', `${H}/plans/${planId}/actions`, editor, {
      title: 'Refresh the careers site',
      themeId: plan.themes[0].id,
      due: date('2027-03-31'),
    });
    actionId = action.id;
    await ok('PATCH', `${H}/actions/${actionId}`, editor, {
      version: action.version,
      title: 'Refresh the careers website',
      status: 'on-track',
    });
    await ok('POST', `${H}/actions/${actionId}/updates`, editor, {
      narrative: 'Supplier chosen',
      status: 'at-risk',
    });
    const m = await ok('POST', `${H}/actions/${actionId}/milestones`, editor, {
      title: 'Site live',
      due: date('2026-12-31'),
    });
    milestoneId = m.id;
    await ok('PATCH', `${H}/milestones/${milestoneId}`, 'admin@harrow.test', {
      version: m.version,
      due: date('2027-01-31'),
    });
    await ok('POST', `${H}/plans/${planId}/themes`, editor, { title: 'Retention' });
    await ok('POST', `${H}/plans/${planId}/periods/mid-year-2026-27/close`, editor, {});
  });
  afterAll(() => api.drop());

  it('shows an action’s every change, newest first, with each field before and after', async () => {
    const r = await api.call('GET', `${H}/actions/${actionId}/history`, { as: 'viewer@harrow.test' });
    expect(r.status).toBe(200);
    expect(
      r.body.items.map((e: { operation: string; entityType: string }) => `${e.operation} ${e.entityType}`),
    ).toEqual(['append update', 'update action', 'create action']);
    const edit = r.body.items[1];
    expect(edit).toMatchObject({ actorName: 'editor of harrow', entityId: actionId });
    expect(edit.changes).toEqual([
      { field: 'status', before: 'not-started', after: 'on-track' },
      { field: 'title', before: 'Refresh the careers site', after: 'Refresh the careers website' },
    ]);
    expect(r.body.items[0].after).toMatchObject({ narrative: 'Supplier chosen', status: 'at-risk' });
  });

  it('shows a milestone’s history and a plan’s (its themes and closed periods too), paged', async () => {
    const m = await api.call('GET', `${H}/milestones/${milestoneId}/history`, { as: 'viewer@harrow.test' });
    expect(m.body.items.map((e: { operation: string }) => e.operation)).toEqual(['update', 'create']);
    expect(m.body.items[0]).toMatchObject({ actorName: 'admin of harrow' });
    // Moving it later is a re-baseline, kept on the milestone with its reason (issue 16).
    expect(m.body.items[0].changes.map((c: { field: string }) => c.field)).toEqual(['due', 'rebaselines']);

    const all = await api.call('GET', `${H}/plans/${planId}/history`, { as: 'viewer@harrow.test' });
    const kinds = all.body.items.map(
      (e: { operation: string; entityType: string }) => `${e.operation} ${e.entityType}`,
    );
    expect(kinds).toEqual(['create period-snapshot', 'create theme', 'create plan']);
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await api.call(
        'GET',
        `${H}/plans/${planId}/history?limit=1${cursor ? `&cursor=${cursor}` : ''}`,
        { as: 'viewer@harrow.test' },
      );
      expect(page.body.items.length).toBeLessThanOrEqual(1);
      seen.push(...page.body.items.map((e: { id: string }) => e.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all.body.items.map((e: { id: string }) => e.id));
  });

  it('answers 404 for another council’s items and 400 for a forged cursor', async () => {
    expect(
      (await api.call('GET', `${H}/actions/${actionId}/history`, { as: 'viewer@kent.test' })).status,
    ).toBe(404);
    const kent = await api.call('GET', `/api/v1/councils/kent/actions/${actionId}/history`, {
      as: 'admin@kent.test',
    });
    expect(kent.status).toBe(404);
    const bad = await api.call('GET', `${H}/actions/${actionId}/history?cursor=abc`, {
      as: 'viewer@harrow.test',
    });
    expect(bad.status).toBe(400);
  });

  it('filters the council’s audit trail by person, item and dates, paged', async () => {
    const get = (q: string) => api.call('GET', `${H}/audit?${q}`, { as: 'admin@harrow.test' });
    const admin = await api.users.findUser('admin@harrow.test');
    const byAdmin = await get(`actor=${admin!.sub}`);
    expect(byAdmin.status).toBe(200);
    expect(byAdmin.body.items.length).toBeGreaterThan(0);
    expect(byAdmin.body.items.every((e: { actorSub: string }) => e.actorSub === admin!.sub)).toBe(true);
    expect(byAdmin.body.items.some((e: { entityId: string }) => e.entityId === milestoneId)).toBe(true);

    const item = await get(`item=${actionId}&limit=2`);
    expect(item.body.items.map((e: { operation: string }) => e.operation)).toEqual(['append', 'update']);
    const rest = await get(`item=${actionId}&limit=2&cursor=${item.body.nextCursor}`);
    expect(rest.body.items.map((e: { operation: string }) => e.operation)).toEqual(['create']);
    expect(rest.body.nextCursor).toBeUndefined();

    const today = londonToday();
    const todays = await get(`from=${today}&to=${today}&item=${actionId}`);
    expect(todays.body.items).toHaveLength(3);
    expect((await get('from=2001-01-01&to=2001-12-31')).body.items).toEqual([]);
    const backwards = await get('from=2026-02-01&to=2026-01-01');
    expect(backwards.status).toBe(400);
    expect((await get('from=2026-02-30')).status).toBe(400);
    expect((await api.call('GET', `${H}/audit`, { as: 'editor@harrow.test' })).status).toBe(403);
  });

  it('records only what a save of the plan’s details changed, not the form’s empty fields', async () => {
    const made = await ok('POST', `${H}/plans`, editor, {
      title: 'Workforce plan 2025-2028',
      kind: 'business-plan',
      period: { label: '2025–2028', start: '2025-04-01', end: '2028-03-31' },
    });
    const id = made.id;
    const latest = async () =>
      (await api.call('GET', `${H}/plans/${id}/history`, { as: 'viewer@harrow.test' })).body.items[0];
    // Every field sent, as the details form sends them: '' and {} for what was never given.
    const form = {
      title: 'Workforce plan 2025-2028',
      period: { end: '2028-03-31', start: '2025-04-01', label: '2025–2028' },
      ownerPersonId: null,
      themeNoun: '',
      ownerLabel: '',
      directorate: '',
      division: '',
      approval: {},
      reviewCadence: 'quarterly',
      reportingPoints: [],
    };
    await ok('PATCH', `${H}/plans/${id}`, editor, { ...form, version: 1 });
    expect(await latest()).toMatchObject({ operation: 'update', entityType: 'plan', changes: [] });
    const plan = await ok('GET', `${H}/plans/${id}`, editor);
    expect('themeNoun' in plan).toBe(false);

    await ok('PATCH', `${H}/plans/${id}`, editor, {
      ...form,
      version: 2,
      themeNoun: 'Theme',
      directorate: 'Resources',
    });
    expect((await latest()).changes).toEqual([
      { field: 'directorate', before: '', after: 'Resources' },
      { field: 'themeNoun', after: 'Theme' },
    ]);
    // Emptied, the word goes (the kind's word is used again); it is not kept as ''.
    const emptied = await ok('PATCH', `${H}/plans/${id}`, editor, {
      ...form,
      version: 3,
      directorate: 'Resources',
    });
    expect('themeNoun' in emptied).toBe(false);
    expect((await latest()).changes).toEqual([{ field: 'themeNoun', before: 'Theme' }]);

    // Events written before the comparison by meaning read the same way.
    const eventId = '01ARZ3NDEKTSV4RRFFQ69G5FAW';
    await api.doc.send(
      new PutCommand({
        TableName: api.tableName,
        Item: {
          PK: councilPk('harrow'),
          SK: sk.audit(eventId),
          ...historyIndexAttributes('harrow', id, eventId),
          type: 'audit',
          id: eventId,
          councilId: 'harrow',
          at: '2026-01-01T10:00:00.000Z',
          actorSub: 'someone',
          operation: 'update',
          entityType: 'plan',
          entityId: id,
          planId: id,
          before: { period: { start: '2025-04-01', end: '2028-03-31', label: '2025–2028' }, title: 'Old' },
          after: {
            period: { label: '2025–2028', start: '2025-04-01', end: '2028-03-31' },
            title: 'New',
            approval: {},
            ownerLabel: '',
          },
        },
      }),
    );
    const all = await api.call('GET', `${H}/plans/${id}/history`, { as: 'viewer@harrow.test' });
    expect(all.body.items.find((e: { id: string }) => e.id === eventId).changes).toEqual([
      { field: 'title', before: 'Old', after: 'New' },
    ]);
  });

  it('indexes events written before they had history (backfill)', async () => {
    const id = '01ARZ3NDEKTSV4RRFFQ69G5FAV';
    await api.doc.send(
      new PutCommand({
        TableName: api.tableName,
        Item: {
          PK: councilPk('harrow'),
          SK: sk.audit(id),
          type: 'audit',
          id,
          councilId: 'harrow',
          at: '2016-08-01T10:00:00.000Z',
          actorSub: 'someone',
          operation: 'update',
          entityType: 'action',
          entityId: actionId,
          before: { title: 'Old' },
          after: { title: 'Older' },
        },
      }),
    );
    const data = new CouncilData(
      api.doc,
      api.tableName,
      tenantContext('harrow', 'system', { sub: 's', name: 'Repair' }),
    );
    expect(await data.history.backfill()).toBe(1);
    expect(await data.history.backfill()).toBe(0);
    const r = await api.call('GET', `${H}/actions/${actionId}/history`, { as: 'viewer@harrow.test' });
    expect(r.body.items.at(-1)).toMatchObject({
      id,
      changes: [{ field: 'title', before: 'Old', after: 'Older' }],
    });
  });
});
