import { describe, expect, it } from 'vitest';
import { parsePlanFile } from './index.js';

/** A "Milestones" column of dated steps, one a line, and sub-actions lettered under sub-actions. */
const PLAN = [
  ['Ref', 'Action', 'Milestones', 'Lead', 'Completion date'],
  ['1', 'Implement the new pay and grading structure', '', 'Head of Reward', 'April 2027'],
  [
    '1.1',
    'Complete job evaluation of all posts',
    'Jun 2026 – evaluation panels trained\\nSep 2026 – 80% of posts evaluated\\nAll posts evaluated (by December 2026)',
    'Reward Manager',
    'December 2026',
  ],
  [
    '1.3',
    'Report the new structure',
    'Report to Cabinet: 12/03/2026\\nTrain panels by end of June 2026\\nPhase 1: Sept–Dec 2025',
    'Reward Manager',
    'March 2026',
  ],
  [
    '1.1a',
    'Evaluate the schools support roles',
    '15/07/2026: job descriptions collected',
    'HR Adviser',
    'September 2026',
  ],
  [
    '1.2',
    'Model the cost of the new structure',
    'Quarterly updates to CMT\\nRevised date: 31/12/2025 (awaiting union sign-off)',
    'Payroll Manager',
    'October 2026',
  ],
];

describe('a milestones column', () => {
  it('gives each action its dated steps, and keeps a line with no date with a note', async () => {
    const text = PLAN.map((r) => r.map((c) => `"${c.replace(/\\n/g, '\n')}"`).join(',')).join('\n');
    const plan = await parsePlanFile(text, { filename: 'plan.csv' });
    const one = plan.themes[0]!.actions[0]!;
    expect(one.subActions.map((a) => a.ref)).toEqual(['1.1', '1.3', '1.2']);
    const report = one.subActions.find((a) => a.ref === '1.3')!;
    expect(report.milestones.map((m) => [m.title, m.due.kind, m.due.due])).toEqual([
      ['Report to Cabinet', 'date', '2026-03-12'],
      ['Train panels', 'date', '2026-06-30'],
      ['Phase 1', report.milestones[2]?.due.kind, '2025-12-31'],
    ]);
    const evaluation = one.subActions[0]!;
    expect(evaluation.milestones.map((m) => [m.title, m.due.kind === 'date' && m.due.due])).toEqual([
      ['evaluation panels trained', '2026-06-30'],
      ['80% of posts evaluated', '2026-09-30'],
      ['All posts evaluated', '2026-12-31'],
    ]);
    // "1.1a" is a step of 1.1, not of 1.
    expect(evaluation.subActions.map((a) => a.ref)).toEqual(['1.1a']);
    expect(evaluation.subActions[0]!.milestones.map((m) => m.due.kind === 'date' && m.due.due)).toEqual([
      '2026-07-15',
    ]);
    const cost = one.subActions.find((a) => a.ref === '1.2')!;
    expect(cost.milestones).toEqual([]);
    expect(cost.unplaced).toEqual([
      'Quarterly updates to CMT',
      'Revised date: 31/12/2025 (awaiting union sign-off)',
    ]);
    expect(plan.warnings.map((w) => w.code)).toContain('undated-milestone');
  });
});
