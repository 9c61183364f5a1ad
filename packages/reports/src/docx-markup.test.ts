import JSZip from 'jszip';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { kentBusinessPlan } from '../testing/fixtures.js';
import { renderCommitteePackDocx, renderDocx } from './docx.js';
import { summarise } from './summarise.js';

/**
 * Council text in a Word paper stays text (security probe, what leaves the system): a title, lead, risk
 * or progress update written as WordprocessingML (a hyperlink, a field that fetches a page, a run that
 * closes the text it is in) arrives in the document as those characters, never as markup. Word makes
 * a link or a field only from markup; it turns nothing typed into one when a file is opened.
 */
const EVIL =
  '</w:t></w:r><w:hyperlink r:id="rIdEvil"><w:r><w:t>Click here</w:t></w:r></w:hyperlink>' +
  '<w:fldSimple w:instr=" INCLUDEPICTURE &quot;https://evil.example/x.png&quot; "/><w:r><w:t>';

function evilPlan() {
  const { data } = kentBusinessPlan();
  data.plan.title = `Plan ${EVIL}`;
  data.council.name = `Council ${EVIL}`;
  data.themes[0]!.title = `Theme ${EVIL}`;
  data.actions[1]!.title = `Action ${EVIL}`;
  data.actions[1]!.leads = [{ role: 'accountable', label: `Lead ${EVIL}` }];
  data.risks[0]!.description = `Risk ${EVIL}`;
  for (const u of data.updates) u.narrative = `Update ${EVIL}\nsecond line ${EVIL}`;
  return summarise(data);
}

async function parts(buffer: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(buffer);
  const names = Object.keys(zip.files).filter((n) => n.endsWith('.xml') || n.endsWith('.rels'));
  return (await Promise.all(names.map((n) => zip.file(n)!.async('string')))).join('\n');
}

describe('Word markup in council text', () => {
  it.each([
    ['a plan’s paper', () => renderDocx(evilPlan())],
    [
      'the committee pack',
      () =>
        renderCommitteePackDocx({ councilName: `Council ${EVIL}`, periodLabel: 'Mid-year 2013-14' }, [
          evilPlan(),
        ]),
    ],
  ])('stays text in %s', async (_, render) => {
    const buffer = await render();
    const xml = await parts(buffer);
    expect(xml).not.toMatch(/<w:hyperlink|<w:fldSimple/);
    // The only fields are the footer's own page numbers.
    const fields = [...xml.matchAll(/<w:instrText[^>]*>([^<]*)</g)].map((m) => m[1]!.trim());
    expect(new Set(fields)).toEqual(new Set(['PAGE', 'NUMPAGES']));
    expect(xml).not.toMatch(/Target="https:\/\/evil/);
    const text = (await mammoth.extractRawText({ buffer })).value;
    // Every field that carried it shows it as written, each line of an update as its own paragraph.
    expect(text.split(EVIL).length - 1).toBeGreaterThanOrEqual(6);
  });
});
