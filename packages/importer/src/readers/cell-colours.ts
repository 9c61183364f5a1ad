/**
 * Cell colours. Many councils show an action's RAG rating by colouring its cell and writing nothing in
 * it. The readers keep each table cell's fill (`fills` on a row, as RRGGBB), and a status column's empty
 * cell is read by its colour (build/action-rows.ts); any other coloured cell (a Gantt bar, a shaded
 * header) means nothing to the importer.
 */
import { DOMParser } from '@xmldom/xmldom';
import { unzipSync } from 'fflate';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

/** The WordprocessingML child elements of `el`. */
export function* childElements(el: Element): Generator<Element> {
  for (let n = el.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === 1 && (n as Element).namespaceURI === W) yield n as Element;
  }
}
export const child = (el: Element | undefined, name: string) =>
  el ? [...childElements(el)].find((e) => e.localName === name) : undefined;
export const attr = (el: Element | undefined, name: string) => el?.getAttributeNS(W, name) || undefined;

/**
 * One XML part of an Office file (the first whose name `wanted` accepts, `preferred` first), parsed;
 * undefined when there is none. Parse warnings are not errors here: colours only add to what was read.
 */
export function xmlPart(
  zip: Uint8Array,
  wanted: (name: string) => boolean,
  preferred?: string,
): Document | undefined {
  const files = unzipSync(zip, { filter: (f) => wanted(f.name) });
  const xml = (preferred && files[preferred]) || Object.values(files)[0];
  if (!xml) return undefined;
  return new DOMParser({ errorHandler: { warning: () => {}, error: () => {} } }).parseFromString(
    new TextDecoder().decode(xml),
    'text/xml',
  );
}

const documents = new WeakMap<Uint8Array, Document | undefined>();

/** A Word document's main part, parsed once for every reader of it (cell colours, list numbers). */
export function wordDocumentXml(docx: Uint8Array): Document | undefined {
  if (!documents.has(docx))
    documents.set(
      docx,
      xmlPart(docx, (name) => name === 'word/document.xml'),
    );
  return documents.get(docx);
}

/** A fill as RRGGBB, or undefined for none, "auto" or white. */
export function fillOf(hex: string | undefined): string | undefined {
  const h = hex?.toUpperCase();
  return h && /^[0-9A-F]{6}$/.test(h) && h !== 'FFFFFF' ? h : undefined;
}

/**
 * The fills of every body-level table of a Word document, in order: per row, per cell, as mammoth lists
 * them (deleted rows left out; a cell continuing a vertical merge left out, as it becomes a rowspan).
 * A table inside a cell is not one of them: its text is read into the cell.
 */
export function wordTableFills(docx: Uint8Array): (string | undefined)[][][] {
  // Colours only add to what mammoth read: a document whose XML this cannot read keeps its text.
  try {
    return readTableFills(docx);
  } catch {
    return [];
  }
}

function readTableFills(docx: Uint8Array): (string | undefined)[][][] {
  const body = child(wordDocumentXml(docx)?.documentElement ?? undefined, 'body');
  if (!body) return [];
  const tables: (string | undefined)[][][] = [];
  const visit = (el: Element) => {
    for (const e of childElements(el)) {
      if (e.localName === 'tbl') tables.push(tableFills(e));
      // Content controls and the like hold tables too; a paragraph never holds a body-level table.
      else if (e.localName !== 'p') visit(e);
    }
  };
  visit(body);
  return tables;
}

function tableFills(tbl: Element): (string | undefined)[][] {
  const rows: (string | undefined)[][] = [];
  // mammoth's rule: a cell continuing a vertical merge is dropped when some row above has a cell there.
  const seen = new Set<number>();
  for (const tr of rowsOf(tbl)) {
    if (child(child(tr, 'trPr'), 'del')) continue;
    const row: (string | undefined)[] = [];
    let column = 0;
    for (const tc of cellsOf(tr)) {
      const props = child(tc, 'tcPr');
      const vMerge = child(props, 'vMerge');
      const continues = vMerge !== undefined && attr(vMerge, 'val') !== 'restart';
      const span = Number(attr(child(props, 'gridSpan'), 'val') ?? 1) || 1;
      if (continues && seen.has(column)) {
        column += span;
        continue;
      }
      seen.add(column);
      const shd = child(props, 'shd');
      // Solid shading paints the pattern colour over the fill.
      row.push(fillOf(attr(shd, attr(shd, 'val') === 'solid' ? 'color' : 'fill')));
      column += span;
    }
    rows.push(row);
  }
  return rows;
}

/** Rows and cells, through the content controls and custom XML that may wrap them. */
const wrapped = (el: Element, name: string): Element[] =>
  [...childElements(el)].flatMap((e) =>
    e.localName === name
      ? [e]
      : ['sdt', 'sdtContent', 'customXml'].includes(e.localName ?? '')
        ? wrapped(e, name)
        : [],
  );
const rowsOf = (tbl: Element) => wrapped(tbl, 'tr');
const cellsOf = (tr: Element) => wrapped(tr, 'tc');

