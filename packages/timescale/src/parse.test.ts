import { Timescale } from '@peopleplan/core';
import { describe, expect, it } from 'vitest';
import { parseTimescale, type TimescaleContext } from './parse.js';

const kent: TimescaleContext = { anchor: '2013-04-01', period: { start: '2013-04-01', end: '2014-03-31' } };
const harrow: TimescaleContext = { anchor: '2004-04-01', period: { start: '2004-04-01', end: '2008-03-31' } };
const none: TimescaleContext = {};

type Want = Omit<Timescale, 'text' | 'note'> & { note?: RegExp };
const day = (due: string): Want => ({ kind: 'date', due, precision: 'day' });
const month = (due: string): Want => ({ kind: 'date', due, precision: 'month' });
const fy = (due: string): Want => ({ kind: 'date', due, precision: 'financial-year' });
const unparsed = (note: RegExp): Want => ({ kind: 'unparsed', note });

function check(text: string, ctx: TimescaleContext, want: Want) {
  const got = parseTimescale(text, ctx);
  expect(Timescale.safeParse(got).success).toBe(true);
  expect(got.text).toBe(text);
  const { note, ...dates } = want;
  const { note: gotNote, text: _t, ...gotDates } = got;
  expect(gotDates).toEqual(dates);
  if (note) expect(gotNote).toMatch(note);
}

const table = (cases: [string, TimescaleContext, Want][]) =>
  it.each(cases.map(([t, c, w]) => [t, c, w] as const))('%j', (t, c, w) => check(t, c, w));

describe('a document whose dates are month first (a project tool’s export)', () => {
  const us: TimescaleContext = { monthFirst: true };
  table([
    ['6/30/2026', us, day('2026-06-30')],
    // Smartsheet writes a two-digit year.
    ['03/31/27', us, day('2027-03-31')],
    ['12/18/26', us, day('2026-12-18')],
    ['04/01/26', us, day('2026-04-01')],
  ]);
});

describe('explicit days, UK order', () => {
  table([
    ['31/03/2014', none, day('2014-03-31')],
    ['31.3.14', none, day('2014-03-31')],
    ['1/4/13', kent, day('2013-04-01')],
    ['1st April 2013', none, day('2013-04-01')],
    ['1 st April 2013', none, day('2013-04-01')],
    ['01-Apr-2013', none, day('2013-04-01')],
    ['2014-03-31', none, day('2014-03-31')],
    ['June 13th, 2013', none, day('2013-06-13')],
    ['31/02/2014', none, unparsed(/not a real date/)],
    ['31/12/2200', none, unparsed(/not a real date/)],
    ['03/31/2014', none, unparsed(/month\/day\/year/)],
    ['03/04/05', none, unparsed(/more than one way/)],
    ['03/04/05', { period: { start: '2005-04-01', end: '2006-03-31' } }, day('2005-04-03')],
    // UK dates are day first: a month-first reading that also falls in the period is not a UK reading.
    ['03/04/05', { period: { start: '2004-04-01', end: '2006-03-31' } }, day('2005-04-03')],
    // Year first (2003-04-05) falls in this period and day first does not: a person settles it.
    ['03/04/05', { period: { start: '2003-04-01', end: '2004-03-31' } }, unparsed(/more than one way/)],
  ]);
});

describe('months mean their last day', () => {
  table([
    ['Sept 2013', none, month('2013-09-30')],
    ['end of June 2013', none, month('2013-06-30')],
    ['by Dec 13', none, month('2013-12-31')],
    ["April '08", none, month('2008-04-30')],
    ['Feb 2012', none, month('2012-02-29')],
    ['March 98', { anchor: '1998-01-01' }, month('1998-03-31')],
    ['March 98', { period: { start: '1997-04-01', end: '1999-03-31' } }, month('1998-03-31')],
    ['March 08', { period: { start: '2007-04-01', end: '2008-03-31' } }, month('2008-03-31')],
    ['March', kent, month('2014-03-31')],
    ['by end of April', kent, month('2013-04-30')],
    ['March', none, unparsed(/no year and no plan period/)],
    ['March', harrow, unparsed(/4 times in the plan period/)],
    ['start of April 2013', none, day('2013-04-01')],
    ['late 2014', none, { kind: 'date', due: '2014-12-31', precision: 'year', note: /its end/ }],
    ['early 2014', none, unparsed(/vague/)],
    ['may be delayed', kent, unparsed(/progress status/)],
  ]);
});

