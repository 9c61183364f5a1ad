import { unprocessable } from '@peopleplan/core';
import { sk } from './keys.js';
import type { Item, TenantStore } from './store.js';

/**
 * Refuses (422) people newly named as a lead or owner who have left the council or were merged into
 * someone else (references.ts), saying for the first of them what to do instead: a merged person's
 * work is the person they were merged into's, so that person is named.
 */
export async function refuseGone(
  store: TenantStore,
  gone: Array<{ path: string; person: Item }>,
): Promise<never> {
  const intoOf = (p: Item) => String(p.mergedInto ?? p.mergingInto ?? '');
  const intoIds = [...new Set(gone.map((g) => intoOf(g.person)).filter(Boolean))];
  const into = await store.getMany(
    intoIds.map((id) => sk.person(id)),
    { attributes: ['name'] },
  );
  const nameOf = (id: string) => String(into.get(sk.person(id))?.name ?? 'another person');
  const details = gone.map(({ path, person }) => ({
    path,
    message: intoOf(person) ? `was merged into ${nameOf(intoOf(person))}` : 'has left the council',
  }));
  const first = gone[0]!.person;
  const name = String(first.name ?? 'This person');
  const intoId = intoOf(first);
  throw unprocessable(
    intoId
      ? `${name} was merged into ${nameOf(intoId)}: choose ${nameOf(intoId)} instead.`
      : `${name} has left the council: choose someone still here.`,
    details,
  );
}
