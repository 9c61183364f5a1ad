import type { Person, Plan } from '@peopleplan/core';
import { describe, expect, it } from 'vitest';
import { leadGaps, ownerGap } from './council-lines.js';
import { routedNote } from './wording.js';

const people: Record<string, Person> = {
  noEmail: { id: 'noEmail', name: 'Nora' } as Person,
  bounced: { id: 'bounced', name: 'Ben', email: 'ben@harrow.test' } as Person,
};
const repo = { person: (id: string) => people[id] };
const plan = (p: Partial<Plan>) => p as Plan;

describe('why a line comes to the owner or an administrator', () => {
  it('reads right for each reason the plan’s owner cannot be told', () => {
    const admin = (p: Partial<Plan>) => routedNote([ownerGap(repo, plan(p))], 'admin');
    expect(admin({})).toBe(
      "This plan has no owner, so this comes to you as an administrator: set the plan's owner so that the right person hears.",
    );
    expect(admin({ ownerPersonId: 'noEmail' })).toBe(
      "The plan's owner (Nora) has no email address in the people directory, so this comes to you as an administrator: add their email address so that the right person hears.",
    );
    expect(admin({ ownerPersonId: 'bounced', ownerLabel: 'Director of HR' })).toBe(
      "Email to the plan's owner (Director of HR) is not being delivered, so this comes to you as an administrator: check their email address in the people directory so that the right person hears.",
    );
    expect(admin({ ownerLabel: 'Director of HR' })).toBe(
      "The plan's owner (Director of HR) is not linked to anyone in the people directory, so this comes to you as an administrator: choose the plan's owner from the people directory so that the right person hears.",
    );
  });

  it('reads right for each reason the leads cannot be told', () => {
    expect(routedNote(leadGaps(0, [], []), 'owner')).toBe(
      "No lead is named for this action, so this comes to you as the plan's owner: name a lead for it so that the right person hears.",
    );
    expect(routedNote(leadGaps(3, ['L&D Team', 'Nora', 'Ben'], ['Ben']), 'owner')).toBe(
      "L&D Team and Nora have no email address in the people directory, and email to Ben is not being delivered, so this comes to you as the plan's owner: add their email addresses, and check their email address in the people directory, so that the right person hears.",
    );
  });
});