describe('financial years run 1 April to 31 March', () => {
  table([
    ['FY13/14', none, fy('2014-03-31')],
    ['2013/2014', none, fy('2014-03-31')],
    ['2013-2014', none, { ...fy('2014-03-31'), note: /read as the financial year 2013-14/ }],
    ['financial year 2013/14', none, fy('2014-03-31')],
    ['end of financial year 2013/14', none, fy('2014-03-31')],
    ['2004 \u201305', none, fy('2005-03-31')],
    ['FY2014', none, unparsed(/2013-14 or 2014-15/)],
    ['year end', none, unparsed(/no year/)],
    ['year end', kent, fy('2014-03-31')],
    ['end of the financial year', kent, fy('2014-03-31')],
    // "FY" is how officers write "financial year": the same year end.
    ['end of FY', kent, fy('2014-03-31')],
    ['end of the FY', kent, fy('2014-03-31')],
    ['by end of FY', kent, fy('2014-03-31')],
    ['FY end', kent, fy('2014-03-31')],
    ['FY-end', kent, fy('2014-03-31')],
    ['by FY end', kent, fy('2014-03-31')],
    ['by year end', kent, fy('2014-03-31')],
    ['by FYE', kent, fy('2014-03-31')],
    ['end of FY 2013/14', none, fy('2014-03-31')],
    ['FY end 2013/14', none, fy('2014-03-31')],
    ['end of FY', none, unparsed(/no year/)],
    ['end of FY', harrow, unparsed(/4 times in the plan period/)],
    ['end of FY2014', none, unparsed(/which financial year/)],
    ['end of calendar year', kent, { kind: 'date', due: '2013-12-31', precision: 'year' }],
    ['year two', harrow, fy('2006-03-31')],
    [
      'Year 1',
      { period: { start: '2013-01-01', end: '2015-12-31' } },
      { kind: 'date', due: '2013-12-31', precision: 'year' },
    ],
    ['year two', none, unparsed(/plan's start/)],
    // A run of the plan's years is due at the end of the last ("Yr 1–3": the third year's end).
    ['Yr 1–3', harrow, fy('2007-03-31')],
    ['Years 1 to 2', harrow, fy('2006-03-31')],
    ['Year 2-3', harrow, fy('2007-03-31')],
    ['Year 3 to 1', harrow, unparsed(/runs backwards/)],
    ['Years 1, 2 and 3', harrow, fy('2007-03-31')],
    // A length after a year of the plan is not a run of years.
    ['Year 1 - 3 months', harrow, unparsed(/gives both/)],
    [
      '2013-2015',
      none,
      {
        kind: 'range',
        start: '2013-04-01',
        due: '2015-03-31',
        precision: 'financial-year',
        note: /read as financial years/,
      },
    ],
    ['2015-2013', none, unparsed(/ends before it starts/)],
    [
      '2004-05 to 2006-07',
      none,
      { kind: 'range', start: '2004-04-01', due: '2007-03-31', precision: 'financial-year' },
    ],
  ]);
});

describe('quarters are financial unless the plan says calendar', () => {
  table([
    ['Q1 2013/14', none, { kind: 'date', due: '2013-06-30', precision: 'quarter' }],
    ['Q3 2013/14', none, { kind: 'date', due: '2013-12-31', precision: 'quarter' }],
    ['Q4 2013/14', none, { kind: 'date', due: '2014-03-31', precision: 'quarter' }],
    ['first quarter of 2014/15', none, { kind: 'date', due: '2014-06-30', precision: 'quarter' }],
    ['quarter 3 2013/14', none, { kind: 'date', due: '2013-12-31', precision: 'quarter' }],
    ['1st quarter of 2014/15', none, { kind: 'date', due: '2014-06-30', precision: 'quarter' }],
    ['Q1-Q2 2013/14', none, { kind: 'range', start: '2013-04-01', due: '2013-09-30', precision: 'quarter' }],
    ['Q1 2013', none, unparsed(/which financial year/)],
    ['Q1 2013', { calendarQuarters: true }, { kind: 'date', due: '2013-03-31', precision: 'quarter' }],
    [
      'Q1',
      { calendarQuarters: true, period: { start: '2013-01-01', end: '2013-12-31' } },
      { kind: 'date', due: '2013-03-31', precision: 'quarter' },
    ],
    ['Q2', none, unparsed(/no year/)],
  ]);
});

describe('seasons are meteorological', () => {
  table([
    ['Spring 2014', none, { kind: 'date', due: '2014-05-31', precision: 'season' }],
    ['Summer 07', none, { kind: 'date', due: '2007-08-31', precision: 'season' }],
    ['Autumn 2013', none, { kind: 'date', due: '2013-11-30', precision: 'season' }],
    ['Winter 2013', none, { kind: 'date', due: '2014-02-28', precision: 'season' }],
    ['Winter 2013/14', none, { kind: 'date', due: '2014-02-28', precision: 'season' }],
    ['Spring', kent, { kind: 'date', due: '2013-05-31', precision: 'season' }],
    ['Spring', none, unparsed(/no year/)],
    ['Spring term 2014', none, unparsed(/school term/)],
  ]);
});

describe('ranges', () => {
  table([
    ['Apr-Jun 13', none, { kind: 'range', start: '2013-04-01', due: '2013-06-30', precision: 'month' }],
    ['Nov-Feb 14', none, { kind: 'range', start: '2013-11-01', due: '2014-02-28', precision: 'month' }],
    [
      '1 April - 30 June 2013',
      none,
      { kind: 'range', start: '2013-04-01', due: '2013-06-30', precision: 'day' },
    ],
    [
      'from April 2013 until March 2014',
      none,
      { kind: 'range', start: '2013-04-01', due: '2014-03-31', precision: 'month' },
    ],
    [
      'April\u00a02013\u2014March\u00a02014',
      none,
      { kind: 'range', start: '2013-04-01', due: '2014-03-31', precision: 'month' },
    ],
    ['March 2014 - April 2013', none, unparsed(/ends before it starts/)],
    ['April 2013 onwards', none, { kind: 'ongoing', start: '2013-04-01' }],
    ['after March 2014', none, { kind: 'ongoing', start: '2014-04-01' }],
    ['March 2014 or April 2014', none, unparsed(/several dates/)],
  ]);
});

describe('statuses written in the date column', () => {
  table([
    ['Done', none, { kind: 'completed' }],
    ['Complete', none, { kind: 'completed' }],
    ['Completed March 2013', none, { kind: 'completed', due: '2013-03-31', precision: 'month' }],
    // An audit action plan's implementation date, once the recommendation is in place.
    ['Implemented', none, { kind: 'completed' }],
    ['Implemented June 2013', none, { kind: 'completed', due: '2013-06-30', precision: 'month' }],
    ['To be implemented by March 2014', none, { ...month('2014-03-31'), note: /^To be implemented$/ }],
    ['Complete by March 2014', none, { ...month('2014-03-31'), note: /^Complete$/ }],
    ['To be completed by March 2014', none, { ...month('2014-03-31'), note: /^To be completed$/ }],
    ['On-going', none, { kind: 'ongoing' }],
    ['Continuous', none, { kind: 'ongoing' }],
    ['TBC', none, { kind: 'tbc' }],
    ['TBA', none, { kind: 'tbc' }],
    ['To be confirmed', none, { kind: 'tbc' }],
    ['N/A', none, unparsed(/no timescale/)],
    ['-', none, unparsed(/no timescale/)],
    ['See Diversity', none, unparsed(/another row/)],
  ]);
});

describe('repeats', () => {
  table([
    ['Monthly', none, { kind: 'recurring', recurrence: 'monthly' }],
    ['Weekly', none, { kind: 'recurring', recurrence: 'weekly' }],
    ['Annually', none, { kind: 'recurring', recurrence: 'annual' }],
    ['Six-monthly', none, { kind: 'recurring', recurrence: 'six-monthly' }],
    [
      'Each year in April',
      kent,
      { kind: 'recurring', recurrence: 'annual', due: '2013-04-30', precision: 'month' },
    ],
    ['Each year in April', none, { kind: 'recurring', recurrence: 'annual', note: /April/ }],
    ['Every March', kent, { kind: 'recurring', recurrence: 'annual', due: '2014-03-31', precision: 'month' }],
    [
      'Quarterly from April 2013',
      none,
      {
        kind: 'recurring',
        recurrence: 'quarterly',
        start: '2013-04-01',
        due: '2013-06-30',
        precision: 'quarter',
        note: /each quarter's end, the first after it starts/,
      },
    ],
    [
      'Quarterly',
      kent,
      { kind: 'recurring', recurrence: 'quarterly', due: '2013-06-30', precision: 'quarter' },
    ],
    // No start known: the repeat is kept with no date, never a guessed one.
    ['Quarterly', none, { kind: 'recurring', recurrence: 'quarterly' }],
    // A yearly or weekly repeat names no month or day: no date.
    ['Annually', kent, { kind: 'recurring', recurrence: 'annual' }],
    ['Weekly', kent, { kind: 'recurring', recurrence: 'weekly' }],
    ['Bi-annually', none, { kind: 'recurring', note: /twice a year or every two years/ }],
    ['Fortnightly', none, { kind: 'recurring', recurrence: 'fortnightly' }],
    ['Bi-weekly', none, { kind: 'recurring', note: /twice a week or every two weeks/ }],
    ['Termly', none, { kind: 'recurring', recurrence: 'termly' }],
    ['Every two years', none, { kind: 'recurring', recurrence: 'biennial' }],
  ]);
});

describe('relative to the plan anchor', () => {
  table([
    ['Within 3 months', kent, { kind: 'relative', start: '2013-04-01', due: '2013-07-01', precision: 'day' }],
    ['Within 3 months', none, unparsed(/plan's start, which is not known/)],
    [
      'Next 6 months, then ongoing',
      kent,
      { kind: 'relative', start: '2013-04-01', due: '2013-10-01', precision: 'day', note: /then ongoing/ },
    ],
    ['Within 1½ years', kent, { kind: 'relative', start: '2013-04-01', due: '2014-10-01', precision: 'day' }],
    ['Within ½ year', kent, { kind: 'relative', start: '2013-04-01', due: '2013-10-01', precision: 'day' }],
    [
      'within 20 working days',
      kent,
      { kind: 'relative', start: '2013-04-01', due: '2013-04-29', precision: 'day' },
    ],
    ['Immediate', kent, { kind: 'relative', start: '2013-04-01' }],
    ['ASAP', kent, { kind: 'relative', start: '2013-04-01' }],
    ['Immediate', none, unparsed(/plan's start/)],
    ['Short term', kent, { kind: 'relative', start: '2013-04-01', note: /no end date/ }],
    ['Short term', none, unparsed(/plan's start/)],
  ]);
});

describe('events have no date', () => {
  table([
    ['Post restructuring', none, { kind: 'event' }],
    ['subject to directorate business plans', none, { kind: 'event' }],
    ['following the review', none, { kind: 'event' }],
    ['When the new system is live', none, { kind: 'event' }],
    ['following the review in March 2014', none, { ...month('2014-03-31'), note: /following the review/ }],
  ]);
});

describe('stray markup and odd characters', () => {
  table([
    ['<p>31&nbsp;March&nbsp;2014</p>', none, day('2014-03-31')],
    ['&lt;p&gt;Ongoing&lt;/p&gt;', none, { kind: 'ongoing' }],
    [
      '<ul style="list-style-type: none"><li>\u25aa April 2013 \u2013 March 2014</li></ul>',
      none,
      {
        kind: 'range',
        start: '2013-04-01',
        due: '2014-03-31',
        precision: 'month',
      },
    ],
  ]);
});

describe('limits', () => {
  it('cuts text over 5,000 characters to the schema limit and does not read it', () => {
    const got = parseTimescale(`March 2014 ${'x'.repeat(6000)}`);
    expect(got.kind).toBe('unparsed');
    expect(got.text).toHaveLength(5000);
    expect(Timescale.safeParse(got).success).toBe(true);
  });

  it('ignores a malformed context rather than failing', () => {
    const got = parseTimescale('Within 3 months', { anchor: 'soon', period: { start: '2014-13-01' } });
    expect(got.kind).toBe('unparsed');
  });
});

describe('forms seen in other councils’ plans', () => {
  table([
    ['Mar-14', none, month('2014-03-31')],
    ['Sept 13 - Mar 14', none, { kind: 'range', start: '2013-09-01', due: '2014-03-31', precision: 'month' }],
    ['Jan-Mar 2014', none, { kind: 'range', start: '2014-01-01', due: '2014-03-31', precision: 'month' }],
    ['2014/15 Q2', none, { kind: 'date', due: '2014-09-30', precision: 'quarter' }],
    ['Q2 14/15', none, { kind: 'date', due: '2014-09-30', precision: 'quarter' }],
    ['end Q2', kent, { kind: 'date', due: '2013-09-30', precision: 'quarter' }],
    ['End March 2014', none, month('2014-03-31')],
    ['March 31st 2014', none, day('2014-03-31')],
    ['1/4/14 - 31/3/15', none, { kind: 'range', start: '2014-04-01', due: '2015-03-31', precision: 'day' }],
    ['Year 1 (2013/14)', kent, fy('2014-03-31')],
    ['By the end of the year', kent, fy('2014-03-31')],
    ['April 2013 - ongoing', none, { kind: 'ongoing', start: '2013-04-01' }],
    ['April 2013 to date', none, { kind: 'ongoing', start: '2013-04-01' }],
    ['Autumn 2013 onwards', none, { kind: 'ongoing', start: '2013-09-01' }],
    [
      'Annual review in March',
      kent,
      { kind: 'recurring', recurrence: 'annual', due: '2014-03-31', precision: 'month' },
    ],
    ['Every 6 months', none, { kind: 'recurring', recurrence: 'six-monthly' }],
    [
      'TBC - likely Spring 2014',
      none,
      { kind: 'tbc', due: '2014-05-31', precision: 'season', note: /likely/ },
    ],
    ['Done - March 2013', none, { kind: 'completed', due: '2013-03-31', precision: 'month' }],
    [
      'Within the next 12 months',
      kent,
      { kind: 'relative', start: '2013-04-01', due: '2014-04-01', precision: 'day' },
    ],
    // Two deadlines: the first is due, the second kept beside it.
    [
      'March 2014 (revised from December 2013)',
      none,
      { ...month('2014-03-31'), note: /also "December 2013" \(2013-12-31\)/ },
    ],
    ['Dec 2013/Jan 2014', none, unparsed(/several dates: "Dec 2013", "Jan 2014"/)],
    ['31/03/2014-2014', none, unparsed(/"31\/03\/2014" looks like a date/)],
    ['31/03/2014-2', none, unparsed(/looks like a date/)],
    ['Train 2000 staff by March 2014', none, { ...month('2014-03-31'), note: /Train 2000 staff/ }],
  ]);
});

describe('forms the corpus of other bodies’ plans added', () => {
  table([
    // The middle of a whole year is the end of its sixth month; of a financial year, September.
    ['by mid-2023', none, { ...month('2023-06-30'), note: /year's middle/ }],
    ['mid 2013/14', none, { kind: 'date', due: '2013-09-30', precision: 'month', note: /year's middle/ }],
    ['Early 07', harrow, unparsed(/vague/)],
    // One unit counted from the plan's start.
    [
      'over the next year',
      kent,
      { kind: 'relative', start: '2013-04-01', due: '2014-04-01', precision: 'day' },
    ],
    [
      'within the next month',
      kent,
      { kind: 'relative', start: '2013-04-01', due: '2013-05-01', precision: 'day' },
    ],
    ['over the next year', none, unparsed(/plan's start/)],
    // "ie" says the two are one deadline; without it a date and a length of time conflict.
    ['within 6 months ie, by June 2013', kent, { ...month('2013-06-30'), note: /that is/ }],
    ['within 6 months, by June 2013', kent, unparsed(/gives both/)],
    // An exact day beside a quarter that cannot be placed: the day is the deadline.
    ['FY 17 Q3 30/06/2017', none, { ...day('2017-06-30'), note: /FY 17/ }],
    ['FY 17 Q3 June 2017', none, unparsed(/FY 17/)],
  ]);
});

describe('a moment with its time zone (list exports)', () => {
  it('is the day it falls on in London', () => {
    expect(parseTimescale('2026-03-30T23:00:00Z')).toMatchObject({ kind: 'date', due: '2026-03-31' });
    expect(parseTimescale('2025-12-31T00:00:00Z')).toMatchObject({ kind: 'date', due: '2025-12-31' });
    expect(parseTimescale('2026-06-30T09:00:00+01:00')).toMatchObject({ kind: 'date', due: '2026-06-30' });
  });
  it('on a day that does not exist is not read (never rolled over into the next month)', () => {
    expect(parseTimescale('2026-02-30T10:00Z')).toMatchObject({ kind: 'unparsed', note: /not a real date/ });
  });
});

describe('a week named by its first day', () => {
  it.each([
    ['w/c 12 April 2027', '2027-04-12', '2027-04-16'],
    ['Week commencing 12/04/27', '2027-04-12', '2027-04-16'],
    ['w/b 14th June 2027', '2027-06-14', '2027-06-18'],
    ['W/C: 16 April 2027', '2027-04-16', '2027-04-16'],
  ])('“%s” is that working week, due by its Friday', (text, start, due) => {
    expect(parseTimescale(text)).toMatchObject({ kind: 'range', start, due, precision: 'day' });
  });

  it('is no week without a day: “w/c TBC” is to be confirmed, “w/c April 2027” a month', () => {
    expect(parseTimescale('w/c TBC').kind).toBe('tbc');
    expect(parseTimescale('w/c April 2027')).not.toMatchObject({ kind: 'range' });
  });
});
