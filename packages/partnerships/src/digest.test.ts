import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { action, council, milestone, plan, shared } from '../testing/fixtures.js';
import { buildSlippageDigest } from './digest.js';
import { combinedMilestones } from './milestones.js';

const TODAY = '2026-06-15';
const P = { id: 'hr-shared-service', name: 'HR Shared Service' };

function items() {
  const hp = plan({ title: 'People strategy <2026>' });
  const ha = action(hp.id, { ref: '1', leads: ['GM (HR)'] });
  const ep = plan({ title: 'Peer review plan' });
  const ea = action(ep.id, { ref: '4' });
  return combinedMilestones(
    [
      council('harrow', 'Harrow', [
        shared(hp, {
          actions: [ha],
          milestones: [
            milestone(ha, { ref: 'A', title: 'Agree <b>pay</b> & grading', due: '2026-06-12' }), // newly overdue
            milestone(ha, { ref: 'B', due: '2026-03-31' }), // long overdue: not this week's news
            // Moved later this week.
            milestone(ha, {
              ref: 'C',
              due: '2026-09-30',
              baseline: '2026-06-30',
              changedAt: '2026-06-10T12:00:00Z',
            }),
            // Moved later long ago.
            milestone(ha, {
              ref: 'D',
              due: '2026-10-31',
              baseline: '2026-07-31',
              changedAt: '2026-02-01T12:00:00Z',
            }),
          ],
        }),
      ]),
      council('east-herts', 'East Herts', [
        shared(ep, { actions: [ea], milestones: [milestone(ea, { ref: 'A', due: '2026-06-09' })] }),
      ]),
    ],
    TODAY,
  );
}

describe('buildSlippageDigest', () => {
  it('lists what slipped this week, by council, in text and in HTML', () => {
    const d = buildSlippageDigest({
      partnership: P,
      items: items(),
      today: TODAY,
      link: 'https://x.example/p',
    })!;
    expect(d.count).toBe(3);
    expect(d.subject).toBe('HR Shared Service: 3 milestones slipped this week');
    expect(d.text).toContain('East Herts');
    expect(d.text).toContain('milestone A: Agree <b>pay</b> & grading');
    expect(d.text).toContain('moved later (first due 2026-06-30)');
    expect(d.text).toContain('3 milestones are overdue in all');
    expect(d.text).not.toMatch(/milestone B:|milestone D:/);
    const html = parse(d.html);
    expect(html.querySelectorAll('h2').map((h) => h.text)).toEqual(['East Herts', 'Harrow']);
    const harrowRows = html.querySelectorAll('table')[1]!.querySelectorAll('tbody tr');
    expect(harrowRows.map((r) => r.querySelector('td')!.text)).toEqual([
      'People strategy <2026> – action 1, milestone A: Agree <b>pay</b> & grading',
      'People strategy <2026> – action 1, milestone C: Milestone C',
    ]);
    // Plan text is escaped: it never becomes markup.
    expect(html.querySelectorAll('b')).toHaveLength(0);
    expect(html.querySelector('a')!.getAttribute('href')).toBe('https://x.example/p');
  });

  it('keeps people’s text on its own line of the plain text', () => {
    const hp = plan({ title: 'People strategy' });
    const ha = action(hp.id, { ref: '1', leads: ['GM (HR)\nLead: someone else'] });
    const slipped = combinedMilestones(
      [
        council('harrow', 'Harrow\r\nSee: https://evil.example', [
          shared(hp, {
            actions: [ha],
            milestones: [milestone(ha, { ref: 'A', title: 'Agree pay\n  Due: never', due: '2026-06-12' })],
          }),
        ]),
      ],
      TODAY,
    );
    const d = buildSlippageDigest({ partnership: P, items: slipped, today: TODAY })!;
    const lines = d.text.split('\n');
    expect(lines.filter((l) => l.trimStart().startsWith('Due:'))).toHaveLength(1);
    expect(lines.some((l) => l.startsWith('See:') || l.startsWith('Lead:'))).toBe(false);
    expect(d.text).toContain('Harrow See: https://evil.example');
    expect(d.text).toContain('Agree pay Due: never');
  });

  it('returns nothing when nothing slipped this week', () => {
    expect(
      buildSlippageDigest({ partnership: P, items: items(), today: '2026-12-31', since: '2026-12-24' }),
    ).toBe(undefined);
    expect(buildSlippageDigest({ partnership: P, items: [], today: TODAY })).toBe(undefined);
  });
});
