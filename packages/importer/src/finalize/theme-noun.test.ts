import { describe, expect, it } from 'vitest';
import { readSeed, SEED } from '../../test/helpers.js';
import { parsePlanFile } from '../index.js';
import { toEntities } from '../to-entities.js';
import { councilThemeNoun } from './theme-noun.js';

const labelled = (...labels: (string | undefined)[]) => labels.map((label) => ({ label }));

describe('what the council calls its plan’s groups', () => {
  it.each([
    [labelled('Theme 1: Pay', 'Theme 2: Wellbeing', 'Theme 3: Skills'), 'Theme'],
    [labelled('PRIORITY 1: Prevention', 'PRIORITY 2: Productivity'), 'Priority'],
    [labelled('Objective one', 'Objective two', undefined), 'Objective'],
    [labelled('Key priority 1: Finding people', 'Key priority 2: Diversity'), 'Key priority'],
    [labelled('Outcome A – Healthy workforce', 'Outcome B – Skilled workforce'), 'Outcome'],
    // A group's noun and a colon, no number: a sheet's title row "Priority: Recruitment & Retention".
    [labelled('Priority: Recruitment & Retention', 'Priority: EDI', 'Priority: Health'), 'Priority'],
    [labelled('Strategic objective: Pay', 'Strategic objective: Skills'), 'Strategic objective'],
  ])('%j: %s', (themes, noun) => expect(councilThemeNoun(themes)).toBe(noun));

  it.each([
    // Headings that disagree, or most with none, say nothing.
    [labelled('Theme 1: Pay', 'Objective 2: Skills')],
    [labelled('Theme 1: Pay', undefined, undefined)],
    // A year is not a group's number; "Action 3" numbers an action.
    [labelled('Recruitment 2026: new posts', 'Retention 2026: exit interviews')],
    [labelled('Action 1', 'Action 2')],
    // A colon after a word that names no group is a topic's: "Workforce: recruitment".
    [labelled('Workforce: recruitment', 'Workforce: retention')],
    [[]],
  ])('%j: none', (themes) => expect(councilThemeNoun(themes)).toBeUndefined());

  it('reads it from a plan, and the plan keeps it', async () => {
    const text = [
      'Workforce Plan 2026-27',
      'Theme 1: Recruitment',
      'Ref\tAction\tLead\tDeadline',
      '1.1\tLaunch the apprenticeship scheme\tHead of HR\tMarch 2027',
      'Theme 2: Wellbeing',
      'Ref\tAction\tLead\tDeadline',
      '2.1\tRefresh the sickness absence policy\tHR Adviser\tJune 2027',
    ].join('\n');
    const parsed = await parsePlanFile(text);
    expect(parsed.themeNoun).toBe('Theme');
    const { plan } = toEntities(parsed, {
      councilId: 'harrow',
      importId: '01J00000000000000000000000',
      actor: { sub: 'u1', name: 'Ed' },
      people: [],
      now: '2026-12-06T10:00:00.000Z',
    });
    expect(plan.themeNoun).toBe('Theme');
    expect((await parsePlanFile(readSeed(SEED.kent))).themeNoun).toBe('Priority');
  });

  it('reads a group cell written as a heading beside its first action as both', async () => {
    const plan = await parsePlanFile(
      [
        'Workforce plan 2026-27',
        'Objective\tRef\tAction\tLead\tDeadline',
        'Objective 1: Pay\t1.1\tReview pay policy\tHead of HR\tMarch 2027',
        '\t1.2\tBenchmark salaries\tReward lead\tJune 2027',
        'Objective 2: Wellbeing\t2.1\tWellbeing champions\tOD Manager\tMay 2027',
      ].join('\n'),
    );
    expect(plan.themes.map((t) => [t.title, t.actions.map((a) => `${a.ref} ${a.title}`)])).toEqual([
      ['Pay', ['1.1 Review pay policy', '1.2 Benchmark salaries']],
      ['Wellbeing', ['2.1 Wellbeing champions']],
    ]);
    expect(plan.themeNoun).toBe('Objective');
  });

  it('takes a "People Plan" or "Workforce Plan" for a people strategy', async () => {
    for (const title of ['Harrow People Plan 2026-2029', 'Workforce Plan 2026/27']) {
      const plan = await parsePlanFile(
        `${title}\nRef\tAction\tLead\tDeadline\n1\tRecruit apprentices\tHead of HR\tMarch 2027`,
      );
      expect(plan.kind, title).toBe('people-strategy');
    }
  });
});
