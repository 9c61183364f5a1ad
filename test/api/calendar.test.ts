import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { hashSecret } from '@peopleplan/db';
import { SEEDS_DIR } from '@peopleplan/devstack';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, TEST_OPERATOR, type TestApi } from '../support/api.js';

const K = '/api/v1/councils/kent';
const H = '/api/v1/councils/harrow';

interface Milestone {
  id: string;
  actionId: string;
  linkedActionIds: string[];
  ref: string;
  title: string;
  status: string;
  due?: { due?: string };
}
interface Action {
  id: string;
  leads: { personId?: string }[];
}

/** Fetch a feed as a calendar client would: no Authorization header. */
async function fetchFeed(api: TestApi, url: string) {
  const { pathname } = new URL(url);
  const res = await api.app.request(pathname);
  const text = await res.text();
  return { status: res.status, headers: res.headers, text };
}
const eventsOf = (ics: string) =>
  new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));

describe('calendar feeds (ICS) of the milestones a person leads, and of a plan', () => {
  let api: TestApi;
  let planId: string;
  let actions: Action[];
  let milestones: Milestone[];
  let personId: string;
  let otherPersonId: string;
  /** Milestones the person leads (through the action they serve), with a due date, not cancelled. */
  const ledBy = (pid: string) => {
    const leading = new Set(actions.filter((a) => a.leads.some((l) => l.personId === pid)).map((a) => a.id));
    return milestones.filter(
      (m) =>
        m.status !== 'cancelled' &&
        m.due?.due &&
        (leading.has(m.actionId) || m.linkedActionIds.some((id) => leading.has(id))),
    );
  };

  beforeAll(async () => {
    api = await createTestApi();
    const file = '003_864b78674d56bd2d.txt';
    const text = readFileSync(join(fileURLToPath(SEEDS_DIR), file), 'utf8');
    const preview = await api.call('POST', `${K}/imports`, {
      as: 'editor@kent.test',
      body: { text, filename: file },
    });
    const commit = await api.call('POST', `${K}/imports/${preview.body.id}/commit`, {
      as: 'editor@kent.test',
      body: {},
    });
    planId = commit.body.planId;
    const contents = await api.call('GET', `${K}/plans/${planId}/contents`, { as: 'viewer@kent.test' });
    actions = contents.body.actions;
    milestones = contents.body.milestones;
    const people: { id: string }[] = (await api.call('GET', `${K}/people`, { as: 'viewer@kent.test' })).body
      .items;
    const ranked = people.map((p) => [p.id, ledBy(p.id).length] as const).sort((a, b) => b[1] - a[1]);
    personId = ranked[0]![0];
    otherPersonId = ranked.find(([id, n]) => id !== personId && n > 0)![0];
  });
  afterAll(() => api.drop());

  it('gives a person a private feed URL that lists exactly the milestones they lead', async () => {
    const expected = ledBy(personId);
    expect(expected.length).toBeGreaterThan(1);
    const created = await api.call('POST', `${K}/people/${personId}/calendar-feed`, {
      as: 'editor@kent.test',
      body: {},
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.headers.get('cache-control')).toBe('no-store');
    const { url, webcalUrl } = created.body as { url: string; webcalUrl: string };
    // On the public address (WEB_BASE_URL), not whichever host the request reached.
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:9\/calendar\/kent\/[A-Za-z0-9_-]{43}\.ics$/);
    expect(webcalUrl).toBe(url.replace(/^http:/, 'webcal:'));

    const feed = await fetchFeed(api, url);
    expect(feed.status).toBe(200);
    expect(feed.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    expect(feed.headers.get('cache-control')).toBe('private, no-store');
    const events = eventsOf(feed.text);
    expect(events.map((e) => e.uid).sort()).toEqual(
      expected.map((m) => `milestone-${m.id}@peopleplan`).sort(),
    );
    for (const m of expected) {
      const e = events.find((ev) => ev.uid === `milestone-${m.id}@peopleplan`)!;
      expect(e.startDate.isDate).toBe(true);
      expect(e.startDate.toString()).toBe(m.due!.due);
      expect(e.summary).toBe(`Milestone ${m.ref}: ${m.title}`);
      // The web app's own route for the action (issue 17: `/actions/<id>` alone was "Page not found").
      expect(e.component.getFirstPropertyValue('url')).toBe(
        `http://127.0.0.1:9/councils/kent/actions/${m.actionId}#milestone-${m.id}`,
      );
    }
    // Someone else's milestones are not in it.
    const others = ledBy(otherPersonId).filter((m) => !expected.includes(m));
    for (const m of others) expect(feed.text).not.toContain(`milestone-${m.id}@`);
  });

  it('stores only a hash of the token', async () => {
    const created = await api.call('POST', `${K}/people/${otherPersonId}/calendar-feed`, {
      as: 'editor@kent.test',
      body: {},
    });
    const token = /\/([A-Za-z0-9_-]{43})\.ics$/.exec(created.body.url)![1]!;
    const all = await api.doc.send(
      new QueryCommand({
        TableName: api.tableName,
        KeyConditionExpression: 'PK = :pk',
        ExpressionAttributeValues: { ':pk': 'C#kent' },
      }),
    );
    expect(JSON.stringify(all.Items)).not.toContain(token);
  });

  it('revokes: the old URL answers 404 after a new feed is made, and after DELETE', async () => {
    const first = (
      await api.call('POST', `${K}/people/${personId}/calendar-feed`, { as: 'editor@kent.test', body: {} })
    ).body.url;
    const second = (
      await api.call('POST', `${K}/people/${personId}/calendar-feed`, { as: 'admin@kent.test', body: {} })
    ).body.url;
    expect(second).not.toBe(first);
    expect((await fetchFeed(api, first)).status).toBe(404);
    expect((await fetchFeed(api, second)).status).toBe(200);

    const status = await api.call('GET', `${K}/people/${personId}/calendar-feed`, { as: 'editor@kent.test' });
    expect(status.body).toMatchObject({ active: true, scope: 'person', subjectId: personId });
    expect(JSON.stringify(status.body)).not.toContain('/calendar/');

    const del = await api.call('DELETE', `${K}/people/${personId}/calendar-feed`, { as: 'editor@kent.test' });
    expect(del.status).toBe(204);
    const gone = await fetchFeed(api, second);
    expect(gone.status).toBe(404);
    expect(JSON.parse(gone.text)).toEqual({
      error: { code: 'not-found', message: 'Calendar feed not found' },
    });
    expect(
      (await api.call('DELETE', `${K}/people/${personId}/calendar-feed`, { as: 'editor@kent.test' })).status,
    ).toBe(404);
  });

  it('answers the same 404 for a token used with another council, unknown or malformed tokens', async () => {
    const url = (
      await api.call('POST', `${K}/people/${personId}/calendar-feed`, { as: 'editor@kent.test', body: {} })
    ).body.url as string;
    const token = /\/([A-Za-z0-9_-]{43})\.ics$/.exec(url)![1]!;
    const answers = await Promise.all(
      [
        `/calendar/harrow/${token}.ics`,
        `/calendar/nowhere/${token}.ics`,
        `/calendar/kent/${'A'.repeat(43)}.ics`,
        `/calendar/kent/${token}`,
        `/calendar/kent/short.ics`,
        `/calendar/KENT!/${token}.ics`,
      ].map(async (p) => {
        const res = await api.app.request(p);
        return [res.status, await res.text()] as const;
      }),
    );
    for (const [status, body] of answers) {
      expect(status).toBe(404);
      expect(body).toBe(answers[0]![1]);
    }
    expect((await fetchFeed(api, url)).status).toBe(200);
  });

  it("takes the council from the feed's lookup, never the URL, and needs the council's own record too", async () => {
    const url = (
      await api.call('POST', `${K}/people/${personId}/calendar-feed`, { as: 'editor@kent.test', body: {} })
    ).body.url as string;
    const token = /\/([A-Za-z0-9_-]{43})\.ics$/.exec(url)![1]!;
    const opened: string[] = [];
    const docFor = api.deps.docFor;
    api.deps.docFor = async (councilId, mode) => {
      opened.push(`${councilId}:${mode}`);
      return docFor(councilId, mode);
    };
    try {
      // Kent's feed under Harrow's URL: not found, and no session of either council is opened.
      expect((await api.app.request(`/calendar/harrow/${token}.ics`)).status).toBe(404);
      expect(opened).toEqual([]);
      expect((await api.app.request(`/calendar/kent/${token}.ics`)).status).toBe(200);
      expect(opened).toEqual(['kent:read']);

      // A lookup alone opens nothing: one naming Harrow for Kent's feed finds no feed in Harrow's partition,
      // and one naming Kent for a token Kent never issued finds none in Kent's.
      const links = api.deps.directory.secretLinks;
      const forged = randomBytes(32).toString('base64url');
      await links.put(hashSecret(forged), { councilId: 'kent', kind: 'calendar-feed', subjectId: personId });
      expect((await api.app.request(`/calendar/kent/${forged}.ics`)).status).toBe(404);
      await links.remove(hashSecret(token));
      await links.put(hashSecret(token), { councilId: 'harrow', kind: 'calendar-feed', subjectId: personId });
      expect((await api.app.request(`/calendar/harrow/${token}.ics`)).status).toBe(404);
      expect((await api.app.request(`/calendar/kent/${token}.ics`)).status).toBe(404);
    } finally {
      api.deps.docFor = docFor;
    }
  });

  it('lets a contributor manage their own feed only; viewers and other councils cannot', async () => {
    await api.linkMember('contributor@kent.test', 'kent', otherPersonId);
    const own = await api.call('POST', `${K}/people/${otherPersonId}/calendar-feed`, {
      as: 'contributor@kent.test',
      body: {},
    });
    expect(own.status).toBe(201);
    const notOwn = await api.call('POST', `${K}/people/${personId}/calendar-feed`, {
      as: 'contributor@kent.test',
      body: {},
    });
    expect(notOwn.status).toBe(403);
    const viewer = await api.call('POST', `${K}/people/${personId}/calendar-feed`, {
      as: 'viewer@kent.test',
      body: {},
    });
    expect(viewer.status).toBe(403);
    const harrow = await api.call('POST', `${K}/people/${personId}/calendar-feed`, {
      as: 'editor@harrow.test',
      body: {},
    });
    expect(harrow.status).toBe(404);
    const wrongPath = await api.call('POST', `${H}/people/${personId}/calendar-feed`, {
      as: 'editor@harrow.test',
      body: {},
    });
    expect(wrongPath.status).toBe(404);
  });

  it('gives a plan one feed for its owners, with every dated milestone of the plan', async () => {
    const created = await api.call('POST', `${K}/plans/${planId}/calendar-feed`, {
      as: 'editor@kent.test',
      body: {},
    });
    expect(created.status).toBe(201);
    const feed = await fetchFeed(api, created.body.url);
    const events = eventsOf(feed.text);
    const dated = milestones.filter((m) => m.due?.due && m.status !== 'cancelled');
    expect(dated.length).toBeLessThan(milestones.length);
    expect(events).toHaveLength(dated.length);
    const cal = new ICAL.Component(ICAL.parse(feed.text));
    expect(String(cal.getFirstPropertyValue('name'))).toContain('milestones');

    // A repeating milestone is one event that repeats, from its first occurrence (core occurrence.ts).
    const quarterly = await api.call('POST', `${K}/actions/${actions[0]!.id}/milestones`, {
      as: 'editor@kent.test',
      body: {
        title: 'Quarterly sickness return to CMT',
        due: { text: 'Quarterly', kind: 'recurring', recurrence: 'quarterly', due: '2026-06-30' },
      },
    });
    expect(quarterly.status, JSON.stringify(quarterly.body)).toBe(201);
    const repeating = eventsOf((await fetchFeed(api, created.body.url)).text).find(
      (e) => e.uid === `milestone-${quarterly.body.id}@peopleplan`,
    )!;
    expect(repeating.isRecurring()).toBe(true);
    const next = repeating.iterator();
    expect([1, 2, 3].map(() => next.next()!.toString())).toEqual(['2026-06-30', '2026-09-30', '2026-12-31']);

    expect(
      (await api.call('DELETE', `${K}/plans/${planId}/calendar-feed`, { as: 'viewer@kent.test' })).status,
    ).toBe(403);
    expect(
      (await api.call('DELETE', `${K}/plans/${planId}/calendar-feed`, { as: 'editor@kent.test' })).status,
    ).toBe(204);
    expect((await fetchFeed(api, created.body.url)).status).toBe(404);
  });
  it('stops a feed while its council is suspended, and for good once its maker leaves the council', async () => {
    const LEAVER = 'leaver@kent.test';
    const invited = await api.call('POST', `${K}/members`, {
      as: 'admin@kent.test',
      body: { email: LEAVER, name: 'Leaver', role: 'editor' },
    });
    expect(invited.status, JSON.stringify(invited.body)).toBe(201);
    const created = await api.call('POST', `${K}/plans/${planId}/calendar-feed`, { as: LEAVER, body: {} });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const url = created.body.url as string;
    expect((await fetchFeed(api, url)).status).toBe(200);

    const status = (s: string) =>
      api.call('PATCH', '/api/v1/councils/kent', { as: TEST_OPERATOR.email, body: { status: s } });
    expect((await status('suspended')).status).toBe(200);
    expect((await fetchFeed(api, url)).status).toBe(404);
    expect((await status('active')).status).toBe(200);
    expect((await fetchFeed(api, url)).status).toBe(200);

    const members = await api.call('GET', `${K}/members`, { as: 'admin@kent.test' });
    const leaver = members.body.items.find((m: { email: string }) => m.email === LEAVER);
    expect(
      (await api.call('DELETE', `${K}/members/${leaver.userSub}`, { as: 'admin@kent.test' })).status,
    ).toBe(200);
    expect((await fetchFeed(api, url)).status).toBe(404);
  });
});
