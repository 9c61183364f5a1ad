import { nthOccurrence, type Recurrence } from '@peopleplan/core';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { kentBusinessPlan } from '../testing/fixtures.js';
import { milestoneUid, renderIcs } from './ics.js';
import { summarise } from './summarise.js';

describe('renderIcs', () => {
  const model = summarise(kentBusinessPlan().data);
  const milestones = model.themes.flatMap((t) => t.milestones);
  const input = {
    name: 'Kent HR business plan milestones',
    milestones,
    baseUrl: 'https://peopleplan.example/',
    councilId: 'kent',
  };
  const result = renderIcs(input);
  const cal = new ICAL.Component(ICAL.parse(result.ics));
  const events = cal.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));

  it('makes an all-day event per dated milestone and reports the undated ones', () => {
    const dated = milestones.filter((m) => m.due?.parsed);
    expect(result.events).toBe(dated.length);
    expect(events).toHaveLength(3);
    expect(result.skipped).toBe(1);
    expect(result.skippedRefs).toEqual(['A']);
    for (const m of dated) {
      const e = events.find((ev) => ev.uid === milestoneUid(m.id))!;
      expect(e.startDate.isDate).toBe(true);
      expect(e.startDate.toString()).toBe(m.due!.parsed);
      expect(e.summary).toBe(`Milestone ${m.ref}: ${m.title}`);
      expect(e.description).toContain(`Action ${m.actionRef}: ${m.actionTitle}`);
      expect(e.description).toContain(
        `https://peopleplan.example/councils/kent/actions/${m.actionId}#milestone-${m.id}`,
      );
    }
    expect(cal.getFirstPropertyValue('name')).toBe('Kent HR business plan milestones');
  });

  it('keeps UIDs stable and unique across exports', () => {
    const again = new ICAL.Component(ICAL.parse(renderIcs(input).ics))
      .getAllSubcomponents('vevent')
      .map((v) => new ICAL.Event(v).uid);
    expect(again).toEqual(events.map((e) => e.uid));
    expect(new Set(again).size).toBe(again.length);
  });

  it('is byte-identical for a fixed stamp', () => {
    const stamp = new Date('2013-10-20T09:00:00Z');
    expect(renderIcs({ ...input, stamp }).ics).toBe(renderIcs({ ...input, stamp }).ics);
  });
  it('keeps people’s text inside its field: a line break in a name or title starts no line of the feed', () => {
    const injected =
      'Plan\r\nBEGIN:VEVENT\r\nUID:evil@attacker\r\nSUMMARY:Re-confirm your payroll\r\nEND:VEVENT\r\nX-PAD:';
    const m = milestones.find((x) => x.due?.parsed)!;
    const r = renderIcs({
      ...input,
      name: `Kent: ${injected} milestones`,
      milestones: [{ ...m, title: `Launch\nBEGIN:VALARM\u2028x` }],
    });
    const parsed = new ICAL.Component(ICAL.parse(r.ics));
    expect(parsed.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v).uid)).toEqual([
      milestoneUid(m.id),
    ]);
    expect(r.ics).not.toMatch(/^(BEGIN:VALARM|UID:evil)/m);
    expect(parsed.getFirstPropertyValue('name')).toBe(
      'Kent: Plan BEGIN:VEVENT UID:evil@attacker SUMMARY:Re-confirm your payroll END:VEVENT X-PAD: milestones',
    );
  });
});

describe('renderIcs: a repeating deadline is one event that repeats as the app counts it', () => {
  const cases: Array<[string, Recurrence]> = [
    ['2026-06-30', 'quarterly'],
    ['2026-01-31', 'monthly'],
    ['2026-01-15', 'monthly'],
    ['2027-02-28', 'annual'],
    ['2026-04-30', 'annual'],
    ['2026-11-06', 'fortnightly'],
    ['2026-09-30', 'six-monthly'],
    ['2026-07-22', 'termly'],
  ];
  it.each(cases)('first due %s, %s: the calendar’s next occurrences are core’s', (first, every) => {
    const ics = renderIcs({
      name: 'Repeats',
      councilId: 'kent',
      baseUrl: 'https://peopleplan.example',
      milestones: [
        {
          id: 'm1',
          ref: 'A',
          title: 'Workforce return',
          actionId: 'a1',
          actionRef: '1.1',
          actionTitle: 'Returns',
          due: { text: every, parsed: first, repeats: every },
        },
      ],
    }).ics;
    const event = new ICAL.Event(new ICAL.Component(ICAL.parse(ics)).getFirstSubcomponent('vevent')!);
    expect(event.isRecurring()).toBe(true);
    const it = event.iterator();
    const fromCalendar = Array.from({ length: 9 }, () => it.next()!.toString());
    const fromCore = Array.from({ length: 9 }, (_, n) => nthOccurrence(first, every, n));
    expect(fromCalendar).toEqual(fromCore);
  });
});
