import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Router } from 'wouter';
import type { PersonRow } from '../lib/responses.js';
import { Directory } from './people.js';

const render = (items: Partial<PersonRow>[]) =>
  renderToStaticMarkup(
    <Router ssrPath="/">
      <Directory c="testshire" items={items as PersonRow[]} />
    </Router>,
  );

describe('people directory', () => {
  it('says an empty directory is empty, in a sentence, not as a table of headings alone', () => {
    const html = render([]);
    expect(html).not.toContain('<table');
    expect(html).toContain('No one is in the directory yet.');
  });

  it('counts one person as a person', () => {
    const html = render([{ id: 'p1', name: 'Jo Bloggs', email: 'jo@testshire.gov.uk' }]);
    expect(/<caption[^>]*>([^<]*)<\/caption>/.exec(html)?.[1]).toBe('1 person');
  });
});
