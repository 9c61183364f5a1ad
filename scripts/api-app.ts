/**
 * What the generators of files derived from the API's routes share (scripts/api-types.ts,
 * scripts/route-table.ts): an app's dependencies for registering routes only, and biome's formatting.
 */
import { spawnSync } from 'node:child_process';
import { join, relative } from 'node:path';
import type { AppDeps } from '../functions/api/src/context.js';

export const REPO_ROOT = join(import.meta.dirname, '..');

/** Only what createApp touches while registering routes; serving the document calls none of it. */
const unused = () => Promise.reject(new Error('not used while serving the OpenAPI document'));
export const registrationDeps = {
  config: { TABLE_NAME: 'unused', MAX_BODY_BYTES: 1024, WEB_BASE_URL: 'http://127.0.0.1', STAGE: 'types' },
  logger: { resetKeys() {}, appendKeys() {}, error() {} },
  verifier: { verify: unused },
  docFor: unused,
  partnershipDirectory: unused,
} as unknown as AppDeps;

/** `source` formatted as biome formats the rest of the repo, as if it were `file`. */
export function formatted(source: string, file: string): string {
  const biome = spawnSync(
    process.execPath,
    [
      join(REPO_ROOT, 'node_modules', '@biomejs', 'biome', 'bin', 'biome'),
      'format',
      `--stdin-file-path=${relative(REPO_ROOT, file)}`,
    ],
    { cwd: REPO_ROOT, input: source, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  if (biome.status !== 0) throw new Error(`biome format failed: ${biome.stderr}`);
  return biome.stdout;
}
