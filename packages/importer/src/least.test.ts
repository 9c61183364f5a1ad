import { describe, expect, it } from 'vitest';
import { least } from './least.js';

describe('least', () => {
  it('takes the least of more numbers than a call can take as arguments', () => {
    const many = Array.from({ length: 1_000_000 }, (_, i) => 1_000_000 - i);
    expect(() => Math.min(...many)).toThrow(RangeError);
    expect(least(many)).toBe(1);
  });

  it('is Infinity for none, as Math.min() is', () => {
    expect(least([])).toBe(Number.POSITIVE_INFINITY);
  });
});
