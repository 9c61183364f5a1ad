import { inflateRawSync } from 'node:zlib';
import { ImportError } from '../errors.js';

/**
 * Word and Excel files are zips, and a small zip can unpack to gigabytes (an archive bomb). Before any
 * reader opens one, the file is read here exactly as the readers will read it: mammoth and exceljs (both
 * JSZip) and fflate (cell-colours.ts) take each part's compression method, packed size and place from the
 * central directory, and from its local header only the lengths of its name and extra field. The file is
 * refused when the directory declares too much (in all, in parts, or in how far one large part expands),
 * and then every part is inflated, counting bytes and keeping none, and the file is refused the moment it
 * unpacks past the limit, whatever the sizes declared. A zip read one way by one program and another way
 * by another is forged, so one whose local headers disagree with its directory, or whose parts overlap, is
 * refused as damaged.
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
  /** Packed size, as the central directory gives it. */
  size: number;
  /** Unpacked size, as the central directory declares it. */
  originalSize: number;
}

/** A part as the readers find it: the directory's method and sizes, and where its data starts. */
interface Part extends ArchiveEntry {
  method: number;
  header: number;
  data: number;
}

const DAMAGED =
  'The file looks like a Word or Excel file but it is damaged: %s. Open it in Word or Excel, save it ' +
  'again, and import that.';
const damaged = (what: string) => new ImportError('unsupported-format', DAMAGED.replace('%s', what));

const SIG = {
  local: 0x04034b50,
  central: 0x02014b50,
  end: 0x06054b50,
  end64: 0x06064b50,
  locator64: 0x07064b50,
};
const MAX16 = 0xffff;
const MAX32 = 0xffffffff;

/**
 * The parts the central directory lists, each checked against its local header. Stops reading once the
 * count is over the limit.
 */
function readParts(buf: Uint8Array, limits: ArchiveLimits): Part[] {
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const u16 = (at: number) => (at + 2 <= buf.length ? view.getUint16(at, true) : Number.NaN);
  const u32 = (at: number) => (at + 4 <= buf.length ? view.getUint32(at, true) : Number.NaN);
  const u64 = (at: number) => u32(at) + u32(at + 4) * 2 ** 32;
  // The end record: the last one in the file, as JSZip and fflate both look for it from the end.
  let end = buf.length - 22;
  while (end >= 0 && u32(end) !== SIG.end) end--;
  if (end < 0) throw damaged('its parts cannot be read');
  let count = u16(end + 10);
  let dirSize = u32(end + 12);
  let dirStart = u32(end + 16);
  let dirEnd = end;
  if (count === MAX16 || dirSize === MAX32 || dirStart === MAX32) {
    // Zip64: the sizes are in a second end record, found through the locator just before the first.
    const rec = u32(end - 20) === SIG.locator64 ? u64(end - 12) : Number.NaN;
    if (!(rec < end) || u32(rec) !== SIG.end64) throw damaged('its table of contents cannot be found');
    count = u64(rec + 32);
    dirSize = u64(rec + 40);
    dirStart = u64(rec + 48);
    dirEnd = rec;
  }
  // JSZip shifts every offset when the directory is not where the end record says (data put before the
  // zip); fflate does not. Only a directory ending where the end record begins reads the same in both.
  if (dirStart + dirSize !== dirEnd) throw damaged('its table of contents is not where it says');
  if (count > limits.entries) throw tooManyParts(limits);
  const parts: Part[] = [];
  const names = new Set<string>();
  const decoder = new TextDecoder();
  let at = dirStart;
  // JSZip reads directory records for as long as they follow one another; fflate reads `count` of them.
  while (at < dirEnd && u32(at) === SIG.central) {
    if (parts.length >= limits.entries) throw tooManyParts(limits);
    const nameLen = u16(at + 28);
    const extraLen = u16(at + 30);
    const nameBytes = buf.subarray(at + 46, at + 46 + nameLen);
    const name = decoder.decode(nameBytes);
    let size = u32(at + 20);
    let originalSize = u32(at + 24);
    let header = u32(at + 42);
    if (size === MAX32 || originalSize === MAX32 || header === MAX32) {
      const z = zip64Extra(u16, at + 46 + nameLen, extraLen);
      if (z === undefined) throw damaged(`the sizes of its part "${name}" are missing`);
      let k = 0;
      if (originalSize === MAX32) originalSize = u64(z + 8 * k++);
      if (size === MAX32) size = u64(z + 8 * k++);
      if (header === MAX32) header = u64(z + 8 * k++);
    }
    if (names.has(name)) throw damaged(`its part "${name}" is listed twice`);
    names.add(name);
    const part = checkLocal(buf, u16, u32, at, { name, nameBytes, size, originalSize, header });
    parts.push(part);
    at += 46 + nameLen + extraLen + u16(at + 32);
  }
  if (at !== dirEnd || parts.length !== count) throw damaged('its table of contents is incomplete');
  // No part's data may run into another's header, nor into the directory: the same bytes unpacked as two
  // parts is how the smallest archive bombs are made.
  const byPlace = [...parts].sort((a, b) => a.header - b.header);
  byPlace.forEach((p, i) => {
    const next = byPlace[i + 1]?.header ?? dirStart;
    if (p.data + p.size > next) throw damaged(`its part "${p.name}" overlaps the next one`);
  });
  return parts;
}

