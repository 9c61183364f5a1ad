import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { kentBusinessPlan } from '../testing/fixtures.js';
import { renderCommitteePackDocx, renderDocx } from './docx.js';
import { compareWithPeriod, markLive, periodFacts, withoutForecast } from './frozen.js';
import { renderHtml } from './html.js';
import { summarise } from './summarise.js';

describe('frozen report models', () => {
  const { data } = kentBusinessPlan();
  const model = summarise(data, { forecast: true });
  const actions = model.themes.flatMap((t) => t.actions);

  it('keeps the facts the trends read: overdue by kind, milestones and per theme, as the report counts them', () => {
    const facts = periodFacts(model);
    const overdue = model.exceptions.filter((e) => e.reasons.includes('overdue'));
    expect(facts.overdueActions).toBe(overdue.filter((e) => e.item.kind === 'action').length);
    expect(facts.milestones).toEqual({
      total: model.summary.milestones.total,
      completed: model.summary.milestones.completed,
      overdue: model.summary.milestones.overdue,
    });
    expect(facts.themes.map((t) => t.id)).toEqual(model.summary.byTheme.map((t) => t.id));
    expect(facts.themes.reduce((n, t) => n + t.overdueActions, 0)).toBe(facts.overdueActions);
    expect(facts.themes.reduce((n, t) => n + t.overdueMilestones, 0)).toBe(facts.milestones.overdue);
  });

  it('drops forecasts everywhere an action row sits, and survives a JSON round trip', () => {
    expect(actions.every((a) => a.forecast)).toBe(true);
    const plain = withoutForecast(JSON.parse(JSON.stringify(model)));
    expect(plain.hasForecast).toBe(false);
    expect(JSON.stringify(plain)).not.toContain('"forecast"');
    expect(plain.summary).toEqual(model.summary);
  });

  it('measures travel again against another period, rows and counts alike', () => {
    const first = actions[0]!;
    const entries = Object.fromEntries(
      actions.slice(1).map((a) => [a.id, { status: 'off-track' as const, rag: 'red' as const }]),
    );
    const again = compareWithPeriod(model, entries, 'May 2013');
    const rows = again.themes.flatMap((t) => t.actions);
    expect(again.comparedWith).toBe('May 2013');
    expect(rows.find((a) => a.id === first.id)).toMatchObject({ travel: 'new' });
    expect(rows.find((a) => a.id === first.id)!.previous).toBeUndefined();
    const t = again.summary.travel;
    expect(t.new).toBe(1);
    expect(t.improved + t.same + t.worse + t.new).toBe(actions.length);
    const byTheme = again.summary.byTheme.reduce((n, x) => n + x.travel.improved, 0);
    expect(byTheme).toBe(t.improved);
    for (const e of again.exceptions.filter((x) => x.item.kind === 'action')) {
      expect(e.item).toEqual(rows.find((a) => a.id === e.item.id));
    }
  });

  it('says one "as at", the day it judges, and when it was produced apart, as the pages say a time', () => {
    // Built on 20 October for the mid-year (ended 30 September): judged at the period's end.
    const live = markLive(model, new Date('2013-10-20T13:05:00Z'), 'Europe/London');
    expect(model.asOf).toBe('2013-09-30');
    expect(live.title).toBe(`${model.title} (as at 30 Sep 2013)`);
    expect(live.produced).toBe('20 October 2013 at 2:05pm');
    const html = renderHtml(live);
    // Its <title>, heading and "Position as at" all name the one day.
    const days = [...html.matchAll(/as at(?: |<\/dt><dd>)(\d+ \w+ \d{4})/gi)].map((m) => m[1]);
    expect(days).toEqual(['30 Sep 2013', '30 Sep 2013', '30 Sep 2013']);
    expect(html).toContain('<dt>Position as at</dt><dd>30 Sep 2013</dd>');
    expect(html).toContain('<dt>Produced</dt><dd>20 October 2013 at 2:05pm</dd>');
    // Frozen when the period closed: the day alone.
    expect(renderHtml(model)).toContain(`<dt>Produced</dt><dd>`);
  });

  it('says the same "as at" in a Word paper’s title and body, and on the committee pack’s cover', async () => {
    const text = async (docx: Buffer) =>
      (
        (await (await JSZip.loadAsync(docx)).file('word/document.xml')!.async('string')).match(
          /<w:t[^>]*>[^<]*<\/w:t>/g,
        ) ?? []
      )
        .map((t) => t.replace(/<[^>]+>/g, ''))
        .join('\n');
    const live = markLive(model, new Date('2013-10-20T02:15:00Z'), 'Europe/London');
    const paper = await text(await renderDocx(live));
    expect(paper.match(/as at:? [^\n)]*/gi)).toEqual(['as at 30 Sep 2013', 'as at: 30 Sep 2013']);
    expect(paper).toContain('Produced: 20 October 2013 at 3:15am');
    const pack = await text(
      await renderCommitteePackDocx(
        { councilName: 'Kent', periodLabel: 'Mid-year 2013-14', produced: live.produced },
        [live],
      ),
    );
    expect(pack).toContain(
      'Progress on every active plan, as at 30 Sep 2013. Produced 20 October 2013 at 3:15am.',
    );
  });
});
