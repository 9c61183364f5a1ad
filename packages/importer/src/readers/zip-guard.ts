import { Unzip, UnzipInflate, unzipSync } from 'fflate';
import { ImportError } from '../errors.js';

/**
 * Word and Excel files are zips, and a small zip can unpack to gigabytes (an archive bomb). Before any
 * reader opens one, its central directory is read (fflate; nothing is inflated) and the file is
 * refused when it declares too much: in all, in entries, or in how far one large entry expands. Since
 * a zip can declare sizes it does not hold, the entries are then inflated as a stream, counting bytes
 * and keeping none, and the file is refused the moment it unpacks past the limit.
 */
export interface ArchiveLimits {
  totalBytes: number;
  entries: number;
  ratio: number;
  ratioFromBytes: number;
}

export const ARCHIVE_LIMITS: Readonly<ArchiveLimits> = {
  /** Total unpacked size of every entry. */
  totalBytes: 50 * 1024 * 1024,
  entries: 5_000,
  /** Unpacked ÷ packed size, checked for entries over `ratioFromBytes` unpacked. */
  ratio: 100,
  ratioFromBytes: 1024 * 1024,
};

const mb = (n: number) => `${(n / 1048576).toFixed(0)} MB`;

export interface ArchiveEntry {
  name: string;
  size: number;
  originalSize: number;
}

/** What the central directory declares, entry by entry; stops reading once the count is over the limit. */
export function declaredEntries(buf: Uint8Array, limits: ArchiveLimits = ARCHIVE_LIMITS): ArchiveEntry[] {
  const entries: ArchiveEntry[] = [];
  try {
    unzipSync(buf, {
      filter: (f) => {
        entries.push({ name: f.name, size: f.size, originalSize: f.originalSize });
        if (entries.length > limits.entries)
          throw new ImportError(
            'too-large',
            `The file holds more than ${limits.entries} parts; a Word or Excel plan holds far fewer.`,
          );
        return false;
      },
    });
  } catch (e) {
    if (e instanceof ImportError) throw e;
    throw new ImportError(
      'unsupported-format',
      'The file looks like a Word or Excel file but it is damaged: its parts cannot be read. Open it in Word ' +
        'or Excel, save it again, and import that.',
    );
  }
  return entries;
}

/** Refuses an archive whose central directory declares more than the limits allow. Inflates nothing. */
export function checkDeclared(entries: ArchiveEntry[], limits: ArchiveLimits = ARCHIVE_LIMITS): void {
  let total = 0;
  for (const e of entries) {
    total += e.originalSize;
    if (e.originalSize > limits.ratioFromBytes && e.originalSize > e.size * limits.ratio)
      throw new ImportError(
        'too-large',
        `The file is refused: its part "${e.name}" would unpack from ${mb(e.size)} to ${mb(e.originalSize)}, more than ${limits.ratio} times its size.`,
      );
  }
  if (total > limits.totalBytes)
    throw new ImportError(
      'too-large',
      `The file would unpack to ${mb(total)}; the limit is ${mb(limits.totalBytes)}.`,
    );
}

/** Inflates every entry as a stream, counting bytes and keeping none; refuses past the total limit. */
export function checkInflated(buf: Uint8Array, limits: ArchiveLimits = ARCHIVE_LIMITS): void {
  let total = 0;
  const refuse = () =>
    new ImportError(
      'too-large',
      `The file unpacks to more than ${mb(limits.totalBytes)} (more than its parts declare).`,
    );
  const unzip = new Unzip((file) => {
    file.ondata = (err, chunk) => {
      if (err) throw err;
      total += chunk.length;
      if (total > limits.totalBytes) throw refuse();
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  try {
    const step = 64 * 1024;
    for (let at = 0; at < buf.length; at += step)
      unzip.push(buf.subarray(at, at + step), at + step >= buf.length);
  } catch (e) {
    if (e instanceof ImportError) throw e;
    throw new ImportError(
      'unsupported-format',
      'The file looks like a Word or Excel file but its contents cannot be unpacked.',
    );
  }
}

/** Refuses an archive bomb before a reader opens it (readers/docx.ts, readers/xlsx.ts). */
export function checkArchive(buf: Uint8Array, limits: ArchiveLimits = ARCHIVE_LIMITS): void {
  checkDeclared(declaredEntries(buf, limits), limits);
  checkInflated(buf, limits);
}
