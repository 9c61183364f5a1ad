import { DomainError } from '@peopleplan/core';

/**
 * DynamoDB refuses an item over 400 KB (names and values, UTF-8). Every write is measured first and a
 * too-large one answers 413 naming the field that makes it so, instead of failing in the database
 * (a 500) or, worse, after part of a change went in. The budget leaves room for storage attributes.
 */
export const MAX_ITEM_BYTES = 380_000;

const encoder = new TextEncoder();
/** Short printable-ASCII strings are their length; anything else is measured. */
const utf8 = (s: string) => (s.length < 64 && /^[\x20-\x7e]*$/.test(s) ? s.length : encoder.encode(s).length);

/** Bytes of a value as DynamoDB counts them (close enough to stay well inside the limit). */
export function valueSize(v: unknown): number {
  if (v === null || v === undefined || typeof v === 'boolean') return 1;
  if (typeof v === 'string') return utf8(v);
  if (typeof v === 'number') return Math.ceil(String(v).replace(/^-|\.|e.*$/g, '').length / 2) + 1;
  if (v instanceof Uint8Array) return v.byteLength;
  if (Array.isArray(v)) return 3 + v.reduce<number>((n, x) => n + 1 + valueSize(x), 0);
  if (v instanceof Set) return [...v].reduce<number>((n, x) => n + valueSize(x), 0);
  if (typeof v === 'object') {
    return 3 + Object.entries(v).reduce((n, [k, x]) => n + 1 + utf8(k) + valueSize(x), 0);
  }
  return utf8(String(v));
}

/**
 * DynamoDB refuses a transaction whose items come to over 4 MB (a 500 here, and nothing written). The
 * budget leaves room as MAX_ITEM_BYTES does: an Update is counted by what it sends, not the item it makes.
 */
export const MAX_TRANSACTION_BYTES = 3_800_000;

/** Bytes a transaction's writes send: each Put's item, each other write's key and values. */
export function transactionSize(
  items: ReadonlyArray<
    Partial<Record<string, { Item?: unknown; Key?: unknown; ExpressionAttributeValues?: unknown }>>
  >,
): number {
  let n = 0;
  for (const t of items) {
    for (const w of Object.values(t)) {
      if (!w) continue;
      n +=
        valueSize(w.Item ?? w.Key) +
        (w.ExpressionAttributeValues ? valueSize(w.ExpressionAttributeValues) : 0);
    }
  }
  return n;
}

/**
 * `items` in order, in transactions of at most `maxItems` items and MAX_TRANSACTION_BYTES each (an item
 * over it alone goes alone, for the store to refuse).
 */
export function inTransactions<T extends Parameters<typeof transactionSize>[0][number]>(
  items: readonly T[],
  maxItems: number,
): T[][] {
  const out: T[][] = [];
  let current: T[] = [];
  let bytes = 0;
  for (const item of items) {
    const size = transactionSize([item]);
    if (current.length && (current.length >= maxItems || bytes + size > MAX_TRANSACTION_BYTES)) {
      out.push(current);
      current = [];
      bytes = 0;
    }
    current.push(item);
    bytes += size;
  }
  if (current.length) out.push(current);
  return out;
}

export function itemSize(item: Record<string, unknown>): number {
  let n = 0;
  for (const [k, v] of Object.entries(item)) n += utf8(k) + valueSize(v);
  return n;
}

/** The top-level attribute (dotted into one level of an object) that weighs most. */
function heaviest(item: Record<string, unknown>): { path: string; bytes: number } {
  let best = { path: '', bytes: -1 };
  for (const [k, v] of Object.entries(item)) {
    const bytes = valueSize(v);
    if (bytes > best.bytes) best = { path: k, bytes };
  }
  return best;
}

const kb = (n: number) => `${Math.round(n / 1024)} KB`;

/**
 * Throws 413 when an item would not fit; names the field most to blame, or `blame`: what the request
 * adds to an item written by an Update (not a Put, which transact measures), the part the person can
 * shorten.
 */
export function assertItemFits(item: Record<string, unknown>, what: string, blame?: string): void {
  const size = itemSize(item);
  if (size <= MAX_ITEM_BYTES) return;
  if (blame) {
    throw new DomainError(
      'payload-too-large',
      `With this ${blame}, the ${what} would be too large to save (${kb(size)}; at most ${kb(MAX_ITEM_BYTES)}): shorten the ${blame}, or the ${what}’s longest texts`,
      [{ path: blame, message: `too long for this ${what}: ${kb(size - MAX_ITEM_BYTES)} over` }],
    );
  }
  const field = heaviest(item);
  throw new DomainError(
    'payload-too-large',
    `The ${what} is too large to save (${kb(size)}; at most ${kb(MAX_ITEM_BYTES)}): shorten ${field.path} (${kb(field.bytes)})`,
    [{ path: field.path, message: `too long: ${kb(field.bytes)} of text` }],
  );
}
