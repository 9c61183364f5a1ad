import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Timescale } from '@peopleplan/core';
import {
  CouncilData,
  createDocClient,
  duePartitions,
  provisionCouncil,
  TABLE,
  tenantContext,
} from '@peopleplan/db';
import { type MailCatcher, startMailCatcher } from '@peopleplan/devstack';
import { localIamClients } from '@peopleplan/iam-local';
import { createSmtpMailer } from '@peopleplan/mail';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { freshTable } from '../../../test/support/dynamo.js';
import { mailerSink, runAlertJob } from './job.js';
import { alertJobSources } from './run.js';

/**
 * A repeating deadline ("Quarterly", first due 31 December 2025) through the real job: on DynamoDB
 * Local, the job's own role and a tenant session checked against the synthesised IAM policies, and a
 * real SMTP receiver. Before: the first occurrence stayed its due date for ever, so from January the
 * action was "overdue" and its lead emailed as late every day.
 */
const QUARTERLY: Timescale = {
  text: 'Quarterly',
  kind: 'recurring',
  recurrence: 'quarterly',
  due: '2025-12-31',
  precision: 'day',
};

let catcher: MailCatcher;
let drop: () => Promise<void>;
beforeAll(async () => {
  catcher = await startMailCatcher();
});
afterAll(async () => {
  await catcher.stop();
  await drop?.();
});

describe('repeating deadlines in the alert job', () => {
  let tableName: string;
  let doc: ReturnType<typeof createDocClient>;
  let actionId: string;
  let run: (today: string) => ReturnType<typeof runAlertJob>;

  beforeAll(async () => {
    const t = await freshTable();
    drop = t.drop;
    tableName = t.tableName;
    doc = createDocClient({ endpoint: inject('dynamoEndpoint') });
    await provisionCouncil(doc, tableName, { id: 'harrow', name: 'Harrow' });
    const harrow = new CouncilData(
      doc,
      tableName,
      tenantContext('harrow', 'system', { sub: 'system:alerts', name: 'Alerts' }),
    );
    const rita = await harrow.people.create({ name: 'Rita Returns', email: 'rita@harrow.test' });
    const { plan } = await harrow.plans.create({
      title: 'Workforce plan',
      kind: 'people-strategy',
      period: {},
      status: 'active',
      reviewCadence: 'quarterly',
      reportingPoints: [],
      sections: [],
      themes: [],
    });
    const action = await harrow.actions.create(plan.id, {
      ref: '1.1',
      title: 'Quarterly workforce return to the board',
      leads: [{ role: 'operational', label: 'Rita', personId: rita.id }],
      status: 'on-track',
      crossRefs: [],
      due: QUARTERLY,
    });
    actionId = action.id;
    const iam = await localIamClients({ endpoint: inject('dynamoEndpoint'), role: 'alerts' });
    run = (today) =>
      runAlertJob({
        ...alertJobSources({ tableName: tableName, own: iam.own, docFor: iam.docFor }),
        today,
        webBaseUrl: 'https://peopleplan.example',
        sink: mailerSink(createSmtpMailer({ port: catcher.port, from: 'alerts@peopleplan.test' })),
        staleProgress: 'never',
      });
  });

  /** Where the due index holds the action now (its date), read as the job reads the index. */
  const indexedOn = async () => {
    const out: string[] = [];
    for (const pk of duePartitions()) {
      const r = await doc.send(
        new QueryCommand({
          TableName: tableName,
          IndexName: TABLE.indexes.due.name,
          KeyConditionExpression: 'DUEPK = :p',
          ExpressionAttributeValues: { ':p': pk },
        }),
      );
      for (const i of r.Items ?? []) if (i.id === actionId) out.push(String(i.DUESK).slice(0, 10));
    }
    return out;
  };

  it('tells the lead of the coming occurrence, never that a passed one is late, and moves the index on', async () => {
    expect(await indexedOn()).toEqual(['2025-12-31']);
    const start = catcher.messages().length;
    // 20 March 2026: December's return has passed; March's is due in 11 days.
    const r = await run('2026-03-20');
    expect(r.problems).toEqual([]);
    const mail = catcher.messages().slice(start);
    expect(mail).toHaveLength(1);
    expect(mail[0]!.subject).not.toMatch(/overdue|late/i);
    expect(mail[0]!.text).toContain('Quarterly workforce return to the board');
    expect(mail[0]!.text).toContain('31 March 2026');
    expect(mail[0]!.text).toContain('due in 11 days');
    expect(mail[0]!.text).not.toContain('late');
    expect(r.repeatsMovedOn).toBe(1);
    expect(await indexedOn()).toEqual(['2026-03-31']);
  });

  it('tells again when the next occurrence comes round, and not in between', async () => {
    const start = catcher.messages().length;
    const quiet = await run('2026-04-10');
    expect(quiet.itemsAlerted).toBe(0);
    expect(quiet.repeatsMovedOn).toBe(1);
    expect(await indexedOn()).toEqual(['2026-06-30']);
    const r = await run('2026-06-30');
    expect(r.itemsAlerted).toBe(1);
    const mail = catcher.messages().slice(start);
    expect(mail).toHaveLength(1);
    expect(mail[0]!.text).toContain('30 June 2026');
    expect(mail[0]!.text).toContain('due today');
  });
});
