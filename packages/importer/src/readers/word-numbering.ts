/**
 * Word's automatic numbers ("1.", "1.1", "a)", "Priority 2 –"), which Word draws from the list's
 * definition and mammoth leaves out of its HTML. A council's refs are often only these: the "No."
 * column of an action table, numbered paragraphs, numbered headings. They are worked out here from the
 * document's XML as Word counts them (word/numbering.xml: each level's text "%1.%2", its format, its
 * start, when it restarts; a list instance's start override), and written at the head of each numbered
 * paragraph's text, so that the document reads as Word shows it (docs/architecture.md, import).
 *
 * The numbers are matched to mammoth's numbered paragraphs in order, and only used when the two agree
 * on every one of them (their count and levels): otherwise the document reads as before, unnumbered.
 */
import { attr, child, childElements, wordDocumentXml, xmlPart } from './cell-colours.js';

interface Level {
  start: number;
  format: string;
  text?: string;
  /** Restart after a use of a level above this one (1-based); 0 never; undefined after any above. */
  restart?: number;
  /** Every number in the text written as a decimal ("legal" numbering). */
  legal: boolean;
  /** The paragraph style this level numbers (a "Heading 2" that numbers itself). */
  pStyle?: string;
}

interface Lists {
  /** A list instance (w:num): its definition and the levels it overrides. */
  nums: Map<string, { abstract: string; starts: Map<number, number>; levels: Map<number, Level> }>;
  /** A list definition (w:abstractNum): its levels, or the numbering style it takes them from. */
  abstracts: Map<string, { levels: Map<number, Level>; styleLink?: string }>;
  /** Paragraph and numbering styles: the list they number with, and the style they are based on. */
  styles: Map<string, { numId?: string; ilvl?: number; basedOn?: string }>;
  /** The level a paragraph style is numbered at, by a level naming it (the last such, as mammoth). */
  levelOfStyle: Map<string, number>;
}

const num = (v: string | undefined) => (v !== undefined && /^-?\d+$/.test(v) ? Number(v) : undefined);
/**
 * Bounds a document cannot go past: Word's own range for a start (0–32767), a level's text of at most 64
 * characters and 9 numbers, a label of at most 40. A 1.5 KB file asking for "%1" 2,000 times from a start
 * of millions in letters made hundreds of megabytes of labels; past a bound a paragraph has no label.
 */
const MAX_START = 32_767;
const MAX_LEVEL_TEXT = 64;
const MAX_LABEL = 40;
const startOf = (v: string | undefined) => {
  const n = num(v);
  return n === undefined ? undefined : Math.min(Math.max(n, 0), MAX_START);
};
const levelText = (v: string) =>
  v.length <= MAX_LEVEL_TEXT && (v.match(/%[1-9]/g) ?? []).length <= 9 ? v : '';

function levelOf(lvl: Element): Level {
  const text = child(lvl, 'lvlText');
  const legal = child(lvl, 'isLgl');
  return {
    start: startOf(attr(child(lvl, 'start'), 'val')) ?? 0,
    format: attr(child(lvl, 'numFmt'), 'val') ?? 'decimal',
    ...(text ? { text: levelText(attr(text, 'val') ?? '') } : {}),
    restart: num(attr(child(lvl, 'lvlRestart'), 'val')),
    legal: legal !== undefined && !['false', '0'].includes(attr(legal, 'val') ?? ''),
    pStyle: attr(child(lvl, 'pStyle'), 'val'),
  };
}

const levelsIn = (el: Element) =>
  new Map(
    [...childElements(el)]
      .filter((e) => e.localName === 'lvl')
      .map((l) => [num(attr(l, 'ilvl')) ?? 0, levelOf(l)] as const),
  );

