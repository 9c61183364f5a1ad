import { DomainError } from '@peopleplan/core';

/**
 * Pagination cursors are opaque to clients but checked on the way back in: a cursor must be exactly a
 * key this query could have returned (the key attributes it names, all strings, in the partition being
 * queried, within the range asked for). Anything else answers 400 `bad-cursor` before any read, so a
 * forged cursor can neither reach another council nor make the database fail.
 */
export function encodeCursor(key: Record<string, unknown> | undefined): string | undefined {
  return key ? Buffer.from(JSON.stringify(key)).toString('base64url') : undefined;
}

export interface CursorShape {
  /** The key attributes a cursor of this query holds (table keys, plus index keys for an index). */
  attributes: readonly string[];
  /** The partition key attribute and the value it must have. */
  partition: { attribute: string; value: string };
  /** The sort key attribute and the prefix, or range, its value must fall in. */
  sort?: { attribute: string; prefix?: string; from?: string; to?: string };
}

const badCursor = () =>
  new DomainError('bad-cursor', 'This cursor is not one the API gave out: start from the first page', [
    { path: 'cursor', message: 'not a cursor this API issued for this list' },
  ]);

export function decodeCursor(
  cursor: string | undefined,
  shape: CursorShape,
): Record<string, unknown> | undefined {
  if (!cursor) return undefined;
  if (!/^[A-Za-z0-9_-]{1,2048}$/.test(cursor)) throw badCursor();
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw badCursor();
  }
  if (typeof key !== 'object' || key === null || Array.isArray(key)) throw badCursor();
  const k = key as Record<string, unknown>;
  const names = Object.keys(k).sort();
  const wanted = [...shape.attributes].sort();
  if (names.length !== wanted.length || names.some((n, i) => n !== wanted[i])) throw badCursor();
  if (names.some((n) => typeof k[n] !== 'string' || !(k[n] as string).length)) throw badCursor();
  if (k[shape.partition.attribute] !== shape.partition.value) throw badCursor();
  const sort = shape.sort;
  if (sort) {
    const v = k[sort.attribute] as string;
    if (sort.prefix !== undefined && !v.startsWith(sort.prefix)) throw badCursor();
    if (sort.from !== undefined && v < sort.from) throw badCursor();
    if (sort.to !== undefined && v > sort.to) throw badCursor();
  }
  return k;
}
