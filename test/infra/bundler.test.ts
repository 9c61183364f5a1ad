/**
 * bundle.mjs's plugins, on a small entry point: zod keeps English messages without the other
 * locales or its compiler and JSON Schema modules (schemas, `.openapi()` metadata and the OpenAPI
 * document still work), and the in-memory part of exceljs still writes and reads a workbook.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { bundle } from '../../infra/lib/bundle.mjs';
import { REPO_ROOT } from '../../infra/lib/paths.js';

interface Probe {
  zodMessage(): string;
  localeNames(): string[];
  roundTrip(text: string): Promise<string>;
  streamApi(): unknown;
  openApiPaths(): string[];
  standardValidate(): unknown;
  toJsonSchema(): unknown;
}

let probe: Probe;
let inputs: string[];
beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'peopleplan-bundler-'));
  writeFileSync(
    join(dir, 'probe.ts'),
    `import { z } from 'zod';
import { OpenAPIHono, createRoute, z as oz } from '@hono/zod-openapi';
import ExcelJS from 'exceljs';
export function openApiPaths() {
  const app = new OpenAPIHono();
  const Params = oz.object({ id: oz.string().openapi({ example: 'a1' }) });
  app.openapi(
    createRoute({ method: 'get', path: '/items/{id}', request: { params: Params }, responses: { 200: { description: 'ok' } } }),
    (c) => c.text('ok'),
  );
  return Object.keys(app.getOpenAPIDocument({ openapi: '3.0.0', info: { title: 't', version: '1' } }).paths ?? {});
}
export const standardValidate = () => z.string()['~standard'].validate(5);
export const toJsonSchema = () => z.toJSONSchema(z.string());
export const zodMessage = () => z.object({ n: z.number() }).safeParse({ n: 'x' }).error!.issues[0]!.message;
export const localeNames = () => Object.keys(z.locales);
export async function roundTrip(text: string) {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Plan').getCell('A1').value = text;
  const back = new ExcelJS.Workbook();
  await back.xlsx.load(await wb.xlsx.writeBuffer());
  return String(back.getWorksheet('Plan')!.getCell('A1').value);
}
export const streamApi = () => ExcelJS.stream;
`,
  );
  const out = join(dir, 'out');
  // The probe lives outside the repository: packages resolve through nodePaths.
  const meta = await bundle({
    entry: join(dir, 'probe.ts'),
    outdir: out,
    tsconfig: join(REPO_ROOT, 'tsconfig.json'),
    nodePaths: [join(REPO_ROOT, 'node_modules')],
  });
  inputs = Object.keys(meta.inputs);
  probe = (await import(pathToFileURL(join(out, 'index.mjs')).href)) as Probe;
}, 60_000);

describe('bundle.mjs plugins', () => {
  it('keeps zod English only', () => {
    expect(probe.zodMessage()).toBe('Invalid input: expected number, received string');
    expect(probe.localeNames()).toEqual(['en']);
    expect(inputs.filter((f) => /zod\/v4\/locales\/(?!en\.js|index\.js)/.test(f))).toEqual([]);
  });

  it('leaves out zod’s compiler and JSON Schema modules; schemas, metadata and OpenAPI still work', () => {
    expect(probe.openApiPaths()).toEqual(['/items/{id}']);
    expect(probe.standardValidate()).toMatchObject({
      issues: [{ message: 'Invalid input: expected string, received number' }],
    });
    expect(() => probe.toJsonSchema()).toThrow(/left out of Lambda bundles/);
    expect(inputs.some((f) => /zod\/v4\/core\/(compile|to-json-schema)\.js$/.test(f))).toBe(true);
  });

  it('bundles the in-memory exceljs, which still writes and reads a workbook', async () => {
    expect(await probe.roundTrip('Key priority 1')).toBe('Key priority 1');
    expect(inputs.some((f) => f.includes('exceljs/lib/stream/'))).toBe(false);
    expect(inputs.some((f) => /node_modules\/(unzipper|archiver)\//.test(f))).toBe(false);
    expect(() => probe.streamApi()).toThrow(/left out of Lambda bundles/);
  });
});
