/**
 * The web app's first-load weight and the dashboard's time to interactive in Chromium.
 * - gzipped JS and CSS that the first page (sign-in or dashboard: the same entry) loads, read from the
 *   built index.html (entry script, module preloads, stylesheet); goal < 150 KB of JS.
 * - time from navigation start to the dashboard's figures on screen (the app's
 *   `peopleplan:dashboard-ready` performance mark), for the demo council with the most actions, median
 *   of several cold page loads (cache disabled), against the time of the dashboard API call alone.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import {
  ensureWebBuilt,
  launchChromium,
  signIn,
  startE2eStack,
  WEB_DIST,
} from '../test/e2e/support/stack.js';
import type { BenchResult } from './run.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export function firstLoadAssets(dist = WEB_DIST): { js: string[]; css: string[] } {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const attr = (re: RegExp) => [...html.matchAll(re)].map((m) => m[1]!);
  return {
    js: [
      ...attr(/<script[^>]+type="module"[^>]+src="([^"]+)"/g),
      ...attr(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g),
    ],
    css: attr(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/g),
  };
}

const gz = (files: string[]) =>
  files.reduce((n, f) => n + gzipSync(readFileSync(join(WEB_DIST, f.replace(/^\//, '')))).length, 0) / 1024;

export async function run(): Promise<BenchResult[]> {
  ensureWebBuilt();
  const assets = firstLoadAssets();
  const results: BenchResult[] = [
    { name: 'first page: JS gzipped', value: gz(assets.js), unit: 'KB', goal: '< 150 KB' },
    { name: 'first page: CSS gzipped', value: gz(assets.css), unit: 'KB' },
    { name: 'first page: JS files', value: assets.js.length, unit: 'files' },
  ];

  const e = await startE2eStack();
  const browser = await launchChromium();
  try {
    // The demo council with the most actions.
    const sizes = await Promise.all(
      ['harrow', 'east-herts', 'oxfordshire', 'kent'].map(async (c) => {
        const d = await e.as(`viewer@${c}.demo`)('GET', `/api/v1/councils/${c}/dashboard`);
        return { c, actions: (d.plans as Array<{ total: number }>).reduce((n, p) => n + p.total, 0) };
      }),
    );
    const largest = sizes.sort((a, b) => b.actions - a.actions)[0]!;
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await signIn(page, e.url, `viewer@${largest.c}.demo`);
    const tti: number[] = [];
    const apiMs: number[] = [];
    for (let i = 0; i < 6; i++) {
      await page.goto(`${e.url}/councils/${largest.c}`);
      await page.locator('[data-dashboard-ready]').waitFor();
      const t = await page.evaluate(() => ({
        ready: performance.getEntriesByName('peopleplan:dashboard-ready')[0]?.startTime ?? Number.NaN,
        api:
          performance.getEntriesByType('resource').find((r) => r.name.includes('/dashboard'))?.duration ??
          Number.NaN,
      }));
      // The first load warms the server (JIT, DynamoDB Local): not counted.
      if (i > 0) {
        tti.push(t.ready);
        apiMs.push(t.api);
      }
    }
    results.push(
      { name: `dashboard council: ${largest.c}`, value: largest.actions, unit: 'actions' },
      { name: 'dashboard: navigation to figures on screen (median)', value: median(tti), unit: 'ms' },
      { name: 'dashboard: of which the dashboard API call (median)', value: median(apiMs), unit: 'ms' },
      {
        name: 'dashboard: API share of time to interactive',
        value: median(apiMs) / median(tti),
        unit: 'ratio',
      },
    );
  } finally {
    await browser.close();
    await e.stack.stop();
  }
  return results;
}
