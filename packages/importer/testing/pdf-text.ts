/**
 * A one-page PDF of text placed at given points, as "Print to PDF" writes a table: Helvetica, each
 * piece at its place, no drawn lines. For tests of how the PDF reader finds lines, cells and rows.
 */
export type PlacedText = { x: number; y: number; s: string };

/** Windows-1252 bytes of the characters used in tests that Latin-1 lacks. */
const CP1252: Record<string, number> = { '–': 0x96, '•': 0x95 };

export function pdfOfTexts(texts: PlacedText[], fontSize = 9): Buffer {
  const enc = (s: string) =>
    Buffer.from([...s].map((ch) => CP1252[ch] ?? ch.charCodeAt(0)))
      .toString('latin1')
      .replace(/[\\()]/g, (c) => `\\${c}`);
  const body = texts.map((t) => `BT /F1 ${fontSize} Tf ${t.x} ${t.y} Td (${enc(t.s)}) Tj ET`).join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 842 300] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    `<< /Length ${Buffer.byteLength(body, 'latin1')} >>\nstream\n${body}\nendstream`,
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  for (const [i, o] of objects.entries()) {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  }
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  out += offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}
