/** A person marked as having left (`leftOn`) is sent nothing, and the line that goes elsewhere says why. */
import type { Person, Plan } from '@peopleplan/core';
import { describe, expect, it } from 'vitest';
import { leadGaps, ownerGap } from './council-lines.js';
import { planOwner, resolveLeads } from './recipients.js';
import { routedNote } from './wording.js';

const people: Record<string, Person> = {
  helen: { id: 'helen', name: 'Helen Ward', email: 'helen@harrow.test', leftOn: '2026-11-30' } as Person,
  sarah: { id: 'sarah', name: 'Sarah Jones', email: 'sarah@harrow.test' } as Person,
};
const repo = { councilId: 'harrow', person: (id: string) => people[id], undeliverable: () => false };

describe('people who have left', () => {
  it('are not told as leads or plan owners, and are not taken for an address that bounces', () => {
    const r = resolveLeads(repo, [
      { role: 'responsible', label: 'Helen Ward', personId: 'helen' },
      { role: 'operational', label: 'Sarah Jones', personId: 'sarah' },
    ]);
    expect(r.reachable.map((x) => x.email)).toEqual(['sarah@harrow.test']);
    expect(r.left).toEqual(['Helen Ward']);
    expect(r.bounced).toEqual([]);
    expect(planOwner(repo, { ownerPersonId: 'helen' } as Plan)).toBeUndefined();
    expect(planOwner(repo, { ownerPersonId: 'sarah' } as Plan)?.email).toBe('sarah@harrow.test');
  });

  it('say so when the line goes to the owner or an administrator instead', () => {
    expect(routedNote(leadGaps(1, ['Helen Ward'], [], ['Helen Ward']), 'owner')).toBe(
      "Helen Ward has left the council, so this comes to you as the plan's owner: hand their actions over on their page in the people directory so that the right person hears.",
    );
    expect(routedNote([ownerGap(repo, { ownerPersonId: 'helen' } as Plan)], 'admin')).toBe(
      "The plan's owner (Helen Ward) has left the council, so this comes to you as an administrator: hand their plans over on their page in the people directory so that the right person hears.",
    );
  });
});