function readLists(docx: Uint8Array): Lists | undefined {
  const numbering = xmlPart(docx, (name) => name === 'word/numbering.xml')?.documentElement;
  if (!numbering) return undefined;
  const lists: Lists = { nums: new Map(), abstracts: new Map(), styles: new Map(), levelOfStyle: new Map() };
  for (const e of childElements(numbering)) {
    if (e.localName === 'abstractNum') {
      const levels = levelsIn(e);
      for (const [ilvl, l] of levels) if (l.pStyle) lists.levelOfStyle.set(l.pStyle, ilvl);
      const link = attr(child(e, 'numStyleLink'), 'val');
      lists.abstracts.set(attr(e, 'abstractNumId') ?? '', { levels, styleLink: link });
    } else if (e.localName === 'num') {
      const starts = new Map<number, number>();
      const levels = new Map<number, Level>();
      for (const o of childElements(e)) {
        if (o.localName !== 'lvlOverride') continue;
        const ilvl = num(attr(o, 'ilvl')) ?? 0;
        const start = startOf(attr(child(o, 'startOverride'), 'val'));
        if (start !== undefined) starts.set(ilvl, start);
        const lvl = child(o, 'lvl');
        if (lvl) levels.set(ilvl, levelOf(lvl));
      }
      const abstract = attr(child(e, 'abstractNumId'), 'val') ?? '';
      lists.nums.set(attr(e, 'numId') ?? '', { abstract, starts, levels });
    }
  }
  const styles = xmlPart(docx, (name) => name === 'word/styles.xml')?.documentElement;
  for (const s of styles ? childElements(styles) : []) {
    if (s.localName !== 'style') continue;
    const numPr = child(child(s, 'pPr'), 'numPr');
    lists.styles.set(attr(s, 'styleId') ?? '', {
      numId: attr(child(numPr, 'numId'), 'val'),
      ilvl: num(attr(child(numPr, 'ilvl'), 'val')),
      basedOn: attr(child(s, 'basedOn'), 'val'),
    });
  }
  return lists;
}

/** A style's list, from it or the styles it is based on. */
function styleList(lists: Lists, styleId: string | undefined) {
  const seen = new Set<string>();
  let numId: string | undefined;
  let ilvl: number | undefined;
  for (let id = styleId; id && !seen.has(id); id = lists.styles.get(id)?.basedOn) {
    seen.add(id);
    const s = lists.styles.get(id);
    numId ??= s?.numId;
    ilvl ??= s?.ilvl;
  }
  return { numId, ilvl };
}

/** The definition a list instance counts with: a numbering style's link followed to its list. */
function abstractOf(lists: Lists, numId: string): string | undefined {
  const seen = new Set<string>();
  let abstract = lists.nums.get(numId)?.abstract;
  while (abstract !== undefined && !seen.has(abstract)) {
    seen.add(abstract);
    const link = lists.abstracts.get(abstract)?.styleLink;
    const linked = link ? styleList(lists, link).numId : undefined;
    if (!linked) return abstract;
    abstract = lists.nums.get(linked)?.abstract;
  }
  return abstract;
}

const ROMAN: [number, string][] = [
  [1000, 'm'],
  [900, 'cm'],
  [500, 'd'],
  [400, 'cd'],
  [100, 'c'],
  [90, 'xc'],
  [50, 'l'],
  [40, 'xl'],
  [10, 'x'],
  [9, 'ix'],
  [5, 'v'],
  [4, 'iv'],
  [1, 'i'],
];
const roman = (n: number) => {
  // Roman numerals stop at 3999 (MMMCMXCIX); Word writes larger numbers in figures.
  if (n > 3999) return String(n);
  let out = '';
  for (const [v, s] of ROMAN) for (; n >= v; n -= v) out += s;
  return out;
};
/** "a" … "z", then "aa", "bb" as Word writes letters past z. */
const letter = (n: number) =>
  n < 1 ? String(n) : String.fromCharCode(97 + ((n - 1) % 26)).repeat(Math.floor((n - 1) / 26) + 1);

