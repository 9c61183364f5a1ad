/**
 * @peopleplan/timescale: reads the deadlines and start dates councils write in their plans into
 * core's `Timescale` (`parseTimescale(text, { anchor, period, calendarQuarters })`).
 *
 * Supported forms (UK conventions; the text is always kept as written):
 * - Days, day first: "31/03/2014", "31.3.14", "1st April 2013", "26 FEBRUARY 2003", "2014-03-31",
 *   "March 31st 2014".
 *   "03/04/05" (every part 12 or under, two-digit year) is day first when that reading falls in the
 *   plan period, or within a year of it while the year-first reading (2003-04-05) does not; else unparsed.
 *   An exact day beside a quarter that cannot be placed ("FY 17 Q3 30/06/2017") is the deadline.
 * - Months mean their last day: "April 08", "Sept 2013", "April13", "Mar-14", "end of June 2013", "by Dec 13",
 *   "mid April 2005" (month end, with a note); "mid-2023" is the year's middle (30 June 2023), while
 *   "Early 07" stays vague. Two-digit years are read nearest the plan period.
 * - Financial years (1 April–31 March): "2013/14", "2013-14", "FY13/14", "2004 –05", "2006 07",
 *   "2005/6", "2013/2014"; "year end" / "end of financial year" / "end of FY" / "FY end" and "year one"
 *   from the plan period.
 * - Quarters of the financial year (Q1 = April–June) unless `calendarQuarters`: "Q1 2013/14",
 *   "Q1-Q2 2013/14", "2014/15 Q2"; a bare "Q3" only inside a one-year plan period.
 * - Meteorological seasons: "Spring 09" (March–May), "Winter 2013/14" (December–February).
 * - Ranges: "April 2013 - March 2014", "Apr-Jun 13", "April/May/June 2005", "2013-2015",
 *   "between 10th September and 7th October" (year from the period); open-ended starts ("From
 *   October 2013", "April 2013 - ongoing", "Autumn 2013 onwards") are ongoing with a start.
 * - Statuses: "Completed", "Done" → completed; "Ongoing", "On-going", "Continuous" → ongoing;
 *   "TBC", "TBA", "To be agreed" → tbc (with a provisional due date when one is written).
 * - Repeats: "Monthly", "Quarterly", "Six-monthly", "Annually", "Each year in April", "Q1, Q2, Q3, Q4".
 * - Relative to `anchor`: "Immediate", "Within 3 months", "over the next year", "Next 6 months, then ongoing",
 *   "Short term", "1½ years"; without an anchor these are `unparsed` with a note.
 * - Events, no date: "Post restructuring", "subject to directorate business plans", "following
 *   the review", "When ...", "In line with the People Plan".
 * - A date with commentary keeps the commentary in `note` ("Competencies to be reviewed and
 *   relaunched March 08." → 2008-03-31, note "Competencies to be reviewed and relaunched").
 * - HTML tags and entities, non-breaking spaces, en/em dashes, "½" and Word's split ordinals
 *   ("1 st April") are cleaned before reading.
 *
 * - "within 6 months ie, by June 2006": "ie" (or "that is") makes the date the deadline.
 *
 * Anything ambiguous (two different dates, a date plus "Immediate", "Spring" with no year or
 * period, "FY2014", "Q1 2013" without calendar quarters, "Early 07", a date-like string no rule
 * reads) is `unparsed`, with a note saying why, for a person to settle. Text over 500 characters
 * (the schema's limit) is cut to 500 and left unparsed.
 *
 * Helpers: `financialYearOf`, `fyStart`, `fyEnd`, `parseFinancialYear`, `fyLabel`, `boundsOf`
 * (the first and last day a parsed timescale covers) and `asStart` (a start column's timescale: from
 * its first day).
 */
export { asStart, type Bounds, boundsOf } from './bounds.js';
export {
  financialYearOf,
  fyEnd,
  fyLabel,
  fyStart,
  parseFinancialYear,
  yearRangeSpan,
} from './calendar.js';
export { normalise } from './normalise.js';
export { parseTimescale, type TimescaleContext } from './parse.js';
