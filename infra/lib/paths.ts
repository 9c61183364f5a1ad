import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Repository root: NodejsFunction bundles from here (workspace packages resolve through node_modules). */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** Lambda entry points; each exports `handler`. */
export const ENTRIES = {
  api: resolve(REPO_ROOT, 'functions/api/src/lambda.ts'),
  documents: resolve(REPO_ROOT, 'functions/api/src/documents-lambda.ts'),
  alerts: resolve(REPO_ROOT, 'functions/alerts/src/handler.ts'),
  notifier: resolve(REPO_ROOT, 'functions/notifier/src/handler.ts'),
  bounces: resolve(REPO_ROOT, 'functions/bounces/src/handler.ts'),
} as const;
