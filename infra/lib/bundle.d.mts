/** Types for bundle.mjs (a plain ES module so that `node` runs it without a TypeScript loader). */
import type { Metafile, Plugin } from 'esbuild';
import type { BundleRequest } from './bundling.js';

export declare const englishOnlyZod: Plugin;
export declare const leanExcelJs: Plugin;
export declare function lambdaBuildOptions(req: BundleRequest): import('esbuild').BuildOptions;
export declare function bundle(req: BundleRequest): Promise<Metafile>;
