import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePlanFile } from './index.js';

/**
 * An Investors in People action plan lists its actions under the framework's indicators, the
 * indicator's name repeated on each row beside the action's own column: the indicators are the groups,
 * never joined onto every action's title (as a grouped "Objective" column is read, header-mapping.ts).
 */
describe('an indicator column beside the actions', () => {
  it('groups the actions by indicator', async () => {
    const buf = readFileSync(new URL('../test/fixtures/indicator-groups.csv', import.meta.url));
    const plan = await parsePlanFile(buf, { filename: 'indicator-groups.csv', planStart: '2026-04-01' });
    expect(plan.themes.map((t) => [t.title, t.actions.length])).toEqual([
      ['Leading and inspiring people', 3],
      ['Building capability', 2],
    ]);
    expect(plan.themes[1]!.actions[0]!.title).toBe('Evaluate the ten most used courses');
  });
});