function formatted(n: number, format: string): string {
  switch (format) {
    case 'lowerLetter':
      return letter(n);
    case 'upperLetter':
      return letter(n).toUpperCase();
    case 'lowerRoman':
      return roman(n);
    case 'upperRoman':
      return roman(n).toUpperCase();
    case 'decimalZero':
      return String(n).padStart(2, '0');
    case 'none':
      return '';
    default:
      return String(n);
  }
}

/** One paragraph mammoth numbers: its level, and its number as Word shows it (none for a bullet). */
export interface ListNumber {
  level: number;
  label?: string;
}

/**
 * The numbers of the paragraphs mammoth reads as numbered (its rule: a w:numPr with a level and a list
 * that has it, else a list level naming the paragraph's style), in document order. Word's counters run
 * for every numbered paragraph. Undefined when the document has no lists this can read.
 */
export function wordListNumbers(docx: Uint8Array): ListNumber[] | undefined {
  try {
    const lists = readLists(docx);
    const body = child(wordDocumentXml(docx)?.documentElement ?? undefined, 'body');
    return lists && body ? count(lists, body) : undefined;
  } catch {
    // Numbers only add to what mammoth read: a document whose XML this cannot read keeps its text.
    return undefined;
  }
}

function count(lists: Lists, body: Element): ListNumber[] {
  const counters = new Map<string, (number | undefined)[]>();
  const used = new Set<string>();
  const out: ListNumber[] = [];

  /** The level mammoth finds for a list instance and level: its definition's, a style link followed. */
  const mammothLevel = (numId: string, ilvl: number) => {
    const a = abstractOf(lists, numId);
    return a !== undefined && lists.abstracts.get(a)?.levels.has(ilvl) ? ilvl : undefined;
  };

  /** The next number at `ilvl` of the list instance, as Word writes it; none for a bullet. */
  const next = (numId: string, ilvl: number): string | undefined => {
    const instance = lists.nums.get(numId);
    const abstract = abstractOf(lists, numId);
    if (!instance || abstract === undefined) return undefined;
    const levelAt = (n: number) => instance.levels.get(n) ?? lists.abstracts.get(abstract)?.levels.get(n);
    const def = levelAt(ilvl);
    if (!def) return undefined;
    const startAt = (n: number) => instance.starts.get(n) ?? levelAt(n)?.start ?? 0;
    // Instances of one definition count on together; one that overrides a start begins there when
    // first used (Word's "Restart numbering").
    const c = counters.get(abstract) ?? [];
    counters.set(abstract, c);
    if (!used.has(numId)) {
      used.add(numId);
      for (const n of instance.starts.keys()) c[n] = undefined;
    }
    c[ilvl] = c[ilvl] === undefined ? startAt(ilvl) : c[ilvl]! + 1;
    for (let deeper = ilvl + 1; deeper < 9; deeper++) {
      const r = levelAt(deeper)?.restart;
      if (r === undefined || r > deeper || r > ilvl) c[deeper] = undefined;
    }
    if (def.format === 'bullet' || !def.text) return undefined;
    const text = def.text.replace(/%([1-9])/g, (_, d: string) => {
      const n = Number(d) - 1;
      return formatted(c[n] ?? startAt(n), def.legal ? 'decimal' : (levelAt(n)?.format ?? 'decimal'));
    });
    return (text.length <= MAX_LABEL && text.trim()) || undefined;
  };

  const paragraph = (p: Element, kept: boolean) => {
    const pPr = child(p, 'pPr');
    // A paragraph whose mark is deleted is joined to the next one (mammoth's reading of tracked changes).
    if (child(child(pPr, 'rPr'), 'del')) return;
    const styleId = attr(child(pPr, 'pStyle'), 'val');
    const numPr = child(pPr, 'numPr');
    const ownId = attr(child(numPr, 'numId'), 'val');
    const ownLevel = num(attr(child(numPr, 'ilvl'), 'val'));
    // As Word numbers it: its own list, else its style's; "0" is no list.
    const style = styleList(lists, styleId);
    const numId = ownId ?? style.numId;
    const ilvl = ownLevel ?? style.ilvl ?? (styleId ? lists.levelOfStyle.get(styleId) : undefined) ?? 0;
    const label = numId && numId !== '0' ? next(numId, ilvl) : undefined;
    // As mammoth numbers it, so that the numbers line up with its paragraphs.
    const level =
      ownId !== undefined && ownLevel !== undefined
        ? mammothLevel(ownId, ownLevel)
        : ((styleId !== undefined ? lists.levelOfStyle.get(styleId) : undefined) ??
          (ownId !== undefined ? mammothLevel(ownId, 0) : undefined));
    if (kept && level !== undefined) out.push({ level, ...(label ? { label } : {}) });
  };

  const table = (tbl: Element, kept: boolean) => {
    // mammoth's rule: a cell continuing a vertical merge is dropped when some row above has a cell there.
    const seen = new Set<number>();
    for (const tr of [...childElements(tbl)].filter((e) => e.localName === 'tr')) {
      if (child(child(tr, 'trPr'), 'del')) continue;
      let column = 0;
      for (const tc of [...childElements(tr)].filter((e) => e.localName === 'tc')) {
        const props = child(tc, 'tcPr');
        const vMerge = child(props, 'vMerge');
        const continues = vMerge !== undefined && attr(vMerge, 'val') !== 'restart';
        const dropped = continues && seen.has(column);
        seen.add(column);
        visit(tc, kept && !dropped);
        column += num(attr(child(props, 'gridSpan'), 'val')) ?? 1;
      }
    }
  };
  const visit = (el: Element, kept: boolean) => {
    for (const e of childElements(el)) {
      if (e.localName === 'p') paragraph(e, kept);
      else if (e.localName === 'tbl') table(e, kept);
      else if (e.localName !== 'del' && e.localName !== 'moveFrom') visit(e, kept);
    }
  };
  visit(body, true);
  return out;
}

