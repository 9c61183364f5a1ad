import { describe, expect, it } from 'vitest';
import { MERGE_CHUNK, mergeBatches } from './people-merge.js';
import { MAX_TRANSACTION_ITEMS } from './store.js';

type Ref = { kind: 'actions' | 'plans' | 'members'; planId?: string };
const actions = (planId: string, n: number): Ref[] =>
  Array.from({ length: n }, () => ({ kind: 'actions', planId }));
/**
 * Items a batch's transaction holds: the two guards (the merge's own, the survivor still here), each change
 * with its audit event, each plan check.
 */
const items = (b: { refs: Ref[]; checks: string[] }) => 2 + 2 * b.refs.length + b.checks.length;

describe('mergeBatches', () => {
  it('fills a transaction with one plan’s actions and checks that plan once', () => {
    const batches = mergeBatches(actions('p1', MERGE_CHUNK));
    expect(batches).toHaveLength(1);
    expect(batches[0]!.checks).toEqual(['p1']);
    // One change more (two items) would not fit.
    expect(items(batches[0]!)).toBeGreaterThan(MAX_TRANSACTION_ITEMS - 2);
    expect(mergeBatches(actions('p1', MERGE_CHUNK + 1))).toHaveLength(2);
  });

  it('checks every plan whose actions it changes, and never holds more than a transaction takes', () => {
    const refs = [
      ...actions('p1', 30),
      ...actions('p2', 30),
      { kind: 'members' } as Ref,
      ...actions('p3', 45),
      ...Array.from({ length: 40 }, (_, i) => actions(`q${i}`, 1)).flat(),
    ];
    const batches = mergeBatches(refs);
    expect(batches.flatMap((b) => b.refs)).toEqual(refs);
    for (const b of batches) {
      expect(items(b)).toBeLessThanOrEqual(MAX_TRANSACTION_ITEMS);
      const plans = new Set(b.refs.filter((r) => r.kind === 'actions').map((r) => r.planId));
      expect(new Set(b.checks)).toEqual(plans);
    }
  });

  it('does not check a plan whose own header changes in the same transaction (one operation per item)', () => {
    const refs: Ref[] = [...actions('p1', 3), { kind: 'plans', planId: 'p1' }, ...actions('p1', 2)];
    const [b] = mergeBatches(refs);
    expect(b!.checks).toEqual([]);
    expect(b!.refs).toHaveLength(6);
  });
});
