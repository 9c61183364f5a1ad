import { DeleteCommand, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { freshTable } from '../../../test/support/dynamo.js';
import { createDocClient } from './client.js';
import { ClosedPeriods } from './closed-periods.js';
import { CouncilData } from './council-data.js';
import { countingDocClient } from './counting-client.js';
import { councilPk, sk } from './keys.js';
import { provisionCouncil } from './provisioning.js';
import { tenantContext } from './tenant.js';

const TODAY = '2026-10-15';
const midYear = {
  key: 'mid-year-2026-27',
  label: 'Mid-year 2026-27',
  kind: 'mid-year' as const,
  start: '2026-04-01',
  end: '2026-09-30',
  asOf: '2026-09-30',
};
const yearEnd = {
  key: 'year-end-2026-27',
  label: 'Year-end 2026-27',
  kind: 'year-end' as const,
  start: '2026-04-01',
  end: '2027-03-31',
  asOf: '2027-03-31',
};
const entries = { '01J00000000000000000000000': { status: 'on-track' as const, rag: 'green' as const } };

describe('closed periods: the set every progress update checks (DynamoDB Local)', () => {
  const raw = createDocClient({ endpoint: inject('dynamoEndpoint') });
  const counting = countingDocClient(raw);
  let tableName: string;
  let drop: () => Promise<void>;
  let harrow: CouncilData;

  beforeAll(async () => {
    const t = await freshTable();
    tableName = t.tableName;
    drop = t.drop;
    await provisionCouncil(raw, tableName, { id: 'harrow', name: 'Harrow' });
    harrow = new CouncilData(
      counting.doc,
      tableName,
      tenantContext('harrow', 'editor', { sub: 'u1', name: 'Ed' }),
    );
  });
  afterAll(() => drop());

  const newAction = async (reportingPoints: { label: string; date: string }[] = []) => {
    const { plan } = await harrow.plans.create({
      title: 'Workforce plan',
      kind: 'business-plan',
      period: { start: '2026-04-01', end: reportingPoints.at(-1)?.date ?? '2027-03-31' },
      status: 'active',
      reviewCadence: 'quarterly',
      reportingPoints,
      sections: [],
      themes: [],
    });
    const action = await harrow.actions.create(plan.id, {
      ref: '1',
      title: 'Recruit apprentices',
      leads: [],
      status: 'not-started',
      due: { text: '31 March 2027', kind: 'date', due: '2027-03-31', precision: 'day' },
      crossRefs: [],
    });
    return { planId: plan.id, actionId: action.id };
  };
  const report = (actionId: string, period: string) =>
    harrow.updates.append(actionId, { narrative: 'Progress', status: 'on-track', period }, TODAY);
  const closedSet = async (planId: string) => {
    const r = await raw.send(
      new GetCommand({
        TableName: tableName,
        Key: { PK: councilPk('harrow'), SK: sk.closedPeriods(planId) },
      }),
    );
    return (
      r.Item &&
      Object.keys(r.Item)
        .filter((k) => k.startsWith('closed:'))
        .map((k) => k.slice('closed:'.length))
        .sort()
    );
  };
  const dropItem = (planId: string) =>
    raw.send(
      new DeleteCommand({
        TableName: tableName,
        Key: { PK: councilPk('harrow'), SK: sk.closedPeriods(planId) },
      }),
    );

  it('is written with the close: an update under that period is refused, one under an open period reads no snapshot', async () => {
    const { planId, actionId } = await newAction();
    await harrow.snapshots.close(planId, midYear, entries);
    expect(await closedSet(planId)).toEqual(['2026 27 mid year']);

    await expect(report(actionId, 'Mid-year 2026-27')).rejects.toThrow(
      /Mid-year 2026-27 is closed and its report is frozen/,
    );
    counting.reset();
    await report(actionId, 'Year-end 2026-27');
    // The check is one small get: no query of the plan's snapshot headers (which can hold its entries).
    expect(counting.counts.queries).toBe(0);
  });

  it('is built from the snapshot headers for a plan closed before the set existed', async () => {
    const { planId, actionId } = await newAction();
    await harrow.snapshots.close(planId, midYear, entries);
    await dropItem(planId);
    await expect(report(actionId, 'mid-year 2026-27')).rejects.toThrow(/Mid-year 2026-27 is closed/);
    expect(await closedSet(planId)).toEqual(['2026 27 mid year']);

    // A second close of such a plan carries the first one's name too (and a plan with none gets an empty set).
    await dropItem(planId);
    await harrow.snapshots.close(planId, yearEnd, entries);
    expect(await closedSet(planId)).toEqual(['2026 27 end year', '2026 27 mid year']);
    const fresh = await newAction();
    await report(fresh.actionId, 'Year-end 2026-27');
    expect(await closedSet(fresh.planId)).toEqual([]);
  });

  it('refuses an update whose period closed between its check and its write, saying so', async () => {
    const { planId, actionId } = await newAction();
    // The period closes just after the update has checked it, before its transaction.
    const periods = (harrow.updates as unknown as { closedPeriods: ClosedPeriods }).closedPeriods;
    const check = periods.assertOpen.bind(periods);
    let closedMeanwhile = false;
    periods.assertOpen = async (plan, period) => {
      const condition = await check(plan, period);
      if (!closedMeanwhile) {
        closedMeanwhile = true;
        await harrow.snapshots.close(planId, yearEnd, entries);
      }
      return condition;
    };
    try {
      await expect(report(actionId, 'Year-end 2026-27')).rejects.toThrow(/Year-end 2026-27 is closed/);
    } finally {
      periods.assertOpen = check;
    }
    expect(closedMeanwhile).toBe(true);
    const page = await harrow.updates.list(actionId);
    expect(page.items).toEqual([]);
  });

  it('loses the period on reopening, and takes updates under it again', async () => {
    const { planId, actionId } = await newAction();
    await harrow.snapshots.close(planId, midYear, entries);
    await harrow.snapshots.close(planId, yearEnd, entries);
    await harrow.snapshots.reopen(planId, midYear.key, 'Filed against the wrong period');
    expect(await closedSet(planId)).toEqual(['2026 27 end year']);
    const { update } = await report(actionId, 'Mid-year 2026-27');
    expect(update.period).toBe('Mid-year 2026-27');
    await expect(report(actionId, 'Year-end 2026-27')).rejects.toThrow(/Year-end 2026-27 is closed/);
  });

  it('lets an update through when the item names a period no snapshot header closes, unless it changes', async () => {
    const { planId, actionId } = await newAction();
    // A reopen racing the item's first build can leave a name behind: the headers have the last word.
    await harrow.store.update(
      sk.closedPeriods(planId),
      'SET #type = :type, #words = :words, #name = :yes ADD #v :one',
      { '#type': 'type', '#words': 'words', '#name': 'closed:2026 27 mid year', '#v': 'v' },
      { ':type': 'closed-periods', ':words': 2, ':yes': true, ':one': 1 },
    );
    const { update } = await report(actionId, 'Mid-year 2026-27');
    expect(update.period).toBe('Mid-year 2026-27');
    // The check then rests on nothing changing the item before the write: closing any period does.
    const check = await new ClosedPeriods(harrow.store).assertOpen(planId, 'Mid-year 2026-27');
    await harrow.snapshots.close(planId, yearEnd, entries);
    await expect(
      harrow.store.transact(
        [...check, harrow.store.conditionExists(sk.action(planId, actionId))],
        [],
        'update',
      ),
    ).rejects.toMatchObject({ code: 'conflict' });
  });

  it('is rebuilt by its next reader when its names were written the old way, brackets dropped', async () => {
    const { planId, actionId } = await newAction([
      { label: 'Q1 (2026-27)', date: '2026-06-30' },
      { label: 'Q1 (2027-28)', date: '2027-06-30' },
    ]);
    const q1 = { ...midYear, key: 'q1-2026-27', label: 'Q1 2026-27', end: '2026-06-30', asOf: '2026-06-30' };
    await harrow.snapshots.close(planId, { ...q1, points: ['Q1 (2026-27)'] }, entries);
    expect(await closedSet(planId)).toEqual(['2026 27 q1']);
    // As written before brackets counted: the point "Q1 (2026-27)" as plain "q1", and no `words`.
    await harrow.store.update(
      sk.closedPeriods(planId),
      'SET #old = :yes REMOVE #words',
      { '#old': 'closed:q1', '#words': 'words' },
      { ':yes': true },
    );
    // Next year's first quarter, named alike but for its brackets, is open; this year's is closed.
    const { update } = await report(actionId, 'Q1 (2027-28)');
    expect(update.period).toBe('Q1 (2027-28)');
    expect(await closedSet(planId)).toEqual(['2026 27 q1']);
    await expect(report(actionId, 'Q1 (2026-27)')).rejects.toThrow(/Q1 2026-27 is closed/);
  });

  it('is made to match the snapshot headers again after a restore, names missing and left over alike', async () => {
    const { planId, actionId } = await newAction();
    await harrow.snapshots.close(planId, midYear, entries);
    const periods = new ClosedPeriods(harrow.store);
    expect(await periods.rebuild(planId)).toBe(false);
    // An older copy of the item put back: it names a period since reopened, and not one closed since.
    await harrow.store.update(
      sk.closedPeriods(planId),
      'SET #name = :yes REMOVE #mid',
      { '#name': 'closed:2026 27 end year', '#mid': 'closed:2026 27 mid year' },
      { ':yes': true },
    );
    expect(await periods.rebuild(planId, { dryRun: true })).toBe(true);
    expect(await closedSet(planId)).toEqual(['2026 27 end year']);
    expect(await periods.rebuild(planId)).toBe(true);
    expect(await closedSet(planId)).toEqual(['2026 27 mid year']);
    await expect(report(actionId, 'Mid-year 2026-27')).rejects.toThrow(/Mid-year 2026-27 is closed/);
    // Written back from a council's export (plain JSON), the item still works.
    const exported = JSON.parse(
      JSON.stringify(
        (
          await raw.send(
            new GetCommand({
              TableName: tableName,
              Key: { PK: councilPk('harrow'), SK: sk.closedPeriods(planId) },
            }),
          )
        ).Item,
      ),
    );
    await raw.send(new PutCommand({ TableName: tableName, Item: exported }));
    await harrow.snapshots.reopen(planId, midYear.key, 'Reported against the wrong period');
    expect(await closedSet(planId)).toEqual([]);
  });
});
