import { execFileSync } from 'node:child_process';
import { dirname, relative, resolve } from 'node:path';
import { AssetHashType, BundlingOutput } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { REPO_ROOT } from './paths.js';

/** The esbuild runner (a plain ES module, so that it needs no TypeScript loader). */
export const BUNDLER = resolve(REPO_ROOT, 'infra/lib/bundle.mjs');

/** What bundle.mjs takes (as one JSON argument). */
export interface BundleRequest {
  entry: string;
  outdir: string;
  tsconfig: string;
  /** Extra directories to resolve packages from (for entry points outside the repository). */
  nodePaths?: string[];
  metafile?: string;
}

/** Runs bundle.mjs in a child process: esbuild plugins need its asynchronous API, CDK's hook is synchronous. */
export function runBundler(request: BundleRequest): void {
  execFileSync(process.execPath, [BUNDLER, JSON.stringify(request)], {
    cwd: REPO_ROOT,
    // esbuild's warnings and errors go to stderr; stdout stays clean for `cdk synth` output.
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

/**
 * Lambda code for a TypeScript entry point exporting `handler`: bundled locally by bundle.mjs into
 * `index.mjs` (+ lazily loaded chunks), never in Docker. Replaces NodejsFunction's bundling, which
 * cannot take esbuild plugins. The asset is named by a hash of the bundle, so it changes exactly when
 * the deployed code does; when CDK skips bundling (tests, `--exclusively`) nothing is built or hashed.
 */
export function bundledCode(entry: string): lambda.Code {
  return lambda.Code.fromAsset(dirname(entry), {
    assetHashType: AssetHashType.OUTPUT,
    bundling: {
      // Required by the API but never used: local bundling always succeeds or throws.
      image: lambda.Runtime.NODEJS_22_X.bundlingImage,
      // What the local bundling runs. It also keys CDK's per-synth asset cache, which would otherwise
      // hand two entry points in one directory (the API and documents functions) the same bundle.
      command: ['node', relative(REPO_ROOT, BUNDLER), relative(REPO_ROOT, entry)],
      outputType: BundlingOutput.NOT_ARCHIVED,
      local: {
        tryBundle(outputDir) {
          runBundler({
            entry,
            outdir: outputDir,
            tsconfig: resolve(REPO_ROOT, 'tsconfig.json'),
          });
          return true;
        },
      },
    },
  });
}
