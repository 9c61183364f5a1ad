/**
 * Bundles one Lambda entry point with esbuild, the way every PeoplePlan function ships.
 *
 *   node infra/lib/bundle.mjs '<json BundleRequest>'
 *
 * It is a script rather than NodejsFunction's built-in esbuild call because it needs an esbuild plugin
 * (see `englishOnlyZod`), and plugins exist only in esbuild's asynchronous API while CDK's local
 * bundling hook is synchronous: the CDK side runs this with execFileSync (lib/bundling.ts).
 *
 * BundleRequest: { entry, outdir, tsconfig, nodePaths?, metafile? } (absolute paths).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import * as esbuild from 'esbuild';

/** zod's locale index, re-exporting every language's messages (≈ 260 KiB minified). */
const ZOD_LOCALE_INDEX = /[\\/]node_modules[\\/]zod[\\/]v4[\\/]locales[\\/]index\.js$/;
/** Any zod locale module other than the index and English. */
const FOREIGN_ZOD_LOCALE =
  /(^|[\\/])node_modules[\\/]zod[\\/]v4[\\/]locales[\\/](?!index\.js$|en\.js$)[^\\/]+\.js$/;

/**
 * zod exports `locales` (every language) from its `z` namespace; @hono/zod-openapi hands that namespace
 * object around, so esbuild cannot tree-shake the languages nobody uses. Every PeoplePlan function
 * speaks English only: the locale index is loaded as a module exporting `en` alone. zod registers
 * English as its default from `locales/en.js` directly, so messages are unchanged; only
 * `z.locales.<other>()` would be missing (nothing calls it, and `bundle()` checks none slipped back in).
 */
export const englishOnlyZod = {
  name: 'english-only-zod-locales',
  setup(build) {
    build.onLoad({ filter: ZOD_LOCALE_INDEX }, () => ({
      contents: "export { default as en } from './en.js';\n",
      loader: 'js',
    }));
  },
};

/**
 * zod modules no PeoplePlan function runs: the ahead-of-time compiler (`z.compile`), JSON Schema read
 * back into zod (`z.fromJSONSchema`) and the driver of zod's own JSON Schema writer (`z.toJSONSchema`;
 * the OpenAPI document is written by zod-to-openapi, which uses only the per-type processors, kept).
 */
const ZOD_UNUSED =
  /[\\/]node_modules[\\/]zod[\\/]v4[\\/](core[\\/](compile|to-json-schema|json-schema-generator)|classic[\\/]from-json-schema)\.js$/;

/** Every name a module exports (`export function|const|class X`, `export { a as X }`). */
function exportedNames(source) {
  const names = new Set();
  for (const m of source.matchAll(/^export (?:async )?(?:function\*?|const|let|class) ([A-Za-z_$][\w$]*)/gm))
    names.add(m[1]);
  for (const m of source.matchAll(/^export \{([^}]*)\}(?! from)/gm)) {
    for (const part of m[1].split(',')) {
      const name = part
        .trim()
        .split(/\s+as\s+/)
        .pop();
      if (name) names.add(name);
    }
  }
  return [...names];
}

/**
 * Like the locales (above), those modules (≈ 60 KiB minified) stay in every bundle only because the
 * `z` namespace object is handed around. Each loads as a module with the same exported names whose
 * functions throw a message naming this plugin, so anything importing them still links; factories
 * that zod calls while building schemas (`create…Method`, the `~standard` getter) return such a
 * function instead of throwing. `test/infra/bundle.test.ts` runs the bundles against real requests.
 */
export const zodWithoutCompiler = {
  name: 'zod-without-compiler',
  setup(build) {
    build.onLoad({ filter: ZOD_UNUSED }, async (args) => {
      const { readFile } = await import('node:fs/promises');
      const names = exportedNames(await readFile(args.path, 'utf8'));
      const lines = [
        `const unused = () => { throw new Error('zod JSON Schema and compile are left out of Lambda bundles (zodWithoutCompiler in infra/lib/bundle.mjs)'); };`,
        ...names.map((n) =>
          n === 'INVALID'
            ? `export const INVALID = Symbol.for('zod.compile.invalid');`
            : /^[A-Z]/.test(n)
              ? `export class ${n} extends Error { constructor() { super(); unused(); } }`
              : /^create.*Method$/.test(n)
                ? `export const ${n} = () => unused;`
                : `export const ${n} = unused;`,
        ),
      ];
      return { contents: lines.join('\n'), loader: 'js' };
    });
  },
};

/**
 * exceljs's main module also loads its streaming reader and writer (unzipper, archiver, bluebird, glob…:
 * ≈ 600 KiB minified). PeoplePlan reads and writes whole workbooks in memory with `new ExcelJS.Workbook()`
 * only, so `exceljs` resolves to its in-memory part; using `ExcelJS.stream` throws a message naming this.
 */
export const leanExcelJs = {
  name: 'lean-exceljs',
  setup(build) {
    build.onResolve({ filter: /^exceljs$/ }, (args) => ({
      path: 'exceljs',
      namespace: 'lean-exceljs',
      pluginData: { resolveDir: args.resolveDir },
    }));
    build.onLoad({ filter: /.*/, namespace: 'lean-exceljs' }, (args) => ({
      loader: 'js',
      // Resolved from the importing package, so the bundle uses the same exceljs it would have.
      resolveDir: args.pluginData.resolveDir,
      contents: `module.exports = {
  Workbook: require('exceljs/lib/doc/workbook.js'),
  ModelContainer: require('exceljs/lib/doc/modelcontainer.js'),
  ...require('exceljs/lib/doc/enums.js'),
};
Object.defineProperty(module.exports, 'stream', {
  get() {
    throw new Error('exceljs streaming is left out of Lambda bundles (lean-exceljs in infra/lib/bundle.mjs)');
  },
});
`,
    }));
  },
};

