import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { kentBusinessPlan } from '../testing/fixtures.js';
import { renderDocx } from './docx.js';
import { headed } from './format.js';
import { renderHtml } from './html.js';
import { summarise } from './summarise.js';

describe('a heading joined to what follows it', () => {
  it('drops the heading’s own closing stop or colon, so the punctuation is never doubled', () => {
    expect(headed('Commitment 1: Give our people a voice in decision-making.', 'actions')).toBe(
      'Commitment 1: Give our people a voice in decision-making: actions',
    );
    expect(headed('Priority 2: Productivity:', 'milestones')).toBe('Priority 2: Productivity: milestones');
    expect(headed('Pay and reward; ', 'actions')).toBe('Pay and reward: actions');
    expect(headed('Priority 1: Prevention', 'actions')).toBe('Priority 1: Prevention: actions');
    expect(headed('Are we listening?', 'actions')).toBe('Are we listening? – actions');
  });

  it('captions the Word and web report tables of a theme whose name ends in a full stop', async () => {
    const { data } = kentBusinessPlan();
    data.themes.find((t) => t.ref === '1')!.title = 'Give our people a voice in decision-making.';
    const model = summarise(data);
    const caption = 'Priority 1: Give our people a voice in decision-making: actions';
    const html = renderHtml(model);
    expect(html).toContain(`<caption>${caption}</caption>`);
    expect(html).not.toContain('.: ');
    const xml = await (await JSZip.loadAsync(await renderDocx(model)))
      .file('word/document.xml')!
      .async('string');
    expect(xml).toContain(caption);
    expect(xml).toContain('Priority 1: Give our people a voice in decision-making: milestones');
    expect(xml).not.toContain('.: ');
  });
});