const DRAWING = 'http://schemas.openxmlformats.org/drawingml/2006/main';
/** The theme's colours in the order Excel numbers them: lt1, dk1, lt2, dk2, accent1–6, links. */
const THEME_ORDER = [
  'lt1',
  'dk1',
  'lt2',
  'dk2',
  'accent1',
  'accent2',
  'accent3',
  'accent4',
  'accent5',
  'accent6',
  'hlink',
  'folHlink',
];

/**
 * A workbook's theme colours as RRGGBB, by the number a cell's `{ theme, tint }` fill names (Excel's own
 * "Green, Accent 6" and the like). Empty when the workbook has no theme this can read.
 */
export function workbookThemeColours(xlsx: Uint8Array): string[] {
  try {
    const doc = xmlPart(xlsx, (name) => /^xl\/theme\/theme\d*\.xml$/.test(name), 'xl/theme/theme1.xml');
    const scheme = doc?.getElementsByTagNameNS(DRAWING, 'clrScheme')[0];
    if (!scheme) return [];
    const colourOf = (name: string) => {
      const el = scheme.getElementsByTagNameNS(DRAWING, name)[0];
      const rgb = el?.getElementsByTagNameNS(DRAWING, 'srgbClr')[0]?.getAttribute('val');
      // A system colour (window, windowText) keeps the colour it last had as `lastClr`.
      return rgb ?? el?.getElementsByTagNameNS(DRAWING, 'sysClr')[0]?.getAttribute('lastClr') ?? '';
    };
    return THEME_ORDER.map((n) => colourOf(n).toUpperCase());
  } catch {
    return [];
  }
}

/** A theme colour lightened (tint > 0) or darkened (tint < 0), as Excel shows it. */
export function tinted(hex: string, tint = 0): string {
  return channels(hex)
    .map((c) => (tint > 0 ? c + (1 - c) * tint : c * (1 + tint)))
    .map((c) =>
      Math.round(Math.min(1, Math.max(0, c)) * 255)
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')
    .toUpperCase();
}

const channels = (hex: string) =>
  [0, 2, 4].map((i) => Number.parseInt(hex.slice(i, i + 2), 16) / 255) as [number, number, number];

/** A colour's hue (degrees), chroma, lightness and saturation, each but the hue from 0 to 1. */
function hslOf(hex: string) {
  const [r, g, b] = channels(hex);
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  const light = (max + min) / 2;
  const chroma = max - min;
  const saturation = chroma / (1 - Math.abs(2 * light - 1) || 1);
  // A grey has no hue.
  const hue =
    chroma === 0
      ? 0
      : max === r
        ? (((g - b) / chroma) % 6) * 60
        : max === g
          ? ((b - r) / chroma + 2) * 60
          : ((r - g) / chroma + 4) * 60;
  return { hue: hue < 0 ? hue + 360 : hue, chroma, light, saturation };
}

/**
 * How little colour a pale tint may have and still rate: Google's light green 3 (D9EAD3) has 0.09, Office
 * 2007's green "lighter 80%" (EBF1DE) 0.075; a near white (F0F8FF) 0.06, the Text 2 grey-blue (D6DCE4)
 * 0.055 and a saturation of 0.21, the Background 2 tan (DDD9C4) 0.27.
 */
const PALE_TINT_CHROMA = 0.07;
const PALE_TINT_SATURATION = 0.35;

/** A pale fill (lightness over 75 %): the shading of a column or a row as often as a rating. */
export const isPaleFill = (hex: string): boolean => hslOf(hex).light > 0.75;

/**
 * The RAG word a fill stands for, by its hue: red, amber (orange to yellow), green, or blue (complete,
 * in a BRAG scheme). Greys, black and near-white say nothing; Excel's pale Good/Neutral/Bad fills do,
 * and so do the palettes' lightest tints (Google's light green 3, Office's "lighter 80%").
 */
export function ragWordOfFill(hex: string | undefined): string | undefined {
  if (!hex || !/^[0-9A-Fa-f]{6}$/.test(hex)) return undefined;
  const { hue, chroma, light, saturation } = hslOf(hex);
  if (light < 0.12) return undefined;
  // A colour, or a pale tint of one: little colour, but all of it one hue (saturation is colour for
  // its lightness). Greys, the themes' grey-blues and tans, and near whites are neither.
  const coloured = chroma >= 0.1 && saturation >= 0.3;
  const tint = chroma >= PALE_TINT_CHROMA && saturation >= PALE_TINT_SATURATION;
  if (!coloured && !tint) return undefined;
  if (hue >= 340 || hue < 15) return 'Red';
  if (hue < 65) return 'Amber';
  if (hue < 170) return 'Green';
  if (hue >= 185 && hue < 250) return 'Blue';
  return undefined;
}

/**
 * A fill a RAG key or a rated status column can mean as grey ("not yet started / not due", the G of
 * BRAG-G): a mid grey, neither near white nor near black. On its own a grey means nothing (headers and
 * banding are grey too); callers take it only beside fills that do rate.
 */
export function greyWordOfFill(hex: string | undefined): 'Grey' | undefined {
  if (!hex || !/^[0-9A-Fa-f]{6}$/.test(hex)) return undefined;
  const { chroma, light } = hslOf(hex);
  return chroma < 0.06 && light >= 0.3 && light <= 0.92 ? 'Grey' : undefined;
}