/** Gives the ES module bundle a `require` (for CommonJS dependencies and `sdkViaRequire`). */
export const REQUIRE_SHIM =
  "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);";

/**
 * The AWS SDK is left to the Lambda runtime, which ships it as CommonJS. Imported from an ES module,
 * every SDK package goes through Node's ES module loader: it reads the file again to detect its format
 * and lexes it for named exports before CommonJS loads it anyway, about a third of the SDK's load time
 * (docs/architecture.md §9). Each `@aws-sdk/*` import (static or `import()`) becomes a small CommonJS
 * module that `require()`s the package, so the SDK loads through CommonJS alone; esbuild's interop
 * gives the importing code the same named exports. `require` resolves through NODE_PATH, where Lambda
 * puts its SDK.
 */
export const sdkViaRequire = {
  name: 'sdk-via-require',
  setup(build) {
    build.onResolve({ filter: /^@aws-sdk\// }, (args) =>
      args.kind === 'require-call'
        ? { path: args.path, external: true }
        : { path: args.path, namespace: 'sdk-via-require' },
    );
    build.onLoad({ filter: /.*/, namespace: 'sdk-via-require' }, (args) => ({
      contents: `module.exports = require(${JSON.stringify(args.path)});`,
      loader: 'js',
    }));
  },
};

/** esbuild options for a Lambda function: one minified ES module for Node.js 22, SDK left to the runtime. */
export function lambdaBuildOptions(req) {
  return {
    entryPoints: { index: req.entry },
    outdir: req.outdir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    // Modules the code imports with `await import()` (the importer's Word and Excel readers) become
    // chunks loaded by the requests that need them, not by every cold start.
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    platform: 'node',
    target: 'node22',
    format: 'esm',
    // Prefer packages' ES module builds: esbuild can tree-shake those, not CommonJS.
    mainFields: ['module', 'main'],
    minify: true,
    // Libraries compare class names (exceljs: `constructor.name === 'MergeValue'`); ours set theirs
    // explicitly. Without it the API would load ≈ 25 KiB and ≈ 5 ms less at a cold start: not worth it.
    keepNames: true,
    sourcemap: true,
    sourcesContent: false,
    // Licence texts go to a file beside the code (still shipped) instead of the end of index.mjs.
    legalComments: 'external',
    // Node reads modules as UTF-8: no need to escape non-ASCII text (entity tables, MIME charsets) as \uXXXX.
    charset: 'utf8',
    tsconfig: req.tsconfig,
    // The AWS SDK v3 ships in the Node.js 22 runtime: leaving it out keeps bundles small (sdkViaRequire).
    external: ['@aws-sdk/*'],
    nodePaths: req.nodePaths,
    banner: { js: REQUIRE_SHIM },
    metafile: true,
    logLevel: 'warning',
    plugins: [englishOnlyZod, zodWithoutCompiler, leanExcelJs, sdkViaRequire],
  };
}

/** Bundles `req.entry` into `req.outdir/index.mjs` (+ chunks, source maps, licences); returns the metafile. */
export async function bundle(req) {
  const result = await esbuild.build(lambdaBuildOptions(req));
  const foreign = Object.keys(result.metafile.inputs).filter((f) => FOREIGN_ZOD_LOCALE.test(f));
  if (foreign.length > 0) {
    throw new Error(
      `${basename(req.entry)}: zod locales other than English were bundled (${foreign.slice(0, 3).join(', ')}…); ` +
        'has zod moved its locale index? Update englishOnlyZod in infra/lib/bundle.mjs.',
    );
  }
  withoutUnusedShim(Object.keys(result.metafile.outputs));
  if (req.metafile) writeFileSync(req.metafile, JSON.stringify(result.metafile));
  return result.metafile;
}

/**
 * esbuild writes the banner (`REQUIRE_SHIM`, its own first line) into every chunk, though only the few
 * holding CommonJS code call `require`: taken out of the others (≈ 100 bytes each, a few KiB of every
 * cold start across the API's chunks), their source maps moved up the one line with it. A chunk still
 * naming `require` anywhere keeps it; esbuild's `__require` helper names it, so any chunk defining that
 * helper keeps it too.
 */
function withoutUnusedShim(outputs) {
  const first = `${REQUIRE_SHIM}\n`;
  for (const out of outputs.filter((o) => o.endsWith('.mjs'))) {
    // The metafile names outputs relative to the working directory esbuild ran in (this process's).
    const file = resolve(out);
    if (!existsSync(file)) continue;
    const code = readFileSync(file, 'utf8');
    if (!code.startsWith(first) || /\brequire\b/.test(code.slice(first.length))) continue;
    writeFileSync(file, code.slice(first.length));
    const map = `${file}.map`;
    if (!existsSync(map)) continue;
    const m = JSON.parse(readFileSync(map, 'utf8'));
    // The banner line carries no mappings: its ';' goes with it.
    if (typeof m.mappings === 'string' && m.mappings.startsWith(';')) m.mappings = m.mappings.slice(1);
    writeFileSync(map, JSON.stringify(m));
  }
}

if (process.argv[1] && basename(process.argv[1]) === basename(new URL(import.meta.url).pathname)) {
  const req = JSON.parse(process.argv[2] ?? '{}');
  if (!req.entry || !req.outdir || !req.tsconfig) {
    console.error(`usage: node ${basename(process.argv[1])} '{"entry":…,"outdir":…,"tsconfig":…}'`);
    process.exit(2);
  }
  try {
    await bundle(req);
  } catch (e) {
    // esbuild has already printed its own diagnostics for build errors.
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  }
}
