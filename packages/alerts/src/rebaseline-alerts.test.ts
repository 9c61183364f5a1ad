/**
 * What a council officer's trial found in the alert emails, end to end against DynamoDB Local through
 * the job's own wiring (IAM-checked sessions): who a re-baseline alert goes to and why, what it says of
 * the move, a slipped milestone's reminders, and escalation worded for its reader only.
 */
import {
  CouncilData,
  createDocClient,
  provisionCouncil,
  provisionMember,
  tenantContext,
} from '@peopleplan/db';
import { localIamClients } from '@peopleplan/iam-local';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { freshTable } from '../../../test/support/dynamo.js';
import { runAlertJob } from './job.js';
import type { RenderedEmail } from './render.js';
import { alertJobSources } from './run.js';

const day = (due: string) => ({ text: due, kind: 'date' as const, due, precision: 'day' as const });

let drop: () => Promise<void>;
let harrow: CouncilData;
let milestoneId: string;
let run: (today: string, outboxOnly?: boolean) => Promise<Map<string, RenderedEmail>>;

beforeAll(async () => {
  const doc = createDocClient({ endpoint: inject('dynamoEndpoint') });
  const t = await freshTable();
  drop = t.drop;
  const iam = await localIamClients({ endpoint: inject('dynamoEndpoint'), role: 'alerts' });
  await provisionCouncil(doc, t.tableName, { id: 'harrow', name: 'Harrow' });
  await provisionMember(doc, t.tableName, {
    councilId: 'harrow',
    userSub: 'admin-sub',
    email: 'admin@harrow.test',
    name: 'Harrow admin',
    role: 'admin',
  });
  // Whoever moves the deadline is named in the alert.
  harrow = new CouncilData(
    doc,
    t.tableName,
    tenantContext('harrow', 'admin', { sub: 'rita', name: 'Rita Reeve' }),
  );
  const alice = await harrow.people.create({ name: 'Alice Lead', email: 'alice@harrow.test' });
  const sam = await harrow.people.create({ name: 'Sam Strategic', email: 'sam@harrow.test' });
  const { plan } = await harrow.plans.create({
    title: 'Ownerless plan',
    kind: 'people-strategy',
    period: {},
    status: 'active',
    reviewCadence: 'quarterly',
    reportingPoints: [],
    sections: [],
    themes: [],
  });
  const action = await harrow.actions.create(plan.id, {
    ref: '1',
    title: 'Grow apprenticeships',
    leads: [
      { role: 'operational', label: 'Alice', personId: alice.id },
      { role: 'strategic', label: 'Sam', personId: sam.id },
    ],
    status: 'on-track',
    crossRefs: [],
  });
  const m = await harrow.milestones.create(action.id, {
    ref: 'M1',
    title: 'First cohort starts',
    due: day('2026-11-30'),
    linkedActionIds: [],
    status: 'not-started',
  });
  milestoneId = m.id;
  run = async (today, outboxOnly = false) => {
    const sent = new Map<string, RenderedEmail>();
    const r = await runAlertJob({
      ...alertJobSources({ tableName: t.tableName, own: iam.own, docFor: iam.docFor }),
      today,
      webBaseUrl: 'https://peopleplan.example',
      sink: {
        deliver: async (e) => {
          sent.set(e.to, e);
          return { messageId: e.to };
        },
      },
      staleProgress: 'never',
      outboxOnly,
    });
    expect(r.problems).toEqual([]);
    return sent;
  };
});
afterAll(async () => {
  await drop?.();
});

const move = async (due: string, rebaselineReason?: string) => {
  const m = await harrow.milestones.get(milestoneId);
  await harrow.milestones.update(m.id, {
    version: m.version,
    due: day(due),
    ...(rebaselineReason ? { rebaselineReason } : {}),
  });
};

describe('alert emails, as a council officer reads them', () => {
  it('tells an admin plainly why a re-baseline of an ownerless plan comes to them, with the move in full', async () => {
    await move('2026-12-31', 'Supplier delayed the contract');
    const sent = await run('2026-11-20', true);
    const admin = sent.get('admin@harrow.test')!;
    expect(admin.subject).toBe('PeoplePlan alerts for Harrow: 1 deadline moved past its baseline');
    for (const part of [admin.text, admin.html.replaceAll('&#39;', "'")]) {
      expect(part).toContain(
        "This plan has no owner, so this comes to you as an administrator: set the plan's owner so that the right person hears.",
      );
      expect(part).not.toContain('No one will be told');
      expect(part).toContain('Baseline: 30 November 2026');
      expect(part).toContain('New deadline: 31 December 2026');
      expect(part).toContain('Reason given: Supplier delayed the contract');
      // The day it was saved, in London: today, unless the test ran across midnight.
      expect(part).toMatch(/Moved by: Rita Reeve on \d{1,2} [A-Z][a-z]+ 20\d\d/);
    }
    expect(admin.text).not.toContain('Moved from:'); // it moved from its baseline, said once
  });

  it('reminds of an overdue milestone with where its deadline moved from', async () => {
    const alice = (await run('2027-01-05')).get('alice@harrow.test')!;
    expect(alice.subject).toBe('PeoplePlan alerts for Harrow: 1 overdue');
    expect(alice.text).toContain(
      'Due: "2026-12-31" (read as 31 December 2026; moved from 30 November 2026) – 5 days late',
    );
  });

  it('words escalation for the person it is escalated to, not for the lead', async () => {
    const sent = await run('2027-01-30');
    const alice = sent.get('alice@harrow.test')!;
    expect(alice.subject).toBe('PeoplePlan alerts for Harrow: 1 overdue');
    expect(alice.text).toContain('* Overdue: Milestone M1 of action 1 – First cohort starts');
    expect(`${alice.text}${alice.html}`).not.toMatch(/escalat/i);
    const sam = sent.get('sam@harrow.test')!;
    expect(sam.subject).toBe('PeoplePlan alerts for Harrow: 1 overdue – escalated');
    expect(sam.text).toContain('* Overdue – escalated: Milestone M1');
    expect(sam.text).toContain('You get these emails because these overdue items are escalated to you.');
  });

  it('gives the date before a second move, and says when no reason was given', async () => {
    await move('2027-02-28');
    const admin = (await run('2027-01-31', true)).get('admin@harrow.test')!;
    expect(admin.text).toContain(
      [
        '  Baseline: 30 November 2026',
        '  Moved from: 31 December 2026',
        '  New deadline: 28 February 2027',
        '  Reason given: none',
      ].join('\n'),
    );
  });
});
