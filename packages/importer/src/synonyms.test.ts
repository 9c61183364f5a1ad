import { describe, expect, it } from 'vitest';
import { parsePlanFile } from './index.js';

describe('an NHS people plan’s column names', () => {
  // Trusts rate progress Blue-RAG (blue for complete), name an SRO over an operational lead and group
  // their actions by the People Promise: unread, the BRAG letters were taken into the ref column.
  it('reads BRAG as the status, the SRO as a lead and the People Promise theme as the group', async () => {
    const text = [
      ['People Promise theme', 'Ref', 'Action', 'SRO', 'Operational lead', 'End', 'BRAG'],
      [
        'We are safe and healthy',
        'SH01',
        'Expand occupational health',
        'Chief People Officer',
        'OH Manager',
        'Dec 2026',
        'A',
      ],
      [
        'We are safe and healthy',
        'SH02',
        'Reduce violence against staff',
        'Chief Nurse',
        'Head of H&S',
        'Mar 2027',
        'B',
      ],
      [
        'We work flexibly',
        'WF01',
        'Publish a flexible working policy',
        'Chief People Officer',
        'HR Policy Lead',
        'Sep 2026',
        'R',
      ],
    ]
      .map((r) => r.join('\t'))
      .join('\n');
    const plan = await parsePlanFile(text);
    expect(
      plan.themes.map((t) => [
        t.title,
        t.actions.map((a) => [a.ref, a.status, a.leads.map((l) => l.label).sort()]),
      ]),
    ).toEqual([
      [
        'We are safe and healthy',
        [
          ['SH01', 'at-risk', ['Chief People Officer', 'OH Manager']],
          ['SH02', 'completed', ['Chief Nurse', 'Head of H&S']],
        ],
      ],
      ['We work flexibly', [['WF01', 'off-track', ['Chief People Officer', 'HR Policy Lead']]]],
    ]);
  });
});
