import { badRequest, compareRefs } from '@peopleplan/core';
import { nowIso } from './ids.js';
import type { TenantStore, TransactItem } from './store.js';

interface Orderable {
  id: string;
  ref: string;
  order: number;
  version: number;
}

/** Plan order: by `order`, then by reference as people number them (1, 2, 10). */
export const byOrder = (a: Orderable, b: Orderable) => a.order - b.order || compareRefs(a.ref, b.ref);

/**
 * A new order for some of a group of siblings (a plan's themes; the actions under one theme and
 * parent): the named items take the places they held between them, in the order given, so moving
 * one up is the pair swapped. Places are the group's own `order` values (made distinct if two were
 * equal), and only items whose place changes are written, each only if still at the version read.
 */
export function reorderWrites<T extends Orderable>(
  store: TenantStore,
  siblings: readonly T[],
  named: readonly string[],
  keyOf: (item: T) => string,
): { writes: TransactItem[]; after: T[] } {
  const current = [...siblings].sort(byOrder);
  const byId = new Map(current.map((t) => [t.id, t]));
  const problems = named.flatMap((id, i) =>
    !byId.has(id)
      ? [{ path: `${i}`, message: 'not one of the items being ordered (same plan, theme and parent)' }]
      : named.indexOf(id) !== i
        ? [{ path: `${i}`, message: 'named twice' }]
        : [],
  );
  if (problems.length) throw badRequest('These cannot be put in order together', problems);
  const places = current.map((t, i) => (named.includes(t.id) ? i : -1)).filter((i) => i >= 0);
  const sequence = [...current];
  places.forEach((place, k) => {
    sequence[place] = byId.get(named[k]!)!;
  });
  const slots = current.map((t) => t.order);
  for (let i = 1; i < slots.length; i++) slots[i] = Math.max(slots[i]!, slots[i - 1]! + 1);
  const at = nowIso();
  const writes: TransactItem[] = [];
  const after = sequence.map((t, i) => {
    const order = slots[i]!;
    if (order === t.order) return t;
    writes.push({
      Update: {
        TableName: store.tableName,
        Key: { PK: store.pk, SK: keyOf(t) },
        UpdateExpression: 'SET #order = :order, version = version + :one, updatedAt = :at',
        ConditionExpression: 'attribute_exists(PK) AND version = :v',
        ExpressionAttributeNames: { '#order': 'order' },
        ExpressionAttributeValues: { ':order': order, ':one': 1, ':at': at, ':v': t.version },
      },
    });
    return { ...t, order, version: t.version + 1, updatedAt: at };
  });
  if (writes.length > 95) throw badRequest('Too many items to put in order at once: move fewer');
  return { writes, after };
}
