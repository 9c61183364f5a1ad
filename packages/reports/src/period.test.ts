import { addDays, addMonths, differenceInCalendarMonths, format, parseISO } from 'date-fns';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  financialYearOf,
  normalisePeriodKey,
  PeriodError,
  previousPeriod,
  quarterOf,
  resolvePeriod,
} from './period.js';
import { periodChoices } from './period-choices.js';

const nextDay = (iso: string) => format(addDays(parseISO(iso), 1), 'yyyy-MM-dd');

describe('resolvePeriod', () => {
  it('resolves mid-year to April–September of the current financial year', () => {
    const p = resolvePeriod('mid-year', '2013-10-15');
    expect(p).toMatchObject({
      kind: 'mid-year',
      label: 'Mid-year 2013-14',
      start: '2013-04-01',
      end: '2013-09-30',
      key: 'mid-year-2013-14',
    });
    expect(p.financialYear).toEqual({
      label: '2013-14',
      startYear: 2013,
      start: '2013-04-01',
      end: '2014-03-31',
    });
    expect(p.valueKeys).toEqual(['2013-14 H1', '2013-14 Q2']);
  });

  it('puts January–March in the financial year that began the April before', () => {
    expect(resolvePeriod('mid-year', '2014-03-31').label).toBe('Mid-year 2013-14');
    expect(resolvePeriod('mid-year', '2014-04-01').label).toBe('Mid-year 2014-15');
  });

  it('resolves year-end to the whole financial year, or a named one', () => {
    expect(resolvePeriod('year-end', '2013-05-01')).toMatchObject({
      label: 'Year-end 2013-14',
      start: '2013-04-01',
      end: '2014-03-31',
      valueKeys: ['2013-14', '2013-14 Q4'],
    });
    expect(resolvePeriod('year-end:2012-13', '2013-05-01')).toMatchObject({
      label: 'Year-end 2012-13',
      start: '2012-04-01',
      end: '2013-03-31',
    });
    expect(resolvePeriod('Mid-Year 2012/13', '2020-01-01')).toMatchObject({
      start: '2012-04-01',
      end: '2012-09-30',
    });
  });

  it('resolves a month, leap years included', () => {
    expect(resolvePeriod('2013-02', '2020-01-01')).toMatchObject({
      kind: 'month',
      label: 'February 2013',
      start: '2013-02-01',
      end: '2013-02-28',
      valueKeys: ['2013-02'],
    });
    expect(resolvePeriod('2012-02', '2020-01-01').end).toBe('2012-02-29');
    expect(resolvePeriod('2013-02', '2020-01-01').financialYear.label).toBe('2012-13');
  });

  it('resolves financial-year quarters: Q1 is April–June, Q4 is January–March of the next calendar year', () => {
    expect(resolvePeriod('2013-Q1', '2020-01-01')).toMatchObject({
      kind: 'quarter',
      start: '2013-04-01',
      end: '2013-06-30',
      valueKeys: ['2013-14 Q1'],
    });
    expect(resolvePeriod('2013-Q1', '2020-01-01').label).toMatch(/^Q1 2013-14/);
    expect(resolvePeriod('2013-Q4', '2020-01-01')).toMatchObject({ start: '2014-01-01', end: '2014-03-31' });
    expect(resolvePeriod('2013-14-Q4', '2020-01-01')).toMatchObject({
      start: '2014-01-01',
      end: '2014-03-31',
    });
  });

  it('follows a configured start month', () => {
    expect(resolvePeriod('year-end', '2013-05-01', { financialYearStartMonth: 1 })).toMatchObject({
      label: 'Year-end 2013',
      start: '2013-01-01',
      end: '2013-12-31',
    });
    expect(resolvePeriod('mid-year', '2013-05-01', { financialYearStartMonth: 7 })).toMatchObject({
      label: 'Mid-year 2012-13',
      start: '2012-07-01',
      end: '2012-12-31',
    });
  });

  it.each(['2013-13', 'half-year', 'year-end:2013-15', '2013-Q5', '', 'mid-year:2013'])(
    'rejects %j',
    (spec) => {
      expect(() => resolvePeriod(spec, '2013-05-01')).toThrow(PeriodError);
    },
  );

  it('steps back to the previous period of the same kind', () => {
    expect(previousPeriod(resolvePeriod('2013-01', '2013-01-01'))).toMatchObject({ start: '2012-12-01' });
    expect(previousPeriod(resolvePeriod('2013-Q1', '2013-01-01'))).toMatchObject({ start: '2013-01-01' });
    expect(previousPeriod(resolvePeriod('mid-year', '2013-10-01'))).toMatchObject({
      label: 'Mid-year 2012-13',
    });
  });
});

