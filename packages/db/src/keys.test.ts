import { describe, expect, it } from 'vitest';
import { councilPk, partnershipPk, sk } from './keys.js';

const HOSTILE = ['a#b', '#', 'x\u0000y', 'line\nbreak', '\u007f', ''];

describe('key builders refuse the key separator and control characters (defence in depth)', () => {
  const builders: Array<[string, (...args: never[]) => string]> = [
    ['councilPk', councilPk as never],
    ['partnershipPk', partnershipPk as never],
    ...Object.entries(sk).map(([name, fn]) => [`sk.${name}`, fn] as [string, (...args: never[]) => string]),
  ];

  it.each(builders.filter(([, fn]) => fn.length > 0))('%s builds a key from safe parts', (_, fn) => {
    const key = fn(...(Array.from({ length: fn.length }, () => 'PART01') as never[]));
    expect(key).toContain('PART01');
  });

  it.each(builders.filter(([, fn]) => fn.length > 0))(
    '%s refuses a hostile value in every position',
    (_, fn) => {
      for (let i = 0; i < fn.length; i++) {
        for (const bad of HOSTILE) {
          const args = Array.from({ length: fn.length }, (_, j) => (j === i ? bad : 'PART01'));
          expect(() => fn(...(args as never[])), `argument ${i}: ${JSON.stringify(bad)}`).toThrow(
            expect.objectContaining({ code: 'bad-request' }),
          );
        }
      }
    },
  );
});
