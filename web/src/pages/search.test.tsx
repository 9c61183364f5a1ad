import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Router } from 'wouter';
import type { SearchHit } from '../lib/responses.js';
import { Hit } from './search.js';

/** What a screen reader says for a result's link: its text, hidden words included. */
const linkName = (h: Partial<SearchHit>) => {
  const html = renderToStaticMarkup(
    <Router ssrPath="/">
      <Hit c="harrow" h={{ matched: [], ...h } as SearchHit} />
    </Router>,
  );
  return /<a [^>]*>(.*?)<\/a>/.exec(html)![1]!.replace(/<[^>]+>/g, '');
};

describe('search results', () => {
  it('names each progress update’s link by its date and action, not only the shared title', () => {
    const update = (id: string, date: string, actionRef: string, actionTitle: string) =>
      linkName({
        kind: 'update',
        id,
        actionId: `a-${id}`,
        title: 'Progress update by Demo data (imported)',
        date,
        planTitle: 'People strategy',
        actionRef,
        actionTitle,
      });
    const one = update('u1', '2005-05-12', '35', 'Develop on-line recruitment');
    const two = update('u2', '2006-01-09', '3', 'Develop a recruitment service');
    expect(one).toBe(
      'Progress update by Demo data (imported), 12 May 2005, in People strategy, action 35: Develop on-line recruitment',
    );
    expect(two).not.toBe(one);
  });

  it('leaves a plan’s link as its title', () => {
    expect(linkName({ kind: 'plan', id: 'p', title: 'People strategy' })).toBe('People strategy');
  });
});
