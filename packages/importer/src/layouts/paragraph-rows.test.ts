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

  it('keeps a row whose columns ran together whole, says so, and carries later paragraphs on', () => {
    const r = readSample(
      [
        'Recommendation Management Response Target date',
        '1. The council should publish its pay gap every year. Agreed: HR will publish it each March. March 2025',
        '',
        'Update at June 2024:',
        'Draft report written.',
        '',
        '2. Exit interviews should be offered to all leavers. Agreed in part. December 2024',
      ].join('\n'),
    );
    expect(r.header).toEqual(['Ref', 'Recommendation', 'Management Response', 'Target date']);
    expect(r.data.map((d) => d[0])).toEqual(['1', '2']);
    expect(r.data[0]![1]).toMatch(/^The council should publish/);
    expect(r.data[0]![2]).toBe('Update at June 2024:\nDraft report written.');
    expect(r.warnings.map((w) => [w.code, w.where])).toEqual([['columns-run-together', 'lines 2–7']]);
  });

  it('is not a table when a single short line follows the name', () => {
    expect(readSample('Actions\n\nSee below.').rows).toEqual([]);
  });
});
