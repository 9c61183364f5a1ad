import { readdirSync, readFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { IMPORT_ERROR_HTTP, ImportError } from '../errors.js';
import { parsePlanFile } from '../index.js';
import { checkPdfStreams } from './pdf-streams.js';

/**
 * Found by a security probe (sec9): Word and Excel files passed an archive guard before they were read,
 * but a PDF's compressed streams had no bound at all: pdf.js inflates every content stream whole. A 300 KB PDF with one
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

describe('PDF decompression bomb', () => {
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
    expect(IMPORT_ERROR_HTTP[(e as ImportError).code]).toBe(413);
    expect((e as ImportError).message).toMatch(/unpacks to more than 100 MB/);
  }, 120_000);
});

/** A PDF-shaped file of the given objects (no cross-reference table: the guard reads none). */
const pdf = (...objects: Array<string | Buffer>) =>
  Buffer.concat(
    [
      '%PDF-1.4\n',
      ...objects.flatMap((o, i) => [`${i + 1} 0 obj\n`, o, '\nendobj\n']),
      'trailer\n<< >>\n',
    ].map((b) => (Buffer.isBuffer(b) ? b : Buffer.from(b, 'latin1'))),
  );
const stream = (dict: string, data: Buffer) =>
  Buffer.concat([
    Buffer.from(`<< ${dict} /Length ${data.length} >>\nstream\n`, 'latin1'),
    data,
    Buffer.from('\nendstream'),
  ]);
const spaces = (kb: number) => deflateSync(Buffer.alloc(kb * 1024, 0x20));
const KB = 1024;

describe('the PDF stream budget (checkPdfStreams)', () => {
  const refused = (buf: Buffer, limit: number) => {
    expect(() => checkPdfStreams(buf, limit)).toThrow(ImportError);
    expect(() => checkPdfStreams(buf, limit)).toThrow(/more than/);
  };

  it('passes every PDF fixture', () => {
    const dir = new URL('../../test/fixtures/pdf/', import.meta.url);
    const files = readdirSync(dir).filter((f) => f.endsWith('.pdf'));
    expect(files.length).toBeGreaterThan(3);
    for (const f of files) expect(() => checkPdfStreams(readFileSync(new URL(f, dir)))).not.toThrow();
  });

  it('counts every stream against one budget', () => {
    const two = pdf(stream('/Filter /FlateDecode', spaces(60)), stream('/Filter /FlateDecode', spaces(60)));
    expect(() => checkPdfStreams(two, 130 * KB)).not.toThrow();
    refused(two, 100 * KB);
  });

  it('reads a filter list, an abbreviated or escaped name, and one given by reference', () => {
    refused(pdf(stream('/Filter [/FlateDecode]', spaces(200))), 100 * KB);
    refused(pdf(stream('/Filter /Fl', spaces(200))), 100 * KB);
    refused(pdf(stream('/Filter /Fl#61teDecode', spaces(200))), 100 * KB);
    refused(pdf(stream('/Filter 2 0 R', spaces(200)), '[/FlateDecode]'), 100 * KB);
  });

  it('is not fooled by a decoy filter in a dictionary inside the stream dictionary', () => {
    refused(pdf(stream('/Decoy << /Filter /DCTDecode >> /Filter /FlateDecode', spaces(200))), 100 * KB);
  });

  it('unpacks ASCII85 or ASCIIHex before the deflate data they hold', () => {
    const hex = Buffer.from(`${spaces(200).toString('hex')}>`, 'latin1');
    refused(pdf(stream('/Filter [/ASCIIHexDecode /FlateDecode]', hex)), 100 * KB);
  });

  it('counts run-length and LZW data exactly', () => {
    // 1,000 runs of 128 spaces (2 bytes each): 128,000 bytes.
    const runs = Buffer.concat([Buffer.alloc(2000).map((_, i) => (i % 2 ? 0x20 : 129)), Buffer.from([128])]);
    expect(() => checkPdfStreams(pdf(stream('/Filter /RunLengthDecode', runs)), 128_000)).not.toThrow();
    refused(pdf(stream('/Filter /RunLengthDecode', runs)), 127_999);
    // LZW: "A", then each code the one just made (one byte longer than the last): 1 + 2 + … + 201 bytes.
    const codes = [256, 65, ...Array.from({ length: 200 }, (_, k) => 258 + k), 257];
    const bits = codes.map((c) => c.toString(2).padStart(9, '0')).join('');
    const lzw = Buffer.from(
      bits
        .padEnd(Math.ceil(bits.length / 8) * 8, '0')
        .match(/.{8}/g)!
        .map((b) => Number.parseInt(b, 2)),
    );
    expect(() => checkPdfStreams(pdf(stream('/Filter /LZWDecode', lzw)), 20_301)).not.toThrow();
    refused(pdf(stream('/Filter /LZWDecode', lzw)), 20_300);
  });

  it('counts an encrypted PDF at the most its streams could unpack to', () => {
    const encrypted = (kb: number) =>
      Buffer.concat([pdf(stream('/Filter /FlateDecode', spaces(kb))), Buffer.from('<< /Encrypt 9 0 R >>')]);
    // 1 MB of spaces deflates to about 1 KB: at most 1 MB again.
    expect(() => checkPdfStreams(encrypted(1024), 2 * 1024 * KB)).not.toThrow();
    expect(() => checkPdfStreams(encrypted(4096), 2 * 1024 * KB)).toThrow(/protected \(encrypted\)/);
  });
});
