import { describe, expect, it } from 'vitest';
import { parsePlanFile } from './index.js';

/**
 * Issue 15: cells under a column the importer does not know were attached to the previous row's action
 * (row 1's to the plan's unplaced text, row 2's to action 1, …). Each stays on its own row, named by
 * its header.
 */
describe('cells under an unknown column (the shifted-by-one bug)', () => {
  const csv = [
    'Action,Lead,Deadline,Funding stream',
    'Run a staff survey,Head of HR,March 2025,Core budget',
    'Train all managers in coaching,OD Lead,June 2025,Apprenticeship levy',
    'Publish a wellbeing offer,HR Business Partner,September 2025,Public health grant',
  ].join('\n');

  it('keeps each row’s cell with that row’s action, under the column’s name', async () => {
    const plan = await parsePlanFile(csv, { filename: 'plan.csv' });
    expect(plan.format).toBe('csv');
    const actions = plan.themes.flatMap((t) => t.actions);
    expect(actions.map((a) => [a.title, a.extra])).toEqual([
      ['Run a staff survey', [{ label: 'Funding stream', text: 'Core budget' }]],
      ['Train all managers in coaching', [{ label: 'Funding stream', text: 'Apprenticeship levy' }]],
      ['Publish a wellbeing offer', [{ label: 'Funding stream', text: 'Public health grant' }]],
    ]);
    expect(plan.unplaced).toEqual([]);
    expect(actions.flatMap((a) => a.unplaced)).toEqual([]);
  });
});

describe('a Target column beside the action', () => {
  it('is the figure aimed for, kept under its name, not joined onto the title', async () => {
    const plan = await parsePlanFile(
      Buffer.from(
        'Ref,Action,Lead,Deadline,Measure,Baseline,Target\n2b,Apprenticeship levy utilisation plan,Apprenticeship Lead,Apr-26,Levy spent (%),54%,90%\n',
      ),
      { filename: 'plan.csv' },
    );
    const [a] = plan.themes.flatMap((t) => t.actions);
    expect(a!.title).toBe('Apprenticeship levy utilisation plan');
    expect(a!.extra).toContainEqual({ label: 'Target', text: '90%' });
  });
});
