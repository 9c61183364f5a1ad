import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { provisionCouncil } from '@peopleplan/db';
import { describe, expect, it } from 'vitest';
import { plusDays } from './dates.js';
import { runAlertJob } from './job.js';
import { catcher, inbox, smtpSink, system, table, WEB, wired } from './job-test-world.js';

describe('stale progress', () => {
  it('asks the lead for an update when none was made within the plan’s review cadence', async () => {
    const { doc, tableName } = await table();
    await provisionCouncil(doc, tableName, { id: 'kent', name: 'Kent' });
    const kent = system(doc, tableName, 'kent');
    const lee = await kent.people.create({ name: 'Lee', email: 'lee@kent.test' });
    const { plan } = await kent.plans.create({
      title: 'Monthly-reviewed plan',
      kind: 'business-plan',
      period: {},
      status: 'active',
      reviewCadence: 'monthly',
      reportingPoints: [],
      sections: [],
      themes: [],
    });
    await kent.actions.create(plan.id, {
      ref: '7',
      title: 'Ongoing work with no date',
      leads: [{ role: 'operational', label: 'Lee', personId: lee.id }],
      status: 'ongoing',
      crossRefs: [],
    });
    const today = plusDays(new Date().toISOString().slice(0, 10), 40);
    const base = { ...wired(doc, tableName), today, webBaseUrl: WEB, sink: smtpSink(), councils: ['kent'] };
    const start = catcher.messages().length;
    const r = await runAlertJob({ ...base, staleProgress: 'always' });
    expect(r.read.staleCheckedActions).toBe(1);
    const lee1 = inbox(start).get('lee@kent.test');
    expect(lee1?.[0]?.text).toContain('Progress update needed: Action 7 – Ongoing work with no date');
    expect((await runAlertJob({ ...base, staleProgress: 'always' })).emailsSent).toBe(0);
  });

  it('counts as the dashboard does: from the day the plan became active, and never for a draft', async () => {
    const { doc, tableName } = await table();
    await provisionCouncil(doc, tableName, { id: 'kent', name: 'Kent' });
    const kent = system(doc, tableName, 'kent');
    const lee = await kent.people.create({ name: 'Lee', email: 'lee@kent.test' });
    const planWithAction = async (title: string) => {
      const { plan } = await kent.plans.create({
        title,
        kind: 'business-plan',
        period: {},
        status: 'draft',
        reviewCadence: 'quarterly',
        reportingPoints: [],
        sections: [],
        themes: [],
      });
      await kent.actions.create(plan.id, {
        ref: '1',
        title: `${title}: recruit apprentices`,
        leads: [{ role: 'operational', label: 'Lee', personId: lee.id }],
        status: 'ongoing',
        crossRefs: [],
      });
      return plan;
    };
    const made = new Date().toISOString().slice(0, 10);
    // Imported as a draft, approved and made active two months later.
    const approved = await planWithAction('Approved later');
    await doc.send(
      new UpdateCommand({
        TableName: tableName,
        Key: { PK: 'C#kent', SK: `PLAN#${approved.id}` },
        UpdateExpression: 'SET #s = :active, activatedOn = :on',
        ExpressionAttributeNames: { '#s': 'status' },
        ExpressionAttributeValues: { ':active': 'active', ':on': plusDays(made, 60) },
      }),
    );
    // Still a draft: nobody reports on it yet.
    await planWithAction('Still a draft');
    const run = (today: string) =>
      runAlertJob({
        ...wired(doc, tableName),
        today,
        webBaseUrl: WEB,
        sink: smtpSink(),
        councils: ['kent'],
        staleProgress: 'always',
      });
    const start = catcher.messages().length;
    // 100 days after the actions came in, 40 after the plan became active: within a quarter.
    expect((await run(plusDays(made, 100))).emailsSent).toBe(0);
    // 100 days after it became active: the approved plan's lead is asked, the draft's is not.
    expect((await run(plusDays(made, 160))).emailsSent).toBe(1);
    const text = inbox(start).get('lee@kent.test')?.[0]?.text ?? '';
    expect(text).toContain('Approved later: recruit apprentices');
    expect(text).not.toContain('Still a draft');
  });
});
