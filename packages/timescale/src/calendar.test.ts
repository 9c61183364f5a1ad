import { describe, expect, it } from 'vitest';
import {
  financialYearOf,
  fullYear,
  fyEnd,
  fyStart,
  iso,
  parseFinancialYear,
  quarterSpan,
  seasonSpan,
} from './calendar.js';

describe('financial years', () => {
  it.each([
    ['2013-14', '2013-04-01', '2014-03-31'],
    ['2013/14', '2013-04-01', '2014-03-31'],
    ['2013/2014', '2013-04-01', '2014-03-31'],
    ['FY13/14', '2013-04-01', '2014-03-31'],
    ['2005/6', '2005-04-01', '2006-03-31'],
    ['2004 –05', '2004-04-01', '2005-03-31'],
    ['1999-00', '1999-04-01', '2000-03-31'],
  ])('%s runs %s to %s', (label, start, end) => {
    expect(fyStart(label)).toBe(start);
    expect(fyEnd(label)).toBe(end);
  });

  it.each(['2013-15', '2013', 'FY2014', '13/4', 'nonsense', '2014/2013'])(
    '%s is not a financial year',
    (label) => {
      expect(parseFinancialYear(label)).toBeUndefined();
      expect(() => fyEnd(label)).toThrow(RangeError);
    },
  );

  it.each([
    ['2014-03-31', '2013-14'],
    ['2014-04-01', '2014-15'],
    ['2000-01-01', '1999-00'],
  ])('%s falls in %s', (date, fy) => {
    expect(financialYearOf(date)).toBe(fy);
  });

  it('takes a Date too, and refuses a date that does not exist', () => {
    expect(financialYearOf(new Date(2013, 3, 1))).toBe('2013-14');
    expect(() => financialYearOf('2014-02-30')).toThrow(RangeError);
  });
});

describe('quarters and seasons', () => {
  const span = (s: { lo: Date; hi: Date } | undefined) => s && [iso(s.lo), iso(s.hi)];

  it('financial Q1 is April–June and Q4 is January–March of the next year', () => {
    expect(span(quarterSpan(2013, 1, false))).toEqual(['2013-04-01', '2013-06-30']);
    expect(span(quarterSpan(2013, 4, false))).toEqual(['2014-01-01', '2014-03-31']);
  });

  it('calendar Q1 is January–March', () => {
    expect(span(quarterSpan(2013, 1, true))).toEqual(['2013-01-01', '2013-03-31']);
    expect(span(quarterSpan(2013, 4, true))).toEqual(['2013-10-01', '2013-12-31']);
  });

  it('winter runs December to February, leap years included', () => {
    expect(span(seasonSpan(2015, 'winter'))).toEqual(['2015-12-01', '2016-02-29']);
    expect(span(seasonSpan(2014, 'spring'))).toEqual(['2014-03-01', '2014-05-31']);
  });
});

describe('two-digit years', () => {
  it.each([
    ['08', 2007, 2008],
    ['98', 2004, 1998],
    ['04', 1997, 2004],
    ['08', undefined, 2008],
    ["'13", 2013, 2013],
    ['2013', 1900, 2013],
  ])('%s near %s is %s', (digits, ref, want) => {
    expect(fullYear(digits, ref)).toBe(want);
  });
});
