/**
 * The one test that really bundles: the five Lambda entry points through infra/lib/bundle.mjs, as
 * `cdk deploy` would. A cold start over 500 KiB of JavaScript means something heavy slipped in (cold
 * starts grow with it). The bundles are then run the way Lambda runs them, in a child process.
 */

import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { LOADED_AT_INIT } from '../../functions/api/src/routes/index.js';
import { REPO_ROOT } from '../../infra/lib/paths.js';
import {
  type BundleSize,
  bundleSizes,
  type Synthesized,
  serviceFunctions,
  synthPeoplePlan,
} from '../../infra/lib/testing.js';
import { freshTable, LOCAL_CREDENTIALS } from '../support/dynamo.js';

// Issue 19: every function loads at most 500 KiB of code at a cold start (docs/architecture.md).
const LIMIT_BYTES = 500 * 1024;
const RUNNER = join(dirname(fileURLToPath(import.meta.url)), 'support/run-bundle.mjs');
const kib = (n: number) => `${(n / 1024).toFixed(0)} KiB`;

let s: Synthesized;
let sizes: BundleSize[];
const bundle = (name: string) => sizes.find((b) => b.name === name)!;
beforeAll(() => {
  s = synthPeoplePlan({ bundleStacks: ['PeoplePlan-test-Api', 'PeoplePlan-test-Jobs'] });
  sizes = bundleSizes(s, serviceFunctions(s), LOADED_AT_INIT);
  // Lambda's Node.js runtime provides the AWS SDK and nothing else; so does this node_modules.
  mkdirSync(join(s.outdir, 'node_modules'));
  symlinkSync(join(REPO_ROOT, 'node_modules/@aws-sdk'), join(s.outdir, 'node_modules/@aws-sdk'), 'dir');
}, 300_000);

/** Runs run-bundle.mjs against a bundle with only the given environment (plus PATH). */
function run(name: string, args: string[], env: Record<string, string>): string {
  return execFileSync(process.execPath, ['--enable-source-maps', RUNNER, bundle(name).dir, ...args], {
    env: { PATH: process.env.PATH ?? '', AWS_REGION: 'eu-west-2', ...env },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 60_000,
  });
}

const API_ENV = {
  TABLE_NAME: 'peopleplan-bundle-test',
  AUTH_ISSUER: 'http://127.0.0.1:9/dev/idp',
  AUTH_AUDIENCE: 'x',
  AUTH_JWKS_URI: 'http://127.0.0.1:9/jwks',
};

/** DynamoDB Local takes any credentials; these are not secrets. */
const LOCAL_ENV = {
  AWS_ACCESS_KEY_ID: LOCAL_CREDENTIALS.accessKeyId,
  AWS_SECRET_ACCESS_KEY: LOCAL_CREDENTIALS.secretAccessKey,
};

/** A minimal API Gateway HTTP API (payload 2.0) event. */
function httpEvent(method: string, path: string) {
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath: path,
    rawQueryString: '',
    headers: { host: 'api.example', 'user-agent': 'bundle-test' },
    requestContext: {
      accountId: '123456789012',
      apiId: 'api',
      domainName: 'api.example',
      domainPrefix: 'api',
      requestId: 'bundle-test',
      routeKey: '$default',
      stage: '$default',
      time: '01/Jan/2026:00:00:00 +0000',
      timeEpoch: 0,
      http: { method, path, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'bundle-test' },
    },
    isBase64Encoded: false,
  };
}

