/**
 * An import commit first writes into its record the ids of the people it will add (imports.ts
 * `markCommitting`, so that an abandoned commit can be cleaned up), beside the stored preview. A plan as
 * large as a preview may be, naming thousands of new leads (a corrected plan sent at commit may name any),
 * made that record larger than DynamoDB's 400 KB item: a 500. It must be refused, saying why, with
 * nothing written.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from '../support/api.js';

const H = '/api/v1/councils/harrow';
const EDITOR = 'editor@harrow.test';
const ROWS = 3_000;

describe('an import adding more new people than its record can list', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await createTestApi();
  });
  afterAll(() => api.drop());

  it('is refused at commit (413 saying so), nothing written, and the same plan with fewer goes in', {
    timeout: 120_000,
  }, async () => {
    // Titles that do not compress: a stored preview of some 330 KB, one lead for all at preview.
    const text = [
      'Workforce plan with many leads',
      '',
      'Ref\tAction\tLead\tDeadline',
      ...Array.from(
        { length: ROWS },
        (_, i) => `${i + 1}\tAction ${randomBytes(105).toString('base64')}\tHead of HR\tMarch 2027`,
      ),
    ].join('\n');
    const preview = await api.call('POST', `${H}/imports`, {
      as: EDITOR,
      body: { text, filename: 'many.txt' },
    });
    expect(preview.status, JSON.stringify(preview.body).slice(0, 300)).toBe(201);
    const peopleBefore = (await api.ok('GET', `${H}/people`, undefined, EDITOR)).items.length;

    // Corrected at commit (short titles, inside a request's 1 MB): each action led by someone new.
    const ledEach = (n: number) => {
      const plan = structuredClone(preview.body.plan);
      plan.themes[0].actions.forEach((a: { title: string; leads: Array<{ label: string }> }, i: number) => {
        a.title = `Action ${i + 1}`;
        a.leads = [{ ...a.leads[0]!, label: `New Lead ${i < n ? i : 0}` }];
      });
      return plan;
    };
    const commit = (plan: unknown) =>
      api.call('POST', `${H}/imports/${preview.body.id}/commit`, { as: EDITOR, body: { plan } });
    const refused = await commit(ledEach(ROWS));
    expect(refused.status, JSON.stringify(refused.body).slice(0, 300)).toBe(413);
    expect(refused.body.error.message).toMatch(/3,000 new people/);
    expect((await api.ok('GET', `${H}/people`, undefined, EDITOR)).items.length).toBe(peopleBefore);
    expect((await api.ok('GET', `${H}/imports/${preview.body.id}`, undefined, EDITOR)).status).toBe(
      'preview',
    );

    const ok = await commit(ledEach(100));
    expect(ok.status, JSON.stringify(ok.body).slice(0, 300)).toBe(200);
    expect(ok.body.counts).toMatchObject({ actions: ROWS, people: 100 });
  });
});
