import { describe, expect, it } from 'vitest';
import { allActions } from '../test/helpers.js';
import { parsePlanFile } from './index.js';

const tsv = (rows: string[][]) => rows.map((r) => r.join('\t')).join('\n');

describe('a "Done" or "Complete?" column of ticks and tick boxes', () => {
  it('reads a tick as done, an empty box as not yet, and keeps no box as a note', async () => {
    const plan = await parsePlanFile(
      tsv([
        ['Ref', 'Action', 'Lead Officer', 'Target date', 'Complete?'],
        ['R1', 'Launch a refreshed careers website', 'Recruitment Manager', 'Q3 2026/27', '☐'],
        ['R2', 'Introduce guaranteed interviews for care leavers', 'Head of HR', '30/09/2026', '☑'],
        ['R3', 'Publish a menopause policy', 'HR Policy Officer', 'Dec 2026', '✓'],
      ]),
    );
    const actions = allActions(plan);
    expect(actions.map((a) => a.status)).toEqual([undefined, 'completed', 'completed']);
    expect(actions.map((a) => a.extra ?? [])).toEqual([[], [], []]);
  });

  it('leaves a "Completed" column of percentages as it was read', async () => {
    const plan = await parsePlanFile(
      tsv([
        ['Ref', 'Action', 'Lead Officer', 'Target date', 'Completed'],
        ['R1', 'Launch a refreshed careers website', 'Recruitment Manager', 'Q3 2026/27', '50%'],
        ['R2', 'Introduce guaranteed interviews for care leavers', 'Head of HR', '30/09/2026', '100%'],
      ]),
    );
    expect(allActions(plan).map((a) => a.status)).toEqual([undefined, undefined]);
    expect(allActions(plan)[0]!.extra).toEqual([{ label: 'Completed', text: '50%' }]);
  });
});