/** Where the zip64 sizes start in an extra field (tag 1), or undefined. */
function zip64Extra(u16: (at: number) => number, from: number, len: number) {
  for (let at = from; at + 4 <= from + len; at += 4 + u16(at + 2)) if (u16(at) === 1) return at + 4;
  return undefined;
}

/**
 * The part's local header, checked against the directory: the same name, method and (unless they follow
 * the data, as a zip written as a stream has them) sizes. Its data starts after the local name and extra
 * field, as every reader takes it.
 */
function checkLocal(
  buf: Uint8Array,
  u16: (at: number) => number,
  u32: (at: number) => number,
  dir: number,
  p: ArchiveEntry & { nameBytes: Uint8Array; header: number },
): Part {
  const at = p.header;
  const part = `its part "${p.name}"`;
  if (u32(at) !== SIG.local) throw damaged(`${part} is not where its table of contents says`);
  const method = u16(dir + 10);
  if (method !== 0 && method !== 8)
    throw damaged(`${part} is packed in a way Word and Excel do not use (method ${method})`);
  if (u16(dir + 8) & 1) throw damaged(`${part} is encrypted`);
  if (u16(at + 8) !== method)
    throw damaged(`${part} is packed one way by its table of contents and another by its header`);
  const nameLen = u16(at + 26);
  const extraLen = u16(at + 28);
  const name = buf.subarray(at + 30, at + 30 + nameLen);
  if (Buffer.compare(name, p.nameBytes) !== 0) throw damaged(`${part} has another name in its header`);
  const streamed = (u16(at + 6) & 8) !== 0;
  let size = u32(at + 18);
  let originalSize = u32(at + 22);
  if (size === MAX32 || originalSize === MAX32) {
    const z = zip64Extra(u16, at + 30 + nameLen, extraLen);
    const u64 = (x: number) => u32(x) + u32(x + 4) * 2 ** 32;
    if (z !== undefined) [originalSize, size] = [u64(z), u64(z + 8)];
  }
  if (!(streamed && size === 0 && originalSize === 0) && (size !== p.size || originalSize !== p.originalSize))
    throw damaged(`${part} has other sizes in its header than in its table of contents`);
  const data = at + 30 + nameLen + extraLen;
  if (data + p.size > buf.length) throw damaged(`${part} is cut short`);
  return { ...p, method, data };
}

const tooManyParts = (limits: ArchiveLimits) =>
  new ImportError(
    'too-large',
    `The file holds more than ${limits.entries} parts; a Word or Excel plan holds far fewer.`,
  );

/** What the central directory declares, part by part (each checked against its local header). */
export function declaredEntries(buf: Uint8Array, limits: ArchiveLimits = ARCHIVE_LIMITS): ArchiveEntry[] {
  return readParts(buf, limits).map(({ name, size, originalSize }) => ({ name, size, originalSize }));
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

/**
 * Inflates every part as the readers will (the directory's method and packed size), against one budget
 * for the whole file; the output of each is dropped at once. zlib stops at `maxOutputLength`, so no part
 * is unpacked further than the budget left.
 */
function checkInflated(buf: Uint8Array, parts: Part[], limits: ArchiveLimits): void {
  let total = 0;
  for (const p of parts) {
    const packed = buf.subarray(p.data, p.data + p.size);
    if (p.method === 0) total += packed.length;
    else {
      try {
        total += inflateRawSync(packed, { maxOutputLength: limits.totalBytes - total + 1 }).length;
      } catch (e) {
        if ((e as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') total = limits.totalBytes + 1;
        else throw damaged(`its part "${p.name}" cannot be unpacked`);
      }
    }
    if (total > limits.totalBytes)
      throw new ImportError(
        'too-large',
        `The file unpacks to more than ${mb(limits.totalBytes)} (more than its parts declare).`,
      );
  }
}

/** Refuses an archive bomb, or a forged zip, before a reader opens it (readers/docx.ts, readers/xlsx.ts). */
export function checkArchive(buf: Uint8Array, limits: ArchiveLimits = ARCHIVE_LIMITS): void {
  const parts = readParts(buf, limits);
  checkDeclared(parts, limits);
  checkInflated(buf, parts, limits);
}
