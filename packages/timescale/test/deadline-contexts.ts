import type { TimescaleContext } from '../src/parse.js';

/**
 * The plan each deadline string of `fixtures/deadlines.tsv` comes from (packages/importer/corpus), as
 * the context an import gives the parser: the plan's period as its title states it, and its start.
 * Keyed by the file's line number (the header is line 1).
 */
const fy = (from: number, to: number): TimescaleContext => ({
  period: { start: `${from}-04-01`, end: `${to}-03-31` },
  anchor: `${from}-04-01`,
});

const RANGES: [number, number, TimescaleContext][] = [
  [2, 12, fy(2023, 2027)], // plan 01: Equality Scheme 2023-2027
  [13, 15, fy(2017, 2019)], // plan 02: service review, 1 April 2017 – 31 March 2019
  [16, 18, fy(2021, 2024)], // plan 03: equality objectives 2021-2024
  [19, 23, fy(2014, 2015)], // plan 04: actions for 2014-15
  [24, 57, { anchor: '2021-11-15' }], // plan 05: business plan dated 2021-11-15
  [58, 61, fy(2002, 2007)], // plan 06: race equality plan 2002-2007
  [62, 65, fy(2012, 2013)], // plan 07: team plan 2012/13
  [66, 66, { anchor: '2023-05-10' }], // plan 08: board meeting 10.05.2023
  [67, 68, { anchor: '2018-02-28' }], // plan 09: board meeting 28 February 2018
  [69, 72, { period: { start: '2007-01-01', end: '2008-03-31' }, anchor: '2007-01-01' }], // plan 10: self-assessment 2007, to March 2008
  [73, 78, { period: { start: '2020-07-01', end: '2021-06-30' }, anchor: '2020-07-01' }], // plan 11: 2020-2021
  [79, 82, fy(2017, 2021)], // plan 12: council plan 2017-21
  [83, 83, { anchor: '2019-08-01' }], // plan 13: improvement plan of August 2019
  [84, 87, {}], // plan 14: cadences only
  [88, 90, { period: { start: '2016-12-13', end: '2018-06-30' }, anchor: '2016-12-13' }], // plan 15
  [91, 95, {}], // plan 16: Athena Swan plan
  [96, 97, { anchor: '2005-12-02' }], // plan 17: review template of 2 December 2005
  [98, 98, fy(2009, 2010)], // plan 19: IiP action plan 2009/10
  [99, 100, { anchor: '2022-07-01' }], // plan 20: pay gap plan 2022-2023
  [101, 104, { period: { start: '2018-07-01', end: '2021-06-30' }, anchor: '2018-07-01' }], // plan 21: RAP 2018-21
  [105, 105, { anchor: '2015-04-01' }], // plan 22: response plan (start given by the person importing)
  [106, 107, { anchor: '2011-06-20' }], // plan 23: approved 20/06/2011
  [108, 108, { period: { start: '2022-04-01', end: '2025-03-31' }, anchor: '2022-04-01' }], // plan 25
];

export function contextForLine(line: number): TimescaleContext {
  const hit = RANGES.find(([from, to]) => line >= from && line <= to);
  if (!hit) throw new Error(`deadlines.tsv line ${line} has no plan context`);
  return hit[2];
}
