import { describe, expect, it } from 'vitest';
import { boundsOf } from './bounds.js';
import { parseTimescale } from './parse.js';

describe('boundsOf', () => {
  it.each([
    ['April 2013', '2013-04-01', '2013-04-30'],
    ['Q4 2013/14', '2014-01-01', '2014-03-31'],
    ['Winter 2015', '2015-12-01', '2016-02-29'],
    ['2013/14', '2013-04-01', '2014-03-31'],
    ['2014', '2014-01-01', '2014-12-31'],
    ['31/03/2014', '2014-03-31', '2014-03-31'],
    ['April 2013 - March 2014', '2013-04-01', '2014-03-31'],
  ])('%s covers %s to %s', (text, from, to) => {
    expect(boundsOf(parseTimescale(text))).toEqual({ from, to });
  });

  it('has nothing to say without a due date', () => {
    expect(boundsOf(parseTimescale('Ongoing'))).toBeUndefined();
    expect(boundsOf(parseTimescale('Post restructuring'))).toBeUndefined();
  });
});
