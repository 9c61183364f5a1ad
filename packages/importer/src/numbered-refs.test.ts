import { describe, expect, it } from 'vitest';
import { allActions } from '../test/helpers.js';
import { parsePlanFile } from './index.js';

const tsv = (rows: string[][]) => rows.map((r) => r.join('\t')).join('\n');
const orphanWarnings = (p: Awaited<ReturnType<typeof parsePlanFile>>) =>
  p.warnings.filter((w) => w.code === 'orphan-sub-action').map((w) => w.message);

describe('refs numbered within groups ("1.1", "1.2", "2.1") with no action "1" or "2"', () => {
  it('reads each as an action, and warns of no missing parent', async () => {
    const plan = await parsePlanFile(
      tsv([
        ['Action No', 'Action', 'Lead', 'Deadline'],
        ['1.1', 'Agree the workforce planning template', 'Head of HR', 'Q3 2026/27'],
        ['1.2', 'Every service completes a workforce plan', 'Heads of Service', 'Q4 2026/27'],
        ['2.1', 'Refresh the apprenticeship strategy', 'Apprenticeship Lead', 'March 2027'],
      ]),
    );
    expect(allActions(plan).map((a) => a.ref)).toEqual(['1.1', '1.2', '2.1']);
    expect(orphanWarnings(plan)).toEqual([]);
  });

  it('still warns where the plan nests sub-actions under actions and one parent is missing', async () => {
    const plan = await parsePlanFile(
      tsv([
        ['Ref', 'Action', 'Lead', 'Deadline'],
        ['1', 'Refresh the workforce strategy', 'Head of HR', 'March 2027'],
        ['1.1', 'Consult staff on the draft', 'Head of HR', 'December 2026'],
        ['2.1', 'Run an induction day', 'Learning Team', 'June 2026'],
      ]),
    );
    expect(allActions(plan)[0]!.subActions.map((a) => a.ref)).toEqual(['1.1']);
    expect(orphanWarnings(plan)).toEqual(['No action 2 for sub-action 2.1.']);
  });
});
