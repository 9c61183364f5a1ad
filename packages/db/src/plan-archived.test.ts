import { describe, expect, it } from 'vitest';
import { cancellation } from './plan-archived.js';

/** A cancelled transaction's reasons, as DynamoDB returns them: one per item, in order. */
const failed = (item?: Record<string, unknown>) => ({
  Code: 'ConditionalCheckFailed',
  ...(item && { Item: item }),
});
const none = { Code: 'None' };

describe('why a transaction was cancelled, in words', () => {
  it('names a person newly named who has just left or been merged away (422)', () => {
    const left = cancellation(
      [none, failed({ type: { S: 'person' }, name: { S: 'Tom Leaver' }, leftOn: { S: '2026-11-16' } })],
      'action',
    );
    expect(left).toMatchObject({
      code: 'unprocessable',
      message: 'Tom Leaver has just been marked as left: choose someone still here.',
    });
    const merged = cancellation([failed({ type: 'person', name: 'Jo Old', mergingInto: 'p2' })], 'plan');
    expect(merged).toMatchObject({
      code: 'unprocessable',
      message: expect.stringContaining('Jo Old was merged into another person'),
    });
  });

  it('keeps the archived plan, the ref taken and the stale version as they were', () => {
    expect(cancellation([failed({ type: 'plan', status: 'archived' })], 'action')).toMatchObject({
      code: 'plan-archived',
    });
    expect(cancellation([failed({ type: 'ref-claim', ref: '5.1' })], 'action')).toMatchObject({
      code: 'conflict',
      message: expect.stringContaining('5.1 was given to another action'),
    });
    // A person's item failing for another reason (gone from the directory) is the general conflict.
    expect(cancellation([failed({ type: 'person', name: 'Still Here' })], 'action')).toMatchObject({
      code: 'conflict',
    });
    expect(cancellation([failed()], 'action')).toMatchObject({ code: 'conflict' });
    expect(cancellation([{ Code: 'TransactionConflict' }], 'action')).toBe('retry');
  });
});
