import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ImportError } from '../../packages/importer/src/errors.js';
import { parsePlanFile } from '../../packages/importer/src/index.js';

/**
 * SECURITY PROBE (sec9): Word and Excel files pass an archive guard before they are read, but a PDF's
 * compressed streams have no bound at all: pdf.js inflates every content stream whole. A 300 KB PDF with one
 * FlateDecode content stream of 300 MB took 7 s and 520 MB of memory here; 1.5 MB took 23 s and 1.7 GB; the
 * 10 MB upload limit allows about 10 GB. Only the file size (10 MB) and page count (500) are checked.
 */
function pdfWithInflatingStream(mb: number): Buffer {
  const z = deflateSync(Buffer.alloc(mb * 1024 * 1024, 0x20), { level: 9 });
  const parts: Buffer[] = [];
  const offsets: number[] = [];
  let len = 0;
  const push = (b: Buffer | string) => {
    const x = Buffer.isBuffer(b) ? b : Buffer.from(b, 'latin1');
    parts.push(x);
    len += x.length;
  };
  const obj = (n: number, body: Array<Buffer | string>) => {
    offsets[n] = len;
    push(`${n} 0 obj\n`);
    for (const b of body) push(b);
    push('\nendobj\n');
  };
  push('%PDF-1.4\n');
  obj(1, ['<< /Type /Catalog /Pages 2 0 R >>']);
  obj(2, ['<< /Type /Pages /Kids [3 0 R] /Count 1 >>']);
  obj(3, ['<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << >> >>']);
  obj(4, [`<< /Length ${z.length} /Filter /FlateDecode >>\nstream\n`, z, '\nendstream']);
  const xref = len;
  push('xref\n0 5\n0000000000 65535 f \n');
  for (let i = 1; i <= 4; i++) push(`${String(offsets[i]).padStart(10, '0')} 00000 n \n`);
  push(`trailer\n<< /Size 5 /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`);
  return Buffer.concat(parts);
}

describe('security probe: PDF decompression bomb', () => {
  it('refuses a 200 KB PDF whose content stream inflates to 200 MB as too large, without inflating it', async () => {
    const file = pdfWithInflatingStream(200);
    expect(file.length).toBeLessThan(300 * 1024);
    const started = Date.now();
    const e = await parsePlanFile(file, { filename: 'plan.pdf' }).then(
      () => undefined,
      (x: unknown) => x,
    );
    const ms = Date.now() - started;
    expect(e).toBeInstanceOf(ImportError);
    // As a zip bomb is (readers/zip-guard.ts): 413 too-large, decided before the stream is unpacked.
    expect({ code: (e as ImportError).code, slow: ms > 2000 }).toEqual({ code: 'too-large', slow: false });
  }, 120_000);
});
