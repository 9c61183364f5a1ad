import { describe, expect, it } from 'vitest';
import { kentBusinessPlan } from '../testing/fixtures.js';
import { asAtText, compareWithPeriod, markAsAt, periodFacts, withoutForecast } from './frozen.js';
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

  it('says "as at" the date asked for, at the time of day, in the title', () => {
    const text = asAtText('2013-10-20', new Date('2013-10-20T13:05:00Z'), 'Europe/London');
    expect(text).toBe('20 Oct 2013, 14:05');
    expect(markAsAt(model, text).title).toBe(`${model.title} (as at 20 Oct 2013, 14:05)`);
  });
});
