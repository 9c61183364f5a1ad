import { describe, expect, it } from 'vitest';
import { readSample } from './test-helpers.js';

describe('label-line-blocks', () => {
  it('reads blocks whose field names sit alone on their lines, each title the line that is no sentence', () => {
    const text = [
      'Priority two: A healthy workforce',
      '',
      'Give every manager training in wellbeing conversations',
      '',
      '',
      'Design a half-day course with occupational health.',
      '',
      'Lead service area',
      '',
      'Learning and development',
      '',
      'How will we measure success?',
      '',
      'Most managers trained within the year.',
      '',
      'Staff survey shows more people talk to their manager about wellbeing.',
      '',
      '',
      'Reduce stress-related absence',
      '',
      '',
      'Offer stress risk assessments to every team.',
      '',
      'Lead service area',
      '',
      'Occupational health',
      '',
      'How will we measure success?',
      '',
      'Fewer days lost to stress than last year.',
    ].join('\n');
    const r = readSample(text);
    expect(r.layouts).toEqual(['label-line-blocks']);
    expect(r.header).toEqual(['Action', 'Description', 'Lead service area', 'How will we measure success?']);
    expect(r.data).toEqual([
      [
        'Give every manager training in wellbeing conversations',
        'Design a half-day course with occupational health.',
        'Learning and development',
        'Most managers trained within the year.\nStaff survey shows more people talk to their manager about wellbeing.',
      ],
      [
        'Reduce stress-related absence',
        'Offer stress risk assessments to every team.',
        'Occupational health',
        'Fewer days lost to stress than last year.',
      ],
    ]);
  });

  it("leaves a report's labelled sections, which name no lead or date, to the other rules", () => {
    const text = [
      'Staff focus groups',
      '',
      'Description of research',
      '',
      'Five groups met in the autumn to discuss working for the council.',
      '',
      'Key findings',
      '',
      'Staff rate the council as an average employer.',
      '',
      'Exit interviews',
      '',
      'Description of research',
      '',
      'Leavers were asked why they left.',
      '',
      'Key findings',
      '',
      'Pay and workload were the main reasons.',
    ].join('\n');
    expect(readSample(text).layouts).not.toContain('label-line-blocks');
  });
});
