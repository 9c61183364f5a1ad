import { isBlank } from './lines.js';
import { type LayoutRule, row } from './rule.js';

/**
 * Text pasted from Word: a line with tabs is a table row. Blank lines inside a run of rows (Word's page
 * breaks) do not end the table; a paragraph does. Header rows are found later, by their words.
 */
export const tabSeparated: LayoutRule = {
  name: 'tab-separated',
  read(lines, i) {
    if (!lines[i]!.text.includes('\t')) return undefined;
    const items = [];
    let j = i;
    for (; j < lines.length; j++) {
      const l = lines[j]!;
      if (isBlank(l)) continue;
      if (!l.text.includes('\t')) break;
      items.push(row(l.text.split('\t'), l.line, 'tab-separated'));
    }
    // Trailing blank lines belong to what follows.
    while (j > i && isBlank(lines[j - 1])) j--;
    return { items, next: j };
  },
};
