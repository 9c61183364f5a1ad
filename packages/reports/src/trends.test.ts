import { describe, expect, it } from 'vitest';
import { byOrder, indicatorTrend, periodOrder } from './trends.js';

describe('indicator trends', () => {
  it('places periods as plans write them at the month they end, a year after its quarters', () => {
    const keys = [
      '2013-14',
      '2013/14 Q2',
      '2013-14 Q1',
      '2014-01',
      '2013-14 H1',
      '2012/2013',
      '2013',
      'Autumn',
    ];
    const sorted = [...keys].sort((a, b) => byOrder(periodOrder(a), periodOrder(b)));
    expect(sorted).toEqual([
      '2012/2013',
      '2013-14 Q1',
      '2013/14 Q2',
      '2013-14 H1',
      '2013',
      '2014-01',
      '2013-14',
      'Autumn',
    ]);
    expect(periodOrder('2013', 1)).toBe('2013-12 b');
  });

  it('pairs targets with actuals per period and assesses each, whichever way is good', () => {
    const t = indicatorTrend({
      id: 'PI1',
      name: 'Sickness days per FTE',
      unit: 'days',
      goodDirection: 'down',
      floorStandard: 12,
      targets: [
        { period: '2013-14', value: 8 },
        { period: '2012/13', value: 9 },
      ],
      actuals: [
        { period: '2012-13', value: 9.5 },
        { period: '2013/2014', value: 7.5 },
        { period: '2014-15 Q1', value: 13 },
      ],
    });
    expect(t.points.map((p) => [p.period, p.target, p.actual, p.rag])).toEqual([
      ['2012/13', 9, 9.5, 'amber'],
      ['2013-14', 8, 7.5, 'green'],
      ['2014-15 Q1', null, 13, 'red'],
    ]);
    expect(t).toMatchObject({ floorStandard: 12, unit: 'days', goodDirection: 'down' });
  });
});