describe('Lambda bundles', () => {
  it('bundles all five functions, each loading at most 500 KiB of code at a cold start', () => {
    expect(sizes.map((b) => b.name)).toEqual(['api', 'documents', 'alerts', 'notifier', 'bounces']);
    for (const b of sizes) {
      const files = b.files
        .map((f) => `${f.path} ${kib(f.bytes)}${f.atColdStart ? '' : ' (on demand)'}`)
        .join(', ');
      expect(b.coldStartBytes, `${b.name} bundle`).toBeGreaterThan(0);
      expect(
        b.coldStartBytes,
        `${b.name}: ${kib(b.coldStartBytes)} at cold start (${kib(b.totalBytes)} in all: ${files})`,
      ).toBeLessThanOrEqual(LIMIT_BYTES);
    }
  });

  it('loads the Word reader on demand only (the importer imports it with await import())', () => {
    const docs = bundle('documents');
    const lazy = docs.files.filter((f) => !f.atColdStart);
    expect(lazy.length, 'documents: chunks loaded on demand').toBeGreaterThan(0);
    const lazyCode = lazy.map((f) => readFileSync(join(docs.dir, f.path), 'utf8')).join('\n');
    expect(lazyCode).toMatch(/mammoth|convertToHtml/);
  });

  const sources = (name: string) =>
    bundle(name).files.flatMap(
      (f) =>
        (JSON.parse(readFileSync(join(bundle(name).dir, `${f.path}.map`), 'utf8')) as { sources: string[] })
          .sources,
    );
  const documentLibraries = /node_modules\/(exceljs|docx|mammoth|jszip)\//;

  it('puts the document libraries in the documents function', () => {
    expect(sources('documents').filter((p) => documentLibraries.test(p)).length).toBeGreaterThan(0);
  });

  // The API function loads only its own route groups (routes/index.ts); the documents function's, and
  // the DOCX/XLSX libraries with them, are chunks it loads only to build the whole OpenAPI document.
  it('keeps the document libraries out of the API function’s cold start', () => {
    const api = bundle('api');
    const atStart = api.files
      .filter((f) => f.atColdStart)
      .flatMap(
        (f) =>
          (JSON.parse(readFileSync(join(api.dir, `${f.path}.map`), 'utf8')) as { sources: string[] }).sources,
      );
    expect(atStart.filter((p) => documentLibraries.test(p))).toEqual([]);
    expect(atStart.some((p) => p.includes('routes/plans.ts'))).toBe(true);
    expect(atStart.some((p) => p.includes('routes/reports.ts'))).toBe(false);
  });

  it('emits ES modules that export handler and leave only Node built-ins and the AWS SDK to the runtime', () => {
    for (const b of sizes) {
      const code = readFileSync(join(b.dir, 'index.mjs'), 'utf8');
      expect(code, b.name).toMatch(/export\s*\{[^}]*\bas handler\b[^}]*\}|export\s*\{[^}]*\bhandler\b/);
      expect(code, b.name).not.toMatch(/\bmodule\.exports\s*=\s*\{?\s*handler/);
      expect(code, b.name).not.toContain('@aws-sdk/client-dynamodb/dist-cjs');
      const unexpected = b.externals.filter((m) => !m.startsWith('node:') && !m.startsWith('@aws-sdk/'));
      // Bare built-in names (`fs`, `stream`) come from CommonJS dependencies.
      expect(
        unexpected.filter((m) => !builtinModules.includes(m)),
        `${b.name} imports packages that Lambda does not have`,
      ).toEqual([]);
    }
  });

  it('loads the runtime’s AWS SDK through require(), never through the ES module loader', () => {
    for (const b of sizes) {
      const code = b.files.map((f) => readFileSync(join(b.dir, f.path), 'utf8')).join('\n');
      expect(code, b.name).not.toMatch(/\bfrom\s*"@aws-sdk\//);
      expect(code, b.name).not.toMatch(/\bimport\(\s*"@aws-sdk\//);
    }
    const byName = Object.fromEntries(sizes.map((b) => [b.name, b.coldStartSdk]));
    expect(byName.api).toContain('@aws-sdk/client-dynamodb');
    expect(byName.notifier).toEqual(['@aws-sdk/client-sesv2']);
    // The Cognito admin client loads on its first use, not at a cold start.
    expect(byName.api).not.toContain('@aws-sdk/client-cognito-identity-provider');
    expect(sizes.find((b) => b.name === 'api')?.externals).toContain(
      '@aws-sdk/client-cognito-identity-provider',
    );
  });

  it('carries English messages only: no other zod locale in any bundle', () => {
    for (const b of sizes) {
      const code = b.files.map((f) => readFileSync(join(b.dir, f.path), 'utf8')).join('\n');
      expect(code, b.name).toContain('Invalid input: expected ');
      // German and French messages, as zod's de and fr locales write them.
      expect(code, b.name).not.toContain('Ungültige Eingabe');
      expect(code, b.name).not.toContain('Entrée invalide');
    }
  });
});

describe('bundled handlers run', () => {
  it.each(['api', 'documents'])('%s answers GET /health with 200', (name) => {
    const res = JSON.parse(run(name, ['invoke', JSON.stringify(httpEvent('GET', '/health'))], API_ENV)) as {
      statusCode: number;
      body: string;
    };
    expect(res.statusCode).toBe(200);
    expect(JSON.parse(res.body)).toEqual({ status: 'ok', stage: 'local' });
  });

  it('api answers an unauthenticated API request with 401 in the error shape', () => {
    const res = JSON.parse(
      run('api', ['invoke', JSON.stringify(httpEvent('GET', '/api/v1/me'))], API_ENV),
    ) as { statusCode: number; body: string };
    expect(res.statusCode).toBe(401);
    expect(JSON.parse(res.body).error.code).toBe('unauthorised');
  });

  it('stops at start on bad configuration, with zod messages in English', () => {
    const { TABLE_NAME: _, ...withoutTable } = API_ENV;
    let stderr = '';
    try {
      run('api', ['load'], { ...withoutTable, AUTH_JWKS_URI: 'not a url' });
    } catch (e) {
      stderr = String((e as { stderr?: string }).stderr);
    }
    expect(stderr).toContain('Invalid configuration');
    expect(stderr).toMatch(/TABLE_NAME: Invalid input: expected string, received undefined/);
    expect(stderr).toMatch(/AUTH_JWKS_URI: Invalid URL/);
  });

  it('bounces handles an SES bounce event from EventBridge', () => {
    // Transient: logged only, so nothing asks Cognito or DynamoDB (a permanent one is marked in each
    // council: functions/bounces/src/mark-undeliverable.test.ts).
    const event = {
      source: 'aws.ses',
      'detail-type': 'Email Bounced',
      detail: {
        eventType: 'Bounce',
        bounce: {
          bounceType: 'Transient',
          bouncedRecipients: [{ emailAddress: 'gone@council.example' }],
          timestamp: '2026-12-01T07:00:04.000Z',
        },
        mail: { messageId: 'm1', source: 'alerts@council.example', timestamp: '2026-12-01T07:00:01.000Z' },
      },
    };
    const out = run('bounces', ['invoke', JSON.stringify(event)], {
      POWERTOOLS_LOG_LEVEL: 'SILENT',
      TABLE_NAME: 'PeoplePlan-test-Data-Table',
      USER_POOL_ID: 'eu-west-2_AbC',
    });
    expect(JSON.parse(out.slice(out.lastIndexOf('{')))).toEqual({ addresses: 1, marked: 0 });
  });

  it('alerts runs its job on DynamoDB Local through the SDK it requires from the runtime', async () => {
    const table = await freshTable();
    const job = (tableName: string) =>
      run('alerts', ['invoke', JSON.stringify({ today: '2026-12-07' })], {
        ...LOCAL_ENV,
        AWS_ENDPOINT_URL_DYNAMODB: inject('dynamoEndpoint'),
        POWERTOOLS_LOG_LEVEL: 'SILENT',
        TABLE_NAME: tableName,
        NOTIFY_QUEUE_URL: 'http://127.0.0.1:9/queue',
        WEB_BASE_URL: 'http://127.0.0.1:9/',
      });
    try {
      // An empty table: the job reads the directory and the due index, finds nothing, and says so.
      const out = job(table.tableName);
      expect(JSON.parse(out.slice(out.lastIndexOf('{')))).toEqual({
        status: 'complete',
        emailsSent: 0,
        emailsFailed: 0,
        problems: 0,
      });
      // It really asked DynamoDB Local: a table that is not there stops it.
      expect(() => job(`${table.tableName}-missing`)).toThrow(/ResourceNotFoundException|non-existent table/);
    } finally {
      await table.drop();
    }
  });

  it.each(['api', 'documents', 'alerts', 'notifier', 'bounces'])(
    '%s loads, every on-demand chunk included',
    (name) => {
      const out = JSON.parse(run(name, ['load'], API_ENV)) as { handler: string; chunks: number };
      expect(out.handler).toBe('function');
      expect(out.chunks).toBe(bundle(name).files.length - 1);
    },
  );
});
