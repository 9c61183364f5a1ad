import { describe, expect, it } from 'vitest';
import { parsePlanFile } from './index.js';

/**
 * A peer challenge or audit plan: each row a recommendation, beside the actions agreed for it. The row is
 * the recommendation, tracked as one; its actions say how it will be done.
 */
const PLAN = [
  'Corporate Peer Challenge 2026 – Action Plan',
  'No.,Peer team recommendation,Our response,Key actions,Lead officer,Timescale',
  '1,Set out a workforce plan linked to the budget,Agreed,"a) Draft the plan with the 2027/28 budget',
  'b) Report workforce costs to Cabinet quarterly",Director of Resources,February 2027',
  '2,Grow the next senior managers,Agreed,a) Commission a leadership programme,Head of HR and OD,March 2027',
].join('\n');

describe('a recommendation beside its key actions', () => {
  it('is one action titled by the recommendation, its key actions kept as how it will be done', async () => {
    const plan = await parsePlanFile(Buffer.from(PLAN), { filename: 'peer.csv', kindHint: 'peer-review' });
    const actions = plan.themes.flatMap((t) => t.actions);
    expect(actions.map((a) => [a.ref, a.title, a.description])).toEqual([
      [
        '1',
        'Set out a workforce plan linked to the budget',
        'a) Draft the plan with the 2027/28 budget\nb) Report workforce costs to Cabinet quarterly',
      ],
      ['2', 'Grow the next senior managers', 'a) Commission a leadership programme'],
    ]);
    expect(actions.map((a) => a.leads.map((l) => l.label))).toEqual([
      ['Director of Resources'],
      ['Head of HR and OD'],
    ]);
  });
});
