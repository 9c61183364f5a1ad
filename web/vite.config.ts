import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = import.meta.dirname;

/**
 * The static single-page app. Built to web/dist, served by the local stack (SPA fallback) and by
 * CloudFront in AWS. The CSP allows no inline script or style, so nothing is inlined into index.html.
 */
export default defineConfig({
  root,
  plugins: [react()],
  build: {
    outDir: resolve(root, 'dist'),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    // Keep every asset a file: `data:` fonts/images would be allowed, but inline scripts would not.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    // GOV.UK Frontend keeps an old-IE media hack, `(min-width: 0\\0)`, that lightningcss rejects.
    cssMinify: 'esbuild',
    rolldownOptions: {
      // The app takes labels, dates and the board's judgements from @peopleplan/core, not its schemas.
      // Those are plain values (`z.enum(...)`, `z.object(...)`), so they are marked pure and unused ones
      // drop out. The judgements still bring zod: core's DEFAULT_RAG_RULES is made by `RagRules.parse`.
      treeshake: {
        manualPureFunctions: ['z'],
        moduleSideEffects: (id: string) => !/packages\/core\/|node_modules\/zod\//.test(id),
      },
    },
  },
  css: {
    preprocessorOptions: {
      scss: {
        loadPaths: [resolve(root, '../node_modules')],
        // GOV.UK Frontend's own deprecation notices are not ours to fix.
        quietDeps: true,
        silenceDeprecations: ['import'],
      },
    },
  },
  server: {
    // `npx vite` in web/ for hot reload against `npm start` on :3000.
    proxy: { '/api': 'http://127.0.0.1:3000', '/dev': 'http://127.0.0.1:3000' },
  },
});
