import { repairStoredEntity } from '@peopleplan/core';
import { STORAGE_ATTRIBUTES } from './keys.js';

type Item = Record<string, unknown>;

const STORAGE: ReadonlySet<string> = new Set(STORAGE_ATTRIBUTES);

/**
 * Drop storage attributes (keys, index keys, type) so callers see the entity only, and repair what a
 * stored item may hold that today's rules refuse (an impossible date written by an older release):
 * readers get a safe item with `dataProblems` listed, never a crash (core stored.ts).
 */
export function entityOf<T>(item: Item): T {
  // Copied without the storage attributes rather than copied and `delete`d: deleting properties puts
  // V8 objects in a slow dictionary mode that every later read and JSON.stringify pays for.
  const out: Item = {};
  for (const k of Object.keys(item)) if (!STORAGE.has(k)) out[k] = item[k];
  return (typeof item.type === 'string' ? repairStoredEntity(item.type, out) : out) as T;
}

/** What is written for an entity: never the problems found on reading it (they are not data). */
export function stored(entity: object): Item {
  const { dataProblems: _problems, ...rest } = entity as Item;
  return rest;
}

/**
 * Keep only these attributes (dotted paths reach into maps) in a query's or batch read's answer. Every
 * name goes through ExpressionAttributeNames, so reserved words such as `status` need no care.
 */
export function addProjection(
  input: {
    ProjectionExpression?: string | undefined;
    ExpressionAttributeNames?: Record<string, string> | undefined;
  },
  attributes: readonly string[],
): void {
  const names: Record<string, string> = { ...input.ExpressionAttributeNames };
  input.ProjectionExpression = attributes
    .map((a) =>
      a
        .split('.')
        .map((part) => {
          names[`#${part}`] = part;
          return `#${part}`;
        })
        .join('.'),
    )
    .join(', ');
  input.ExpressionAttributeNames = names;
}
