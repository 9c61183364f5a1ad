/**
 * Only a period the plan offers can be closed (docs/architecture.md, section 7): the reports page's own
 * list of the plan's periods (`GET …/report-periods`) is the one closing accepts, so a period decades before
 * the plan began cannot freeze today's actions into a report of then.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from '../support/api.js';
import { readPartition } from '../support/partitions.js';

const H = '/api/v1/councils/harrow';
const EDITOR = 'editor@harrow.test';

describe('closing a period the plan does not offer', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await createTestApi({ today: () => '2026-11-16' });
  });
  afterAll(() => api.drop());

  const ok = (method: string, path: string, body?: unknown, as = EDITOR) => api.ok(method, path, body, as);
  const call = (method: string, path: string, body?: unknown, as = EDITOR) =>
    api.call(method, path, { as, ...(body === undefined ? {} : { body }) });
  const snapshot = () => readPartition(api.doc, api.tableName, 'C#harrow');
  const plan = (title: string, period?: { start: string; end: string }) =>
    ok('POST', `${H}/plans`, {
      title,
      kind: 'business-plan',
      status: 'active',
      ...(period && { period: { label: '2026-27', ...period } }),
      themes: [{ ref: '1', title: 'People' }],
    });

  it('refuses (422) a period before the plan began, naming its span, and writes nothing', async () => {
    const p = await plan('2026-27 plan', { start: '2026-04-01', end: '2027-03-31' });
    const a = await ok('POST', `${H}/plans/${p.id}/actions`, {
      ref: '1.1',
      title: 'Added today',
      themeId: p.themes[0].id,
    });
    const offered = (await ok('GET', `${H}/plans/${p.id}/report-periods`)).items.map(
      (x: { key: string }) => x.key,
    );
    expect(offered).not.toContain('year-end-1999-00');
    expect(offered).toContain('mid-year-2026-27');

    const before = await snapshot();
    for (const spec of ['year-end:1999-00', 'year-end-1999-00', 'mid-year:2025-26', '2026-03']) {
      const r = await call('POST', `${H}/plans/${p.id}/periods/${spec}/close`, {});
      expect(r.status, spec).toBe(422);
      expect(r.body.error.message, spec).toMatch(
        /^.+ is not a reporting period of this plan, which runs from 1 April 2026 to 31 March 2027: choose one of its own\.$/,
      );
      expect(r.body.error.details, spec).toEqual([
        { path: 'periodKey', message: 'not a reporting period of this plan' },
      ]);
      const preview = await call('GET', `${H}/plans/${p.id}/periods/${spec}/close-preview`);
      expect(preview.status, spec).toBe(422);
    }
    const refused = await call('POST', `${H}/plans/${p.id}/periods/year-end:1999-00/close`, {});
    expect(refused.body.error.message).toBe(
      'Year-end 1999-00 is not a reporting period of this plan, which runs from 1 April 2026 to 31 March 2027: ' +
        'choose one of its own.',
    );
    expect([...(await snapshot()).entries()].filter(([k, v]) => before.get(k) !== v)).toEqual([]);
    // Nothing froze the action: it can still be removed as entered by mistake.
    expect(await ok('GET', `${H}/actions/${a.id}/removal`)).toEqual({ removable: true });

    // A period the plan offers closes as before; another council's editor cannot close it.
    const kent = await call(
      'POST',
      `/api/v1/councils/kent/plans/${p.id}/periods/mid-year:2026-27/close`,
      {},
      'editor@kent.test',
    );
    expect(kent.status).toBe(404);
    const closed = await call('POST', `${H}/plans/${p.id}/periods/mid-year:2026-27/close`, {});
    expect(closed.status).toBe(201);
    expect(closed.body).toMatchObject({ key: 'mid-year-2026-27', actionCount: 1 });
  });

  it('names "today" as the end of a plan without dates, whose periods start the year before it was made', async () => {
    const p = await plan('Undated plan');
    const offered = (await ok('GET', `${H}/plans/${p.id}/report-periods`)).items.map(
      (x: { key: string }) => x.key,
    );
    expect(offered).not.toContain('year-end-2019-20');
    const r = await call('POST', `${H}/plans/${p.id}/periods/year-end:2019-20/close`, {});
    expect(r.status).toBe(422);
    expect(r.body.error.message).toMatch(
      /^Year-end 2019-20 is not a reporting period of this plan, which runs from .+ to today/,
    );
    const first = offered[0];
    expect((await call('POST', `${H}/plans/${p.id}/periods/${first}/close`, {})).status).toBe(201);
  });
});
