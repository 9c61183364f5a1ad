import { describe, expect, it } from 'vitest';
import { allActions } from '../../test/helpers.js';
import { parsePlanFile } from '../index.js';

const csv = (rows: string[][]) => rows.map((r) => r.map((c) => `"${c}"`).join(',')).join('\r\n');

describe('a comments cell that points at other actions by their refs', () => {
  it('links each action to the actions its comments name, the words kept as written', async () => {
    const plan = await parsePlanFile(
      csv([
        ['Action No', 'Action', 'Lead', 'Deadline', 'Comments'],
        ['1.1', 'Agree the workforce planning template', 'Head of HR', 'Q3 2026/27', ''],
        [
          '1.2',
          'Every service completes a workforce plan',
          'Heads of Service',
          'Q4 2026/27',
          'Links to action 1.1',
        ],
        [
          '2.1',
          'Refresh the apprenticeship strategy',
          'Apprenticeship Lead',
          'Ongoing',
          'See also 1.2 and 2.2',
        ],
        [
          '2.2',
          'Grow-our-own social work trainees',
          'Principal Social Worker',
          'Sept 2026',
          'Agreed 12/05/26; see 9.9',
        ],
      ]),
      { filename: 'plan.csv' },
    );
    const links = Object.fromEntries(
      allActions(plan).map((a) => [a.ref, a.crossRefs.map((x) => x.targetRef)]),
    );
    expect(links).toEqual({ '1.1': [], '1.2': ['1.1'], '2.1': ['1.2', '2.2'], '2.2': [] });
    expect(allActions(plan)[1]!.progress).toBe('Links to action 1.1');
    // A ref no action has names nothing to link to, and is no problem in a comment.
    expect(plan.warnings.map((w) => w.code)).not.toContain('unresolved-cross-ref');
  });
});
