import { describe, expect, it } from 'vitest';
import { parsePlanFile } from './index.js';

describe('a row with one date in it', () => {
  it('is a row of the plan, not a second header, however much its words sound like column names', async () => {
    const rows = Array.from(
      { length: 5 },
      (_, i) => `${i + 1},Action number ${i + 1},Lead Person ${i},March 2027`,
    );
    const plan = await parsePlanFile(['Ref,Action,Lead,Deadline', ...rows].join('\n'), {
      filename: 'big.csv',
    });
    const actions = plan.themes.flatMap((t) => t.actions);
    expect(actions.map((a) => a.title)).toEqual([1, 2, 3, 4, 5].map((n) => `Action number ${n}`));
    expect(actions[0]!.due).toMatchObject({ due: '2027-03-31' });
  });

  it('still lets a run of year columns head a timeline', async () => {
    const text = ['Action,Lead,2026/27,2027/28,2028/29', 'Review pay,Head of HR,✓,✓,'].join('\n');
    const [action] = (await parsePlanFile(text, { filename: 'years.csv' })).themes.flatMap((t) => t.actions);
    expect(action).toMatchObject({ title: 'Review pay', due: { due: '2028-03-31' } });
  });
});
