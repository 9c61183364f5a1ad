import { badRequest } from '@peopleplan/core';

/**
 * Pagination cursors are opaque to clients but checked on the way back in: a cursor that does not
 * belong to the partition being queried is refused, so it cannot be used to reach another council.
 */
export function encodeCursor(key: Record<string, unknown> | undefined): string | undefined {
  return key ? Buffer.from(JSON.stringify(key)).toString('base64url') : undefined;
}

export function decodeCursor(
  cursor: string | undefined,
  partitionAttr: string,
  partition: string,
): Record<string, unknown> | undefined {
  if (!cursor) return undefined;
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw badRequest('Invalid cursor', [{ path: 'cursor', message: 'not a cursor this API issued' }]);
  }
  if (
    typeof key !== 'object' ||
    key === null ||
    (key as Record<string, unknown>)[partitionAttr] !== partition
  ) {
    throw badRequest('Invalid cursor', [{ path: 'cursor', message: 'not a cursor this API issued' }]);
  }
  return key as Record<string, unknown>;
}
