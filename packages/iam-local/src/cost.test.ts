import { describe, expect, inject, it } from 'vitest';
import { measureEvaluationCost } from './cost.js';

describe('measureEvaluationCost', () => {
  it('measures every case and all three clients (small counts: the figures belong to npm run bench)', async () => {
    const cost = await measureEvaluationCost({
      endpoint: inject('dynamoEndpoint'),
      evaluations: 5,
      roundTrips: 10,
    });
    expect(Object.keys(cost.perCommandMicros)).toEqual(Object.keys(cost.rememberedMicros));
    expect(Object.keys(cost.perCommandMicros)).toHaveLength(6);
    const figures = [
      ...Object.values(cost.perCommandMicros),
      ...Object.values(cost.rememberedMicros),
      ...Object.values(cost.getItemMs),
      ...Object.values(cost.getItemRatio),
    ];
    for (const v of figures) expect(Number.isFinite(v) && v > 0).toBe(true);
  });
});
