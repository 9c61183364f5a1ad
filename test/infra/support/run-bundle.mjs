/**
 * Runs a bundled Lambda the way the Node.js runtime does, in its own process (so that the bundle's
 * module-level code, configuration checks included, runs fresh):
 *
 *   node run-bundle.mjs <asset dir> invoke '<event json>'   → prints the handler's result as JSON
 *   node run-bundle.mjs <asset dir> load                    → imports index.mjs and every chunk
 *   node run-bundle.mjs <asset dir> init                    → imports index.mjs only (a cold start's init)
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const [dir, mode, eventJson] = process.argv.slice(2);
const mod = await import(pathToFileURL(join(dir, 'index.mjs')).href);
if (typeof mod.handler !== 'function') throw new Error('index.mjs does not export a handler function');

if (mode === 'invoke') {
  const context = {
    awsRequestId: 'test-request',
    functionName: 'bundle-test',
    getRemainingTimeInMillis: () => 10_000,
  };
  process.stdout.write(JSON.stringify(await mod.handler(JSON.parse(eventJson), context)));
} else if (mode === 'load') {
  // Chunks loaded on demand (`await import()`) must load too: a broken one fails only on its first use.
  const chunks = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter(
    (f) => f.endsWith('.mjs') && f !== 'index.mjs',
  );
  for (const f of chunks) await import(pathToFileURL(join(dir, f)).href);
  process.stdout.write(JSON.stringify({ handler: typeof mod.handler, chunks: chunks.length }));
} else if (mode !== 'init') {
  throw new Error(`unknown mode ${mode}`);
}
