/**
 * bundle.mjs's plugins, on a small entry point: zod keeps English messages without the other
 * locales, and the in-memory part of exceljs still writes and reads a workbook.
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
}

let probe: Probe;
let inputs: string[];
beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'peopleplan-bundler-'));
  writeFileSync(
    join(dir, 'probe.ts'),
    `import { z } from 'zod';
import ExcelJS from 'exceljs';
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

  it('bundles the in-memory exceljs, which still writes and reads a workbook', async () => {
    expect(await probe.roundTrip('Key priority 1')).toBe('Key priority 1');
    expect(inputs.some((f) => f.includes('exceljs/lib/stream/'))).toBe(false);
    expect(inputs.some((f) => /node_modules\/(unzipper|archiver)\//.test(f))).toBe(false);
    expect(() => probe.streamApi()).toThrow(/left out of Lambda bundles/);
  });
});
