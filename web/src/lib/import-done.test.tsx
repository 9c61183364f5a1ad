import { nounWords, themeWordsOf } from '@peopleplan/core';
import { describe, expect, it } from 'vitest';
import { importedWords } from './import-done.js';

describe('importedWords: what the "Plan imported" page says was made', () => {
  const words = themeWordsOf({ kind: 'people-strategy' });

  it('counts the plan’s groups in its own word, its actions, and milestones and updates when there are any', () => {
    expect(importedWords({ themes: 3, actions: 8, milestones: 0, updates: 0, people: 0 }, words)).toEqual({
      made: 'The plan has 3 key priorities and 8 actions.',
    });
    expect(
      importedWords({ themes: 1, actions: 1, milestones: 7, updates: 2 }, nounWords('Objective')),
    ).toEqual({
      made: 'The plan has 1 objective, 1 action, 7 milestones and 2 progress updates.',
    });
  });

  it('says how many leads became new people to check', () => {
    expect(importedWords({ themes: 3, actions: 8, people: 6 }, words).people).toBe(
      '6 leads were added to the people directory as new people, marked for checking. Give each an email address so that alerts reach them.',
    );
    expect(importedWords({ themes: 1, actions: 2, people: 1 }, words).people).toMatch(/^1 lead was added/);
  });
});
