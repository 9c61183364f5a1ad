import { describe, expect, it } from 'vitest';
import { readSample } from './test-helpers.js';

describe('bulleted-list', () => {
  it('reads bullets a line introduces as actions', () => {
    const r = readSample(
      [
        'Following the staff survey we will take the following actions:',
        '- Hold listening sessions in every directorate',
        '- Publish what we heard and what we will change,',
        '  with a date for each change',
        '• Repeat the pulse survey in the spring',
        '',
        'The board will see progress each quarter.',
      ].join('\n'),
    );
    expect(r.layouts).toEqual(['bulleted-list']);
    expect(r.data).toEqual([
      ['Hold listening sessions in every directorate'],
      ['Publish what we heard and what we will change, with a date for each change'],
      ['Repeat the pulse survey in the spring'],
    ]);
  });

  it('reads a label, its value run into the first bullet, and the theme above them', () => {
    const r = readSample(
      [
        'Support our managers to lead well.',
        'Lead officer',
        'Head of Organisational Development- Launch a coaching offer for new managers',
        '- Add people management to every manager’s appraisal',
      ].join('\n'),
    );
    expect(r.headings).toEqual(['Support our managers to lead well.']);
    expect(r.header).toEqual(['Action', 'Lead officer']);
    expect(r.data).toEqual([
      ['Launch a coaching offer for new managers', 'Head of Organisational Development'],
      ['Add people management to every manager’s appraisal', 'Head of Organisational Development'],
    ]);
  });

  it('leaves bullets that nothing introduces as actions alone', () => {
    const r = readSample(
      ['Our workforce at March 2024', '- 1,204 staff in post', '- 58% women', '- Average age 44'].join('\n'),
    );
    expect(r.rows).toEqual([]);
  });
});
