/**
 * The app's resolved policies, synthesised at most once per change of the infrastructure code: the result
 * is kept on disk under a hash of everything the synth reads (infra sources, the table definition, the
 * CDK library versions and this package's own extraction code). Parallel test workers that all miss the
 * cache wait on a lock file, so only one of them synthesises.
 */
import { createHash } from 'node:crypto';
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type AppPolicySet, extractAppPolicies } from './app-roles.js';
import type { CfnTemplate } from './cfn-resolve.js';
import { FAKE_ACCOUNT, FAKE_REGION, PARTITION } from './environment.js';
import { synthTemplates } from './synth.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const REPO_ROOT = resolve(HERE, '../../..');
/** Bump when the cached JSON's shape changes. */
const FORMAT = 1;
/** A lock older than this belongs to a worker that died mid-synth. */
const STALE_LOCK_MS = 3 * 60_000;

/** This package's modules whose change changes the cached result. */
const EXTRACTION_SOURCES = [
  'app-roles.ts',
  'cfn-resolve.ts',
  'environment.ts',
  'policy-cache.ts',
  'synth.ts',
];

export const DEFAULT_CACHE_DIR = join(REPO_ROOT, 'node_modules', '.cache', 'peopleplan-iam');

function filesUnder(dir: string, skip: RegExp): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (skip.test(e.name)) return [];
    return e.isDirectory() ? filesUnder(p, skip) : [p];
  });
}

function packageVersion(fromDir: string, name: string): string {
  try {
    const req = createRequire(join(fromDir, 'package.json'));
    return JSON.parse(readFileSync(req.resolve(`${name}/package.json`), 'utf8')).version;
  } catch {
    return 'unknown';
  }
}

/** Hash of every input of the synth and of the extraction; changes whenever the policies could. */
export function policySourceHash(root = REPO_ROOT): string {
  const infra = join(root, 'infra');
  const files = [
    ...filesUnder(infra, /^(node_modules|cdk\.out|test)$/),
    join(root, 'packages/db/src/table.ts'),
    ...EXTRACTION_SOURCES.map((f) => join(HERE, f)),
  ].sort();
  const h = createHash('sha256');
  h.update(`format ${FORMAT} ${FAKE_ACCOUNT} ${FAKE_REGION} ${PARTITION}\n`);
  for (const name of ['aws-cdk-lib', 'constructs', 'cdk-nag'])
    h.update(`${name}@${packageVersion(infra, name)}\n`);
  for (const f of files) {
    if (!statSync(f).isFile()) continue;
    h.update(`${relative(root, f)}\n`);
    h.update(readFileSync(f));
  }
  return h.digest('hex').slice(0, 20);
}

export interface LoadPoliciesOptions {
  /** Defaults to PEOPLEPLAN_IAM_CACHE_DIR, else `node_modules/.cache/peopleplan-iam` at the repository root. */
  cacheDir?: string;
  /** Synthesise even if a cached copy exists. */
  refresh?: boolean;
  /** Replaces the CDK synth (tests of the cache itself). */
  synth?: () => Promise<Record<string, CfnTemplate>>;
}

export interface CachedPolicies {
  policies: AppPolicySet;
  /** Where it was read from or written to. */
  file: string;
  /** True when this call synthesised the app. */
  synthesised: boolean;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function readCached(file: string): AppPolicySet | undefined {
  if (!existsSync(file)) return undefined;
  return JSON.parse(readFileSync(file, 'utf8')) as AppPolicySet;
}

/** The resolved policies from the cache, synthesising (once, across processes) when it is missing. */
export async function loadPolicySet(options: LoadPoliciesOptions = {}): Promise<CachedPolicies> {
  const dir = options.cacheDir ?? process.env.PEOPLEPLAN_IAM_CACHE_DIR ?? DEFAULT_CACHE_DIR;
  const file = join(dir, `policies-${policySourceHash()}.json`);
  const lock = `${file}.lock`;
  mkdirSync(dir, { recursive: true });

  for (;;) {
    const cached = options.refresh ? undefined : readCached(file);
    if (cached) return { policies: cached, file, synthesised: false };
    let fd: number;
    try {
      fd = openSync(lock, 'wx');
    } catch {
      // Another process is synthesising: wait for its file, or take over a lock it abandoned.
      const held = statSync(lock, { throwIfNoEntry: false });
      if (held && Date.now() - held.mtimeMs > STALE_LOCK_MS) rmSync(lock, { force: true });
      await sleep(200);
      continue;
    }
    try {
      const policies = extractAppPolicies(await (options.synth ?? synthTemplates)(), {
        account: FAKE_ACCOUNT,
        region: FAKE_REGION,
        partition: PARTITION,
      });
      const tmp = `${file}.${process.pid}.tmp`;
      writeFileSync(tmp, JSON.stringify(policies, null, 1));
      renameSync(tmp, file); // atomic: readers never see half a file
      return { policies, file, synthesised: true };
    } finally {
      closeSync(fd);
      rmSync(lock, { force: true });
    }
  }
}
