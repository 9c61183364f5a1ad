import { describe, expect, it, vi } from 'vitest';
import { lyingDocx, zeroBombDocx } from '../../test/zip-bomb.js';
import { IMPORT_ERROR_HTTP, ImportError } from '../errors.js';
import { parsePlanFile } from '../index.js';
import { ARCHIVE_LIMITS, checkArchive, checkDeclared, declaredEntries } from './zip-guard.js';

/** Counts streaming inflates, so a test can tell that a refused file was never unpacked. */
const inflates = vi.hoisted(() => ({ count: 0 }));
vi.mock('fflate', async (importOriginal) => {
  const real = await importOriginal<typeof import('fflate')>();
  class CountingUnzip extends real.Unzip {
    constructor(cb?: ConstructorParameters<typeof real.Unzip>[0]) {
      super(cb);
      inflates.count++;
    }
  }
  return { ...real, Unzip: CountingUnzip };
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
  });

  it('refuses a zip whose directory understates its sizes, while unpacking it as a stream', () => {
    const liar = lyingDocx(3);
    const limits = { ...ARCHIVE_LIMITS, totalBytes: 1024 * 1024 };
    expect(() => checkDeclared(declaredEntries(liar, limits), limits)).not.toThrow();
    inflates.count = 0;
    expect(() => checkArchive(liar, limits)).toThrow(/more than its parts declare/);
    expect(inflates.count).toBe(1);
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
});