/** The parts of mammoth's document model the numbers are written into. */
interface MammothElement {
  type: string;
  children?: MammothElement[];
  numbering?: { level: string } | null;
}

/** A run of plain text, as mammoth's own model writes one. */
const textRun = (value: string) => ({
  type: 'run',
  children: [{ type: 'text', value }],
  styleId: null,
  styleName: null,
  isBold: false,
  isUnderline: false,
  isItalic: false,
  isStrikethrough: false,
  isAllCaps: false,
  isSmallCaps: false,
  verticalAlignment: 'baseline',
  font: null,
  fontSize: null,
  highlight: null,
});

/**
 * A mammoth `transformDocument` that writes each numbered paragraph's number at the head of its text
 * ("1.1 Refresh the careers pages", a "No." cell that held only Word's number "1.1"), and says whether it
 * did (`numbered`, once mammoth has run); undefined when the document numbers nothing. The document is
 * left as it was unless mammoth's numbered paragraphs and the numbers agree one for one, in count and
 * level.
 */
export function numberParagraphs(
  docx: Uint8Array,
): { transformDocument: (doc: MammothElement) => MammothElement; numbered: boolean } | undefined {
  const numbers = wordListNumbers(docx);
  if (!numbers?.some((n) => n.label)) return undefined;
  const out = {
    numbered: false,
    transformDocument: (doc: MammothElement) => {
      const paragraphs: MammothElement[] = [];
      const walk = (el: MammothElement) => {
        if (el.type === 'paragraph' && el.numbering) paragraphs.push(el);
        for (const c of el.children ?? []) walk(c);
      };
      walk(doc);
      const agree =
        paragraphs.length === numbers.length &&
        paragraphs.every((p, i) => Number(p.numbering!.level) === numbers[i]!.level);
      if (!agree) return doc;
      for (const [i, p] of paragraphs.entries()) {
        const label = numbers[i]!.label;
        if (label) p.children = [textRun(`${label} `) as MammothElement, ...(p.children ?? [])];
      }
      out.numbered = true;
      return doc;
    },
  };
  return out;
}
