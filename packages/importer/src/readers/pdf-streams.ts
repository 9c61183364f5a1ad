import { brotliDecompressSync, constants, inflateRawSync } from 'node:zlib';
import { ImportError, MAX_PDF_UNPACKED_BYTES } from '../errors.js';

/**
 * A PDF's streams (page text, fonts, pictures) are mostly compressed, and the PDF library unpacks each one
 * whole: a 200 KB file can hold a page that unpacks to 200 MB, and 10 MB to gigabytes (a decompression
 * bomb). Before the library opens the file, every stream is unpacked here, counting bytes and keeping
 * none, against one budget for the whole file; the file is refused past it.
 *
 * A stream is found by its `stream` keyword, as the library's own repair does. Which filters it has is
 * not taken from its dictionary: a string or a decoy there could hide them, and a filter list may be an
 * object packed out of sight. Instead each stream is counted under every filter list the file names
 * anywhere, and the usual ones, and the largest count is taken: data that is not of a filter's kind
 * fails within bytes, so an honest stream counts what it really unpacks to. FlateDecode, LZWDecode,
 * RunLengthDecode and BrotliDecode are counted exactly, ASCIIHex and ASCII85 decoded first when they
 * come before them; deflate data ends itself, so it is read on to its own end whatever `/Length` says. Picture codecs (DCT, JPX, CCITT, JBIG2) end the count: the library decodes pictures
 * only to draw them, not to read text. Where the bytes cannot be seen before the library decrypts them
 * (an encrypted PDF), a stream counts at the most its bytes could unpack to (`RATIO`) through the
 * filters the file names.
 */

/** The most one byte can unpack to: deflate's own limit; LZW's (12-bit codes of up to 3,839 bytes). */
const RATIO = { flate: 1032, lzw: 3413, rl: 64, brotli: Number.POSITIVE_INFINITY };

type Expanding = keyof typeof RATIO;
type Filter = Expanding | 'hex' | 'a85' | 'picture' | 'pass';

const FILTERS: Record<string, Filter> = {
  FlateDecode: 'flate',
  Fl: 'flate',
  LZWDecode: 'lzw',
  LZW: 'lzw',
  RunLengthDecode: 'rl',
  RL: 'rl',
  BrotliDecode: 'brotli',
  ASCIIHexDecode: 'hex',
  AHx: 'hex',
  ASCII85Decode: 'a85',
  A85: 'a85',
  DCTDecode: 'picture',
  DCT: 'picture',
  JPXDecode: 'picture',
  JPX: 'picture',
  CCITTFaxDecode: 'picture',
  CCF: 'picture',
  JBIG2Decode: 'picture',
};

/**
 * Filter lists counted in every PDF, whatever it names: deflate, alone or in text. LZW and run-length
 * are counted where the file names them, or names a filter list out of sight (in a packed object): read
 * as LZW, other data runs on and on, so they are not tried on every stream.
 */
const USUAL: Filter[][] = [['flate'], ['hex', 'flate'], ['a85', 'flate']];
const HIDDEN: Filter[][] = [['lzw'], ['rl']];

const MB = (n: number) => `${Math.round(n / 1048576)} MB`;

const refuse = (limit: number) =>
  new ImportError(
    'too-large',
    `This PDF unpacks to more than ${MB(limit)} of pages, fonts and pictures, far more than a plan needs. ` +
      'Import the Word or Excel file it was made from, or save the PDF again from it.',
  );

const refuseEncrypted = (limit: number) =>
  new ImportError(
    'too-large',
    'This PDF is protected (encrypted), so what it unpacks to cannot be checked before it is read, and it ' +
      `could unpack to more than ${MB(limit)}. Import the Word or Excel file it was made from, or save ` +
      'the PDF again without protection.',
  );

