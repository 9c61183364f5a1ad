import { oneLine as oneLineOfText } from '@peopleplan/core';

/**
 * Characters XML 1.0 forbids (C0 controls other than tab, LF, CR). A stray one pasted from Word
 * would make a DOCX or XLSX that Office refuses to open, so they are dropped from user text.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

export const xmlSafe = (s: string): string => s.replace(XML_INVALID, '');

/**
 * Text for a one-line field (a calendar's name, an event's title): core's `oneLine`, without the
 * characters XML forbids. Some writers put such a field on its line unescaped (ical-generator's
 * calendar NAME), where a line break would start a line of the caller's choosing.
 */
export const oneLine = (s: string): string => oneLineOfText(xmlSafe(s));

/** A file-name-safe slug: `Divisional Business Plan 2013-14` → `divisional-business-plan-2013-14`. */
export const slugify = (s: string): string =>
  s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80) || 'report';
