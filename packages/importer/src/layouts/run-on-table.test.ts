import { describe, expect, it } from 'vitest';
import { readSample } from './test-helpers.js';

describe('table-run-into-paragraph', () => {
  it('reads the actions after a run of column names, one per verb, each repeat once', () => {
    const text =
      'Workforce plan 2025-28 Theme Outcome Action 2025–26 Action 2026–27 Action 2027–28 ' +
      'Review the recruitment process for social workers so that offers are made within four weeks ' +
      'Develop a career path for care staff.Introduce a retention bonus for hard to fill posts. ' +
      'The bonus will be reviewed each year. Continue the apprenticeship programme for all services ' +
      'Continue the apprenticeship programme for all services Continue the apprent';
    const r = readSample(text);
    expect(r.layouts).toEqual(['table-run-into-paragraph']);
    expect(r.data.map((d) => d[0])).toEqual([
      'Review the recruitment process for social workers so that offers are made within four weeks',
      'Develop a career path for care staff.',
      'Introduce a retention bonus for hard to fill posts. The bonus will be reviewed each year.',
      'Continue the apprenticeship programme for all services',
    ]);
    expect(r.warnings.map((w) => w.code)).toEqual(['columns-run-together']);
    expect(r.warnings[0]!.message).toContain('2 repeats');
  });

  it('leaves a paragraph that only mentions column words alone', () => {
    const text = `${'The lead officer will report the outcome of each action to the board, who will review the progress made. '.repeat(4)}`;
    expect(readSample(text).rows).toEqual([]);
  });
});
