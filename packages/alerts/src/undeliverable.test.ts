/** Alerts stop going to an address the bounce handler marked undeliverable (issue 14, item 5). */
import type { Person } from '@peopleplan/core';
import {
  alertsOf,
  CouncilData,
  createDocClient,
  provisionCouncil,
  provisionMember,
  tenantContext,
} from '@peopleplan/db';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { freshTable } from '../../../test/support/dynamo.js';
import { planOwner, resolveLeads } from './recipients.js';

const doc = createDocClient({ endpoint: inject('dynamoEndpoint') });
let tableName: string;
let drop: () => Promise<void>;
let harrow: CouncilData;

beforeAll(async () => {
  ({ tableName, drop } = await freshTable());
  await provisionCouncil(doc, tableName, { id: 'harrow', name: 'Harrow' });
  harrow = new CouncilData(doc, tableName, tenantContext('harrow', 'system', { sub: 't', name: 't' }));
  for (const [sub, email, role] of [
    ['a1', 'gone@harrow.example', 'admin'],
    ['a2', 'fine@harrow.example', 'admin'],
    ['e1', 'ok@harrow.example', 'editor'],
  ] as const) {
    await provisionMember(doc, tableName, { userSub: sub, councilId: 'harrow', email, name: sub, role });
  }
  await harrow.members.markUndeliverable('a1', 'Gone@Harrow.example', {
    at: '2026-12-01T07:00:04.000Z',
    reason: 'Bounce: Permanent/General',
  });
});
afterAll(async () => {
  await drop?.();
});

describe('undeliverable addresses', () => {
  it('are known to the run once members are read, whatever their case; admins exclude them', async () => {
    const repo = alertsOf(harrow);
    expect(repo.undeliverable('gone@harrow.example')).toBe(false); // not read yet
    await repo.members();
    expect(repo.undeliverable('GONE@harrow.example')).toBe(true);
    expect(repo.undeliverable('ok@harrow.example')).toBe(false);
    expect((await repo.admins()).map((m) => m.userSub)).toEqual(['a2']);
  });

  it('are not emailed as leads or plan owners: the next person in line is', async () => {
    const people: Record<string, Person> = {
      p1: { id: 'p1', name: 'Gone', email: 'gone@harrow.example' } as Person,
      p2: { id: 'p2', name: 'Fine', email: 'fine@harrow.example' } as Person,
    };
    const repo = {
      councilId: 'harrow',
      person: (id: string) => people[id],
      undeliverable: (e: string) => e === 'gone@harrow.example',
    };
    const leads = [
      { label: 'Gone', personId: 'p1', role: 'operational' as const },
      { label: 'Fine', personId: 'p2', role: 'operational' as const },
    ];
    const { reachable, unreachable } = resolveLeads(repo, leads);
    expect(reachable.map((r) => r.email)).toEqual(['fine@harrow.example']);
    expect(unreachable).toEqual(['Gone']);
    expect(planOwner(repo, { ownerPersonId: 'p1' } as never)).toBeUndefined();
    expect(planOwner(repo, { ownerPersonId: 'p2' } as never)?.email).toBe('fine@harrow.example');
  });
});
