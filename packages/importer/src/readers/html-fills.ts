import type { HTMLElement } from 'node-html-parser';
import { fillOf } from './cell-colours.js';

/**
 * A few colour names a page may shade a cell with; Word's "Save as Web Page" writes hex ("#00B050").
 * Only the ones a RAG column uses, and the greys of a header row or a BRAG grey.
 */
const NAMED: Record<string, string> = {
  red: 'FF0000',
  orange: 'FFA500',
  yellow: 'FFFF00',
  gold: 'FFD700',
  green: '008000',
  lime: '00FF00',
  blue: '0000FF',
  grey: '808080',
  gray: '808080',
  silver: 'C0C0C0',
  lightgrey: 'D3D3D3',
  lightgray: 'D3D3D3',
};

/** A CSS or HTML colour as RRGGBB: "#00B050", "#0b5", "rgb(0, 176, 80)", "green"; white and none as none. */
function rrggbb(value: string | undefined): string | undefined {
  const v = value?.trim().toLowerCase();
  if (!v) return undefined;
  let hex: string | undefined;
  const h = /^#?([0-9a-f]{6}|[0-9a-f]{3})$/.exec(v)?.[1];
  if (h) hex = h.length === 3 ? [...h].map((c) => c + c).join('') : h;
  const rgb = /^rgba?\(\s*(\d{1,3})\s*,\s*(\d{1,3})\s*,\s*(\d{1,3})\s*(?:,\s*([\d.]+)\s*)?\)$/.exec(v);
  // A transparent colour shades nothing.
  if (rgb && (rgb[4] === undefined || Number(rgb[4]) > 0))
    hex = rgb
      .slice(1, 4)
      .map((n) => Math.min(255, Number(n)).toString(16).padStart(2, '0'))
      .join('');
  return fillOf(hex ?? NAMED[v]);
}

/**
 * A table cell's own shading on a web page, as RRGGBB: its style's `background` or `background-color`
 * (Word's saved HTML writes `background:#00B050`), else the old `bgcolor` attribute. A committee paper
 * that rates its actions by shading alone is read as a Word table's shading is (build/status-colours.ts).
 */
export function htmlCellFill(cell: HTMLElement): string | undefined {
  const style = cell.getAttribute('style') ?? '';
  const css = /(?:^|;)\s*background(?:-color)?\s*:\s*([^;]+)/i.exec(style)?.[1];
  // "background: #FFC000 none repeat": the colour is one of its words.
  const fromCss = css
    ?.replace(/!important/i, '')
    .match(/rgba?\([^)]*\)|#[0-9a-f]{3,6}\b|[a-z]+/gi)
    ?.map(rrggbb)
    .find(Boolean);
  return fromCss ?? rrggbb(cell.getAttribute('bgcolor'));
}
