import { describe, expect, it } from 'vitest';
import { readSample } from './test-helpers.js';

describe('paragraph-rows', () => {
  it('reads one paragraph per action under a lone column name', () => {
    const r = readSample(
      [
        'Actions',
        '',
        'Give every team leader a half-day on handling sickness absence well',
        '',
        'Send each new starter a welcome pack before their first day at work',
      ].join('\n'),
    );
    expect(r.layouts).toEqual(['paragraph-rows']);
    expect(r.data).toEqual([
      ['Give every team leader a half-day on handling sickness absence well'],
      ['Send each new starter a welcome pack before their first day at work'],
    ]);
  });

  it('is not a table when a single short line follows the name', () => {
    expect(readSample('Actions\n\nSee below.').rows).toEqual([]);
  });
});
