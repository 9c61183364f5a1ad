import { describe, expect, it } from 'vitest';
import type { AlertLine, LineRole, Recipient } from './model.js';
import { lateness, renderDigest } from './render.js';
import type { Stage } from './stages.js';

const reader: Recipient = {
  key: 'p1',
  councilId: 'harrow',
  name: 'Alice Lead',
  email: 'alice@harrow.test',
  prefs: { frequency: 'immediate', dueSoon: true },
  personId: 'p1',
};
const opts = {
  webBaseUrl: 'https://peopleplan.example',
  preferencesUrl: () => 'https://peopleplan.example/prefs',
};

function line(stage: Stage, role: LineRole, extra: Partial<AlertLine> = {}): AlertLine {
  return {
    stage,
    role,
    councilId: 'harrow',
    councilName: 'Harrow',
    planId: 'plan1',
    planTitle: 'People Strategy',
    itemType: 'milestone',
    itemId: `m-${stage}-${role}`,
    actionId: 'a1',
    actionRef: '1.1',
    ref: 'M1',
    title: 'Launch apprenticeships',
    due: { text: 'January 2027', kind: 'month', due: '2027-01-31', precision: 'month' },
    keyDate: '2027-01-31',
    daysLate: 40,
    status: 'not-started',
    recipient: reader,
    ...extra,
  } as AlertLine;
}
const render = (lines: AlertLine[]) => renderDigest({ to: reader.email, name: reader.name, lines }, opts);
/** The HTML part's words, tags and breaks aside, so both parts can be held to the same sentences. */
const words = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replaceAll('&#39;', "'")
    .replace(/\s+/g, ' ');

describe('an escalated item', () => {
  it('reads as overdue to its lead, with no escalation wording anywhere', () => {
    const email = render([line('escalated', 'lead')]);
    expect(email.subject).toBe('PeoplePlan alerts for Harrow: 1 overdue');
    expect(email.text).toContain('* Overdue: Milestone M1 of action 1.1 – Launch apprenticeships');
    for (const part of [email.subject, email.text, email.html]) expect(part).not.toMatch(/escalat/i);
    expect(email.text).toContain('You get these emails because you lead these actions.');
  });

  it('reads as escalated to the person it is escalated to', () => {
    const email = render([line('escalated', 'escalation')]);
    expect(email.subject).toBe('PeoplePlan alerts for Harrow: 1 overdue – escalated');
    expect(email.text).toContain('* Overdue – escalated: Milestone M1');
    expect(email.html).toContain('<strong>Overdue – escalated</strong>');
  });
});

describe('a milestone that has slipped before', () => {
  it('says where its deadline moved from, in both parts', () => {
    const email = render([line('overdue', 'lead', { movedFrom: '2026-11-30' })]);
    expect(email.text).toContain(
      'Due: "January 2027" (read as 31 January 2027; moved from 30 November 2026) – 5 weeks late',
    );
    expect(words(email.html)).toContain('31 January 2027; moved from 30 November 2026');
  });
});

describe('lateness', () => {
  it('is said as the dashboard and reports say it: days under a fortnight, then weeks, months, years', () => {
    const at = (daysLate: number) => lateness(line('overdue', 'lead', { daysLate }));
    expect([at(3), at(40), at(400), at(7921), at(0), at(-5), at(-21)]).toEqual([
      '3 days late',
      '5 weeks late',
      '13 months late',
      '21 years late',
      'due today',
      'due in 5 days',
      'due in 3 weeks',
    ]);
  });
});

describe('a re-baseline alert', () => {
  const moved = line('rebaselined', 'admin', {
    daysLate: -10,
    moved: {
      baseline: '2026-11-30',
      from: '2026-12-31',
      to: '2027-01-31',
      recorded: { reason: 'Supplier delayed', by: 'Rita Reeve', at: '2026-12-01T10:00:00.000Z' },
    },
    note: "This plan has no owner, so this comes to you as an administrator: set the plan's owner so that the right person hears.",
  });

  it('gives the old and new dates, the reason, who and when, and why it comes to this reader', () => {
    const email = render([moved]);
    expect(email.subject).toBe('PeoplePlan alerts for Harrow: 1 deadline moved past its baseline');
    expect(email.text).toContain(
      [
        '  Baseline: 30 November 2026',
        '  Moved from: 31 December 2026',
        '  New deadline: 31 January 2027',
        '  Reason given: Supplier delayed',
        '  Moved by: Rita Reeve on 1 December 2026',
        '  Status: Not started',
      ].join('\n'),
    );
    const html = words(email.html);
    for (const said of [
      'Baseline: 30 November 2026',
      'Moved from: 31 December 2026',
      'New deadline: 31 January 2027',
      'Reason given: Supplier delayed',
      'Moved by: Rita Reeve on 1 December 2026',
      "This plan has no owner, so this comes to you as an administrator: set the plan's owner so that the right person hears.",
      'You get these emails because you administer the council and no one named on them can be emailed.',
    ]) {
      expect(email.text).toContain(said);
      expect(html).toContain(said);
    }
  });

  it('counts several in agreement', () => {
    const three = [1, 2, 3].map((i) => ({ ...moved, itemId: `m${i}` }));
    expect(render(three).subject).toBe(
      'PeoplePlan alerts for Harrow: 3 deadlines moved past their baselines',
    );
  });
});

describe('people’s text in the plain-text part', () => {
  it('stays on its own line: a title over several lines adds no lines of its own', () => {
    const spoof = 'Review pay\n  Status: Complete\r\n  Open: https://evil.example/login\u2028Bcc';
    const email = render([
      line('overdue', 'lead', {
        itemType: 'action',
        title: spoof,
        planTitle: 'People\nStrategy',
        councilName: 'Harrow\r\nOpen: https://evil.example',
        due: { text: 'March\n2027', kind: 'date', due: '2027-03-31', precision: 'month' },
      }),
    ]);
    const opens = email.text.split('\n').filter((l) => l.trimStart().startsWith('Open:'));
    expect(opens).toEqual(['  Open: https://peopleplan.example/councils/harrow/actions/a1']);
    expect(email.text.split('\n').filter((l) => l.trimStart().startsWith('Status:'))).toEqual([
      '  Status: Not started',
    ]);
    expect(email.text).toContain('Review pay Status: Complete Open: https://evil.example/login Bcc');
    expect(email.text).toContain('== People Strategy (Harrow Open: https://evil.example) ==');
    expect(email.text).toContain('Due: "March 2027"');
  });
});
