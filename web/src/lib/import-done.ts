import { plural, type ThemeWords } from '@peopleplan/core';

/** What a committed import made, as the commit answers it (`ImportCommitted.counts`). */
export type ImportCounts = Partial<
  Record<'themes' | 'actions' | 'milestones' | 'updates' | 'people', number>
>;

/**
 * The "Plan imported" page's account of what was made, so the officer can check it against the document
 * before closing the page: the plan's groups in its own word, its actions and milestones, progress
 * carried over, and the people added to the directory (who get no alerts until someone gives each an
 * email address, hence the next step).
 */
export function importedWords(counts: ImportCounts, words: ThemeWords): { made: string; people?: string } {
  const n = (k: keyof ImportCounts) => counts[k] ?? 0;
  const groups = n('themes') === 1 ? words.inSentence : words.pluralInSentence;
  const parts = [`${n('themes')} ${groups}`, plural(n('actions'), 'action')];
  if (n('milestones')) parts.push(plural(n('milestones'), 'milestone'));
  if (n('updates')) parts.push(plural(n('updates'), 'progress update'));
  const made = `The plan has ${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}.`;
  if (!n('people')) return { made };
  const people =
    n('people') === 1
      ? '1 lead was added to the people directory as a new person, marked for checking. Give them an email address so that alerts reach them.'
      : `${n('people')} leads were added to the people directory as new people, marked for checking. Give each an email address so that alerts reach them.`;
  return { made, people };
}