describe('normalisePeriodKey', () => {
  it('makes the ways plans write a financial year match', () => {
    expect(normalisePeriodKey('2013/2014')).toBe('2013-14');
    expect(normalisePeriodKey('2013/14')).toBe('2013-14');
    expect(normalisePeriodKey(' 2013-14  q1 ')).toBe('2013-14 Q1');
    expect(normalisePeriodKey('2013/14 Q1')).toBe(normalisePeriodKey('2013-14 Q1'));
    expect(normalisePeriodKey('2013-05')).toBe('2013-05');
  });
});

describe('period properties', () => {
  const dates = fc
    .date({ min: new Date(2000, 0, 1), max: new Date(2099, 11, 31), noInvalidDate: true })
    .map((d) => format(d, 'yyyy-MM-dd'));
  const startMonths = fc.integer({ min: 1, max: 12 });

  it('the year-end period is the 12 months from the 1st of the start month, and contains the date', () => {
    fc.assert(
      fc.property(dates, startMonths, (date, m) => {
        const p = resolvePeriod('year-end', date, { financialYearStartMonth: m });
        expect(p.start <= date && date <= p.end).toBe(true);
        expect(parseISO(p.start).getDate()).toBe(1);
        expect(parseISO(p.start).getMonth() + 1).toBe(m);
        expect(nextDay(p.end)).toBe(format(addMonths(parseISO(p.start), 12), 'yyyy-MM-dd'));
        expect(p).toEqual(
          resolvePeriod(`year-end:${p.financialYear.label}`, '1990-01-01', { financialYearStartMonth: m }),
        );
      }),
    );
  });

  it('mid-year is the first half of the year; four quarters tile the year; the month and quarter contain the date', () => {
    fc.assert(
      fc.property(dates, startMonths, (date, m) => {
        const opts = { financialYearStartMonth: m };
        const year = resolvePeriod('year-end', date, opts);
        const mid = resolvePeriod('mid-year', date, opts);
        expect(mid.start).toBe(year.start);
        expect(differenceInCalendarMonths(parseISO(nextDay(mid.end)), parseISO(mid.start))).toBe(6);
        const quarters = [1, 2, 3, 4].map((q) =>
          resolvePeriod(`${year.financialYear.startYear}-Q${q}`, date, opts),
        );
        expect(quarters[0]!.start).toBe(year.start);
        expect(quarters[3]!.end).toBe(year.end);
        for (let i = 1; i < 4; i++) expect(quarters[i]!.start).toBe(nextDay(quarters[i - 1]!.end));
        expect(quarters[1]!.end).toBe(mid.end);
        const q = quarterOf(date, opts);
        expect(q.start <= date && date <= q.end).toBe(true);
        const month = resolvePeriod(date.slice(0, 7), date, opts);
        expect(month.start <= date && date <= month.end).toBe(true);
        expect(month.financialYear).toEqual(financialYearOf(date, m));
        expect(nextDay(previousPeriod(q, opts).end)).toBe(q.start);
        expect(nextDay(previousPeriod(month, opts).end)).toBe(month.start);
      }),
    );
  });

  it('a period key resolves back to the same period (closed periods are named by key)', () => {
    fc.assert(
      fc.property(
        dates,
        startMonths,
        fc.constantFrom('mid-year', 'year-end', 'month', 'quarter'),
        (date, m, k) => {
          const opts = { financialYearStartMonth: m };
          const p =
            k === 'month'
              ? resolvePeriod(date.slice(0, 7), date, opts)
              : k === 'quarter'
                ? quarterOf(date, opts)
                : resolvePeriod(k, date, opts);
          expect(resolvePeriod(p.key, '1990-01-01', opts)).toEqual(p);
        },
      ),
    );
  });
});

describe('periodChoices', () => {
  it('lists mid-year and year-end of each year the plan touches, then quarters, then months, started by today', () => {
    const got = periodChoices({ start: '2013-04-01', end: '2015-03-31' }, '2014-06-15', { maxMonths: 3 });
    expect(got.map((p) => p.key)).toEqual([
      'year-end-2014-15',
      'mid-year-2014-15',
      'year-end-2013-14',
      'mid-year-2013-14',
      '2014-Q1',
      '2013-Q4',
      '2013-Q3',
      '2013-Q2',
      '2013-Q1',
      '2014-06',
      '2014-05',
      '2014-04',
    ]);
  });
  it('ends at the plan’s end, and lists nothing before the plan starts', () => {
    const got = periodChoices({ start: '2013-10-01', end: '2014-01-31' }, '2020-01-01');
    expect(got.map((p) => p.key)).toEqual([
      'year-end-2013-14',
      'mid-year-2013-14',
      '2013-Q4',
      '2013-Q3',
      '2014-01',
      '2013-12',
      '2013-11',
      '2013-10',
    ]);
    expect(periodChoices({ start: '2030-04-01', end: '2031-03-31' }, '2020-01-01')).toEqual([]);
  });
});
