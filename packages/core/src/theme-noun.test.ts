import { describe, expect, it } from 'vitest';
import {
  nounAtStart,
  nounInSentence,
  pluralNoun,
  THEME_NOUN,
  themeNounOf,
  themeWordsOf,
  withArticle,
} from './theme-noun.js';

describe('a plan’s word for its groups, in every place it is shown', () => {
  it('takes the indefinite article by sound', () => {
    expect(withArticle('Objective')).toBe('an objective');
    expect(withArticle('Outcome')).toBe('an outcome');
    expect(withArticle('Area')).toBe('an area');
    expect(withArticle('Priority')).toBe('a priority');
    expect(withArticle('Theme')).toBe('a theme');
    expect(withArticle('Key priority')).toBe('a key priority');
    expect(withArticle('Heading')).toBe('a heading');
    expect(withArticle('Service improvement')).toBe('a service improvement');
    expect(withArticle('HR priority')).toBe('an HR priority');
    expect(withArticle('KPI')).toBe('a KPI');
    expect(withArticle('Unit')).toBe('a unit');
    expect(withArticle('Hour')).toBe('an hour');
    expect(withArticle('aim')).toBe('an aim');
  });

  it('is lower-cased inside a sentence without mangling acronyms or names', () => {
    expect(nounInSentence('Key priority')).toBe('key priority');
    expect(nounInSentence('Key Priority')).toBe('key priority');
    expect(nounInSentence('HR priority')).toBe('HR priority');
    expect(nounInSentence('KPIs')).toBe('KPIs');
    expect(nounInSentence('Plan B')).toBe('plan B');
    expect(nounInSentence('Sub-theme')).toBe('sub-theme');
    expect(nounInSentence('  Theme ')).toBe('theme');
  });

  it('starts a heading with a capital whatever case it was typed in', () => {
    expect(nounAtStart('outcome')).toBe('Outcome');
    expect(nounAtStart('HR priority')).toBe('HR priority');
    expect(themeNounOf({ kind: 'business-plan', themeNoun: 'outcome' })).toBe('Outcome');
    expect(themeNounOf({ kind: 'business-plan', themeNoun: '  ' })).toBe('Priority');
    expect(themeNounOf({ kind: 'people-strategy' })).toBe(THEME_NOUN['people-strategy']);
  });

  it('makes plurals of the head word, keeping its case', () => {
    expect(pluralNoun('Theme')).toBe('Themes');
    expect(pluralNoun('Key priority')).toBe('Key priorities');
    expect(pluralNoun('Area of focus')).toBe('Areas of focus');
    expect(pluralNoun('KPI')).toBe('KPIs');
    expect(pluralNoun('Workstream')).toBe('Workstreams');
    expect(pluralNoun('Focus')).toBe('Focuses');
  });

  it('gives every form at once', () => {
    expect(themeWordsOf({ kind: 'iip-assessment', themeNoun: 'objective' })).toEqual({
      noun: 'Objective',
      nouns: 'Objectives',
      inSentence: 'objective',
      pluralInSentence: 'objectives',
      withArticle: 'an objective',
    });
    expect(themeWordsOf({ kind: 'people-strategy', themeNoun: 'HR priority' })).toMatchObject({
      nouns: 'HR priorities',
      inSentence: 'HR priority',
      withArticle: 'an HR priority',
    });
    expect(themeWordsOf({ kind: 'people-strategy' })).toMatchObject({
      noun: 'Key priority',
      pluralInSentence: 'key priorities',
      withArticle: 'a key priority',
    });
  });
});
