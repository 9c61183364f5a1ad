import { describe, expect, it } from 'vitest';
import { draftOfPlan, planPatchBody } from '../../web/src/lib/plan-draft.js';

const plan = {
  id: 'p1',
  councilId: 'harrow',
  title: 'Workforce plan',
  kind: 'peer-review',
  period: { label: '2026-27' },
  status: 'active',
  reviewCadence: 'quarterly',
  reportingPoints: [],
  sections: [],
  unplaced: [],
  version: 4,
  createdAt: '2026-12-06T10:00:00.000Z',
  updatedAt: '2026-12-06T10:00:00.000Z',
} as unknown as Parameters<typeof draftOfPlan>[0];

describe('the plan’s details form, as the API takes it', () => {
  it('sends the kind of plan chosen, so changing it changes the plan', () => {
    const draft = { ...draftOfPlan(plan), kind: 'business-plan' as const };
    expect(planPatchBody(draft, 4)).toMatchObject({ version: 4, kind: 'business-plan' });
  });

  it('sends an emptied word for the groups as empty, which removes it', () => {
    const draft = { ...draftOfPlan({ ...plan, themeNoun: 'Theme' }), themeNoun: '  ' };
    expect(planPatchBody(draft, 4).themeNoun).toBe('');
  });
});
