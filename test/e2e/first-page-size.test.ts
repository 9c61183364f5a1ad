/**
 * The first page's JavaScript stays small (issue 17: at most 150 KB gzipped): the entry chunk and every
 * chunk index.html preloads with it, gzipped as a server would send them. Pages past the dashboard,
 * the trends page's charts among them, load on demand and are not counted here.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { expect, it } from 'vitest';
import { ensureWebBuilt, WEB_DIST } from './support/stack.js';

const LIMIT = 150 * 1024;

it('keeps the first page’s JavaScript within 150 KB gzipped', () => {
  ensureWebBuilt();
  const html = readFileSync(join(WEB_DIST, 'index.html'), 'utf8');
  const files = [
    ...html.matchAll(/<script type="module"[^>]*src="([^"]+)"/g),
    ...html.matchAll(/<link rel="modulepreload"[^>]*href="([^"]+)"/g),
  ].map((m) => m[1]!);
  expect(files.length).toBeGreaterThan(0);
  const sizes = files.map((f) => ({
    f,
    gz: gzipSync(readFileSync(join(WEB_DIST, f.replace(/^\//, '')))).length,
  }));
  const total = sizes.reduce((n, s) => n + s.gz, 0);
  console.log(`first page JavaScript: ${(total / 1024).toFixed(1)} KB gzipped in ${files.length} files`);
  expect(total, sizes.map((s) => `${s.f} ${s.gz}`).join('\n')).toBeLessThanOrEqual(LIMIT);
  // The trends page's charts are not among them.
  expect(files.some((f) => /trends|charts/.test(f))).toBe(false);
});