/** Refuses a PDF whose streams unpack to more than `limit` bytes in all, before the PDF library reads it. */
export function checkPdfStreams(buf: Uint8Array, limit = MAX_PDF_UNPACKED_BYTES): void {
  const text = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength).toString('latin1');
  const encrypted = /\/Encrypt(?![A-Za-z])/.test(text);
  const named = filterChains(text);
  const chains = [...new Map([...USUAL, ...named].map((c) => [c.join(), c])).values()];
  // An encrypted stream counts at the most what the file's own filters could make of it.
  const ratio = Math.max(RATIO.flate, ...named.map(chainRatio));
  let total = 0;
  const keyword = /(?<![A-Za-z])stream(?![A-Za-z])/g;
  for (let m = keyword.exec(text); m; m = keyword.exec(text)) {
    // The data starts after the end of the keyword's line, as the library's lexer skips to it.
    const eol = text.slice(m.index + 6, m.index + 6 + 256).search(/\r\n?|\n/);
    if (eol < 0) continue;
    const start = m.index + 6 + eol + (text.startsWith('\r\n', m.index + 6 + eol) ? 2 : 1);
    const end = text.indexOf('endstream', start);
    const data = buf.subarray(start);
    if (encrypted) {
      total += ((end < 0 ? buf.length : end) - start) * ratio;
      if (total > limit) throw refuseEncrypted(limit);
      continue;
    }
    let most = 0;
    for (const chain of chains) {
      most = Math.max(most, measure(data, end < 0 ? data.length : end - start, chain, limit - total));
      if (most > limit - total) throw refuse(limit);
    }
    total += most;
  }
}

/** The most a byte could unpack to through the list: what its expanding filters multiply. */
const chainRatio = (chain: Filter[]) =>
  chain.reduce((r, f) => r * (f in RATIO ? RATIO[f as Expanding] : f === 'a85' ? 4 : 1), 1);

