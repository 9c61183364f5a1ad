/**
 * The one test that really bundles: the five Lambda entry points through infra/lib/bundle.mjs, as
 * `cdk deploy` would. A cold start over 500 KiB of JavaScript means something heavy slipped in (cold
 * starts grow with it). The bundles are then run the way Lambda runs them, in a child process.
 */

import { mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { builtinModules } from 'node:module';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { Document, Packer, Paragraph, Table, TableCell, TableRow } from 'docx';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ROUTE_MODULES_OF } from '../../functions/api/src/routes/index.js';
import { REPO_ROOT } from '../../infra/lib/paths.js';
import {
  type BundleSize,
  bundleSizes,
  type Synthesized,
  serviceFunctions,
  synthPeoplePlan,
} from '../../infra/lib/testing.js';
import { createTestApi, TEST_CLIENT_ID, TEST_ISSUER, type TestApi } from '../support/api.js';
import { freshTable } from '../support/dynamo.js';
import { tokenKit } from '../support/tokens.js';
import { httpEvent, LOCAL_ENV, runBundle, runBundleAsync } from './support/bundles.js';

// Issue 19: every function loads at most 500 KiB of code at a cold start (docs/architecture.md).
const LIMIT_BYTES = 500 * 1024;
const kib = (n: number) => `${(n / 1024).toFixed(0)} KiB`;

let s: Synthesized;
let sizes: BundleSize[];
const bundle = (name: string) => sizes.find((b) => b.name === name)!;
beforeAll(() => {
  s = synthPeoplePlan({ bundleStacks: ['PeoplePlan-test-Api', 'PeoplePlan-test-Jobs'] });
  sizes = bundleSizes(s, serviceFunctions(s), ROUTE_MODULES_OF);
  // Lambda's Node.js runtime provides the AWS SDK and nothing else; so does this node_modules.
  mkdirSync(join(s.outdir, 'node_modules'));
  symlinkSync(join(REPO_ROOT, 'node_modules/@aws-sdk'), join(s.outdir, 'node_modules/@aws-sdk'), 'dir');
}, 300_000);

/** Runs run-bundle.mjs against a bundle with only the given environment (plus PATH). */
const run = (name: string, args: string[], env: Record<string, string>) =>
  runBundle(bundle(name).dir, args, env);

const API_ENV = {
  TABLE_NAME: 'peopleplan-bundle-test',
  AUTH_ISSUER: 'http://127.0.0.1:9/dev/idp',
  AUTH_AUDIENCE: 'x',
  AUTH_JWKS_URI: 'http://127.0.0.1:9/jwks',
};

