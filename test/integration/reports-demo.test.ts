import { randomUUID } from 'node:crypto';
import { DeleteTableCommand } from '@aws-sdk/client-dynamodb';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type LocalStack, startLocalStack } from '../../scripts/local-stack.js';
import { localClient } from '../support/dynamo.js';

/** Reports, periods and calendar feeds as `npm start` serves them: real HTTP, real tokens, demo data. */
describe('reports and calendar feeds on the local stack', () => {
  let stack: LocalStack;
  const tableName = `t-${randomUUID()}`;
  const K = '/api/v1/councils/kent';

  const call = async (method: string, path: string, email: string, body?: unknown) => {
    const token = await stack.idp.tokenFor(email);
    return fetch(`${stack.url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body !== undefined && { 'content-type': 'application/json' }),
      },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
  };

  beforeAll(async () => {
    stack = await startLocalStack({ port: 0, dynamoEndpoint: inject('dynamoEndpoint'), tableName });
  }, 300_000);
  afterAll(async () => {
    await stack?.stop();
    await localClient().send(new DeleteTableCommand({ TableName: tableName }));
  });

  it('writes the Kent year-end report, closes the period and serves a lead’s calendar feed', async () => {
    const plans = (await (await call('GET', `${K}/plans`, 'viewer@kent.demo')).json()) as {
      items: { id: string }[];
    };
    const planId = plans.items[0]!.id;

    const docx = await call(
      'GET',
      `${K}/plans/${planId}/reports?period=year-end:2013-14&format=docx`,
      'viewer@kent.demo',
    );
    expect(docx.status).toBe(200);
    expect(docx.headers.get('content-disposition')).toMatch(/^attachment; filename=".+\.docx"$/);
    // A DOCX is a zip: it starts with PK\x03\x04.
    expect(
      Buffer.from(await docx.arrayBuffer())
        .subarray(0, 4)
        .toString('latin1'),
    ).toBe('PK\x03\x04');

    const html = await call(
      'GET',
      `${K}/plans/${planId}/reports?period=year-end:2013-14&format=html`,
      'viewer@kent.demo',
    );
    expect(html.headers.get('content-security-policy')).toBe("default-src 'none'; style-src 'unsafe-inline'");
    expect(await html.text()).toContain('Year-end 2013-14');

    const closed = await call(
      'POST',
      `${K}/plans/${planId}/periods/year-end:2013-14/close`,
      'editor@kent.demo',
      {},
    );
    expect([200, 201]).toContain(closed.status);
    const periods = (await (
      await call('GET', `${K}/plans/${planId}/periods`, 'viewer@kent.demo')
    ).json()) as {
      items: { key: string }[];
    };
    expect(periods.items.map((p) => p.key)).toContain('year-end-2013-14');

    const contents = (await (
      await call('GET', `${K}/plans/${planId}/contents`, 'viewer@kent.demo')
    ).json()) as {
      actions: { id: string; leads: { personId?: string }[] }[];
      milestones: { actionId: string; due?: { due?: string } }[];
    };
    const dated = contents.milestones.find((m) => m.due?.due)!;
    const lead = contents.actions.find((a) => a.id === dated.actionId)!.leads.find((l) => l.personId)!
      .personId!;
    const feed = await call('POST', `${K}/people/${lead}/calendar-feed`, 'editor@kent.demo', {});
    expect(feed.status).toBe(201);
    const { url } = (await feed.json()) as { url: string };
    expect(url.startsWith(`${stack.url}/calendar/kent/`)).toBe(true);

    // A calendar client fetches the URL as it is, with no Authorization header.
    const ics = await fetch(url);
    expect(ics.status).toBe(200);
    expect(ics.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    const events = new ICAL.Component(ICAL.parse(await ics.text())).getAllSubcomponents('vevent');
    expect(events.length).toBeGreaterThan(0);

    expect((await call('DELETE', `${K}/people/${lead}/calendar-feed`, 'editor@kent.demo')).status).toBe(204);
    expect((await fetch(url)).status).toBe(404);
  });
});
