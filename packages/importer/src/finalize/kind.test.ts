import { describe, expect, it } from 'vitest';
import { parsePlanFile } from '../index.js';
import { readStatusOf } from './kind.js';

describe('readStatusOf: a council’s status or RAG cell', () => {
  it.each([
    ['Green', 'on-track', true],
    ['G', 'on-track', true],
    ['Amber', 'at-risk', true],
    ['A', 'at-risk', true],
    ['Red', 'off-track', true],
    ['Blue', 'completed', true],
    ['Complete', 'completed', true],
    ['Green - on track', 'on-track', true],
    ['Not started', 'not-started', true],
    ['On track', 'on-track', true],
    ['Complete (July 2026)', 'completed', false],
    ['Amber/Red', 'off-track', false],
    ['Grey', 'not-started', true],
    ['C', 'completed', true],
    ['Delayed', 'off-track', true],
    ['Behind schedule', 'off-track', true],
    ['Some slippage', 'at-risk', true],
    ['In progress', 'on-track', true],
    ['Implemented', 'completed', true],
    // A rating as an emoji (pasted from Teams or Planner) or a tick.
    ['🟢', 'on-track', true],
    ['🟠', 'at-risk', true],
    ['🟡', 'at-risk', true],
    ['🔴', 'off-track', true],
    ['🔵', 'completed', true],
    ['🟢 On track', 'on-track', true],
    ['🟥', 'off-track', true],
    ['✓', 'completed', true],
    ['✔️', 'completed', true],
    ['☑', 'completed', true],
    ['✅ Done', 'completed', true],
    ['Done', 'completed', true],
    ['Closed', 'completed', true],
    ['Delivered', 'completed', true],
    ['On target', 'on-track', true],
    ['Late', 'off-track', true],
  ] as const)('%s reads as %s', (cell, status, exact) => {
    expect(readStatusOf(cell)).toMatchObject({ status, exact });
  });

  // States that name no rating: read as a reader would, the person told (`assumed`) and the words kept.
  // "On hold" is never deferred, which would close it and stop its alerts: it is still to be done.
  it.each([
    ['Waiting on someone else', 'at-risk'],
    ['On hold', 'at-risk'],
    ['Paused pending restructure', 'at-risk'],
    ['Blocked', 'off-track'],
    ['Stuck', 'off-track'],
    ['Working on it', 'on-track'],
    ['Superseded – see 2.4', 'cancelled'],
    ['Merged with 3.1', 'cancelled'],
    // Task tools' and trackers' states, each read as the product's nearest status (status-words.ts).
    ['Not due', 'not-started'],
    ['Not yet due', 'not-started'],
    ['To do', 'not-started'],
    ['Backlog', 'not-started'],
    ['Awaiting approval', 'at-risk'],
    ['Needs attention', 'at-risk'],
    ['In progress - behind schedule', 'off-track'],
    ['In progress – delayed', 'off-track'],
    ['Started late', 'off-track'],
    ['In progress – slipping', 'at-risk'],
    ['Not progressing', 'off-track'],
    ['Under review', 'on-track'],
    ['Postponed', 'deferred'],
    ['Carried forward', 'deferred'],
    ['No longer required', 'cancelled'],
    ['Abandoned', 'cancelled'],
    ['Business as usual', 'ongoing'],
    ['BAU', 'ongoing'],
    ['Complete (ongoing)', 'ongoing'],
    ['Done - ongoing', 'ongoing'],
  ] as const)('%s reads as %s, said to be assumed', (cell, status) => {
    expect(readStatusOf(cell)).toMatchObject({ status, exact: false, assumed: expect.any(String) });
  });

  it.each([
    'Red Cross funding agreed',
    'Pending pay benchmarking',
    'Delayed pending pay benchmarking',
    'Started but delayed by the recruitment freeze and the restructure',
    'Partially complete',
    'N/A',
    'Finished phase 1, phase 2 delayed',
    'Started but delayed by the recruitment freeze',
    'x',
    '',
  ])('leaves “%s” to the progress text', (cell) => expect(readStatusOf(cell)).toBeUndefined());

  it('reads a progress cell that says only a status, where the plan has no status of its own', async () => {
    const text = [
      'Ref\tAction\tLead\tProgress',
      '1\tPublish the pay gap report\tHead of HR\tComplete',
      '2\tRefresh induction\tOD Manager\tDraft with CMT for comment',
    ].join('\n');
    const [done, drafting] = (await parsePlanFile(text)).themes[0]!.actions;
    expect([done!.status, done!.progress]).toEqual(['completed', 'Complete']);
    expect([drafting!.status, drafting!.progress]).toEqual([undefined, 'Draft with CMT for comment']);
  });

  it('reads a tracker’s states, tells the person each assumed rating and keeps the words', async () => {
    const text = [
      'Ref\tAction\tLead\tStatus',
      '1\tRefresh the workforce strategy\tHead of HR\tIn progress - delayed',
      '2\tLaunch apprenticeships\tHead of L&D\tNot due',
      '3\tReview pay policy\tHead of Reward\tComplete (ongoing)',
      '4\tNew induction\tHead of HR\tDone',
    ].join('\n');
    const plan = await parsePlanFile(text);
    const actions = plan.themes[0]!.actions;
    expect(actions.map((a) => [a.status, a.progress])).toEqual([
      ['off-track', 'In progress - delayed'],
      ['not-started', 'Not due'],
      ['ongoing', 'Complete (ongoing)'],
      ['completed', undefined],
    ]);
    expect(plan.warnings.filter((w) => w.code === 'status-assumed')).toHaveLength(3);
    expect(plan.warnings.map((w) => w.code)).not.toContain('status-not-read');
  });

  it('says when a status cell’s words are not a status it knows', async () => {
    const text = [
      'Ref\tAction\tLead\tStatus',
      '1\tRefresh the workforce strategy\tHead of HR\tWith CMT',
    ].join('\n');
    const plan = await parsePlanFile(text);
    const action = plan.themes[0]!.actions[0]!;
    expect([action.status, action.progress]).toEqual([undefined, 'With CMT']);
    expect(plan.warnings.find((w) => w.code === 'status-not-read')?.message).toMatch(/"With CMT" is not one/);
  });

  it('imports a RAG column as each action’s status, keeping words that say more with the progress', async () => {
    const text = [
      'Ref\tAction\tLead\tDeadline\tRAG\tUpdate',
      '1\tRefresh the workforce strategy\tHead of HR\tMarch 2027\tAmber\tDraft to CMT in October',
      '2\tLaunch apprenticeships\tHead of L&D\tJune 2027\tG\t',
      '3\tReview pay policy\tHead of Reward\tSeptember 2027\tRed\tDelayed pending benchmarking',
      '4\tNew induction\tHead of HR\tJuly 2026\tComplete (July 2026)\t',
    ].join('\n');
    const plan = await parsePlanFile(Buffer.from(text), { filename: 'plan.txt' });
    const actions = plan.themes.flatMap((t) => t.actions);
    expect(actions.map((a) => a.status)).toEqual(['at-risk', 'on-track', 'off-track', 'completed']);
    expect(actions[0]!.progress).toBe('Draft to CMT in October');
    expect(actions[3]!.progress).toBe('Complete (July 2026)');
  });
});

describe('an Investors in People plan', () => {
  const rows = (title: string) =>
    [
      title,
      'Ref\tAction\tLead\tSuccess measure\tConstraints\tDue',
      '1\tPublish the workforce equality profile\tHead of HR\tProfile published\tData gaps\tSept 2026',
      '2\tSet up staff networks\tEDI Lead\tTwo networks meeting\tTime\tDec 2026',
    ].join('\n');

  it('is never guessed from a success measure or constraints column alone', async () => {
    const plan = await parsePlanFile(rows('Equality, Diversity and Inclusion Action Plan 2026-2028'));
    expect(plan.kind).not.toBe('iip-assessment');
    expect(plan.warnings.map((w) => w.code)).toContain('kind-guessed');
  });

  it('is read from the framework’s words, in the title or a heading', async () => {
    expect((await parsePlanFile(rows('Investors in People Action Plan 2026'))).kind).toBe('iip-assessment');
    const headed = await parsePlanFile(
      ['People Action Plan 2026', 'Indicator 4 – Managing performance', rows('').trim()].join('\n'),
    );
    expect(headed.kind).toBe('iip-assessment');
  });
});
