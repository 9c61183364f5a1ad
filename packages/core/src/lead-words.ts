import type { LeadRole } from './entities.js';

/**
 * What a lead's role is called, on the pages and in the reports alike. The app calls an action's lead
 * "Lead" everywhere (the plan's own column headers aside), never "Responsible".
 */
export const LEAD_ROLE_LABELS: Record<LeadRole, string> = {
  member: 'Member lead',
  strategic: 'Strategic lead',
  operational: 'Operational lead',
  accountable: 'Accountable officer',
  responsible: 'Lead',
};

/** What a page or a report says where an item names no lead: never a blank a reader might take for a gap. */
export const NO_LEAD = 'None named';

/**
 * An item's leads in words, under a "Lead" heading: the names alone when every one is a plain lead ("Sam
 * Jones, Jo Bloggs": the heading already says "Lead"), else each role with its names, in the plan's order
 * ("Member lead: Cllr Ann Lee; Lead: Sam Jones", "Accountable officer: Helen Bale"); empty when it has none
 * (the caller says `NO_LEAD` where a reader sees it).
 */
export function leadsWords(leads: ReadonlyArray<{ role: LeadRole; label: string }>): string {
  if (leads.every((l) => l.role === 'responsible')) return leads.map((l) => l.label).join(', ');
  const byRole = new Map<LeadRole, string[]>();
  for (const l of leads) byRole.set(l.role, [...(byRole.get(l.role) ?? []), l.label]);
  return [...byRole].map(([role, names]) => `${LEAD_ROLE_LABELS[role]}: ${names.join(', ')}`).join('; ');
}
