import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { eastHertsPeerReview } from '../testing/fixtures.js';
import { renderCommitteePackDocx, renderDocx } from './docx.js';
import { renderHtml } from './html.js';
import { summarySentence } from './model.js';
import { summarise } from './summarise.js';

const documentXml = async (docx: Buffer) =>
  (await JSZip.loadAsync(docx)).file('word/document.xml')!.async('string');

/** The summary's opening sentence: its headings can add up to more than the exceptions, and it says so. */
describe('the summary sentence', () => {
  // East Herts at Q3 2007-08: D1 off track; LN2 overdue and not updated; D2 not updated.
  const model = summarise(eastHertsPeerReview().data);
  const sentence =
    '3 exceptions, 1 of them under more than one heading: 1 off track, 1 overdue, 0 re-baselined, ' +
    '2 without an update this period.';

  it('says how many exceptions are counted under more than one heading', () => {
    expect(summarySentence(model)).toContain(sentence);
    const ex = model.summary.exceptions;
    expect(ex['off-track'] + ex.overdue + ex['re-baselined'] + ex.stale).toBe(ex.total + 1);
  });

  it('says nothing of overlap when there is none, and words one or all counted twice', () => {
    const only = (n: number) => ({ ...model, exceptions: model.exceptions.slice(n, n + 1) });
    const one = {
      ...only(1),
      summary: { ...model.summary, exceptions: { ...model.summary.exceptions, total: 1 } },
    };
    expect(summarySentence(one)).toContain('1 exception, counted under more than one heading: ');
    const all = { ...model, exceptions: model.exceptions.filter((e) => e.reasons.length > 1) };
    const both = {
      ...all,
      summary: { ...model.summary, exceptions: { ...model.summary.exceptions, total: 2 } },
    };
    expect(summarySentence({ ...both, exceptions: [all.exceptions[0]!, all.exceptions[0]!] })).toContain(
      '2 exceptions, each under more than one heading: ',
    );
    const none = { ...model, exceptions: model.exceptions.filter((e) => e.reasons.length === 1) };
    expect(summarySentence(none)).toContain('3 exceptions: 1 off track');
  });

  it('is printed so in the Word and web reports and on the committee pack’s cover', async () => {
    expect(renderHtml(model)).toContain(sentence);
    expect(await documentXml(await renderDocx(model))).toContain(sentence);
    const pack = await renderCommitteePackDocx({ councilName: 'East Herts', periodLabel: 'Q3' }, [model]);
    expect(await documentXml(pack)).toContain(sentence);
  });

  it('counts one action or one milestone in the singular', () => {
    const one = {
      ...model,
      summary: { ...model.summary, totalActions: 1, milestones: { ...model.summary.milestones, total: 1 } },
    };
    expect(summarySentence(one)).toMatch(/^1 action and 1 milestone\. /);
    expect(summarySentence(model)).toMatch(/^\d+ actions and \d+ milestones\. /);
  });
});
