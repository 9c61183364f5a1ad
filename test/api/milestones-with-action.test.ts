/**
 * An action's open milestones close with it and reopen with it (docs/architecture.md, "Milestones close
 * with their action"): a finished action shows no overdue milestone and sends no slip alert.
 */
import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { councilPk, sk } from '@peopleplan/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from '../support/api.js';
import { holdTransactions, puts } from '../support/held-transactions.js';

const H = '/api/v1/councils/harrow';
const EDITOR = 'editor@harrow.test';
const TODAY = '2026-11-16';
const due = (d: string) => ({ text: d, kind: 'date', due: d, precision: 'day' });

describe('milestones close with their action', () => {
  let api: TestApi;
  let plan: { id: string; themes: Array<{ id: string }> };
  const call = (method: string, path: string, body?: unknown) =>
    api.call(method, path, { as: EDITOR, ...(body === undefined ? {} : { body }) });
  const ok = (method: string, path: string, body?: unknown) => api.ok(method, path, body, EDITOR);

  beforeAll(async () => {
    api = await createTestApi({ today: () => TODAY });
    plan = await ok('POST', `${H}/plans`, {
      title: 'Workforce plan 2026-27',
      kind: 'business-plan',
      // A stated period: when the plan began never depends on the day the test runs.
      period: { start: '2026-04-01', end: '2027-03-31' },
      status: 'active',
      themes: [{ title: 'Wellbeing' }],
    });
  });
  afterAll(() => api.drop());

  /** An action with an overdue open milestone and one its owner marked done in the spring. */
  const actionWithMilestones = async (title: string) => {
    const action = await ok('POST', `${H}/plans/${plan.id}/actions`, {
      themeId: plan.themes[0]!.id,
      title,
      status: 'on-track',
    });
    const late = await ok('POST', `${H}/actions/${action.id}/milestones`, {
      title: 'Survey staff',
      due: due('2026-10-01'),
      status: 'at-risk',
    });
    const made = await ok('POST', `${H}/actions/${action.id}/milestones`, {
      title: 'Agree the policy',
      due: due('2026-05-01'),
    });
    const done = await ok('POST', `${H}/milestones/${made.id}/completion`, {
      version: made.version,
      completed: true,
      completedOn: '2026-04-20',
    });
    return { action, late, done };
  };
  const milestones = async (actionId: string) =>
    (await ok('GET', `${H}/actions/${actionId}/milestones`)).items as Array<Record<string, any>>;
  const stored = async (m: { id: string; planId: string; actionId: string }) =>
    (
      await api.doc.send(
        new GetCommand({
          TableName: api.tableName,
          Key: { PK: councilPk('harrow'), SK: sk.milestone(m.planId, m.actionId, m.id) },
        }),
      )
    ).Item;
  const overdueIds = async () =>
    ((await ok('GET', `${H}/dashboard`)).overdue as Array<{ id: string }>).map((i) => i.id);

  it('completes the open milestones of an action completed by edit, and reopens them with it', async () => {
    const { action, late, done } = await actionWithMilestones('Edited to completed');
    expect(await overdueIds()).toContain(late.id);
    expect((await stored(late))?.DUEPK).toBeDefined();

    const completed = await ok('PATCH', `${H}/actions/${action.id}`, {
      version: action.version,
      status: 'completed',
    });
    const closed = await milestones(action.id);
    expect(closed.find((m) => m.id === late.id)).toMatchObject({
      status: 'completed',
      completedOn: TODAY,
      closedWithAction: { status: 'at-risk' },
    });
    // Marked done by hand: its own day kept, no marker.
    const own = closed.find((m) => m.id === done.id)!;
    expect(own).toMatchObject({ status: 'completed', completedOn: '2026-04-20' });
    expect(own.closedWithAction).toBeUndefined();
    expect((await stored(late))?.DUEPK).toBeUndefined();
    expect(await overdueIds()).not.toContain(late.id);

    await ok('PATCH', `${H}/actions/${action.id}`, { version: completed.version, status: 'on-track' });
    const reopened = await milestones(action.id);
    const back = reopened.find((m) => m.id === late.id)!;
    expect(back).toMatchObject({ status: 'at-risk' });
    expect(back.completedOn).toBeUndefined();
    expect(back.closedWithAction).toBeUndefined();
    expect(reopened.find((m) => m.id === done.id)).toMatchObject({
      status: 'completed',
      completedOn: '2026-04-20',
    });
    expect((await stored(late))?.DUEPK).toBeDefined();
    expect(await overdueIds()).toContain(late.id);
  });

  it('closes them with a progress update that closes the action, and follows a later closed status', async () => {
    const { action, late } = await actionWithMilestones('Reported as completed');
    await ok('POST', `${H}/actions/${action.id}/updates`, { narrative: 'All done.', status: 'completed' });
    expect((await milestones(action.id)).find((m) => m.id === late.id)).toMatchObject({
      status: 'completed',
      completedOn: TODAY,
      closedWithAction: { status: 'at-risk' },
    });
    expect((await stored(late))?.DUEPK).toBeUndefined();
    expect(await overdueIds()).not.toContain(late.id);

    await ok('POST', `${H}/actions/${action.id}/updates`, {
      narrative: 'Dropped after all.',
      status: 'cancelled',
    });
    const cancelled = (await milestones(action.id)).find((m) => m.id === late.id)!;
    expect(cancelled).toMatchObject({ status: 'cancelled', closedWithAction: { status: 'at-risk' } });
    expect(cancelled.completedOn).toBeUndefined();

    await ok('POST', `${H}/actions/${action.id}/updates`, { narrative: 'Back on.', status: 'on-track' });
    expect((await milestones(action.id)).find((m) => m.id === late.id)).toMatchObject({ status: 'at-risk' });
  });

  it('reopens, with the action, one edited while closed as edited, but not one closed otherwise by hand', async () => {
    const { action, late } = await actionWithMilestones('Edited while closed');
    const other = await ok('POST', `${H}/actions/${action.id}/milestones`, {
      title: 'Train the managers',
      due: due('2026-12-01'),
      status: 'on-track',
    });
    const completed = await ok('PATCH', `${H}/actions/${action.id}`, {
      version: action.version,
      status: 'completed',
    });
    const closed = await milestones(action.id);
    const lateClosed = closed.find((x) => x.id === late.id)!;
    const otherClosed = closed.find((x) => x.id === other.id)!;
    // Renamed and moved while the action is closed: still the action's to reopen.
    await ok('PATCH', `${H}/milestones/${late.id}`, {
      version: lateClosed.version,
      title: 'Survey all staff',
      due: due('2027-01-15'),
      rebaselineReason: 'Survey window moved',
    });
    // Cancelled by hand while the action is closed: its own now, left as it is.
    await ok('PATCH', `${H}/milestones/${other.id}`, {
      version: otherClosed.version,
      status: 'cancelled',
      completedOn: null,
    });

    await ok('PATCH', `${H}/actions/${action.id}`, { version: completed.version, status: 'on-track' });
    const reopened = await milestones(action.id);
    expect(reopened.find((m) => m.id === late.id)).toMatchObject({
      status: 'at-risk',
      title: 'Survey all staff',
      due: { due: '2027-01-15' },
    });
    const kept = reopened.find((m) => m.id === other.id)!;
    expect(kept.status).toBe('cancelled');
    expect(kept.closedWithAction).toBeUndefined();
  });

  it('refuses an open milestone under a completed action, or one marked not done, but takes one done', async () => {
    const { action, done } = await actionWithMilestones('Completed, then added to');
    await ok('PATCH', `${H}/actions/${action.id}`, { version: action.version, status: 'completed' });
    const before = await milestones(action.id);

    const refused = await call('POST', `${H}/actions/${action.id}/milestones`, { title: 'One more thing' });
    expect(refused.status).toBe(422);
    expect(refused.body.error.message).toMatch(/This action is completed: reopen it first/);
    expect(refused.body.error.details).toEqual([
      { path: 'status', message: expect.stringMatching(/reopen it first/) },
    ]);
    expect(await milestones(action.id)).toHaveLength(before.length);

    const untick = await call('POST', `${H}/milestones/${done.id}/completion`, {
      version: done.version,
      completed: false,
    });
    expect(untick.status).toBe(422);
    expect(untick.body.error.details[0].path).toBe('completed');

    const added = await call('POST', `${H}/actions/${action.id}/milestones`, {
      title: 'Done already',
      status: 'completed',
    });
    expect(added.status).toBe(201);
  });

  it('leaves no open milestone under an action completed while milestones are being added', async () => {
    const ROUNDS = 8;
    const answers = await Promise.all(
      Array.from({ length: ROUNDS }, async (_, i) => {
        const action = await ok('POST', `${H}/plans/${plan.id}/actions`, {
          themeId: plan.themes[0]!.id,
          title: `Raced ${i}`,
          status: 'on-track',
        });
        await ok('POST', `${H}/actions/${action.id}/milestones`, { title: 'First', due: due('2026-10-01') });
        // Milestones added before, during and after the close reads them.
        const adding = (n: number) =>
          call('POST', `${H}/actions/${action.id}/milestones`, {
            title: `Added ${n}`,
            due: due('2026-10-02'),
          });
        const [closed, ...added] = await Promise.all([
          i % 2
            ? call('PATCH', `${H}/actions/${action.id}`, { version: action.version, status: 'completed' })
            : call('POST', `${H}/actions/${action.id}/updates`, { narrative: 'Done.', status: 'completed' }),
          adding(1),
          adding(2),
          adding(3),
        ]);
        return {
          action,
          closed: closed.status,
          added: added.map((a) => a.status),
          why: [closed.body, ...added.map((a) => a.body)],
        };
      }),
    );
    for (const a of answers) {
      for (const added of a.added) expect([201, 422], JSON.stringify(a.why)).toContain(added);
      expect([200, 201], JSON.stringify(a.why)).toContain(a.closed);
      const now = await ok('GET', `${H}/actions/${a.action.id}`);
      expect(now.status).toBe('completed');
      const open = (await milestones(a.action.id)).filter((m) => m.status !== 'completed');
      expect(open, JSON.stringify(a)).toEqual([]);
    }
  });
  it('never leaves a milestone marked not done under an action completed at the same moment', async () => {
    const outcomes = await Promise.all(
      Array.from({ length: 8 }, async (_, i) => {
        const action = await ok('POST', `${H}/plans/${plan.id}/actions`, {
          themeId: plan.themes[0]!.id,
          title: `Unticked while closing ${i}`,
          status: 'on-track',
        });
        const m = await ok('POST', `${H}/actions/${action.id}/milestones`, {
          title: 'Step',
          status: 'completed',
        });
        const [untick, closed] = await Promise.all([
          call('POST', `${H}/milestones/${m.id}/completion`, { version: m.version, completed: false }),
          i % 2
            ? call('PATCH', `${H}/actions/${action.id}`, { version: action.version, status: 'completed' })
            : call('POST', `${H}/actions/${action.id}/updates`, { narrative: 'Done.', status: 'completed' }),
        ]);
        const [after] = await milestones(action.id);
        return { untick: untick.status, closed: closed.status, after, why: [untick.body, closed.body] };
      }),
    );
    for (const o of outcomes) {
      expect([200, 201], JSON.stringify(o.why)).toContain(o.closed);
      expect([200, 422], JSON.stringify(o.why)).toContain(o.untick);
      expect(o.after!.status, JSON.stringify(o)).toBe('completed');
    }
  });

  it('closes the action even when its milestones are being edited meanwhile', async () => {
    const outcomes = await Promise.all(
      Array.from({ length: 8 }, async (_, i) => {
        const action = await ok('POST', `${H}/plans/${plan.id}/actions`, {
          themeId: plan.themes[0]!.id,
          title: `Edited while closing ${i}`,
          status: 'on-track',
        });
        const m = await ok('POST', `${H}/actions/${action.id}/milestones`, {
          title: 'Draft',
          due: due('2026-10-01'),
        });
        const [renamed, closed] = await Promise.all([
          call('PATCH', `${H}/milestones/${m.id}`, { version: m.version, title: 'Renamed' }),
          i % 2
            ? call('PATCH', `${H}/actions/${action.id}`, { version: action.version, status: 'completed' })
            : call('POST', `${H}/actions/${action.id}/updates`, { narrative: 'Done.', status: 'completed' }),
        ]);
        const [after] = await milestones(action.id);
        return { renamed: renamed.status, closed: closed.status, after, why: closed.body };
      }),
    );
    for (const o of outcomes) {
      // The close reads the milestone again after an edit landed first; the edit may lose (409).
      expect([200, 201], JSON.stringify(o.why)).toContain(o.closed);
      expect([200, 409]).toContain(o.renamed);
      expect(o.after).toMatchObject({ status: 'completed', closedWithAction: { status: 'not-started' } });
    }
  });

  it('reads the milestones again when one is edited after the close read them, keeping the edit', async () => {
    const interleave = holdTransactions(api);
    for (const how of ['edit', 'update'] as const) {
      const action = await ok('POST', `${H}/plans/${plan.id}/actions`, {
        themeId: plan.themes[0]!.id,
        title: `Closed by ${how} while its milestone is renamed`,
        status: 'on-track',
      });
      const m = await ok('POST', `${H}/actions/${action.id}/milestones`, {
        title: 'Draft',
        due: due('2026-10-01'),
      });
      // The close's transaction waits, its milestone write read at version 1, while the rename lands.
      const [closed, renamed] = await interleave(
        puts('milestone', (x) => x.id === m.id && x.status === 'completed'),
        () =>
          how === 'edit'
            ? call('PATCH', `${H}/actions/${action.id}`, { version: action.version, status: 'completed' })
            : call('POST', `${H}/actions/${action.id}/updates`, { narrative: 'Done.', status: 'completed' }),
        () => call('PATCH', `${H}/milestones/${m.id}`, { version: m.version, title: 'Renamed' }),
      );
      expect(renamed.status, JSON.stringify(renamed.body)).toBe(200);
      expect([200, 201], JSON.stringify(closed.body)).toContain(closed.status);
      const [after] = await milestones(action.id);
      expect(after).toMatchObject({
        title: 'Renamed',
        status: 'completed',
        closedWithAction: { status: 'not-started' },
      });
    }
  });
});

