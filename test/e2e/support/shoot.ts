/**
 * Manual check while building pages: screenshots of given paths at a given width, with axe results.
 * `npx tsx test/e2e/support/shoot.ts URL EMAIL WIDTH path...` → test-results/shoot-*.png
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { axe, describeViolations, launchChromium, RESULTS, signIn } from './stack.js';

const [url, email, width, ...paths] = process.argv.slice(2);
mkdirSync(RESULTS, { recursive: true });
const browser = await launchChromium();
const page = await browser.newPage({ viewport: { width: Number(width ?? 1280), height: 900 } });
page.on('console', (m) => {
  if (m.type() === 'error' || m.type() === 'warning') console.log(`console.${m.type()}: ${m.text()}`);
});
page.on('pageerror', (e) => console.log(`pageerror: ${e.message}`));
await signIn(page, url!, email!);
for (const p of paths) {
  await page.goto(`${url}${p}`);
  await page.waitForLoadState('networkidle');
  const name = `shoot-${p.replace(/[^a-z0-9]+/gi, '_')}-${width}.png`;
  await page.screenshot({ path: join(RESULTS, name), fullPage: process.env.FULL === '1' });
  const v = await axe(page);
  console.log(`${p}: ${name}; axe ${v.length ? `\n${describeViolations(v)}` : 'clean'}`);
}
await browser.close();
