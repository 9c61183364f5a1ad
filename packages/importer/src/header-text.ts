/**
 * A header cell as the importer compares it: lower case, `&` as "and", no bracketed notes
 * ("(month/year)"), punctuation as spaces. Its own module so that the rules for kinds of column
 * (timeline.ts, milestone-columns.ts) and header-mapping.ts, which uses them, share it.
 */
export function normalizeHeader(text: string): string {
  return text
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/\([^)]*\)/g, ' ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}
