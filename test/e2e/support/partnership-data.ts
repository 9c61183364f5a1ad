/**
 * Known data for the partnership browser tests, written through the real API on top of the demo seed
 * (which creates the partnership `hr-shared-service` over harrow and east-herts, both sharing all plans,
 * and its partner reader `partner@hr-shared-service.demo`).
 */
import { createDemoPlan, type DemoPlan } from './demo-plan.js';
import type { E2eStack } from './stack.js';

export const PARTNERSHIP = 'hr-shared-service';
export const PARTNER = 'partner@hr-shared-service.demo';
export const HARROW = 'London Borough of Harrow';
export const EAST_HERTS = 'East Hertfordshire District Council';

export interface PartnershipData {
  /** Harrow's peer-review test plan: an overdue action and a re-baselined milestone led by GM (HR). */
  harrow: DemoPlan;
  /** East Herts' people strategy: one overdue milestone. Shared "chosen plans only" in the consent test. */
  eastHertsPlanId: string;
  eastHertsPlanTitle: string;
  eastHertsMilestone: string;
}

const isoIn = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

export async function seedPartnershipData(e: E2eStack): Promise<PartnershipData> {
  const harrow = await createDemoPlan(e.as('editor@harrow.demo'), 'harrow');
  const call = e.as('editor@east-herts.demo');
  const base = '/api/v1/councils/east-herts';
  const eastHertsPlanTitle = 'East Herts people strategy (browser test)';
  const plan = await call('POST', `${base}/plans`, {
    title: eastHertsPlanTitle,
    kind: 'people-strategy',
    period: { label: '2026-27', start: '2026-04-01', end: '2027-03-31' },
    status: 'active',
    reviewCadence: 'quarterly',
    themes: [{ ref: '1', title: 'Recruitment and retention' }],
  });
  const action = await call('POST', `${base}/plans/${plan.id}/actions`, {
    themeId: plan.themes[0].id,
    ref: '1',
    title: 'Introduce exit interviews across the council',
    leads: [{ role: 'responsible', label: 'Head of HR (East Herts)' }],
    status: 'on-track',
    due: { text: 'In two months', kind: 'date', due: isoIn(60), precision: 'day' },
  });
  const eastHertsMilestone = 'Exit interview form agreed with unions';
  await call('POST', `${base}/actions/${action.id}/milestones`, {
    ref: 'A',
    title: eastHertsMilestone,
    due: { text: 'Ten days ago', kind: 'date', due: isoIn(-10), precision: 'day' },
  });
  return { harrow, eastHertsPlanId: plan.id, eastHertsPlanTitle, eastHertsMilestone };
}
