import { describe, expect, it } from 'vitest';
import { meansTheSame } from './same-meaning.js';

describe('meansTheSame: values that say the same thing', () => {
  it('counts every kind of nothing as none', () => {
    for (const [a, b] of [
      [undefined, ''],
      [undefined, null],
      ['', '   '],
      [undefined, {}],
      [{}, { body: '' }],
      [undefined, { body: undefined, date: '' }],
      [undefined, []],
    ] as const) {
      expect(meansTheSame(a, b), `${JSON.stringify(a)} and ${JSON.stringify(b)}`).toBe(true);
    }
  });

  it('reads objects whatever the order of their keys, and leaves out fields that say nothing', () => {
    expect(
      meansTheSame(
        { start: '2025-04-01', end: '2028-03-31', label: '2025–2028' },
        { label: '2025–2028', start: '2025-04-01', end: '2028-03-31' },
      ),
    ).toBe(true);
    expect(meansTheSame({ body: 'Cabinet' }, { body: 'Cabinet', date: '' })).toBe(true);
    expect(meansTheSame([{ label: 'Q1', date: '2026-06-30' }], [{ date: '2026-06-30', label: 'Q1' }])).toBe(
      true,
    );
  });

  it('still sees real changes', () => {
    expect(meansTheSame(undefined, 'Theme')).toBe(false);
    expect(meansTheSame({ label: '2025–2028' }, { label: '2025–2029' })).toBe(false);
    expect(meansTheSame({ body: 'Cabinet' }, {})).toBe(false);
    expect(meansTheSame(['a', 'b'], ['b', 'a'])).toBe(false);
    expect(meansTheSame(0, undefined)).toBe(false);
    expect(meansTheSame(false, undefined)).toBe(false);
    expect(meansTheSame('Pay', 'Pay ')).toBe(false);
  });
});
