/**
 * An import and the people who have left (docs/architecture.md, "Handing over and leavers"): the preview
 * says what the commit will do (a leaver's name is not matched to them, and says why), a leaver cannot be
 * chosen as a lead, and marking someone as left while an import naming them commits happens one after
 * the other: never a committed plan whose open actions are led by someone who has left.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from '../support/api.js';
import { holdTransactions, puts } from '../support/held-transactions.js';

const H = '/api/v1/councils/harrow';
const EDITOR = 'editor@harrow.test';
const TODAY = '2026-11-16';

const planNaming = (lead: string) =>
  [
    `Workforce action plan of ${lead}`,
    '',
    'Ref\tAction\tLead\tDeadline',
    `1\tRefresh the careers pages\t${lead}\tMarch 2027`,
  ].join('\n');

describe('an import naming people who have left', () => {
  let api: TestApi;
  const call = (method: string, path: string, body?: unknown) =>
    api.call(method, path, { as: EDITOR, ...(body === undefined ? {} : { body }) });
  const person = (name: string, extra: Record<string, unknown> = {}) =>
    api.ok('POST', `${H}/people`, { name, ...extra }, EDITOR);
  const preview = async (text: string) => {
    const r = await call('POST', `${H}/imports`, { text, filename: 'plan.txt' });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    return r.body;
  };
  const leadOf = async (planId: string) =>
    (await call('GET', `${H}/plans/${planId}/contents`)).body.actions[0].leads[0].personId as string;

  beforeAll(async () => {
    api = await createTestApi({ today: () => TODAY });
  });
  afterAll(() => api.drop());

  it('says in the preview that a lead has left, offers nobody who has left, and refuses choosing them', async () => {
    const gone = await person('Dana Leaver', { roleLabel: 'Head of Talent' });
    await api.ok('PATCH', `${H}/people/${gone.id}`, { version: gone.version, leftOn: '2026-09-30' }, EDITOR);
    const p = await preview(planNaming('Head of Talent'));
    const lead = p.people.leads.find((l: { label: string }) => l.label === 'Head of Talent');
    // Not matched, as the commit would not match them: the officer is told why.
    expect(lead.person).toBeUndefined();
    expect(lead.left).toEqual({ name: 'Dana Leaver', leftOn: '2026-09-30' });
    expect(p.unresolvedLeads).toContain('Head of Talent');
    const candidates = p.people.suggestions.flatMap((s: { candidates: unknown[] }) => s.candidates);
    expect(candidates).not.toContainEqual(expect.objectContaining({ personId: gone.id }));

    const chosen = await call('POST', `${H}/imports/${p.id}/commit`, {
      people: { 'Head of Talent': { personId: gone.id } },
    });
    expect(chosen.status, JSON.stringify(chosen.body)).toBe(400);
    expect(JSON.stringify(chosen.body)).toContain('has left the council');

    // Committed as the preview said: a person to check, not the leaver.
    const ok = await call('POST', `${H}/imports/${p.id}/commit`, {});
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body.unresolvedLeads).toEqual(['Head of Talent']);
    expect(await leadOf(ok.body.planId)).not.toBe(gone.id);
  });

  it('marks every directory person a plan names, more than one transaction holds too', {
    timeout: 120_000,
  }, async () => {
    const people = [];
    for (let i = 0; i < 190; i++) people.push(await person(`Many Leads ${String(i).padStart(3, '0')}`));
    const text = [
      'Workforce action plan naming many leads',
      '',
      'Ref\tAction\tLead\tDeadline',
      ...people.map((p, i) => `${i + 1}\tAction ${i + 1}\t${p.name}\tMarch 2027`),
    ].join('\n');
    const p = await preview(text);
    const ok = await call('POST', `${H}/imports/${p.id}/commit`, {});
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    // Each now leads an open action: marking any of them as left is refused.
    const left = await call('PATCH', `${H}/people/${people[189]!.id}`, {
      version: people[189]!.version,
      leftOn: TODAY,
    });
    expect(left.status, JSON.stringify(left.body)).toBe(409);
  });

  describe('marking someone as left while an import naming them commits', () => {
    let interleave: ReturnType<typeof holdTransactions>;
    beforeAll(() => {
      interleave = holdTransactions(api);
    });
    /** A person matched at preview, and the preview of a plan naming them. */
    const named = async (name: string) => {
      const p = await person(name);
      const plan = await preview(planNaming(name));
      expect(plan.people.leads[0].person?.id, 'matched at preview').toBe(p.id);
      return { p, plan };
    };
    const leave = (p: { id: string; version: number }) =>
      call('PATCH', `${H}/people/${p.id}`, { version: p.version, leftOn: TODAY });
    const commit = (id: string) => call('POST', `${H}/imports/${id}/commit`, {});

    it('refuses the commit (422) when they are marked as left before its plan lands', async () => {
      const { p, plan } = await named('Early Leaver');
      // The commit's last transaction (the plan's header) waits while the leaving goes through.
      const [committed, left] = await interleave(
        puts('plan'),
        () => commit(plan.id),
        () => leave(p),
      );
      expect(left.status, JSON.stringify(left.body)).toBe(200);
      expect(committed.status, JSON.stringify(committed.body)).toBe(422);
      expect(committed.body.error.message).toContain('Early Leaver has just been marked as left');
      // Committed again, it matches nobody who has left: a person to check leads instead.
      const again = await commit(plan.id);
      expect(again.status, JSON.stringify(again.body)).toBe(200);
      expect(await leadOf(again.body.planId)).not.toBe(p.id);
    });

    it('refuses the leaving (409) when the plan lands after it read their work', async () => {
      const { p, plan } = await named('Late Leaver');
      const [left, committed] = await interleave(
        puts('person'),
        () => leave(p),
        () => commit(plan.id),
      );
      expect(committed.status, JSON.stringify(committed.body)).toBe(200);
      expect(await leadOf(committed.body.planId)).toBe(p.id);
      expect(left.status, JSON.stringify(left.body)).toBe(409);
      // Sent again, it finds the imported action and says so.
      const again = await leave(p);
      expect(again.status).toBe(409);
      expect(again.body.error.message).toContain('still leads 1 open action');
    });
  });
});