describe('milestones imported under a closed action', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await createTestApi({ today: () => TODAY });
  });
  afterAll(() => api.drop());

  it('are closed with it, so that reopening it reopens them', async () => {
    const text = [
      'Workforce Plan 2026-27',
      '',
      'Ref\tAction\tLead\tDeadline\tStatus\tMilestones',
      '1\tRecruit a careers adviser\tHead of HR\tMarch 2027\tOn track\tJan 2027 – advert placed',
      '2\tRun a staff choir\tReward Lead\tMarch 2027\tCancelled\tOct 2026 – choir formed',
    ].join('\n');
    const preview = await api.ok('POST', `${H}/imports`, { text, filename: 'plan.txt' }, EDITOR);
    const committed = await api.ok('POST', `${H}/imports/${preview.id}/commit`, {}, EDITOR);
    const contents = await api.ok('GET', `${H}/plans/${committed.planId}/contents`, undefined, EDITOR);
    const status = (title: string) => contents.milestones.find((m: { title: string }) => m.title === title);
    expect(status('advert placed')).toMatchObject({ status: 'not-started' });
    expect(status('choir formed')).toMatchObject({
      status: 'cancelled',
      closedWithAction: { status: 'not-started' },
    });
  });
});

describe('an action with more open milestones than one close can carry', () => {
  let api: TestApi;
  const ok = (method: string, path: string, body?: unknown) => api.ok(method, path, body, EDITOR);
  beforeAll(async () => {
    api = await createTestApi({ today: () => TODAY });
  });
  afterAll(() => api.drop());

  /** An open action in a plan of its own. */
  const openAction = async (title: string) => {
    const plan = await ok('POST', `${H}/plans`, {
      title,
      kind: 'business-plan',
      // A stated period: when the plan began never depends on the day the test runs.
      period: { start: '2026-04-01', end: '2027-03-31' },
      status: 'active',
    });
    const action = await ok('POST', `${H}/plans/${plan.id}/actions`, {
      title: 'Many steps',
      status: 'on-track',
    });
    return { plan, action };
  };

  /** Neither its edit nor a progress update closes it (422, saying why), and nothing is written. */
  const refusedToClose = async (action: { id: string; version: number }, milestones: number) => {
    const edited = await api.call('PATCH', `${H}/actions/${action.id}`, {
      as: EDITOR,
      body: { version: action.version, status: 'completed' },
    });
    expect(edited.status).toBe(422);
    expect(edited.body.error.message).toMatch(
      new RegExp(`${milestones} milestones .* more than can change in one go`),
    );
    const reported = await api.call('POST', `${H}/actions/${action.id}/updates`, {
      as: EDITOR,
      body: { narrative: 'All done.', status: 'completed' },
    });
    expect(reported.status).toBe(422);
    expect((await ok('GET', `${H}/actions/${action.id}`)).status).toBe('on-track');
    const left = (await ok('GET', `${H}/actions/${action.id}/milestones`)).items as Array<{ status: string }>;
    expect(left.every((m) => m.status === 'not-started')).toBe(true);
    expect((await ok('GET', `${H}/actions/${action.id}/updates`)).items).toEqual([]);
  };

  it('is not closed past the items one transaction holds', { timeout: 120_000 }, async () => {
    const { action } = await openAction('Big plan');
    for (let i = 0; i < 50; i++)
      await ok('POST', `${H}/actions/${action.id}/milestones`, {
        title: `Step ${i}`,
        due: due('2026-12-01'),
      });
    await refusedToClose(action, 50);
  });

  it('is not closed past what one transaction carries (4 MB)', { timeout: 120_000 }, async () => {
    const { plan, action } = await openAction('Long dates plan');
    // Each milestone moved later eight times, its due written as a long paragraph each time (as far as
    // a due's text takes): about 140 KB each, thirty of them over DynamoDB's 4 MB a transaction.
    const moved = Array.from({ length: 8 }, (_, i) => ({
      to: { text: '€'.repeat(5000), kind: 'date', due: `2026-12-0${i + 1}`, precision: 'day' },
      reason: 'The supplier slipped again. '.repeat(70),
      by: 'editor of harrow',
      at: '2026-11-01T09:00:00.000Z',
    }));
    for (let i = 0; i < 30; i++) {
      const m = await ok('POST', `${H}/actions/${action.id}/milestones`, { title: `Step ${i}` });
      await api.doc.send(
        new UpdateCommand({
          TableName: api.tableName,
          Key: { PK: councilPk('harrow'), SK: sk.milestone(plan.id, action.id, m.id) },
          UpdateExpression: 'SET rebaselines = :moved',
          ExpressionAttributeValues: { ':moved': moved },
        }),
      );
    }
    await refusedToClose(action, 30);
  });
});
