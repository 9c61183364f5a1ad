import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { CouncilData, ImportsRepo, tenantContext } from '@peopleplan/db';
import { commitImport } from '@peopleplan/services';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveLocal } from '../../functions/api/src/local.js';
import { createTestApi, type TestApi } from '../support/api.js';

/**
 * Regression tests for what one council could type to break another council's day (issue 12): each
 * defect found by a request is a request here.
 */
const H = '/api/v1/councils/harrow';
const EDITOR = 'editor@harrow.test';
const ADMIN = 'admin@harrow.test';
const date = (due: string) => ({ text: due, kind: 'date', due });

describe('nothing one council types can break another council’s day', () => {
  let api: TestApi;
  let planId: string;
  let actionId: string;

  beforeAll(async () => {
    api = await createTestApi();
    const p = await api.call('POST', `${H}/plans`, {
      as: EDITOR,
      body: { title: 'People plan', kind: 'people-strategy', themes: [{ title: 'Theme' }] },
    });
    planId = p.body.id;
    const a = await api.call('POST', `${H}/plans/${planId}/actions`, {
      as: EDITOR,
      body: { title: 'Recruit', themeId: p.body.themes[0].id },
    });
    actionId = a.body.id;
  });
  afterAll(() => api.drop());

  describe('real dates everywhere', () => {
    it('refuses an impossible milestone date with 400 naming the field, and stores nothing', async () => {
      const r = await api.call('POST', `${H}/actions/${actionId}/milestones`, {
        as: EDITOR,
        body: { title: 'x', due: { text: 'x', kind: 'date', due: '2026-11-31' } },
      });
      expect(r.status).toBe(400);
      expect(r.body.error.details).toEqual(
        expect.arrayContaining([expect.objectContaining({ path: 'due.due' })]),
      );
      const list = await api.call('GET', `${H}/actions/${actionId}/milestones`, { as: EDITOR });
      expect(list.body.items).toEqual([]);
    });

    it('refuses impossible plan periods, completion dates, query dates and report periods', async () => {
      const plan = await api.call('POST', `${H}/plans`, {
        as: EDITOR,
        body: { title: 'x', kind: 'business-plan', period: { start: '2026-02-30', end: '2026-13-45' } },
      });
      expect(plan.status).toBe(400);
      expect(plan.body.error.details.map((d: { path: string }) => d.path)).toEqual([
        'period.start',
        'period.end',
      ]);
      const m = await api.call('POST', `${H}/actions/${actionId}/milestones`, {
        as: EDITOR,
        body: { title: 'Real', due: date('2027-03-31') },
      });
      const done = await api.call('PATCH', `${H}/milestones/${m.body.id}`, {
        as: EDITOR,
        body: { version: 1, status: 'completed', completedOn: '2026-02-31' },
      });
      expect(done.status).toBe(400);
      expect(done.body.error.details[0].path).toBe('completedOn');
      for (const period of ['0000-01', '2026-13', 'year-end:0000-01']) {
        const rep = await api.call('GET', `${H}/plans/${planId}/reports?period=${period}&format=csv`, {
          as: EDITOR,
        });
        expect(rep.status, period).toBe(400);
        expect(rep.body.error.code).toBe('bad-request');
      }
    });

    it('keeps working when an impossible date is already stored, and lets an admin correct the baseline', async () => {
      const id = '01J0000000000000000000000X'.replace('X', 'Z');
      const sk = `PLAN#${planId}#ACTION#${actionId}#MS#${id}`;
      const bad = { text: 'end of November', kind: 'date', due: '2026-11-31' };
      await api.doc.send(
        new PutCommand({
          TableName: api.tableName,
          Item: {
            PK: 'C#harrow',
            SK: sk,
            type: 'milestone',
            id,
            planId,
            actionId,
            ref: 'B',
            title: 'Stored by an older release',
            status: 'not-started',
            due: bad,
            baselineDue: bad,
            linkedActionIds: [],
            version: 1,
            createdAt: '2026-01-01T00:00:00.000Z',
            updatedAt: '2026-01-01T00:00:00.000Z',
          },
        }),
      );
      await api.doc.send(
        new PutCommand({
          TableName: api.tableName,
          Item: { PK: 'C#harrow', SK: `LOC#${id}`, type: 'locator', target: sk, planId, actionId },
        }),
      );
      const contents = await api.call('GET', `${H}/plans/${planId}/contents`, { as: 'viewer@harrow.test' });
      expect(contents.status).toBe(200);
      const stored = contents.body.milestones.find((x: { id: string }) => x.id === id);
      expect(stored.due).toMatchObject({ text: 'end of November', kind: 'unparsed' });
      expect(stored.dataProblems[0]).toContain('2026-11-31');
      for (const format of ['html', 'csv', 'xlsx', 'docx']) {
        const rep = await api.call(
          'GET',
          `${H}/plans/${planId}/reports?period=year-end:2026-27&format=${format}`,
          {
            as: EDITOR,
          },
        );
        expect(rep.status, format).toBe(200);
      }
      expect((await api.call('GET', `${H}/dashboard`, { as: EDITOR })).status).toBe(200);

      const correction = {
        due: date('2026-11-30'),
        reason: 'Stored as 31 November: the plan says end of November',
      };
      const byEditor = await api.call('PATCH', `${H}/milestones/${id}`, {
        as: EDITOR,
        body: { version: 1, baselineCorrection: correction },
      });
      expect(byEditor.status).toBe(403);
      const byAdmin = await api.call('PATCH', `${H}/milestones/${id}`, {
        as: ADMIN,
        body: { version: 1, baselineCorrection: correction, due: date('2026-11-30') },
      });
      expect(byAdmin.status).toBe(200);
      expect(byAdmin.body.baselineDue).toEqual(date('2026-11-30'));
      expect(byAdmin.body.baselineCorrections).toEqual([
        expect.objectContaining({ reason: correction.reason, to: date('2026-11-30'), by: 'admin of harrow' }),
      ]);
      expect(byAdmin.body.dataProblems).toBeUndefined();
    });
  });

  describe('ids and keys', () => {
    it('answers 400 for a path id holding the key separator, and changes nothing', async () => {
      const before = await api.call('GET', `${H}/actions/${actionId}`, { as: EDITOR });
      for (const path of [
        `${H}/plans/${planId}%23ACTION%23${actionId}`,
        `${H}/plans/${planId}%23SNAP%23mid-year-2026-27`,
        `${H}/actions/..%2F${actionId}`,
      ]) {
        const r = await api.call('PATCH', path, { as: EDITOR, body: { version: 1, title: 'hijacked' } });
        expect([400, 404], path).toContain(r.status);
        expect(r.body.error.code).toMatch(/bad-request|not-found/);
      }
      const after = await api.call('GET', `${H}/actions/${actionId}`, { as: EDITOR });
      expect(after.body).toEqual(before.body);
    });
  });

  describe('sizes', () => {
    it('keeps large narrative sections in items of their own, so a plan of five 100,000-character sections works', async () => {
      const body = 'x'.repeat(100_000);
      const sections = Array.from({ length: 5 }, (_, i) => ({ key: `s${i}`, title: `Section ${i}`, body }));
      const created = await api.call('POST', `${H}/plans`, {
        as: EDITOR,
        body: { title: 'Long plan', kind: 'best-value-review', sections: sections.slice(0, 3) },
      });
      expect(created.status).toBe(201);
      // Multi-byte text: a 100,000-character section of three-byte characters is 300 KB on its own.
      const wide = await api.call('POST', `${H}/plans`, {
        as: EDITOR,
        body: {
          title: 'Wide plan',
          kind: 'best-value-review',
          sections: [{ key: 'w', title: 'W', body: '€'.repeat(100_000) }],
        },
      });
      expect(wide.status).toBe(201);
      const id = created.body.id;
      const patched = await api.call('PATCH', `${H}/plans/${id}`, {
        as: EDITOR,
        body: { version: 1, title: 'Long plan, renamed', sections },
      });
      expect(patched.body).toMatchObject({ title: 'Long plan, renamed' });
      const read = await api.call('GET', `${H}/plans/${id}`, { as: EDITOR });
      expect(read.body.sections).toHaveLength(5);
      expect(read.body.sections[4].body).toBe(body);
      const shorter = await api.call('PATCH', `${H}/plans/${id}`, {
        as: EDITOR,
        body: { version: 2, sections: sections.slice(0, 1) },
      });
      expect(shorter.status).toBe(200);
      expect((await api.call('GET', `${H}/plans/${id}`, { as: EDITOR })).body.sections).toHaveLength(1);
      const archived = await api.call('DELETE', `${H}/plans/${id}?version=3`, { as: ADMIN });
      expect(archived.status).toBe(200);
    });
  });

  describe('right answers', () => {
    it('keeps twenty progress updates sent at once: twenty 201s, all kept, in order', async () => {
      const sent = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          api.call('POST', `${H}/actions/${actionId}/updates`, {
            as: EDITOR,
            body: { narrative: `Update ${i}`, status: 'on-track' },
          }),
        ),
      );
      expect(sent.map((r) => r.status)).toEqual(Array(20).fill(201));
      const list = await api.call('GET', `${H}/actions/${actionId}/updates?limit=50`, { as: EDITOR });
      expect(list.body.items).toHaveLength(20);
      const ids = list.body.items.map((u: { id: string }) => u.id);
      expect(ids).toEqual([...ids].sort().reverse());
      const action = await api.call('GET', `${H}/actions/${actionId}`, { as: EDITOR });
      expect(action.body.latestUpdate.id).toBe(ids[0]);
    });

    it('answers 400 bad-cursor for forged or garbled cursors', async () => {
      const forged = 'eyJQSyI6IkMjaGFycm93In0'; // {"PK":"C#harrow"}: no sort key
      const other = Buffer.from(JSON.stringify({ PK: 'C#harrow', SK: 'PERSON#x' })).toString('base64url');
      for (const path of [
        `${H}/audit?cursor=${forged}`,
        `${H}/plans/${planId}/actions?cursor=${forged}`,
        `${H}/actions/${actionId}/updates?cursor=${forged}`,
        `${H}/plans?cursor=${forged}`,
        `${H}/audit?cursor=%E2%82%AC%FF`,
        `${H}/actions/${actionId}/updates?cursor=${other}`,
      ]) {
        const r = await api.call('GET', path, { as: ADMIN });
        expect(r.status, path).toBe(400);
        expect(r.body.error.code, path).toBe('bad-cursor');
      }
    });

    it('answers 400 for malformed bodies, 404 for unknown parents and councils', async () => {
      const json = await api.call('POST', `${H}/imports`, {
        as: EDITOR,
        raw: '{"text": "unclosed',
        headers: { 'content-type': 'application/json' },
      });
      expect(json.status).toBe(400);
      const multipart = await api.call('POST', `${H}/imports`, {
        as: EDITOR,
        raw: '--x\r\nContent-Disposition: form-data; name="file"\r\n\r\nno end',
        headers: { 'content-type': 'multipart/form-data; boundary=zz' },
      });
      expect(multipart.status).toBe(400);
      const unknownPlan = '01J00000000000000000000000';
      for (const kind of ['indicators', 'risks']) {
        const r = await api.call('POST', `${H}/plans/${unknownPlan}/${kind}`, {
          as: EDITOR,
          body: kind === 'risks' ? { description: 'x' } : { name: 'x' },
        });
        expect(r.status, kind).toBe(404);
      }
      // A council id that is a valid slug but not the caller's (or nobody's) is 404, and so is one that
      // is not a slug at all: neither reaches Object.prototype or the database.
      for (const council of ['constructor', 'hasownproperty', 'ghost-council', 'kent']) {
        const r = await api.call('GET', `/api/v1/councils/${council}/plans`, { as: EDITOR });
        expect(r.status, council).toBe(404);
      }
      for (const council of ['__proto__', 'toString', 'a%23b']) {
        const r = await api.call('GET', `/api/v1/councils/${council}/plans`, { as: EDITOR });
        expect(r.status, council).toBe(404);
        expect(r.body.error.code, council).toBe('not-found');
      }
      // An id in the path that could never name anything (an address cut off or mistyped) is not found,
      // as an unknown one is, and says which part of the address: never "the request is not valid".
      for (const path of [`${H}/actions/${unknownPlan.slice(0, 20)}`, `${H}/plans/not-a-plan/contents`]) {
        const r = await api.call('GET', path, { as: EDITOR });
        expect(r.status, path).toBe(404);
        expect(r.body.error, path).toMatchObject({
          code: 'not-found',
          details: [{ path: expect.any(String) }],
        });
      }
    });

    it('checks the caller’s role before the body: 404 to a stranger, 403 to a lower role, 400 only to who may', async () => {
      const bad = { title: '', kind: 'not-a-kind', surprise: true };
      const post = (as: string) => api.call('POST', `${H}/plans`, { as, body: bad });
      expect((await post('editor@kent.test')).status).toBe(404);
      const viewer = await post('viewer@harrow.test');
      expect(viewer.status).toBe(403);
      expect(JSON.stringify(viewer.body)).not.toMatch(/kind|title|surprise/);
      expect((await post(EDITOR)).status).toBe(400);
    });

    it('answers a JSON 404 for an unknown API route on the local server too, never the web app', async () => {
      const dist = mkdtempSync(join(tmpdir(), 'web-'));
      writeFileSync(join(dist, 'index.html'), '<!doctype html><title>app</title>');
      const server = await serveLocal({ api: api.app, port: 0, webDist: dist });
      try {
        const authorization = `Bearer ${await api.token(EDITOR)}`;
        for (const path of ['/api/v1/nothing-here', '/api/v1/councils/harrow/nope', '/calendar/x']) {
          const r = await fetch(`${server.url}${path}`, { headers: { authorization } });
          expect(r.status, path).toBe(404);
          expect(r.headers.get('content-type'), path).toMatch(/application\/json/);
          expect((await r.json()).error.code).toBe('not-found');
        }
        expect((await fetch(`${server.url}/councils/harrow`)).status).toBe(200);
      } finally {
        await server.close();
      }
    });
  });

  describe('tokens', () => {
    it('refuses a token with no expiry', async () => {
      const token = await api.token(EDITOR, { expiresIn: null });
      const r = await api.call('GET', `${H}/plans`, { headers: { authorization: `Bearer ${token}` } });
      expect(r.status).toBe(401);
    });

    it('gives a role in a council that does not exist no meaning at all', async () => {
      const token = await api.token(EDITOR, { groups: ['council:ghost-council:admin'] });
      const r = await api.call('POST', '/api/v1/councils/ghost-council/plans', {
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        raw: JSON.stringify({ title: 'Haunted', kind: 'business-plan' }),
      });
      expect(r.status).toBe(404);
      const items = await api.doc.send(
        new QueryCommand({
          TableName: api.tableName,
          KeyConditionExpression: 'PK = :pk',
          ExpressionAttributeValues: { ':pk': 'C#ghost-council' },
        }),
      );
      expect(items.Count).toBe(0);
    });
  });

  describe('invisible until committed', () => {
    it('shows nothing of a commit that stopped part way, cleans it up, and a retry completes it', async () => {
      const text = [
        'Ref,Action,Lead,Deadline',
        ...Array.from(
          { length: 80 },
          (_, i) => `${i + 1},Action number ${i + 1},Lead Person ${i},March 2027`,
        ),
      ].join('\n');
      const preview = await api.call('POST', `${H}/imports`, {
        as: EDITOR,
        body: { text, filename: 'big.csv' },
      });
      expect(preview.status).toBe(201);
      expect(preview.body.counts.actions).toBe(80);
      const importId = preview.body.id;
      // A commit that dies after its second transaction (a Lambda timing out, say).
      let writes = 0;
      const dying = Object.create(api.doc);
      dying.send = async (cmd: { constructor: { name: string } }) => {
        if (cmd.constructor.name === 'TransactWriteCommand' && ++writes > 2) throw new Error('timed out');
        return api.doc.send(cmd as never);
      };
      const data = new CouncilData(
        dying,
        api.tableName,
        tenantContext('harrow', 'editor', { sub: 's', name: 'E' }),
      );
      await expect(commitImport(data, importId)).rejects.toThrow('timed out');

      const people = await api.call('GET', `${H}/people`, { as: EDITOR });
      expect(people.body.items.map((p: { name: string }) => p.name)).not.toContain('Lead Person 3');
      const record = await api.doc.send(
        new GetCommand({ TableName: api.tableName, Key: { PK: 'C#harrow', SK: `IMPORT#${importId}` } }),
      );
      expect(record.Item?.status).toBe('committing');
      const written = await api.doc.send(
        new QueryCommand({
          TableName: api.tableName,
          KeyConditionExpression: 'PK = :pk AND begins_with(SK, :p)',
          ExpressionAttributeValues: { ':pk': 'C#harrow', ':p': `PLAN#${record.Item!.planId}#ACTION#` },
        }),
      );
      expect(written.Count).toBeGreaterThan(0);
      const someAction = written.Items![0]!.id as string;
      expect((await api.call('GET', `${H}/actions/${someAction}`, { as: EDITOR })).status).toBe(404);
      expect((await api.call('GET', `${H}/plans/${record.Item!.planId}`, { as: EDITOR })).status).toBe(404);

      // An hour later it counts as abandoned: cleaned up, and back to a preview that can be committed.
      const admin = new CouncilData(
        api.doc,
        api.tableName,
        tenantContext('harrow', 'editor', { sub: 's', name: 'E' }),
      );
      expect(await new ImportsRepo(admin.store).cleanupAbandoned(Date.now() + 2 * 3600_000)).toBe(1);
      const left = await api.doc.send(
        new QueryCommand({
          TableName: api.tableName,
          KeyConditionExpression: 'PK = :pk AND begins_with(SK, :p)',
          ExpressionAttributeValues: { ':pk': 'C#harrow', ':p': `PLAN#${record.Item!.planId}#` },
        }),
      );
      expect(left.Count).toBe(0);
      const retry = await api.call('POST', `${H}/imports/${importId}/commit`, { as: EDITOR, body: {} });
      expect(retry.status).toBe(200);
      expect((await api.call('GET', `${H}/actions/${someAction}`, { as: EDITOR })).status).toBe(200);
      const after = await api.call('GET', `${H}/people`, { as: EDITOR });
      expect(after.body.items.map((p: { name: string }) => p.name)).toContain('Lead Person 3');
    });
  });
});
