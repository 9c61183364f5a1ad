import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { ALERT_LINK_DAYS, alertsOf, CouncilData, hashSecret, tenantContext } from '@peopleplan/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from '../support/api.js';

describe('alert preferences API', () => {
  let api: TestApi;
  let personId: string;
  beforeAll(async () => {
    api = await createTestApi();
    const r = await api.call('POST', '/api/v1/councils/harrow/people', {
      as: 'editor@harrow.test',
      body: { name: 'Vic Viewer', email: 'viewer@harrow.test' },
    });
    expect(r.status).toBe(201);
    personId = r.body.id;
  });
  afterAll(async () => {
    await api.drop();
  });

  const path = '/api/v1/councils/harrow/me/alert-preferences';

  it('lets anyone, even a viewer, read and change their own preferences', async () => {
    const get = await api.call('GET', path, { as: 'viewer@harrow.test' });
    expect(get.status).toBe(200);
    expect(get.body).toMatchObject({
      linked: true,
      personId,
      alertPreferences: { frequency: 'immediate', dueSoon: true },
    });
    const put = await api.call('PUT', path, {
      as: 'viewer@harrow.test',
      body: { frequency: 'weekly', dueSoon: false },
    });
    expect(put.status).toBe(200);
    const people = await api.call('GET', '/api/v1/councils/harrow/people', { as: 'editor@harrow.test' });
    const me = people.body.items.find((p: { id: string }) => p.id === personId);
    expect(me.alertPreferences).toEqual({ frequency: 'weekly', dueSoon: false });
  });

  it('refuses bad input, strangers and people not in the directory', async () => {
    expect(
      (await api.call('PUT', path, { as: 'viewer@harrow.test', body: { frequency: 'hourly' } })).status,
    ).toBe(400);
    expect((await api.call('GET', path)).status).toBe(401);
    expect((await api.call('GET', path, { as: 'viewer@kent.test' })).status).toBe(404);
    // No directory entry is an expected answer (a councillor leads nothing), not a failed request.
    const noEntry = await api.call('GET', path, { as: 'admin@harrow.test' });
    expect(noEntry.status).toBe(200);
    expect(noEntry.body).toEqual({ linked: false });
    expect(
      (await api.call('PUT', path, { as: 'admin@harrow.test', body: { frequency: 'weekly', dueSoon: true } }))
        .status,
    ).toBe(404);
  });

  it('serves the no-sign-in link from alert emails, which changes that person only', async () => {
    const job = new CouncilData(
      api.doc,
      api.tableName,
      tenantContext('harrow', 'system', { sub: 'job', name: 'Job' }),
    );
    // As the alert job makes them: the lookup with the job's own client, the link in harrow's partition.
    const token = (
      await alertsOf(job).withSecretLinks(api.deps.directory.secretLinks).preferenceTokens([personId], true)
    ).get(personId)!;
    const url = `/api/alert-preferences/harrow/${token}`;
    const page = await api.app.request(url);
    expect(page.status).toBe(200);
    const text = await page.text();
    expect(text).toContain('Vic Viewer');
    expect(text).toContain('<html lang="en-GB">');
    const post = await api.app.request(url, {
      method: 'POST',
      body: new URLSearchParams({ frequency: 'immediate', dueSoon: 'on' }),
    });
    expect(post.status).toBe(200);
    expect(await post.text()).toContain('Saved.');
    const mine = await api.call('GET', path, { as: 'viewer@harrow.test' });
    expect(mine.body.alertPreferences).toEqual({ frequency: 'immediate', dueSoon: true });
    expect((await api.app.request('/api/alert-preferences/harrow/not-a-real-token-000000000')).status).toBe(
      404,
    );
    expect((await api.app.request(`/api/alert-preferences/kent/${token}`)).status).toBe(404);
    // Only the hash of the token is stored, in the council and in the lookup.
    const items = await api.doc.send(new ScanCommand({ TableName: api.tableName }));
    expect(JSON.stringify(items.Items)).not.toContain(token);
  });

  it("takes the council from the link's lookup, never the URL, and needs the council's own record too", async () => {
    const job = alertsOf(
      new CouncilData(api.doc, api.tableName, tenantContext('harrow', 'system', { sub: 'job', name: 'Job' })),
    ).withSecretLinks(api.deps.directory.secretLinks);
    const token = (await job.preferenceTokens([personId], true)).get(personId)!;
    const opened: string[] = [];
    const docFor = api.deps.docFor;
    api.deps.docFor = async (councilId, mode) => {
      opened.push(councilId);
      return docFor(councilId, mode);
    };
    try {
      // Harrow's link under Kent's URL: not recognised, and no council's session is opened for it.
      for (const method of ['GET', 'POST']) {
        const res = await api.app.request(`/api/alert-preferences/kent/${token}`, {
          method,
          ...(method === 'POST' ? { body: new URLSearchParams({ frequency: 'weekly' }) } : {}),
        });
        expect(res.status).toBe(404);
      }
      expect(opened).toEqual([]);
      expect((await api.app.request(`/api/alert-preferences/harrow/${token}`)).status).toBe(200);
      expect(new Set(opened)).toEqual(new Set(['harrow']));

      // A lookup naming Kent for Harrow's link finds no link in Kent's partition: still 404.
      const links = api.deps.directory.secretLinks;
      await links.remove(hashSecret(token));
      await links.put(hashSecret(token), { councilId: 'kent', kind: 'alert-link', subjectId: personId });
      expect((await api.app.request(`/api/alert-preferences/kent/${token}`)).status).toBe(404);
      // …and a calendar feed's lookup is no alert link.
      const other = (await job.preferenceTokens([personId], true)).get(personId)!;
      await links.remove(hashSecret(other));
      await links.put(hashSecret(other), { councilId: 'harrow', kind: 'calendar-feed', subjectId: personId });
      expect((await api.app.request(`/api/alert-preferences/harrow/${other}`)).status).toBe(404);
    } finally {
      api.deps.docFor = docFor;
    }
  });

  it('stops working once the link has lapsed', async () => {
    const job = alertsOf(
      new CouncilData(api.doc, api.tableName, tenantContext('harrow', 'system', { sub: 'job', name: 'Job' })),
    ).withSecretLinks(api.deps.directory.secretLinks);
    const longAgo = new Date(Date.now() - (ALERT_LINK_DAYS + 1) * 86_400_000);
    const token = (await job.preferenceTokens([personId], true, longAgo)).get(personId)!;
    expect((await api.app.request(`/api/alert-preferences/harrow/${token}`)).status).toBe(404);
  });
});