const decodeName = (s: string) =>
  s.replace(/#([0-9A-Fa-f]{2})/g, (_, h: string) => String.fromCharCode(Number.parseInt(h, 16)));

/**
 * Every filter list the file names (`/Filter`, or `/F` as the library also reads it; one given by
 * reference looked up) that has a filter that expands.
 */
function filterChains(text: string): Filter[][] {
  const seen = new Map<string, Filter[]>();
  const value = String.raw`(\[[^\]]*\]|\/[^\s/[\]<>()%{}]+|(\d+)\s+(\d+)\s+R)`;
  const found = new RegExp(String.raw`\/(?:Filter|F)(?![^\s/[\]<>()%{}])\s*${value}`, 'g');
  for (let m = found.exec(text); m; m = found.exec(text)) {
    let list = m[1]!;
    if (m[2] !== undefined) {
      const target = new RegExp(String.raw`(?<!\d)${m[2]}\s+${m[3]}\s+obj\s*${value}`);
      list = target.exec(text)?.[1] ?? '';
      if (!list) for (const c of HIDDEN) seen.set(c.join(), c);
    }
    const chain = (list.match(/\/[^\s/[\]<>()%{}]+/g) ?? []).map(
      (n) => FILTERS[decodeName(n.slice(1))] ?? 'pass',
    );
    if (chain.some((f) => f in RATIO)) seen.set(chain.join(), chain);
  }
  return [...seen.values()];
}

/**
 * How many bytes the stream's data unpacks to through `chain`; `length` is its length up to `endstream`,
 * for the filters whose data does not end itself.
 */
function measure(data: Uint8Array, length: number, chain: Filter[], budget: number): number {
  const first = chain.findIndex((f) => f in RATIO);
  for (const f of chain.slice(0, first)) {
    if (f === 'hex') data = asciiHex(data);
    else if (f === 'a85') data = ascii85(data);
    // A picture decoded into data that is then unpacked: no encoder does that; it cannot be counted.
    else if (f === 'picture') return Number.POSITIVE_INFINITY;
  }
  const f = chain[first] as Expanding;
  let bytes: number;
  // The library unpacks nothing of deflate data without a zlib header (it reads the stream as empty).
  if (f === 'flate') bytes = zlibHeader(data) ? untilBad(data.subarray(2), budget, inflate) : 0;
  // LZW and run-length data are read to the stream's `endstream` only: past it, they would read on.
  else if (f === 'lzw') {
    const own = data.subarray(0, length);
    bytes = Math.max(lzwLength(own, 0, budget), lzwLength(own, 1, budget));
  } else if (f === 'rl') bytes = runLength(data.subarray(0, length));
  else bytes = untilBad(data.subarray(0, length), budget, unbrotli);
  // A second expanding filter after the first (no encoder does that) counts at the most it could.
  return bytes * chainRatio(chain.slice(first + 1));
}

const zlibHeader = (d: Uint8Array) =>
  d.length >= 2 && (d[0]! & 0x0f) === 8 && ((d[0]! << 8) | d[1]!) % 31 === 0 && !(d[1]! & 0x20);

const inflate = (data: Uint8Array, max: number) =>
  inflateRawSync(data, { finishFlush: constants.Z_SYNC_FLUSH, maxOutputLength: max }).length;

const unbrotli = (data: Uint8Array, max: number) =>
  brotliDecompressSync(data, { finishFlush: constants.BROTLI_OPERATION_FLUSH, maxOutputLength: max }).length;

/**
 * Bytes the data unpacks to, up to its own end, or up to where it goes bad: the library has unpacked
 * what came before that (zlib reads data cut short as far as it goes, so the longest start of the data
 * that reads without error is found by halving). Past the budget, stops.
 */
function untilBad(data: Uint8Array, budget: number, unpack: (d: Uint8Array, max: number) => number): number {
  const attempt = (n: number) => {
    try {
      return unpack(data.subarray(0, n), budget + 1);
    } catch (e) {
      return (e as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' ? budget + 1 : -1;
    }
  };
  const whole = attempt(data.length);
  if (whole >= 0) return whole;
  let [good, bad, out] = [0, data.length, 0];
  while (bad - good > 1) {
    const mid = Math.floor((good + bad) / 2);
    const n = attempt(mid);
    if (n < 0) bad = mid;
    else [good, out] = [mid, n];
    if (out > budget) break;
  }
  return out;
}

/** Bytes an LZW stream decodes to, counted from each code's length alone (nothing is decoded). */
function lzwLength(data: Uint8Array, earlyChange: number, budget: number): number {
  const lengths = new Uint16Array(4096).fill(1);
  let bits = 9;
  let next = 258;
  let previous = 0;
  let total = 0;
  let buffer = 0;
  let held = 0;
  for (let i = 0; total <= budget; ) {
    while (held < bits && i < data.length) {
      buffer = ((buffer << 8) | data[i++]!) & 0xffffff;
      held += 8;
    }
    if (held < bits) break;
    const code = (buffer >>> (held - bits)) & ((1 << bits) - 1);
    held -= bits;
    if (code === 256) {
      [bits, next, previous] = [9, 258, 0];
      continue;
    }
    if (code === 257) break;
    let length: number;
    if (code < 256) length = 1;
    else if (code < next) length = lengths[code]!;
    else if (code === next && previous > 0) length = previous + 1;
    else break;
    total += length;
    if (previous > 0 && next < 4096) lengths[next++] = Math.min(previous + 1, 65535);
    previous = length;
    const n = next + earlyChange;
    if ((n & (n - 1)) === 0) bits = Math.min(Math.log2(n) + 1, 12);
  }
  return total;
}

/** Bytes a run-length stream decodes to: a count byte, then that many bytes, or one byte repeated. */
function runLength(data: Uint8Array): number {
  let total = 0;
  for (let i = 0; i < data.length; ) {
    const b = data[i++]!;
    if (b === 128) break;
    if (b < 128) {
      total += b + 1;
      i += b + 1;
    } else {
      total += 257 - b;
      i++;
    }
  }
  return total;
}

/** ASCIIHexDecode: hex digits up to `>`, whitespace skipped. */
function asciiHex(data: Uint8Array): Uint8Array {
  const end = data.indexOf(0x3e);
  const text = Buffer.from(data.buffer, data.byteOffset, end < 0 ? data.length : end).toString('latin1');
  const hex = text.replace(/[^0-9A-Fa-f]/g, '');
  return Buffer.from(hex.length % 2 ? `${hex}0` : hex, 'hex');
}

/** ASCII85Decode: groups of five characters to four bytes, `z` four zeros, up to `~>`. */
function ascii85(data: Uint8Array): Uint8Array {
  const end = data.indexOf(0x7e);
  const input = end < 0 ? data : data.subarray(0, end);
  const out = new Uint8Array(input.length * 4);
  let at = 0;
  let group: number[] = [];
  const flush = (n: number) => {
    while (group.length < 5) group.push(84);
    const v = group.reduce((a, c) => a * 85 + c, 0);
    for (let k = 0; k < n; k++) out[at++] = Math.floor(v / 256 ** (3 - k)) % 256;
    group = [];
  };
  for (const c of input) {
    if (c === 0x7a && group.length === 0) at += 4;
    else if (c >= 0x21 && c <= 0x75) {
      group.push(c - 33);
      if (group.length === 5) flush(4);
    }
  }
  if (group.length > 1) flush(group.length - 1);
  return out.subarray(0, at);
}
