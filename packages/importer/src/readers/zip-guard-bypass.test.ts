import { deflateRawSync } from 'node:zlib';
import { zipSync } from 'fflate';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { ImportError } from '../errors.js';
import { parsePlanFile } from '../index.js';
import { ARCHIVE_LIMITS, checkArchive } from './zip-guard.js';

/**
 * Found by a security probe (sec9): the archive guard read a zip two ways (central directory for sizes,
 * local headers for the streaming inflate), but the readers behind it (mammoth and exceljs, both JSZip)
 * take the compression method and sizes from the central directory only. A zip whose LOCAL header says
 * "stored" while its CENTRAL directory says "deflate" was counted at its packed size, then inflated whole
 * by JSZip: 78 KB to 80 MB, and a 10 MB upload to ~10 GB. `agree` rewrites the local header to match, so
 * only the guard's own count (as the readers read it) stands in the way.
 */
function storedLocalDeflatedCentral(inflatedMb: number, agree = false): Buffer {
  const deflated = deflateRawSync(Buffer.alloc(inflatedMb * 1024 * 1024), { level: 9 });
  // Build a normal zip with the deflate stream as a STORED entry (so its bytes are the deflate stream).
  const buf = Buffer.from(
    zipSync(
      {
        '[Content_Types].xml': new TextEncoder().encode('<Types/>'),
        'word/document.xml': [new Uint8Array(deflated), { level: 0 }],
      },
      { level: 0 },
    ),
  );
  // Central directory only: method 8 (deflate), and an uncompressed size of 1 KB (below the ratio check).
  for (let at = 0; at + 46 <= buf.length; at++) {
    if (buf.readUInt32LE(at) !== 0x02014b50) continue;
    const nameLen = buf.readUInt16LE(at + 28);
    const name = buf.subarray(at + 46, at + 46 + nameLen).toString('latin1');
    if (name === 'word/document.xml') {
      buf.writeUInt16LE(8, at + 10); // compression method
      buf.writeUInt32LE(1024, at + 24); // declared uncompressed size
      const local = buf.readUInt32LE(at + 42);
      if (agree) {
        buf.writeUInt16LE(8, local + 8);
        buf.writeUInt32LE(1024, local + 22);
      }
    }
  }
  return buf;
}

async function inflatedByJsZip(buf: Buffer, name: string): Promise<number> {
  const zip = await JSZip.loadAsync(buf);
  let total = 0;
  await new Promise<void>((resolve) => {
    // JSZip's own streaming API (not in its types): what its async() readers (mammoth, exceljs) run.
    (zip.file(name) as unknown as { internalStream(t: string): NodeJS.EventEmitter & { resume(): void } })
      .internalStream('uint8array')
      .on('data', (chunk: Uint8Array) => {
        total += chunk.length;
      })
      .on('error', () => resolve())
      .on('end', () => resolve())
      .resume();
  });
  return total;
}

describe('security probe: zip guard vs. the readers behind it', () => {
  it('refuses a DOCX whose local header says stored but whose central directory says deflate', () => {
    const file = storedLocalDeflatedCentral(80);
    expect(file.length).toBeLessThan(1024 * 1024);
    // The guard must refuse: the reader will inflate 80 MB, over the 50 MB limit.
    expect(() => checkArchive(file)).toThrow(ImportError);
  });

  it('what the guard passed is inflated by JSZip (mammoth/exceljs) past the 50 MB limit', async () => {
    const file = storedLocalDeflatedCentral(80);
    let guardPassed = true;
    try {
      checkArchive(file);
    } catch {
      guardPassed = false;
    }
    const inflated = await inflatedByJsZip(file, 'word/document.xml');
    // Either the guard refuses it, or what the reader unpacks stays within the limit.
    expect(guardPassed && inflated > ARCHIVE_LIMITS.totalBytes).toBe(false);
  });

  // The probe expected 413; the file is forged (its header and directory disagree), which the guard says
  // before unpacking anything: 415, "looks like a Word or Excel file but it is damaged".
  it('the import refuses it as forged (415), saying what is wrong, not after unpacking it', async () => {
    const file = storedLocalDeflatedCentral(80);
    const started = Date.now();
    const e = await parsePlanFile(file, { filename: 'plan.docx' }).then(
      () => undefined,
      (x: unknown) => x,
    );
    expect(e).toBeInstanceOf(ImportError);
    expect((e as ImportError).code).toBe('unsupported-format');
    expect((e as ImportError).message).toMatch(
      /but it is damaged: its part "word\/document\.xml" is packed one way/,
    );
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('with its header made to agree, the import refuses it as too large (413), unpacking it no further', async () => {
    const file = storedLocalDeflatedCentral(80, true);
    const e = await parsePlanFile(file, { filename: 'plan.docx' }).then(
      () => undefined,
      (x: unknown) => x,
    );
    expect(e).toBeInstanceOf(ImportError);
    expect((e as ImportError).code).toBe('too-large');
    expect((e as ImportError).message).toMatch(/unpacks to more than 50 MB/);
  });
});
