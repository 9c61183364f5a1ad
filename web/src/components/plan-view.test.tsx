import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ActionTable } from './plan-view.js';

/** The table's accessible names: its scrolling region's label and its caption. */
const names = (caption: string) => {
  const html = renderToStaticMarkup(
    <ActionTable columns={[]} actions={[]} msByAction={new Map()} caption={caption} actionHref={() => '#'} />,
  );
  return [/aria-label="([^"]*)"/.exec(html)?.[1], /<caption[^>]*>([^<]*)<\/caption>/.exec(html)?.[1]];
};

describe('ActionTable names', () => {
  it('names a group’s table after the group', () => {
    expect(names('Recruitment')).toEqual(['Recruitment: actions (table)', 'Recruitment: actions']);
  });

  it('does not say "actions" twice for a group already called so', () => {
    expect(names('Actions')).toEqual(['Actions (table)', 'Actions']);
    expect(names('Other actions')).toEqual(['Other actions (table)', 'Other actions']);
  });
});
