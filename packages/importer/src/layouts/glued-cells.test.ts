import { describe, expect, it } from 'vitest';
import { readSample } from './test-helpers.js';

/** A made-up plan page whose web table was copied with its cells run together (glued-cells.ts). */
const SAMPLE = `Actions

4: Build relationships with local communities

DeliverableTimelineResponsibility
Meet local community organisations to agree how we work together.March 2027Head of Engagement
Review our engagement principles with the community panel.September 2026Head of Engagement
Hold an open event for staff and residents. 

Invite community speakers to present at the event
October 2026Communications Lead

5: Mark significant dates

DeliverableTimelineResponsibility
Publish a calendar of significant dates for staff.30 June 2026, then annuallyPeople Director`;

describe('glued-cells', () => {
  it('parts each run-together row at the joins before its date and its lead', () => {
    const r = readSample(SAMPLE);
    expect(r.layouts).toEqual(['glued-cells']);
    expect(r.header).toEqual(['Deliverable', 'Timeline', 'Responsibility']);
    expect(r.data).toEqual([
      [
        'Meet local community organisations to agree how we work together.',
        'March 2027',
        'Head of Engagement',
      ],
      ['Review our engagement principles with the community panel.', 'September 2026', 'Head of Engagement'],
      [
        'Hold an open event for staff and residents.\nInvite community speakers to present at the event',
        'October 2026',
        'Communications Lead',
      ],
      [
        'Publish a calendar of significant dates for staff.',
        '30 June 2026, then annually',
        'People Director',
      ],
    ]);
  });

  it('leaves lines whose end holds no date and lead as they were', () => {
    const r = readSample(
      'DeliverableTimelineResponsibility\nWe meet every month.\nOur PowerPoint pack is online.',
    );
    expect(r.layouts).not.toContain('glued-cells');
  });
});
