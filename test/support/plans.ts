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
