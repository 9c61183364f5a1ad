import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { eastHertsPeerReview, kentBusinessPlan } from '../testing/fixtures.js';
import { renderDocx } from './docx.js';
import { renderHtml } from './html.js';
import { summarise } from './summarise.js';

/**
 * Golden files: the exact Word XML and HTML the renderers write for two fixed plans, so a refactor or a
 * speed-up that changes a byte of what a committee reads fails here. A deliberate change is reviewed in
 * the diff of `testing/golden/` (`npx vitest run packages/reports -u` rewrites them).
 */

const cases = [
  // Kent with a forecast: indicators, risks, sub-actions, milestones and the optional forecast column.
  { name: 'kent-business-plan', model: () => summarise(kentBusinessPlan().data, { forecast: true }) },
  // East Herts: member/strategic/operational leads, deadlines as written, no indicators or risks.
  { name: 'east-herts-peer-review', model: () => summarise(eastHertsPeerReview().data) },
];

/** One element per line, so a change shows as a readable diff; tags are never adjacent inside text (`<` is escaped). */
const lines = (xml: string) => xml.replace(/></g, '>\n<');

async function docxPart(buffer: Buffer, path: string): Promise<string> {
  const file = (await JSZip.loadAsync(buffer)).file(path);
  if (!file) throw new Error(`no ${path} in the DOCX`);
  return lines(await file.async('string'));
}

describe.each(cases)('golden: $name', ({ name, model }) => {
  it('writes the same DOCX body and footer', async () => {
    const buffer = await renderDocx(model());
    await expect(await docxPart(buffer, 'word/document.xml')).toMatchFileSnapshot(
      `../testing/golden/${name}.document.xml`,
    );
    await expect(await docxPart(buffer, 'word/footer1.xml')).toMatchFileSnapshot(
      `../testing/golden/${name}.footer1.xml`,
    );
  });

  it('writes the same HTML', async () => {
    await expect(renderHtml(model())).toMatchFileSnapshot(`../testing/golden/${name}.html`);
  });
});
