import type { Action, Lead, Membership, Person, Plan } from '@peopleplan/core';
import type { CouncilAlertsRepo } from '@peopleplan/db';
import type { Recipient } from './model.js';

/** Leads who deliver the work are told first; councillors (member leads) are not chased for delivery. */
const DELIVERY_ROLES: ReadonlyArray<Lead['role']> = ['operational', 'responsible', 'accountable'];

export function deliveryLeads(action: Pick<Action, 'leads'>): Lead[] {
  const leads = action.leads ?? [];
  const doers = leads.filter((l) => DELIVERY_ROLES.includes(l.role));
  return doers.length ? doers : leads.filter((l) => l.role === 'strategic');
}

export const strategicLeads = (action: Pick<Action, 'leads'>) =>
  (action.leads ?? []).filter((l) => l.role === 'strategic');

/** A directory person as a recipient: none without an address, or once they have left the council. */
export function personRecipient(councilId: string, p: Person | undefined): Recipient | undefined {
  if (!p?.email || p.leftOn) return undefined;
  return {
    key: p.id,
    councilId,
    name: p.name,
    email: p.email,
    prefs: p.alertPreferences ?? { frequency: 'immediate', dueSoon: true },
    personId: p.id,
  };
}

export const adminRecipient = (councilId: string, m: Membership): Recipient => ({
  key: `member:${m.userSub}`,
  councilId,
  name: m.name,
  email: m.email,
  prefs: { frequency: 'immediate', dueSoon: true },
});

/** A directory person as a recipient, unless their address is marked undeliverable (bounces). */
const reachablePerson = (
  repo: Pick<CouncilAlertsRepo, 'councilId' | 'person' | 'undeliverable'>,
  personId: string,
) => {
  const r = personRecipient(repo.councilId, repo.person(personId));
  return r && !repo.undeliverable(r.email) ? r : undefined;
};

/**
 * Leads resolved through the directory: who can be told, the labels of those who cannot, and which of
 * those have an address that mail is not delivered to, or have left (so the reason given is the right one).
 */
export function resolveLeads(
  repo: Pick<CouncilAlertsRepo, 'councilId' | 'person' | 'undeliverable'>,
  leads: Lead[],
): { reachable: Recipient[]; unreachable: string[]; bounced: string[]; left: string[] } {
  const reachable: Recipient[] = [];
  const unreachable: string[] = [];
  const bounced: string[] = [];
  const left: string[] = [];
  for (const l of leads) {
    const r = l.personId ? reachablePerson(repo, l.personId) : undefined;
    if (r) reachable.push(r);
    else unreachable.push(l.label);
    const p = !r && l.personId ? repo.person(l.personId) : undefined;
    if (p?.leftOn) left.push(l.label);
    else if (p?.email) bounced.push(l.label);
  }
  return { reachable, unreachable, bounced, left };
}

export const planOwner = (
  repo: Pick<CouncilAlertsRepo, 'councilId' | 'person' | 'undeliverable'>,
  plan: Plan,
): Recipient | undefined => (plan.ownerPersonId ? reachablePerson(repo, plan.ownerPersonId) : undefined);
