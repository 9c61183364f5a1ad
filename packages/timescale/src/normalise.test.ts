import { describe, expect, it } from 'vitest';
import { normalise } from './normalise.js';

describe('normalise', () => {
  it.each([
    ['<p>2004-05 Develop</p> <p>2005-06 Implement</p>', '2004-05 Develop 2005-06 Implement'],
    ['<ul style="list-style-type: none"> <li>\u25aa April 2005</li></ul>', 'April 2005'],
    ['31&nbsp;March&nbsp;2014', '31 March 2014'],
    ['&lt;p&gt;Ongoing&lt;/p&gt;', 'Ongoing'],
    ['OD &amp; People Plan', 'OD & People Plan'],
    ['April\u00a02013 \u2013 March\u00a02014', 'April 2013 - March 2014'],
    ['2004 \u201405', '2004 -05'],
    ['Within 1\u00bd years', 'Within 1.5 years'],
    ['Within \u00bd year', 'Within 0.5 year'],
    ['1 st April and 2 nd Tranche', '1st April and 2nd Tranche'],
    ['[May \u2013 August 2005]', 'May - August 2005'],
    ['Ongoing\u200b\ufeff', 'Ongoing'],
    ['It\u2019s \u201cdone\u201d', 'It\'s "done"'],
    ['  Completed\r\n', 'Completed'],
  ])('%j → %j', (raw, want) => {
    expect(normalise(raw)).toBe(want);
  });
});
