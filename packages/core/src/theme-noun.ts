import type { Plan, PlanKind } from './entities.js';

/** What a theme is called in each kind of plan, when the plan does not say. */
export const THEME_NOUN: Record<PlanKind, string> = {
  'people-strategy': 'Key priority',
  'peer-review': 'Heading',
  'best-value-review': 'Service improvement',
  'business-plan': 'Priority',
  'iip-assessment': 'Area',
};

/** What a plan calls its groups: the council's own word when the plan has one ("Theme"), else its kind's. */
export const themeNounOf = (plan: Pick<Plan, 'kind' | 'themeNoun'>): string =>
  plan.themeNoun?.trim() || THEME_NOUN[plan.kind];
