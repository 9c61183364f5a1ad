import { strToU8, zipSync } from 'fflate';
import { describe, expect, it, vi } from 'vitest';
import { lyingDocx, zeroBombDocx } from '../../test/zip-bomb.js';
import { IMPORT_ERROR_HTTP, ImportError } from '../errors.js';
import { parsePlanFile } from '../index.js';
import { ARCHIVE_LIMITS, checkArchive, checkDeclared, declaredEntries } from './zip-guard.js';

/** Counts inflates, so a test can tell that a refused file was never unpacked. */
const inflates = vi.hoisted(() => ({ count: 0 }));
vi.mock('node:zlib', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:zlib')>();
  const inflateRawSync = ((...args: Parameters<typeof real.inflateRawSync>) => {
    inflates.count++;
    return real.inflateRawSync(...args);
  }) as typeof real.inflateRawSync;
  return { ...real, inflateRawSync, default: { ...real, inflateRawSync } };
});

const refusal = async (p: Promise<unknown>) => {
  const e = await p.then(
    () => undefined,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(ImportError);
  return e as ImportError;
};

describe('archive bombs', () => {
  it('refuses a DOCX that would unpack to 300 MB from its directory alone, inflating nothing', async () => {
    const bomb = zeroBombDocx(300);
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
    inflates.count = 0;
    const before = process.memoryUsage().arrayBuffers;
    const e = await refusal(parsePlanFile(bomb, { filename: 'plan.docx' }));
    expect(e.code).toBe('too-large');
    expect(IMPORT_ERROR_HTTP[e.code]).toBe(413);
    expect(e.message).toMatch(/zeros\.bin.*more than 100 times/);
    expect(inflates.count).toBe(0);
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(100 * 1024 * 1024);
    // Making the bomb (300 MB through fflate's deflate) is the slow part: 40 s on a busy machine.
  }, 120_000);

  it('refuses a zip whose directory understates its sizes, while unpacking it', () => {
    const liar = lyingDocx(3);
    const limits = { ...ARCHIVE_LIMITS, totalBytes: 1024 * 1024 };
    expect(() => checkDeclared(declaredEntries(liar, limits), limits)).not.toThrow();
    inflates.count = 0;
    expect(() => checkArchive(liar, limits)).toThrow(/more than its parts declare/);
    expect(inflates.count).toBe(2);
  });

  it('refuses too much in all, and passes an ordinary file', () => {
    const big = [{ name: 'a.xml', size: 10 * 1024 * 1024, originalSize: 60 * 1024 * 1024 }];
    expect(() => checkDeclared(big)).toThrow(/unpack to 60 MB; the limit is 50 MB/);
    const ok = [{ name: 'word/document.xml', size: 200_000, originalSize: 2_000_000 }];
    expect(() => checkDeclared(ok)).not.toThrow();
  });

  it('counts entries from the directory and stops past the limit', () => {
    const limits = { ...ARCHIVE_LIMITS, entries: 1 };
    expect(() => declaredEntries(zeroBombDocx(1), limits)).toThrow(/more than 1 parts/);
  });

  it('passes an ordinary zip', () => {
    expect(() => checkArchive(plainDocx())).not.toThrow();
  });
});

/** A small Word-looking zip, stored or deflated as fflate chooses, to be forged in tests. */
const plainDocx = () =>
  Buffer.from(
    zipSync({
      '[Content_Types].xml': strToU8('<Types/>'),
      'word/document.xml': strToU8('<w:document>'.padEnd(4000, ' ')),
    }),
  );

/** Where a part's central directory record and local header are. */
function records(buf: Buffer, name: string) {
  for (let at = buf.length - 46; at >= 0; at--) {
    if (buf.readUInt32LE(at) !== 0x02014b50) continue;
    const n = buf.readUInt16LE(at + 28);
    if (buf.subarray(at + 46, at + 46 + n).toString('latin1') === name)
      return { central: at, local: buf.readUInt32LE(at + 42) };
  }
  throw new Error(name);
}

describe('forged zips: a local header that disagrees with the directory, parts that overlap', () => {
  const damaged = (buf: Buffer, what: RegExp) => {
    let e: unknown;
    try {
      checkArchive(buf);
    } catch (x) {
      e = x;
    }
    expect(e).toBeInstanceOf(ImportError);
    expect((e as ImportError).code).toBe('unsupported-format');
    expect(IMPORT_ERROR_HTTP[(e as ImportError).code]).toBe(415);
    expect((e as ImportError).message).toMatch(
      /^The file looks like a Word or Excel file but it is damaged: /,
    );
    expect((e as ImportError).message).toMatch(what);
  };

  it('refuses a part packed one way by its header and another by the directory', () => {
    const buf = plainDocx();
    const { local } = records(buf, 'word/document.xml');
    buf.writeUInt16LE(buf.readUInt16LE(local + 8) === 8 ? 0 : 8, local + 8);
    inflates.count = 0;
    damaged(buf, /part "word\/document\.xml" is packed one way by its table of contents and another/);
    expect(inflates.count).toBe(0);
  });

  it('refuses a part whose header gives other sizes', () => {
    const buf = plainDocx();
    const { local } = records(buf, 'word/document.xml');
    buf.writeUInt32LE(buf.readUInt32LE(local + 22) + 1, local + 22);
    damaged(buf, /part "word\/document\.xml" has other sizes in its header/);
  });

  it('refuses a part whose header gives another name', () => {
    const buf = plainDocx();
    const { local } = records(buf, 'word/document.xml');
    buf.write('W', local + 30, 'latin1');
    damaged(buf, /part "word\/document\.xml" has another name in its header/);
  });

  it('refuses two parts whose data overlap', () => {
    const buf = plainDocx();
    const first = records(buf, '[Content_Types].xml');
    // The first part's packed size, in its header and the directory alike, reaches into the second part.
    const longer = buf.readUInt32LE(first.central + 20) + 10;
    buf.writeUInt32LE(longer, first.central + 20);
    buf.writeUInt32LE(longer, first.local + 18);
    damaged(buf, /part "\[Content_Types\]\.xml" overlaps the next one/);
  });

  it('refuses a directory that is not where the end record says (bytes put before the zip)', () => {
    damaged(Buffer.concat([Buffer.from('MZ junk before the zip'), plainDocx()]), /not where it says/);
  });
});
