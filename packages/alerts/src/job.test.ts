import { type DynamoDBDocumentClient, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Lead, Milestone, Person } from '@peopleplan/core';
import { type CouncilData, countingDocClient, provisionCouncil, provisionMember } from '@peopleplan/db';
import { beforeAll, describe, expect, it } from 'vitest';
import { seedSynthetic } from '../../../test/support/synthetic-alerts.js';
import { memoryFailureLog } from './failure-log.js';
import { type AlertJobOptions, runAlertJob } from './job.js';
import {
  catcher,
  date,
  inbox,
  readOutbox,
  smtpSink,
  system,
  TODAY,
  table,
  WEB,
  wired,
} from './job-test-world.js';

describe('alert job against DynamoDB Local and a real SMTP receiver', () => {
  let doc: DynamoDBDocumentClient;
  let tableName: string;
  let harrow: CouncilData;
  const people: Record<string, Person> = {};
  const ms: Record<string, Milestone> = {};
  let run: (o?: Partial<AlertJobOptions>) => ReturnType<typeof runAlertJob>;

  beforeAll(async () => {
    ({ doc, tableName } = await table());
    await provisionCouncil(doc, tableName, { id: 'harrow', name: 'Harrow' });
    await provisionCouncil(doc, tableName, { id: 'kent', name: 'Kent' });
    harrow = system(doc, tableName, 'harrow');
    const kent = system(doc, tableName, 'kent');
    for (const [k, input] of Object.entries({
      alice: { name: 'Alice Lead', email: 'alice@harrow.test', roleLabel: 'GM (HR)' },
      sam: { name: 'Sam Strategic', email: 'sam@harrow.test', roleLabel: 'HOPOS' },
      olive: { name: 'Olive Owner', email: 'olive@harrow.test' },
      nolan: { name: 'Nolan No-email', roleLabel: 'L&D Team' },
      dee: { name: 'Dee Opted-out', email: 'dee@harrow.test' },
      wes: { name: 'Wes Weekly', email: 'wes@harrow.test' },
    }))
      people[k] = await harrow.people.create(input);
    people.dee = await harrow.people.update(people.dee!.id, {
      version: 1,
      alertPreferences: { frequency: 'immediate', dueSoon: false },
    });
    people.wes = await harrow.people.update(people.wes!.id, {
      version: 1,
      alertPreferences: { frequency: 'weekly', dueSoon: true },
    });
    const lead = (k: string, role: Lead['role'] = 'operational'): Lead => ({
      role,
      label: people[k]!.roleLabel ?? people[k]!.name,
      personId: people[k]!.id,
    });
    const { plan } = await harrow.plans.create({
      title: 'People Strategy 2026',
      kind: 'people-strategy',
      period: {},
      status: 'active',
      ownerPersonId: people.olive!.id,
      reviewCadence: 'quarterly',
      reportingPoints: [],
      sections: [],
      themes: [],
    });
    const action = (ref: string, title: string, leads: Lead[], extra: object = {}) =>
      harrow.actions.create(plan.id, { ref, title, leads, status: 'on-track', crossRefs: [], ...extra });
    const a1 = await action('1.1', 'Recruit apprentices', [lead('alice'), lead('sam', 'strategic')]);
    const milestone = async (k: string, actionId: string, offset: number) => {
      ms[k] = await harrow.milestones.create(actionId, {
        ref: k,
        title: `Milestone ${k}`,
        due: date(offset),
        linkedActionIds: [],
        status: 'not-started',
      });
    };
    await milestone('soon', a1.id, 5);
    await milestone('today', a1.id, 0);
    await milestone('late', a1.id, -3);
    await milestone('escalated', a1.id, -40);
    await milestone('later', a1.id, 100);
    await action('2', '<script>alert("x")</script> & Co review', [lead('nolan')], { due: date(-10) });
    const a3 = await action('3', 'Dee’s action', [lead('dee')]);
    await milestone('dee-soon', a3.id, 5);
    await milestone('dee-late', a3.id, -2);
    await action('4', 'Already done', [lead('alice')], { due: date(-5), status: 'completed' });
    await action('5', 'Weekly reader’s action', [lead('wes')], { due: date(-1) });

    const kim = await kent.people.create({ name: 'Kim Kent', email: 'kim@kent.test' });
    const { plan: kp } = await kent.plans.create({
      title: 'Kent business plan',
      kind: 'business-plan',
      period: {},
      status: 'active',
      reviewCadence: 'quarterly',
      reportingPoints: [],
      sections: [],
      themes: [],
    });
    await kent.actions.create(kp.id, {
      ref: 'K1',
      title: 'Kent action',
      leads: [{ role: 'accountable', label: 'Kim', personId: kim.id }],
      status: 'not-started',
      crossRefs: [],
      due: date(7),
    });
    run = (o = {}) =>
      runAlertJob({
        ...wired(doc, tableName),
        today: TODAY,
        webBaseUrl: WEB,
        sink: smtpSink(),
        staleProgress: 'never',
        ...o,
      });
  });

  it('sends one digest per recipient with the items that concern them, and nothing twice', async () => {
    const start = catcher.messages().length;
    const r = await run();
    expect(r.emailsFailed).toBe(0);
    const got = inbox(start);
    expect([...got.keys()].sort()).toEqual(
      [
        'alice@harrow.test',
        'dee@harrow.test',
        'kim@kent.test',
        'olive@harrow.test',
        'sam@harrow.test',
      ].sort(),
    );
    for (const msgs of got.values()) expect(msgs).toHaveLength(1);
    const alice = got.get('alice@harrow.test')![0]!;
    for (const k of ['soon', 'today', 'late', 'escalated']) expect(alice.text).toContain(`Milestone ${k} `);
    expect(alice.text).not.toContain('Milestone later');
    expect(alice.text).not.toContain('Already done');
    expect(alice.text).toContain('Due: "by 2026-03-07" (read as 7 March 2026) – 3 days late');
    expect(alice.text).toContain(`${WEB}/councils/harrow/actions/${ms.late!.actionId}`);
    expect(alice.text).toContain('Status: Not started');
    expect(alice.text).toMatch(new RegExp(`${WEB}/api/alert-preferences/harrow/[A-Za-z0-9_-]{20,}`));
    // The strategic lead hears about the escalated item only.
    const sam = got.get('sam@harrow.test')![0]!;
    expect(sam.text).toContain('Overdue – escalated: Milestone escalated');
    expect(sam.text).not.toContain('Milestone late ');
    // Kent's lead hears about Kent only.
    expect(got.get('kim@kent.test')![0]!.text).toContain('Kent action');
    expect(got.get('kim@kent.test')![0]!.text).not.toContain('Harrow');

    const again = await run();
    expect(again.emailsSent).toBe(0);
    expect(again.alreadySent).toBeGreaterThan(0);
    expect(catcher.messages().length).toBe(start + got.size);
  });

  it('reports an item whose lead has no email to the plan owner, with user text escaped in HTML', async () => {
    const olive = catcher.messages().find((m) => m.envelope.to.includes('olive@harrow.test'))!;
    expect(olive.text).toContain(
      "L&D Team has no email address in the people directory, so this comes to you as the plan's owner: add their email address so that the right person hears.",
    );
    expect(olive.text).toContain('<script>alert("x")</script> & Co review');
    expect(olive.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co review');
    expect(olive.html).not.toContain('<script>');
    expect(olive.html).toMatch(/<html lang="en-GB">/);
    expect(olive.html).toMatch(/<th scope="col"[^>]*>Status<\/th>/);
  });

  it('leaves out due-soon for someone who opted out, but still sends overdue', async () => {
    const dee = catcher.messages().find((m) => m.envelope.to.includes('dee@harrow.test'))!;
    expect(dee.text).toContain('Milestone dee-late');
    expect(dee.text).not.toContain('Milestone dee-soon');
  });

  it('holds a weekly reader’s items until Monday', async () => {
    expect(catcher.messages().some((m) => m.envelope.to.includes('wes@harrow.test'))).toBe(false);
    const start = catcher.messages().length;
    await run({ today: '2026-03-16' });
    const wes = inbox(start).get('wes@harrow.test');
    expect(wes).toHaveLength(1);
    expect(wes![0]!.text).toContain('Weekly reader’s action');
  });

  it('tells the plan owner when a milestone is moved past its baseline, once', async () => {
    const m = await harrow.milestones.get(ms.soon!.id);
    await harrow.milestones.update(m.id, { version: m.version, due: date(60) });
    expect(await readOutbox(doc, tableName)).toHaveLength(1);
    const start = catcher.messages().length;
    const r = await run({ outboxOnly: true });
    expect(r.read.dueIndexItems).toBe(0);
    const olive = inbox(start).get('olive@harrow.test');
    expect(olive).toHaveLength(1);
    expect(olive![0]!.text).toContain('Deadline moved past its baseline: Milestone soon');
    expect(olive![0]!.text).toContain(
      '  Baseline: 15 March 2026\n  New deadline: 9 May 2026\n  Reason given: none\n  Moved by: Alerts on',
    );
    expect(await readOutbox(doc, tableName)).toHaveLength(0);
    expect((await run({ outboxOnly: true })).emailsSent).toBe(0);
    // Moving it earlier is not a re-baseline.
    const m2 = await harrow.milestones.get(ms.soon!.id);
    await harrow.milestones.update(m2.id, { version: m2.version, due: date(50) });
    expect(await readOutbox(doc, tableName)).toHaveLength(0);
  });
});

describe('failures and crashes', () => {
  async function oneItem(today: string) {
    const { doc, tableName } = await table();
    await provisionCouncil(doc, tableName, { id: 'kent', name: 'Kent' });
    const kent = system(doc, tableName, 'kent');
    const fay = await kent.people.create({ name: 'Fay', email: `fay-${tableName.slice(2, 10)}@kent.test` });
    const { plan } = await kent.plans.create({
      title: 'Plan',
      kind: 'business-plan',
      period: {},
      status: 'active',
      reviewCadence: 'quarterly',
      reportingPoints: [],
      sections: [],
      themes: [],
    });
    await kent.actions.create(plan.id, {
      ref: '1',
      title: 'Due today',
      leads: [{ role: 'responsible', label: 'Fay', personId: fay.id }],
      status: 'not-started',
      crossRefs: [],
      due: { text: today, kind: 'date', due: today, precision: 'day' },
    });
    return { doc, tableName, email: fay.email! };
  }

  it('retries a failing SMTP send, logs it, and sends it on the next run (nothing lost)', async () => {
    const { doc, tableName, email } = await oneItem(TODAY);
    catcher.failWith((env) => (env.to.includes(email) ? 'mailbox busy' : undefined));
    let retries = 0;
    const failures = memoryFailureLog();
    const base = { ...wired(doc, tableName), today: TODAY, webBaseUrl: WEB, staleProgress: 'never' as const };
    const r = await runAlertJob({
      ...base,
      sink: smtpSink({ onRetry: () => retries++ }),
      failureLog: failures,
    });
    catcher.failWith(undefined);
    expect(retries).toBe(2);
    expect(r.emailsFailed).toBe(1);
    expect(failures.entries).toHaveLength(1);
    expect(failures.entries[0]!.email.to).toBe(email);
    expect(failures.entries[0]!.email.text).toContain('Due today');
    expect(catcher.messages().some((m) => m.envelope.to.includes(email))).toBe(false);

    const next = await runAlertJob({ ...base, sink: smtpSink() });
    expect(next.emailsSent).toBe(1);
    expect(catcher.messages().filter((m) => m.envelope.to.includes(email))).toHaveLength(1);
  });

  it('resumes a run that crashed after reserving, without duplicates', async () => {
    const { doc, tableName, email } = await oneItem(TODAY);
    const t0 = new Date('2026-03-10T07:00:00Z');
    let reached!: () => void;
    const reachedSend = new Promise<void>((r) => {
      reached = r;
    });
    const base = { ...wired(doc, tableName), today: TODAY, webBaseUrl: WEB, staleProgress: 'never' as const };
    // The crashed run: reserves, then never gets past sending (the process died).
    void runAlertJob({
      ...base,
      now: () => t0,
      sink: {
        deliver: () => {
          reached();
          return new Promise(() => {});
        },
      },
    });
    await reachedSend;
    const soon = await runAlertJob({
      ...base,
      now: () => new Date(t0.getTime() + 5 * 60_000),
      sink: smtpSink(),
    });
    expect(soon.emailsSent).toBe(0);
    const later = await runAlertJob({
      ...base,
      now: () => new Date(t0.getTime() + 31 * 60_000),
      sink: smtpSink(),
    });
    expect(later.emailsSent).toBe(1);
    const again = await runAlertJob({
      ...base,
      now: () => new Date(t0.getTime() + 40 * 60_000),
      sink: smtpSink(),
    });
    expect(again.emailsSent).toBe(0);
    expect(catcher.messages().filter((m) => m.envelope.to.includes(email))).toHaveLength(1);
  });

  it('reports to council admins when neither lead nor plan owner can be emailed', async () => {
    const { doc, tableName } = await table();
    await provisionCouncil(doc, tableName, { id: 'harrow', name: 'Harrow' });
    await provisionMember(doc, tableName, {
      councilId: 'harrow',
      userSub: 'admin-sub',
      email: 'admin@harrow.test',
      name: 'Harrow admin',
      role: 'admin',
    });
    const h = system(doc, tableName, 'harrow');
    const { plan } = await h.plans.create({
      title: 'Ownerless plan',
      kind: 'peer-review',
      period: {},
      status: 'active',
      reviewCadence: 'quarterly',
      reportingPoints: [],
      sections: [],
      themes: [],
    });
    await h.actions.create(plan.id, {
      ref: '1',
      title: 'Nobody leads this',
      leads: [],
      status: 'not-started',
      crossRefs: [],
      due: date(-1),
    });
    const start = catcher.messages().length;
    await runAlertJob({
      ...wired(doc, tableName),
      today: TODAY,
      webBaseUrl: WEB,
      sink: smtpSink(),
      staleProgress: 'never',
    });
    const admin = inbox(start).get('admin@harrow.test');
    expect(admin?.[0]?.text).toContain(
      "No lead is named for this action, and this plan has no owner, so this comes to you as an administrator: name a lead for it, and set the plan's owner, so that the right person hears.",
    );
    // The reason the email gives is the admin's, not a lead's.
    expect(admin?.[0]?.text).toContain(
      'You get these emails because you administer the council and no one named on them can be emailed.',
    );
    expect(admin?.[0]?.text).not.toContain('you lead or own these actions');
  });
});

describe('read cost', () => {
  it('reads about as many index items as are due, however many milestones there are', async () => {
    const { doc, tableName } = await table();
    const seeded = await seedSynthetic(doc, tableName, {
      councils: 5,
      milestonesPerCouncil: 400,
      dueEvery: 150,
      today: TODAY,
    });
    expect(seeded.milestones).toBe(2000);
    const counting = countingDocClient(doc);
    const r = await runAlertJob({
      // Counting reads, not checking IAM: the job's reads go through one counting client here.
      ...wired(doc, tableName, counting.doc, async () => counting.doc),
      today: TODAY,
      webBaseUrl: WEB,
      dryRun: true,
      staleProgress: 'never',
    });
    expect(seeded.due).toBeGreaterThan(5);
    expect(r.itemsAlerted).toBe(seeded.due);
    expect(counting.counts.dueIndexItems).toBe(seeded.due);
    expect(counting.counts.dueIndexItems / r.itemsAlerted).toBeLessThanOrEqual(1.5);
    // Settings, plans, actions and people by key: bounded by what is due, not by the 2,000 milestones.
    expect(counting.counts.otherItems).toBeLessThan(4 * seeded.due + 10);
  });
});

describe('containment: nothing one council stores stops another council’s alerts', () => {
  it('sends every other email when items and a council are unreadable, and says the run was partial', async () => {
    const { doc, tableName } = await table();
    for (const id of ['harrow', 'kent', 'oxon']) await provisionCouncil(doc, tableName, { id, name: id });
    const made: Record<string, { planId: string; actionId: string; email: string }> = {};
    for (const id of ['harrow', 'kent', 'oxon']) {
      const data = system(doc, tableName, id);
      const p = await data.people.create({ name: `Lead ${id}`, email: `lead@${id}.test` });
      const { plan } = await data.plans.create({
        title: `${id} plan`,
        kind: 'business-plan',
        period: {},
        status: 'active',
        reviewCadence: 'quarterly',
        reportingPoints: [],
        sections: [],
        themes: [],
      });
      const a = await data.actions.create(plan.id, {
        ref: '1',
        title: `${id} action due today`,
        leads: [{ role: 'responsible', label: p.name, personId: p.id }],
        status: 'not-started',
        crossRefs: [],
        due: date(0),
      });
      made[id] = { planId: plan.id, actionId: a.id, email: p.email! };
    }
    // Poison written straight into the table, as an older release could have stored it: an impossible
    // date on an indexed milestone (Harrow), and settings no rule can read (Oxon).
    const h = made.harrow!;
    await doc.send(
      new PutCommand({
        TableName: tableName,
        Item: {
          PK: 'C#harrow',
          SK: `PLAN#${h.planId}#ACTION#${h.actionId}#MS#01J00000000000000000000000`,
          type: 'milestone',
          id: '01J00000000000000000000000',
          planId: h.planId,
          actionId: h.actionId,
          ref: 'X',
          title: 'Impossible date',
          status: 'not-started',
          due: { text: 'x', kind: 'date', due: '2026-02-30' },
          baselineDue: { text: 'x', kind: 'date', due: '2026-02-30' },
          linkedActionIds: [],
          version: 1,
          createdAt: '2026-01-01T00:00:00Z',
          updatedAt: '2026-01-01T00:00:00Z',
          DUEPK: 'DUE#0',
          DUESK: '2026-02-30#C#harrow#01J00000000000000000000000',
        },
      }),
    );
    await doc.send(
      new UpdateCommand({
        TableName: tableName,
        Key: { PK: 'C#oxon', SK: 'COUNCIL' },
        UpdateExpression: 'SET alertSettings = :bad',
        ExpressionAttributeValues: { ':bad': { dueSoonDays: 'soon', enabled: true } },
      }),
    );
    const start = catcher.messages().length;
    const r = await runAlertJob({
      ...wired(doc, tableName),
      today: TODAY,
      webBaseUrl: WEB,
      sink: smtpSink(),
      staleProgress: 'never',
    });
    const got = inbox(start);
    // Harrow's good item and Kent's still go; Oxon's settings are unreadable, so Oxon is the problem.
    expect(got.get(made.harrow!.email)?.[0]?.text).toContain('harrow action due today');
    expect(got.get(made.kent!.email)?.[0]?.text).toContain('kent action due today');
    expect(got.has(made.oxon!.email)).toBe(false);
    expect(r.status).toBe('partial');
    expect(r.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          councilId: 'harrow',
          itemId: '01J00000000000000000000000',
          problem: expect.stringContaining('2026-02-30'),
        }),
        expect.objectContaining({
          councilId: 'oxon',
          itemId: '(council)',
          problem:
            'alert settings cannot be read: dueSoonDays: Invalid input: expected number, received string',
        }),
      ]),
    );
  });
});
