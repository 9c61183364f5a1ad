/**
 * An import remembers a lead's label on the person the officer chose, after the plan is in
 * (services/imports.ts `rememberLabels`): a convenience. A failure writing it must not answer as if the
 * import failed (a 500 an officer reads as "try again", and a retry answers "committed" with nothing said).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from '../support/api.js';

const H = '/api/v1/councils/harrow';
const EDITOR = 'editor@harrow.test';

describe('remembering a lead’s label fails after the plan is in', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await createTestApi();
    // The database refuses the person's write (throttled, or down a moment) and nothing else.
    const real = api.deps.docFor;
    api.deps.docFor = async (c, mode) =>
      new Proxy(await real(c, mode), {
        get(t, p) {
          if (p !== 'send') return Reflect.get(t, p, t);
          return async (cmd: { constructor: { name: string }; input: any }, ...rest: unknown[]) => {
            const labels =
              cmd.constructor.name === 'TransactWriteCommand' &&
              (cmd.input.TransactItems ?? []).some(
                (i: any) =>
                  i.Put?.Item?.type === 'person' && i.Put.Item.roleLabel === 'Head of Talent Acquisition',
              );
            if (labels)
              throw Object.assign(new Error('Throughput exceeds the current capacity'), {
                name: 'ThrottlingException',
              });
            return (t.send as (...a: unknown[]) => unknown)(cmd, ...rest);
          };
        },
      });
  });
  afterAll(() => api.drop());

  it('answers with the plan, which is in, and the person keeps no label', async () => {
    const person = await api.ok('POST', `${H}/people`, { name: 'Rowan Ellery' }, EDITOR);
    const text = [
      'Talent plan 2026-27',
      '',
      'Ref\tAction\tLead\tDeadline',
      '1\tRefresh the careers pages\tHead of Talent Acquisition\tMarch 2027',
    ].join('\n');
    const preview = await api.ok('POST', `${H}/imports`, { text, filename: 'talent.txt' }, EDITOR);
    const committed = await api.call('POST', `${H}/imports/${preview.id}/commit`, {
      as: EDITOR,
      body: { people: { 'Head of Talent Acquisition': { personId: person.id } } },
    });
    expect(committed.status, JSON.stringify(committed.body)).toBe(200);
    expect(committed.body).toMatchObject({ status: 'committed', counts: { actions: 1 } });
    const actions = (await api.ok('GET', `${H}/plans/${committed.body.planId}/contents`, undefined, EDITOR))
      .actions;
    expect(actions[0].leads[0].personId).toBe(person.id);
    const now = (await api.ok('GET', `${H}/people`, undefined, EDITOR)).items.find(
      (p: { id: string }) => p.id === person.id,
    );
    expect(now.roleLabel).toBeUndefined();
  });
});
