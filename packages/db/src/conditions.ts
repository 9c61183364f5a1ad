/**
 * Guards added to a write built elsewhere: a plan not archived (store.ts `unlessArchived`), a mark
 * unchanged (theme-marks.ts), an action still open (milestones-with-action.ts), an update's own
 * condition (recent-updates.ts). One place ANDs a condition onto a transaction item's own.
 */
import type { TransactItem } from './store.js';

const KINDS = ['Put', 'Update', 'Delete', 'ConditionCheck'] as const;
type Kind = (typeof KINDS)[number];
type Write = NonNullable<TransactItem[Kind]>;

/** The write a transaction item holds, whichever kind it is. */
export function writeOf(item: TransactItem): { kind: Kind; write: Write } {
  const kind = KINDS.find((k) => item[k]);
  if (!kind) throw new Error('a transaction item holds no write');
  return { kind, write: item[kind]! };
}

/**
 * The item, on condition also of `condition` (with its names and values); an item with no condition of
 * its own requires the item to exist. `more` sets other fields of the write (an update expression).
 */
export function andCondition(
  item: TransactItem,
  condition: string,
  names: Record<string, string> = {},
  values: Record<string, unknown> = {},
  more: Partial<Write> = {},
): TransactItem {
  const { kind, write } = writeOf(item);
  return {
    [kind]: {
      ...write,
      ConditionExpression: `(${write.ConditionExpression ?? 'attribute_exists(PK)'}) AND ${condition}`,
      ExpressionAttributeNames: { ...write.ExpressionAttributeNames, ...names },
      ExpressionAttributeValues: { ...write.ExpressionAttributeValues, ...values },
      ...more,
    },
  } as TransactItem;
}
