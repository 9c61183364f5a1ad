import type { HTMLElement } from 'node-html-parser';

/**
 * A table cell whose words are all struck through: Word's strikethrough as mammoth writes it (`<s>`),
 * or a web page's `<del>`/`<strike>`. Word's tracked deletions never reach here (mammoth drops them).
 */
export function isStruckHtml(cell: HTMLElement): boolean {
  const all = cell.text.replace(/\s+/g, '');
  if (!all) return false;
  const struck = cell
    .querySelectorAll('s, del, strike')
    .filter((el) => !el.parentNode?.closest('s, del, strike'))
    .map((el) => el.text.replace(/\s+/g, ''))
    .join('');
  return struck.length >= all.length;
}
