/**
 * Removing an action entered by mistake (a council officer's duplicate): through the API with real
 * tokens on DynamoDB Local. A fresh duplicate goes whole — action, locator, milestones, board, search,
 * due-index and outbox entries — in one transaction, and the audit trail keeps each item it held. An action
 * a committee may have seen (progress updates, a closed period's report, sub-actions, a milestone done)
 * is refused with why and to cancel it instead, as are a stale version, an archived plan, a role below
 * editor and another council: each refusal changes nothing.
 */
import { londonToday } from '@peopleplan/core';
import { CouncilData, tenantContext } from '@peopleplan/db';
import { removeAction } from '@peopleplan/db/action-removal';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from '../support/api.js';
import { diffPartition, isEmptyDiff, readPartition } from '../support/partitions.js';

const H = '/api/v1/councils/harrow';
const K = '/api/v1/councils/kent';
const EDITOR = 'editor@harrow.test';
const ADMIN = 'admin@harrow.test';
const date = (due: string) => ({ text: due, kind: 'date', due, precision: 'day' });
const inDays = (n: number) =>
  new Date(Date.parse(`${londonToday()}T12:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

interface Made {
  id: string;
  version: number;
}

describe('removing an action entered by mistake', () => {
  let api: TestApi;
  let planId: string;
  let themeId: string;

  const call = (method: string, path: string, as: string, body?: unknown) =>
    api.call(method, path, { as, ...(body === undefined ? {} : { body }) });
  const ok = async (method: string, path: string, as: string, body?: unknown) => {
    const r = await call(method, path, as, body);
    expect(r.status, `${method} ${path}: ${JSON.stringify(r.body)}`).toBeLessThan(300);
    return r.body;
  };
  const addAction = async (
    title: string,
    extra: Record<string, unknown> = {},
    plan = planId,
  ): Promise<Made> => ok('POST', `${H}/plans/${plan}/actions`, EDITOR, { themeId, title, ...extra });
  const current = async (actionId: string): Promise<Made> => ok('GET', `${H}/actions/${actionId}`, EDITOR);
  const partitions = async () =>
    Promise.all(['C#harrow', 'C#kent'].map((pk) => readPartition(api.doc, api.tableName, pk)));

  /** A refused removal: answered `status` (and `code`, words), and nothing written in either council. */
  const refused = async (
    path: string,
    as: string,
    status: number,
    expected: { code?: string; says?: RegExp } = {},
  ) => {
    const before = await partitions();
    const r = await call('DELETE', path, as);
    expect(r.status, JSON.stringify(r.body)).toBe(status);
    if (expected.code) expect(r.body.error.code).toBe(expected.code);
    if (expected.says) expect(r.body.error.message).toMatch(expected.says);
    const after = await partitions();
    for (const [i, p] of before.entries()) {
      const d = diffPartition(p, after[i]!);
      expect(isEmptyDiff(d), `a refused removal changed ${i ? 'kent' : 'harrow'}: ${JSON.stringify(d)}`).toBe(
        true,
      );
    }
    return r.body;
  };
  /** Refused as a committee may have seen it: the check says the same, and the removal changes nothing. */
  const seen = async (actionId: string, says: RegExp) => {
    const check = await ok('GET', `${H}/actions/${actionId}/removal`, EDITOR);
    expect(check).toMatchObject({ removable: false });
    expect(check.reason).toMatch(says);
    expect(check.reason).toMatch(/cancel it instead/);
    const { version } = await current(actionId);
    const body = await refused(`${H}/actions/${actionId}?version=${version}`, EDITOR, 409, {
      code: 'conflict',
      says,
    });
    expect(body.error.message).toMatch(/cancel it instead/);
    expect((await call('GET', `${H}/actions/${actionId}`, EDITOR)).status).toBe(200);
  };

  beforeAll(async () => {
    api = await createTestApi();
    const p = await ok('POST', `${H}/plans`, EDITOR, {
      title: 'Workforce plan 2026-27',
      kind: 'business-plan',
      status: 'active',
      period: { label: '2026-27', start: '2026-04-01', end: '2027-03-31' },
      themes: [{ ref: '2', title: 'Wellbeing' }],
    });
    planId = p.id;
    themeId = p.themes[0].id;
    for (const [ref, title] of [
      ['2.1', 'Refresh the wellbeing offer'],
      ['2.2', 'Train mental health first aiders'],
      ['2.3', 'Review sickness absence policy'],
      ['2.4', 'Run a menopause café'],
    ]) {
      await addAction(title!, { ref, status: 'on-track', due: date('2027-03-31') });
    }
  });
  afterAll(() => api?.drop());

  it('removes a fresh duplicate whole: nothing of it is left in the table, its plan and dashboard drop it, the audit keeps it', async () => {
    // The officer's slip: 2.4 entered a second time, with a milestone, due soon, moved once already.
    const dup = await addAction('Run a menopause café', {
      ref: '2.5',
      status: 'on-track',
      due: date(inDays(20)),
      leads: [{ role: 'responsible', label: 'Wellbeing Lead' }],
    });
    const ms = await ok('POST', `${H}/actions/${dup.id}/milestones`, EDITOR, {
      ref: '2.5.M1',
      title: 'Book the first café',
      due: date(inDays(10)),
    });
    // Moved later: a re-baseline alert waits in the due index's outbox.
    const moved = await ok('PATCH', `${H}/milestones/${ms.id}`, EDITOR, {
      version: ms.version,
      due: date(inDays(12)),
      rebaselineReason: 'Room not free',
    });
    const ids = [dup.id, ms.id];
    const mentions = (items: Map<string, string>) =>
      [...items].filter(([sk, item]) => ids.some((id) => sk.includes(id) || item.includes(id)));
    const [harrowBefore] = await partitions();
    // Its action, locator, milestone, locator, board entries, search entries, outbox alert, and audit.
    expect(
      mentions(harrowBefore!)
        .map(([sk]) => sk.replace(/#.*/, ''))
        .filter((k) => k !== 'AUDIT'),
    ).toEqual(expect.arrayContaining(['PLAN', 'LOC', 'BOARD', 'SEARCH', 'ALERT']));

    const plan = async () => (await ok('GET', `${H}/plans/${planId}/contents`, EDITOR)).actions.length;
    const dashboard = async () => {
      const d = await ok('GET', `${H}/dashboard`, EDITOR);
      return {
        total: d.plans.find((x: { planId: string }) => x.planId === planId).total,
        listed: ['overdue', 'slipping', 'stale', 'dueSoon'].flatMap((list) =>
          d[list].map((i: { id: string }) => i.id),
        ),
      };
    };
    expect(await plan()).toBe(5);
    const before = await dashboard();
    expect(before.total).toBe(5);
    expect(before.listed).toEqual(expect.arrayContaining(ids));

    expect(await ok('GET', `${H}/actions/${dup.id}/removal`, EDITOR)).toEqual({ removable: true });
    const removed = await call('DELETE', `${H}/actions/${dup.id}?version=${dup.version}`, EDITOR);
    expect(removed.status, JSON.stringify(removed.body)).toBe(204);

    // No item of the table's partition names it any more, except the audit trail's.
    const [harrowAfter] = await partitions();
    expect(mentions(harrowAfter!).filter(([sk]) => !sk.startsWith('AUDIT#'))).toEqual([]);
    expect((await call('GET', `${H}/actions/${dup.id}`, EDITOR)).status).toBe(404);
    expect((await call('GET', `${H}/milestones/${ms.id}`, EDITOR)).status).toBe(404);
    expect(await plan()).toBe(4);
    const after = await dashboard();
    expect(after.total).toBe(4);
    expect(after.listed.filter((id: string) => ids.includes(id))).toEqual([]);
    const found = await ok('GET', `${H}/search?q=${encodeURIComponent('menopause café')}`, EDITOR);
    expect(JSON.stringify(found)).not.toContain(dup.id);
    expect(JSON.stringify(found)).toContain('Run a menopause café');

    // The audit trail keeps each item whole, and the plan's history says what went.
    const audit = (await ok('GET', `${H}/audit?limit=50`, ADMIN)).items;
    const deleted = audit.filter((e: { operation: string }) => e.operation === 'delete');
    expect(deleted).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          entityType: 'action',
          entityId: dup.id,
          planId,
          actorName: expect.any(String),
          before: expect.objectContaining({
            id: dup.id,
            ref: '2.5',
            title: 'Run a menopause café',
            version: dup.version,
            leads: [expect.objectContaining({ label: 'Wellbeing Lead' })],
          }),
        }),
        expect.objectContaining({
          entityType: 'milestone',
          entityId: ms.id,
          before: expect.objectContaining({
            id: ms.id,
            title: 'Book the first café',
            version: moved.version,
            rebaselines: [expect.objectContaining({ reason: 'Room not free' })],
          }),
        }),
      ]),
    );
    const history = (await ok('GET', `${H}/plans/${planId}/history`, EDITOR)).items;
    expect(
      history
        .filter((e: { operation: string }) => e.operation === 'delete')
        .map((e: { entityType: string }) => e.entityType)
        .sort(),
    ).toEqual(['action', 'milestone']);
    // Its ref is free again.
    expect((await addAction('Run a menopause café in the libraries', { ref: '2.5' })).id).toBeTruthy();
  });

  it('takes other items’ links to it out in the same transaction, any plan’s but an archived one’s, so they can still be edited', async () => {
    const other = await ok('POST', `${H}/plans`, EDITOR, {
      title: 'Linking plan',
      kind: 'business-plan',
      status: 'active',
      themes: [{ title: 'Links' }],
    });
    const dup = await addAction('Train first aiders, entered twice');
    const keeps = await addAction('Refresh first aid kits');
    const same = await addAction('Refers to it', {
      crossRefs: [
        { text: 'see the training', actionId: dup.id },
        { text: 'and the kits', actionId: keeps.id },
      ],
    });
    const ms = await ok('POST', `${H}/actions/${same.id}/milestones`, EDITOR, {
      title: 'Both done',
      linkedActionIds: [dup.id, keeps.id],
    });
    const far = await ok('POST', `${H}/plans/${other.id}/actions`, EDITOR, {
      title: 'In another plan',
      crossRefs: [{ text: 'see training', actionId: dup.id }],
    });
    const archivedPlan = await ok('POST', `${H}/plans`, EDITOR, {
      title: 'Archived linking plan',
      kind: 'business-plan',
      status: 'active',
      themes: [{ title: 'Old' }],
    });
    const record = await ok('POST', `${H}/plans/${archivedPlan.id}/actions`, EDITOR, {
      title: 'Archived, linking',
      crossRefs: [{ text: 'see training', actionId: dup.id }],
    });
    await ok('DELETE', `${H}/plans/${archivedPlan.id}?version=${archivedPlan.version}`, ADMIN);

    // The check an editor's every view of the action makes reads no other plan; the removal does.
    expect(await ok('GET', `${H}/actions/${dup.id}/removal`, EDITOR)).toEqual({ removable: true });
    expect((await call('DELETE', `${H}/actions/${dup.id}?version=${dup.version}`, EDITOR)).status).toBe(204);

    // The words stay, the link to it goes; other links stay; each item moved on a version.
    const s = await current(same.id);
    expect(s).toMatchObject({
      version: same.version + 1,
      crossRefs: [{ text: 'see the training' }, { text: 'and the kits', actionId: keeps.id }],
    });
    expect((s as unknown as { crossRefs: object[] }).crossRefs[0]).not.toHaveProperty('actionId');
    const m = await ok('GET', `${H}/milestones/${ms.id}`, EDITOR);
    expect(m).toMatchObject({ version: ms.version + 1, linkedActionIds: [keeps.id] });
    const f = await ok('GET', `${H}/actions/${far.id}`, EDITOR);
    expect(f.crossRefs).toEqual([{ text: 'see training' }]);
    // An archived plan is the council's record, read-only: its link stays as it was.
    const r = await ok('GET', `${H}/actions/${record.id}`, EDITOR);
    expect(r).toMatchObject({
      version: record.version,
      crossRefs: [{ text: 'see training', actionId: dup.id }],
    });

    // Each change is audited, in its own item's history.
    const history = (await ok('GET', `${H}/actions/${same.id}/history`, EDITOR)).items;
    expect(history[0]).toMatchObject({
      operation: 'update',
      before: { crossRefs: [{ actionId: dup.id }, { actionId: keeps.id }] },
      after: { crossRefs: [{ text: 'see the training' }, { actionId: keeps.id }] },
    });
    const msHistory = (await ok('GET', `${H}/milestones/${ms.id}/history`, EDITOR)).items;
    expect(msHistory[0]).toMatchObject({
      operation: 'update',
      before: { linkedActionIds: [dup.id, keeps.id] },
      after: { linkedActionIds: [keeps.id] },
    });

    // Editing them afterwards, sending their links back as read, is accepted.
    const edited = await ok('PATCH', `${H}/actions/${same.id}`, EDITOR, {
      version: s.version,
      title: 'Edited',
      crossRefs: (s as unknown as { crossRefs: object[] }).crossRefs,
    });
    expect(edited.title).toBe('Edited');
    const mEdited = await ok('PATCH', `${H}/milestones/${ms.id}`, EDITOR, {
      version: m.version,
      title: 'Edited',
      linkedActionIds: m.linkedActionIds,
    });
    expect(mEdited.title).toBe('Edited');
    // A link newly added to the removed action is still refused.
    const again = await call('PATCH', `${H}/actions/${same.id}`, EDITOR, {
      version: edited.version,
      crossRefs: [{ text: 'see the training', actionId: dup.id }],
    });
    expect(again.status).toBe(400);
    expect(again.body.error.details[0]).toEqual({
      path: 'crossRefs.0.actionId',
      message: 'not an action of this council',
    });
  });

  it('refuses the removal, changing nothing, when a linking item changed since it was read', async () => {
    const dup = await addAction('Wellbeing survey, entered twice');
    const same = await addAction('Act on the survey', {
      crossRefs: [{ text: 'after the survey', actionId: dup.id }],
    });
    expect(await ok('GET', `${H}/actions/${dup.id}/removal`, EDITOR)).toMatchObject({ removable: true });
    // The linking item is edited between the removal's reads and its write: its version moved.
    const council = new CouncilData(
      api.doc,
      api.tableName,
      tenantContext('harrow', 'editor', { sub: 'test', name: 'Test' }),
    );
    const transact = council.store.transact.bind(council.store);
    let once = false;
    council.store.transact = async (items, audits, what, tooLarge) => {
      if (!once) {
        once = true;
        await ok('PATCH', `${H}/actions/${same.id}`, EDITOR, { version: same.version, title: 'Act on it' });
      }
      return transact(items, audits, what, tooLarge);
    };
    const before = await partitions();
    await expect(removeAction(council, dup.id, dup.version)).rejects.toMatchObject({ code: 'conflict' });
    const after = await partitions();
    // Only the edit made meanwhile: the removal wrote nothing.
    const d = JSON.stringify(diffPartition(before[0]!, after[0]!));
    expect(d).not.toContain(dup.id);
    expect((await current(dup.id)).version).toBe(dup.version);
    expect((await ok('GET', `${H}/actions/${same.id}`, EDITOR)).crossRefs).toEqual([
      { text: 'after the survey', actionId: dup.id },
    ]);
  });

  it('refuses an action with progress updates, and says to cancel it instead', async () => {
    const a = await addAction('Promote the employee assistance programme');
    await ok('POST', `${H}/actions/${a.id}/updates`, EDITOR, { narrative: 'Posters up', status: 'on-track' });
    await seen(a.id, /progress updates/);
  });

  it('refuses an action with a sub-action', async () => {
    const a = await addAction('Support carers');
    await addAction('Carers’ passport', { parentId: a.id });
    await seen(a.id, /sub-action/);
  });

  it('refuses an action with a milestone marked done', async () => {
    const a = await addAction('Set up a staff wellbeing network');
    const m = await ok('POST', `${H}/actions/${a.id}/milestones`, EDITOR, { title: 'First meeting held' });
    await ok('POST', `${H}/milestones/${m.id}/completion`, EDITOR, { version: m.version, completed: true });
    await seen(a.id, /“First meeting held” is marked done/);
  });

  it('refuses an action in a closed period’s report, and takes one added since', async () => {
    const p = await ok('POST', `${H}/plans`, EDITOR, {
      title: 'Closed-period plan',
      kind: 'business-plan',
      status: 'active',
      period: { label: '2026-27', start: '2026-04-01', end: '2027-03-31' },
      themes: [{ title: 'Pay' }],
    });
    const reported = await ok('POST', `${H}/plans/${p.id}/actions`, EDITOR, { title: 'Review pay bands' });
    await ok('POST', `${H}/plans/${p.id}/periods/mid-year-2026-27/close`, EDITOR, {});
    await seen(reported.id, /closed report for Mid-year 2026-27/);
    const later = await ok('POST', `${H}/plans/${p.id}/actions`, EDITOR, { title: 'Review pay bands' });
    expect((await call('DELETE', `${H}/actions/${later.id}?version=${later.version}`, EDITOR)).status).toBe(
      204,
    );
  });

  it('refuses an action with more milestones than one transaction removes (100 items)', async () => {
    const a = await addAction('Wellbeing calendar, entered twice');
    for (let i = 1; i <= 25; i++) {
      await ok('POST', `${H}/actions/${a.id}/milestones`, EDITOR, { title: `Wellbeing week ${i}` });
    }
    await seen(a.id, /too many milestones to remove in one go \(25\)/);
  });

  it('refuses a stale version, an archived plan, a role below editor and another council, changing nothing', async () => {
    const a = await addAction('Duplicate of 2.2');
    await refused(`${H}/actions/${a.id}?version=${a.version + 1}`, EDITOR, 409, {
      code: 'conflict',
      says: /changed by someone else/,
    });
    for (const who of ['viewer@harrow.test', 'contributor@harrow.test']) {
      await refused(`${H}/actions/${a.id}?version=${a.version}`, who, 403);
      expect((await call('GET', `${H}/actions/${a.id}/removal`, who)).status).toBe(403);
    }
    // Another council's admin, on harrow's path or its own: harrow's action is not there.
    await refused(`${H}/actions/${a.id}?version=${a.version}`, 'admin@kent.test', 404);
    await refused(`${K}/actions/${a.id}?version=${a.version}`, 'admin@kent.test', 404);
    expect((await call('GET', `${K}/actions/${a.id}/removal`, 'admin@kent.test')).status).toBe(404);

    const archivedPlan = await ok('POST', `${H}/plans`, EDITOR, {
      title: 'Old plan',
      kind: 'business-plan',
      status: 'active',
      themes: [{ title: 'Old theme' }],
    });
    const old = await ok('POST', `${H}/plans/${archivedPlan.id}/actions`, EDITOR, { title: 'Old action' });
    await ok('DELETE', `${H}/plans/${archivedPlan.id}?version=${archivedPlan.version}`, ADMIN);
    await refused(`${H}/actions/${old.id}?version=${old.version}`, EDITOR, 409, { code: 'plan-archived' });
    expect(await ok('GET', `${H}/actions/${old.id}/removal`, EDITOR)).toMatchObject({ removable: false });

    // The one that was refused so often is still there, and goes at last for its editor.
    expect((await call('DELETE', `${H}/actions/${a.id}?version=${a.version}`, EDITOR)).status).toBe(204);
    expect((await call('DELETE', `${H}/actions/${a.id}?version=${a.version}`, EDITOR)).status).toBe(404);
  });
});
