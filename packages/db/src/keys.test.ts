import { ulid } from 'ulid';
import { describe, expect, it } from 'vitest';
import { councilPk, partnershipPk, searchShard, searchShardSet, sk } from './keys.js';

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

describe('search shards: a set of 32 for each year items are made in', () => {
  const madeOn = (iso: string) => ulid(Date.parse(iso));
  /** The shard every entry was in before sets began (the hash alone), which items made by 2026 keep. */
  const hashOnly = (id: string) => {
    let h = 0;
    for (let i = 0; i < id.length; i++) h = (h * 31 + id.charCodeAt(i)) >>> 0;
    return h % 32;
  };

  it('keeps items made in 2026 or before, and ids that are not ULIDs, where they were', () => {
    for (const id of [madeOn('2025-02-01T10:00:00Z'), madeOn('2026-12-31T23:59:59Z'), 'demo-plan-1', 'p1']) {
      expect(searchShardSet(id)).toBe(0);
      expect(searchShard(id)).toBe(hashOnly(id));
    }
  });

  it('puts items made in a later year in that year’s set, so no shard fills as years of updates pile up', () => {
    const ids = Array.from({ length: 200 }, (_, i) =>
      madeOn(`2027-${String((i % 12) + 1).padStart(2, '0')}-10T09:00:00Z`),
    );
    for (const id of ids) {
      expect(searchShardSet(id)).toBe(1);
      expect(searchShard(id)).toBe(32 + hashOnly(id));
    }
    expect(new Set(ids.map(searchShard)).size).toBeGreaterThan(24);
    expect(searchShard(madeOn('2031-06-01T00:00:00Z'))).toBeGreaterThanOrEqual(5 * 32);
  });

  it('names a bounded shard whatever the id says', () => {
    expect(searchShardSet('7ZZZZZZZZZZZZZZZZZZZZZZZZZ')).toBe(99);
    // Past a ULID's last time (its first letter above 7): the last set too.
    expect(searchShardSet('8ZZZZZZZZZZZZZZZZZZZZZZZZZ')).toBe(99);
    expect(searchShard('7ZZZZZZZZZZZZZZZZZZZZZZZZZ')).toBeLessThan(100 * 32);
    expect(searchShardSet('01ARZ3NDEKTSV4RRFFQ69G5FAV'.toLowerCase())).toBe(0);
  });
});
