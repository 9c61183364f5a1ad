import { BatchWriteCommand, GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { type Action, encodeActionState, type Timescale } from '@peopleplan/core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { freshTable } from '../../../test/support/dynamo.js';
import { BOARD_SHARDS, type PlanBoard } from './boards.js';
import { createDocClient } from './client.js';
import { CouncilData } from './council-data.js';
import { newId } from './ids.js';
import { boardShard, councilPk, sk } from './keys.js';
import { provisionCouncil } from './provisioning.js';
import { tenantContext } from './tenant.js';

const date = (due: string): Timescale => ({ text: due, kind: 'date', due, precision: 'day' });
const byId = <T extends { id: string }>(xs: T[]) => [...xs].sort((a, b) => a.id.localeCompare(b.id));
const sorted = (b: PlanBoard) => ({ actions: byId(b.actions), milestones: byId(b.milestones) });

describe('plan boards on DynamoDB Local', () => {
  const doc = createDocClient({ endpoint: inject('dynamoEndpoint') });
  let tableName: string;
  let drop: () => Promise<void>;
  let harrow: CouncilData;

  beforeAll(async () => {
    const t = await freshTable();
    tableName = t.tableName;
    drop = t.drop;
    await provisionCouncil(doc, tableName, { id: 'harrow', name: 'Harrow' });
    harrow = new CouncilData(
      doc,
      tableName,
      tenantContext('harrow', 'editor', { sub: 'u1', name: 'Editor' }),
    );
  });
  afterAll(() => drop());

  const newPlan = async () =>
    (
      await harrow.plans.create({
        title: 'Workforce plan',
        kind: 'business-plan',
        period: {},
        status: 'active',
        reviewCadence: 'quarterly',
        reportingPoints: [],
        sections: [],
        themes: [{ ref: '1', title: 'Recruitment' }],
      })
    ).plan;

  /** The board must say exactly what the items say, after every kind of write. */
  /** Writes an action's board entry behind the repositories' back (drift, or a garbled entry). */
  const writeEntry = (planId: string, actionId: string, value: string) =>
    doc.send(
      new UpdateCommand({
        TableName: tableName,
        Key: { PK: councilPk('harrow'), SK: sk.board(planId, boardShard(actionId)) },
        UpdateExpression: 'SET #e = :v',
        ExpressionAttributeNames: { '#e': `a_${actionId}` },
        ExpressionAttributeValues: { ':v': value },
      }),
    );

  const expectInStep = async (planId: string) => {
    const board = await harrow.boards.read(planId);
    expect(board, 'board complete').toBeDefined();
    expect(sorted(board!)).toEqual(sorted(await harrow.boards.fromItems(planId)));
    return board!;
  };

  it('is complete from the plan’s creation and follows every write of its actions and milestones', async () => {
    const plan = await newPlan();
    expect(await expectInStep(plan.id)).toEqual({ actions: [], milestones: [] });

    const a = await harrow.actions.create(plan.id, {
      ref: '1',
      title: 'Recruit apprentices',
      leads: [],
      status: 'not-started',
      due: date('2027-03-31'),
      crossRefs: [],
    });
    const b = await harrow.actions.create(plan.id, {
      ref: '2',
      title: 'Ongoing wellbeing offer',
      leads: [],
      status: 'ongoing',
      due: { text: 'Ongoing', kind: 'ongoing' },
      crossRefs: [],
    });
    let board = await expectInStep(plan.id);
    expect(board.actions.find((x) => x.id === a.id)).toMatchObject({
      status: 'not-started',
      due: '2027-03-31',
    });
    expect(board.actions.find((x) => x.id === b.id)?.due).toBeUndefined();

    const m = await harrow.milestones.create(a.id, {
      ref: 'A',
      title: 'Adverts out',
      due: date('2027-01-31'),
      linkedActionIds: [],
      status: 'not-started',
    });
    const moved = await harrow.milestones.update(m.id, { version: m.version, due: date('2027-02-28') });
    board = await expectInStep(plan.id);
    expect(board.milestones).toEqual([
      { id: m.id, status: 'not-started', due: '2027-02-28', baseline: '2027-01-31', actionId: a.id },
    ]);

    const patched = await harrow.actions.update(a.id, {
      version: a.version,
      ragOverride: { rag: 'amber', reason: 'Budget not yet agreed' },
    });
    await harrow.updates.append(a.id, { narrative: 'Adverts drafted.', status: 'on-track' });
    board = await expectInStep(plan.id);
    expect(board.actions.find((x) => x.id === a.id)).toMatchObject({
      status: 'on-track',
      override: 'amber',
      lastUpdate: new Date().toISOString().slice(0, 10),
    });

    await harrow.milestones.update(m.id, { version: moved.version, status: 'completed' });
    await harrow.actions.update(a.id, { version: patched.version + 1, ragOverride: null, due: null });
    board = await expectInStep(plan.id);
    expect(board.milestones[0]?.status).toBe('completed');
    expect(board.actions.find((x) => x.id === a.id)).toMatchObject({ override: undefined, due: undefined });
  });

  it('keeps up with many people editing one plan at once (no edit lost, none refused)', async () => {
    const plan = await newPlan();
    const actions = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        harrow.actions.create(plan.id, {
          ref: String(i + 1),
          title: `Action ${i + 1}`,
          leads: [],
          status: 'not-started',
          crossRefs: [],
        }),
      ),
    );
    await Promise.all(
      actions.map((a) => harrow.updates.append(a.id, { narrative: 'Started.', status: 'at-risk' })),
    );
    const board = await expectInStep(plan.id);
    expect(board.actions).toHaveLength(12);
    expect(board.actions.every((a) => a.status === 'at-risk')).toBe(true);
  });

  it('leaves a stale version refused and the board as it was', async () => {
    const plan = await newPlan();
    const a = await harrow.actions.create(plan.id, {
      ref: '1',
      title: 'A',
      leads: [],
      status: 'on-track',
      crossRefs: [],
    });
    await harrow.actions.update(a.id, { version: a.version, status: 'at-risk' });
    await expect(
      harrow.actions.update(a.id, { version: a.version, status: 'completed' }),
    ).rejects.toMatchObject({
      code: 'conflict',
    });
    expect((await expectInStep(plan.id)).actions[0]?.status).toBe('at-risk');
  });

  it('completes a plan written before boards existed, without undoing a newer edit', async () => {
    // A plan as an older version wrote it: header and actions, no board.
    const planId = newId();
    const pk = councilPk('harrow');
    const stamp = {
      version: 1,
      createdAt: '2026-01-05T09:00:00.000Z',
      updatedAt: '2026-01-05T09:00:00.000Z',
    };
    const actions: Action[] = Array.from({ length: 200 }, (_, i) => ({
      id: newId(),
      planId,
      ref: String(i + 1),
      title: `Action ${i + 1}`,
      leads: [],
      status: i % 2 ? 'on-track' : 'off-track',
      due: date(`2027-0${(i % 9) + 1}-15`),
      crossRefs: [],
      unplaced: [],
      order: i,
      ...stamp,
    }));
    const items = [
      {
        PK: pk,
        SK: sk.plan(planId),
        type: 'plan',
        id: planId,
        title: 'Old plan',
        kind: 'business-plan',
        status: 'active',
        ...stamp,
      },
      ...actions.map((a) => ({ ...a, PK: pk, SK: sk.action(planId, a.id), type: 'action' })),
      ...actions.map((a) => ({
        PK: pk,
        SK: sk.locator(a.id),
        type: 'locator',
        target: sk.action(planId, a.id),
        planId,
      })),
    ];
    for (let i = 0; i < items.length; i += 25) {
      await doc.send(
        new BatchWriteCommand({
          RequestItems: { [tableName]: items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } })) },
        }),
      );
    }
    expect(await harrow.boards.read(planId)).toBeUndefined();
    const fromItems = await harrow.boards.states(planId);
    expect(fromItems.from).toBe('items');
    expect(fromItems.actions).toHaveLength(200);

    // An edit made now writes its own entry, which leaves the board incomplete (one shard, partial).
    const edited = actions[0]!;
    await harrow.actions.update(edited.id, { version: 1, status: 'completed' });
    expect(await harrow.boards.read(planId)).toBeUndefined();

    const viewer = new CouncilData(
      doc,
      tableName,
      tenantContext('harrow', 'viewer', { sub: 'v', name: 'V' }),
    );
    await expect(viewer.boards.repair(planId)).rejects.toMatchObject({ code: 'forbidden' });
    expect(await harrow.boards.repair(planId)).toEqual({ added: 199, corrected: 0, completed: BOARD_SHARDS });
    expect(await harrow.boards.repair(planId)).toEqual({ added: 0, corrected: 0, completed: 0 });
    const board = (await expectInStep(planId))!;
    expect(board.actions).toHaveLength(200);
    expect(board.actions.find((a) => a.id === edited.id)?.status).toBe('completed');
    for (let n = 0; n < BOARD_SHARDS; n++) {
      const r = await doc.send(
        new GetCommand({ TableName: tableName, Key: { PK: pk, SK: sk.board(planId, n) } }),
      );
      expect(r.Item?.complete, `shard ${n}`).toBe(true);
    }
  });

  it('corrects an entry that drifted, but never undoes an edit made while it works', async () => {
    const plan = await newPlan();
    const make = (ref: string) =>
      harrow.actions.create(plan.id, {
        ref,
        title: `Action ${ref}`,
        leads: [],
        status: 'on-track',
        crossRefs: [],
      });
    const [drifted, raced] = [await make('1'), await make('2')];
    // Both entries say something the items do not (as edits by a release without boards would leave them).
    const tamper = (id: string, status: 'deferred') =>
      writeEntry(plan.id, id, encodeActionState({ id, status, created: '2026-01-01' }));
    await tamper(drifted.id, 'deferred');
    await tamper(raced.id, 'deferred');
    expect((await harrow.boards.read(plan.id))!.actions.find((a) => a.id === drifted.id)?.status).toBe(
      'deferred',
    );

    // Someone edits `raced` just after the repair has read the items: its read is now out of date.
    let edit: Promise<unknown> | undefined;
    const racing = {
      send: async (command: { input: { ExpressionAttributeValues?: Record<string, unknown> } }) => {
        const out = await doc.send(command as never);
        if (!edit && command.input.ExpressionAttributeValues?.[':prefix'] === sk.planChildren(plan.id)) {
          edit = harrow.actions.update(raced.id, { version: raced.version, status: 'at-risk' });
          await edit;
        }
        return out;
      },
    } as unknown as typeof doc;
    const repairer = new CouncilData(
      racing,
      tableName,
      tenantContext('harrow', 'editor', { sub: 'r', name: 'R' }),
    );
    expect(await repairer.boards.repair(plan.id)).toEqual({ added: 0, corrected: 1, completed: 0 });
    expect(edit).toBeDefined();
    // The drifted entry is mended, and the edit's entry (at risk) survives the repair's stale on-track.
    const board = await expectInStep(plan.id);
    expect(board.actions.find((a) => a.id === drifted.id)?.status).toBe('on-track');
    expect(board.actions.find((a) => a.id === raced.id)?.status).toBe('at-risk');
  });

  it('counts from the items when a board entry cannot be read', async () => {
    const plan = await newPlan();
    const a = await harrow.actions.create(plan.id, {
      ref: '1',
      title: 'A',
      leads: [],
      status: 'on-track',
      crossRefs: [],
    });
    await writeEntry(plan.id, a.id, 'garbled');
    expect(await harrow.boards.read(plan.id)).toBeUndefined();
    expect((await harrow.boards.states(plan.id)).from).toBe('items');
    expect(await harrow.boards.repair(plan.id)).toMatchObject({ corrected: 1 });
    expect((await harrow.boards.states(plan.id)).from).toBe('board');
  });
});
