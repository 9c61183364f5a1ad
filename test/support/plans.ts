import type { TestApi } from './api.js';

/**
 * An active 2026-27 workforce plan of Harrow with one group, "Recruitment", made through the API as
 * `as` (with `extra` plan fields, reporting points say): where many API tests start.
 */
export async function recruitmentPlan(
  api: TestApi,
  as: string,
  extra: Record<string, unknown> = {},
): Promise<{ planId: string; themeId: string }> {
  const plan = await api.ok(
    'POST',
    '/api/v1/councils/harrow/plans',
    {
      title: 'Workforce plan 2026-27',
      kind: 'people-strategy',
      period: { label: '2026-27', start: '2026-04-01', end: '2027-03-31' },
      status: 'active',
      themes: [{ ref: '1', title: 'Recruitment' }],
      ...extra,
    },
    as,
  );
  return { planId: plan.id, themeId: plan.themes[0].id };
}

/**
 * Directory people and the preview of a plan naming each of them: 110, more than an import commit's
 * header transaction marks (db/imports.ts), so the rest are marked just before it.
 */
export async function previewNamingMany(
  api: TestApi,
  councilPath: string,
  as: string,
  prefix: string,
): Promise<{ people: Array<{ id: string; name: string; version: number }>; id: string }> {
  const people: Array<{ id: string; name: string; version: number }> = [];
  for (let i = 0; i < 110; i++)
    people.push(
      await api.ok('POST', `${councilPath}/people`, { name: `${prefix} ${String(i).padStart(3, '0')}` }, as),
    );
  const text = [
    `Workforce action plan naming many leads (${prefix})`,
    '',
    'Ref\tAction\tLead\tDeadline',
    ...people.map((p, i) => `${i + 1}\tAction ${i + 1}\t${p.name}\tMarch 2027`),
  ].join('\n');
  const preview = await api.ok('POST', `${councilPath}/imports`, { text, filename: 'many.txt' }, as);
  return { people, id: preview.id as string };
}
