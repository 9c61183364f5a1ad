import { describe, expect, it } from 'vitest';
import { headerLineAt, splitHeaderLine } from './header-line.js';
import { toLines } from './lines.js';

describe('header-line: a header whose cells lost their separators', () => {
  it.each([
    ['Objective Target date', ['Objective', 'Target date']],
    ['WHAT WE WILL DO LEAD OFFICERTARGET DATE', ['WHAT WE WILL DO', 'LEAD OFFICER', 'TARGET DATE']],
    ['Task Owner Timesc ale', ['Task', 'Owner', 'Timesc ale']],
    [
      'Objective Lead officer Start date (month/year) End date',
      ['Objective', 'Lead officer', 'Start date (month/year)', 'End date'],
    ],
  ])('%s', (line, cells) => {
    expect(splitHeaderLine(line)?.map((c) => c.text)).toEqual(cells);
  });

  it('is not a sentence that happens to use column words', () => {
    expect(splitHeaderLine('The lead officer will agree a target date with the board.')).toBeUndefined();
    expect(splitHeaderLine('We will review the action plan every year')).toBeUndefined();
  });

  it('takes a last word wrapped onto the next line, but not the first row of data', () => {
    const wrapped = toLines(
      'ACTIONS RESPONSIBILITY COMPLETION\n\nDATE\nRun the staff survey Head of HR May 2024',
    );
    expect(headerLineAt(wrapped, 0)?.header.cells).toEqual(['ACTIONS', 'RESPONSIBILITY', 'COMPLETION DATE']);
    expect(headerLineAt(wrapped, 0)?.next).toBe(3);
    const plain = toLines('Action Lead Deadline\nTrain managers Head of HR May 2024');
    expect(headerLineAt(plain, 0)?.header.fields).toEqual(['title', 'lead:responsible', 'due']);
    expect(headerLineAt(plain, 0)?.next).toBe(1);
  });
});
