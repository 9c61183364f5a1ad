/**
 * Cleans a cell's text the way a reader sees it: Word/HTML debris removed, odd spaces and dashes
 * made plain, so the parser only has to know one spelling of each thing. The original text is kept
 * elsewhere; this is only for reading.
 */
import { civilDateAt, isCalendarDate } from '@peopleplan/core';
import { decode } from 'html-entities';

const SPACES = /[\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\t\r\n\f\v]/g;
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff\u00ad]/g;
const DASHES = /[\u2010-\u2015\u2212\ufe58\ufe63\uff0d]/g;
const QUOTES = /[\u2018\u2019\u201b\u2032`]/g;
const DOUBLE_QUOTES = /[\u201c\u201d\u201f\u2033]/g;
const BULLETS = /[\u2022\u2023\u25aa\u25ab\u25cf\u25e6\u2043\u2219\u00b7\u25a0\u25a1\uf0b7]/g;
/** Vulgar fractions councils type in durations ("1½ years"). */
const FRACTIONS: Record<string, string> = { '¼': '.25', '½': '.5', '¾': '.75' };

/** Plain printable ASCII with single spaces and no markup needs nothing but a trim. */
const NEEDS_WORK = /[^\x20-\x7e]|[<&[\]]| {2}|\d (?:st|nd|rd|th)\b/i;

export function normalise(text: string): string {
  if (!NEEDS_WORK.test(text)) return text.trim();
  return (
    decode(text.replace(/<[^>]*>/g, ' '))
      // A tag can hide inside an entity (&lt;p&gt;): strip again after decoding.
      .replace(/<\/?[a-z][^>]*>/gi, ' ')
      .replace(INVISIBLE, '')
      .replace(SPACES, ' ')
      .replace(DASHES, '-')
      .replace(QUOTES, "'")
      .replace(DOUBLE_QUOTES, '"')
      .replace(BULLETS, ' ')
      .replace(/(\d)\s*([¼½¾])/g, (_, whole: string, f: string) => `${whole}${FRACTIONS[f]}`)
      .replace(/[¼½¾]/g, (f) => `0${FRACTIONS[f]}`)
      // Word splits ordinals from their numbers: "1 st April" → "1st April".
      .replace(/\b(\d{1,2})\s+(st|nd|rd|th)\b/gi, '$1$2')
      .replace(/[[\]]/g, ' ')
      .replace(/ {2,}/g, ' ')
      .trim()
  );
}

/** A moment with its time zone, as list exports write dates ("2026-03-30T23:00:00Z"). */
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/;

/**
 * A moment is read as the day it falls on in London: SharePoint writes 31 March (BST) as
 * "2026-03-30T23:00:00Z", which is the 31st where the council is. Other text, and a moment on a day that
 * does not exist ("2026-02-30T10:00Z", which Date would roll over into March), is left as it is.
 */
export const asLondonDay = (s: string): string =>
  INSTANT.test(s) && isCalendarDate(s.slice(0, 10)) ? civilDateAt(s) : s;
