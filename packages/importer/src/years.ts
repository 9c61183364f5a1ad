/** A financial-year marker as councils write it: "2004-05", "2004 –05", "2006 07", "2005/06". */
const YEAR_MARKER = /(^|\s)((?:19|20)(\d{2}))\s*(?:[-–—/]\s*|\s+)(\d{2})(?=$|[\s.,:;])/g;

export interface YearChunk {
  /** Normalised "2005-06"; undefined for text before the first year. */
  year?: string;
  /** The marker exactly as written. */
  written?: string;
  text: string;
}

/** Splits a "corporate actions" cell into its year rows. */
export function splitYearActions(cell: string): YearChunk[] {
  const markers: { index: number; end: number; year: string; written: string }[] = [];
  for (const m of cell.matchAll(YEAR_MARKER)) {
    const a = Number(m[3]);
    const b = Number(m[4]);
    if (b !== (a + 1) % 100) continue;
    const index = m.index + m[1]!.length;
    markers.push({
      index,
      end: m.index + m[0].length,
      year: `${m[2]}-${m[4]}`,
      written: m[0].slice(m[1]!.length),
    });
  }
  const chunks: YearChunk[] = [];
  const clean = (s: string) => s.replace(/\s+/g, ' ').trim();
  const prefix = clean(cell.slice(0, markers[0]?.index ?? cell.length));
  if (prefix) chunks.push({ text: prefix });
  markers.forEach((m, i) => {
    chunks.push({ year: m.year, written: m.written, text: clean(cell.slice(m.end, markers[i + 1]?.index)) });
  });
  return chunks;
}
