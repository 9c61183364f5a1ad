import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { kentBusinessPlan } from '../testing/fixtures.js';
import { renderDocx } from './docx.js';
import { asReportModel } from './frozen.js';
import { renderHtml } from './html.js';
import { type ActionRow, type ReportModel, travelText } from './model.js';
import { summarise } from './summarise.js';

/** Direction of travel words: a start (not started, grey, to on track, green) is never "No change". */
describe('direction of travel in words', () => {
  // 1.1 was not started (grey) at the last period; it is on track (green) now.
  const { data } = kentBusinessPlan();
  data.actions.find((a) => a.ref === '1.1')!.status = 'on-track';
  const model = summarise(data);
  const row = model.themes.flatMap((t) => t.actions).find((a) => a.ref === '1.1')!;

  it('calls a start a start, with what it was, and counts it so', () => {
    expect(row.travel).toBe('started');
    expect(travelText(row)).toBe('Started (was not started)');
    expect(model.summary.travel.started).toBe(1);
    expect(model.summary.byTheme[0]!.travel.started).toBe(1);
    const stopped: Pick<ActionRow, 'travel' | 'previous' | 'statusLabel'> = {
      travel: 'stopped',
      previous: { status: 'on-track', rag: 'green' },
      statusLabel: 'Deferred',
    };
    expect(travelText(stopped)).toBe('Stopped: deferred (was on track)');
    expect(travelText({ ...row, travel: 'improved', previous: { status: 'at-risk', rag: 'amber' } })).toBe(
      'Improved (was amber)',
    );
  });

  it('says so in every format, with a Started column in the summary only when some action started', async () => {
    const html = renderHtml(model);
    expect(html).toContain('Started (was not started)');
    expect(html).not.toContain('No change (was grey)');
    expect(html).toMatch(/<th scope="row">Started<\/th><td class="num">1<\/td>/);
    const xml = await (await JSZip.loadAsync(await renderDocx(model)))
      .file('word/document.xml')!
      .async('string');
    expect(xml).toContain('Started (was not started)');
    expect(renderHtml(summarise(kentBusinessPlan().data))).not.toContain('>Started<');
  });

  it('reads a report frozen before starts were told apart with the same words and counts', () => {
    const old = JSON.parse(JSON.stringify(model)) as ReportModel;
    const level = (t: Record<string, number>) => {
      t.same! += t.started! + t.stopped!;
      delete t.started;
      delete t.stopped;
    };
    level(old.summary.travel);
    for (const t of old.summary.byTheme) level(t.travel);
    for (const t of old.themes) for (const a of t.actions) if (a.travel === 'started') a.travel = 'same';
    const read = asReportModel(old);
    expect(read.summary.travel).toEqual(model.summary.travel);
    expect(read.summary.byTheme.map((t) => t.travel)).toEqual(model.summary.byTheme.map((t) => t.travel));
    expect(read.themes.flatMap((t) => t.actions).find((a) => a.ref === '1.1')!.travel).toBe('started');
  });
});