describe('Lambda bundles', () => {
  // A cold start is the function's init and its first request, which loads the route groups serving its
  // path (group-dispatch.ts): counted with the largest of them.
  it('bundles all five functions, each loading at most 500 KiB of code at a cold start', () => {
    expect(sizes.map((b) => b.name)).toEqual(['api', 'documents', 'alerts', 'notifier', 'bounces']);
    for (const b of sizes) {
      const files = b.files
        .map((f) => `${f.path} ${kib(f.bytes)}${f.atColdStart ? '' : ' (on demand)'}`)
        .join(', ');
      expect(b.coldStartBytes, `${b.name} bundle`).toBeGreaterThan(0);
      expect(
        b.coldStartBytes,
        `${b.name}: ${kib(b.coldStartBytes)} at cold start (init ${kib(b.initBytes)}, then route module ${b.largestRouteModule ?? 'none'}; ${kib(b.totalBytes)} in all: ${files})`,
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

/**
 * The documents function as deployed, on DynamoDB Local with a real token (its JWKS served on loopback):
 * the Word and Excel libraries, and the esbuild plugins that trim them (bundle.mjs), work in the bundle.
 */
describe('the bundled documents function reads and writes Word and Excel', () => {
  let api: TestApi;
  let jwks: Server;
  let env: Record<string, string>;
  let token: string;
  const H = '/api/v1/councils/harrow';
  beforeAll(async () => {
    const kit = tokenKit();
    api = await createTestApi({ idpKeyFile: kit.keyFile });
    const { publicJwk } = JSON.parse(readFileSync(kit.keyFile, 'utf8'));
    jwks = createServer((_req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ keys: [publicJwk] }));
    });
    await new Promise<void>((resolve) => jwks.listen(0, '127.0.0.1', resolve));
    env = {
      ...LOCAL_ENV,
      POWERTOOLS_LOG_LEVEL: 'SILENT',
      TABLE_NAME: api.tableName,
      DYNAMODB_ENDPOINT: inject('dynamoEndpoint'),
      AUTH_ISSUER: TEST_ISSUER,
      AUTH_AUDIENCE: TEST_CLIENT_ID,
      AUTH_JWKS_URI: `http://127.0.0.1:${(jwks.address() as AddressInfo).port}/jwks`,
    };
    token = await api.token('editor@harrow.test');
  });
  afterAll(async () => {
    await new Promise((resolve) => jwks.close(resolve));
    await api.drop();
  });

  /** One request to a fresh process of the bundled function; the body decoded as Lambda encodes it. */
  const call = async (
    method: string,
    path: string,
    opts: { query?: string; body?: string | Buffer; type?: string } = {},
  ) => {
    const event = httpEvent(method, path, {
      ...opts,
      headers: {
        authorization: `Bearer ${token}`,
        ...(opts.type && { 'content-type': opts.type }),
      },
    });
    const out = await runBundleAsync(bundle('documents').dir, ['invoke', JSON.stringify(event)], env);
    const res = JSON.parse(out) as { statusCode: number; body: string; isBase64Encoded?: boolean };
    const body = Buffer.from(res.body, res.isBase64Encoded ? 'base64' : 'utf8');
    return { status: res.statusCode, body, json: () => JSON.parse(body.toString('utf8')) };
  };

  const ROWS = [
    ['Ref', 'Action', 'Lead', 'Deadline'],
    ['1', 'Refresh the workforce strategy', 'Head of HR', 'March 2027'],
    ['2', 'Launch the apprenticeship scheme', 'Head of Learning', 'June 2027'],
    ['3', 'Review the pay policy', 'Head of Reward', 'September 2027'],
  ];

  it('imports a Word plan, then reports on it in Word and Excel', async () => {
    const table = new Table({
      rows: ROWS.map(
        (r) => new TableRow({ children: r.map((c) => new TableCell({ children: [new Paragraph(c)] })) }),
      ),
    });
    const docx = await Packer.toBuffer(
      new Document({ sections: [{ children: [new Paragraph('Workforce plan 2026-27'), table] }] }),
    );
    const preview = await call('POST', `${H}/imports`, {
      query: 'filename=plan.docx',
      body: docx,
      type: 'application/octet-stream',
    });
    expect(preview.status, preview.body.toString()).toBe(201);
    expect(preview.json().counts).toMatchObject({ actions: 3 });
    const commit = await call('POST', `${H}/imports/${preview.json().id}/commit`, {
      body: '{}',
      type: 'application/json',
    });
    expect(commit.status, commit.body.toString()).toBe(200);
    const planId = commit.json().planId as string;

    const report = (format: string) =>
      call('GET', `${H}/plans/${planId}/reports`, { query: `period=year-end:2026-27&format=${format}` });
    const word = await report('docx');
    expect(word.status, word.body.toString()).toBe(200);
    const documentXml = await (await JSZip.loadAsync(word.body)).file('word/document.xml')!.async('string');
    for (const [, title] of ROWS.slice(1)) expect(documentXml).toContain(title);

    const excel = await report('xlsx');
    expect(excel.status, excel.body.toString()).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(excel.body as unknown as ArrayBuffer);
    const cells = workbook.worksheets.flatMap((ws) =>
      ws.getSheetValues().flatMap((row) => (Array.isArray(row) ? row.map(String) : [])),
    );
    for (const [, title] of ROWS.slice(1)) expect(cells).toContain(title);
  });

  // The function loads the route groups a path needs (group-dispatch.ts) by the path the app routes by:
  // an escaped or dotted spelling of a route gets the route, as from the app with every group.
  it('serves an escaped or dotted spelling of a path as the path itself', async () => {
    const plain = await call('GET', `${H}/committee-pack/periods`);
    expect(plain.status, plain.body.toString()).toBe(200);
    for (const spelt of [`${H}/committee-pack/%70eriods`, `${H}/plans/../committee-pack/periods`]) {
      const res = await call('GET', spelt);
      expect([res.status, res.body.toString()], spelt).toEqual([200, plain.body.toString()]);
    }
  });

  it('reads an Excel plan', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Plan').addRows(ROWS);
    const xlsx = Buffer.from(await workbook.xlsx.writeBuffer());
    const preview = await call('POST', `${H}/imports`, {
      query: 'filename=plan.xlsx',
      body: xlsx,
      type: 'application/octet-stream',
    });
    expect(preview.status, preview.body.toString()).toBe(201);
    expect(preview.json().counts).toMatchObject({ actions: 3 });
  });
});
