import { Zip, ZipDeflate, zipSync } from 'fflate';

/**
 * A Word-looking zip holding one entry of `mb` megabytes of zeros, made as a stream: the zeros are one
 * reused 1 MB buffer and only the compressed output (about a thousandth of the size) is kept.
 */
export function zeroBombDocx(mb: number): Buffer {
  const out: Uint8Array[] = [];
  const zip = new Zip((err, chunk) => {
    if (err) throw err;
    out.push(chunk);
  });
  const doc = new ZipDeflate('word/document.xml', { level: 1 });
  zip.add(doc);
  doc.push(new TextEncoder().encode('<w:document/>'), true);
  const zeros = new ZipDeflate('word/media/zeros.bin', { level: 9 });
  zip.add(zeros);
  const block = new Uint8Array(1024 * 1024);
  for (let i = 0; i < mb; i++) zeros.push(block, i === mb - 1);
  zip.end();
  return Buffer.concat(out);
}

/**
 * A zip that lies: its directory says the entry unpacks to 10 KB, but it holds `mb` megabytes of zeros.
 * The sizes in the local header and the central directory are rewritten after zipping.
 */
export function lyingDocx(mb: number): Buffer {
  const buf = Buffer.from(
    zipSync({
      'word/document.xml': new TextEncoder().encode('<w:document/>'),
      'word/zeros.bin': new Uint8Array(mb * 1024 * 1024),
    }),
  );
  for (let at = 0; at + 4 <= buf.length; at++) {
    const sig = buf.readUInt32LE(at);
    if (sig === 0x04034b50 && buf.readUInt32LE(at + 22) === mb * 1024 * 1024)
      buf.writeUInt32LE(10_240, at + 22);
    if (sig === 0x02014b50 && buf.readUInt32LE(at + 24) === mb * 1024 * 1024)
      buf.writeUInt32LE(10_240, at + 24);
  }
  return buf;
}
