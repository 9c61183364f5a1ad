import { type HTMLElement, NodeType, parse } from 'node-html-parser';
import type { SourceDocument } from '../source.js';
import { htmlCellFill } from './html-fills.js';
import { type Fill, readWordHtml } from './word-html.js';

/**
 * Web pages (a committee report's page, Word's or Writer's "Save as Web Page"): the page is written
 * again in the shape mammoth gives a Word document (paragraphs, headings, lists, tables, nothing
 * else), so that its tables, headings and lists are read as a Word document's are (README, "Import
 * your plan"). What is not the page's text is left out: scripts, styles, forms, and the site's own
 * furniture (its header, navigation, breadcrumbs and footer).
 */
export function readHtml(text: string): SourceDocument {
  // Word's downlevel-revealed conditionals ("<![if !supportLists]>") are markers, not text.
  const root = parse(text.replace(/<!\[(?:if[^\]]*|endif)\]>/gi, ''), {
    comment: false,
    blockTextElements: { pre: true },
  });
  const body = root.querySelector('body') ?? root;
  const writer = new PageWriter();
  const html = writer.page(body);
  // Cell shading, kept only where a page shades a cell: a RAG column coloured and left empty.
  const fills = writer.fills.some((t) => t.some((r) => r.some(Boolean))) ? writer.fills : undefined;
  return readWordHtml(html, 'html', fills ? { fills } : {});
}

/** Never the page's text. */
const SKIPPED = new Set([
  'head',
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'canvas',
  'iframe',
  'object',
  'img',
  'form',
  'button',
  'select',
  'input',
  'textarea',
  'nav',
  'header',
  'footer',
  'aside',
  'dialog',
  'map',
]);
const SKIPPED_ROLES = /^(?:navigation|banner|contentinfo|search|menu|menubar|dialog)$/i;
/** A site's furniture by its id or class ("mgBreadCrumbs", "site-header", "skip-link"), outside tables. */
const FURNITURE =
  /(?:^|[\s_-])(?:nav|navbar|navigation|menu|breadcrumbs?|mgbreadcrumbs|masthead|banner|site-?header|site-?footer|page-?header|page-?footer|footer|header|skip-?link|skip|cookies?|cookie-?banner|sidebar|social|share|print-?link)(?:$|[\s_-])/i;
const BLOCKS = new Set([
  'p',
  'div',
  'section',
  'article',
  'main',
  'blockquote',
  'center',
  'figure',
  'figcaption',
  'address',
  'dl',
  'dt',
  'dd',
  'pre',
  'fieldset',
  'details',
  'summary',
  'hgroup',
  'caption',
  'body',
  'html',
]);
const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
const CELLS = new Set(['td', 'th']);

const furniture = (el: HTMLElement) =>
  FURNITURE.test(`${el.getAttribute('id') ?? ''} ${el.getAttribute('class') ?? ''}`);
const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const tagOf = (n: HTMLElement) => n.tagName?.toLowerCase() ?? '';

function hidden(el: HTMLElement): boolean {
  if (el.hasAttribute?.('hidden') || el.getAttribute?.('aria-hidden') === 'true') return true;
  if (SKIPPED_ROLES.test(el.getAttribute?.('role') ?? '')) return true;
  return /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)/i.test(el.getAttribute?.('style') ?? '');
}

/** A Word list paragraph's level (1 outermost), from its style ("mso-list:l0 level2 lfo1"). */
function wordListLevel(n: HTMLElement): number | undefined {
  if (n.nodeType !== NodeType.ELEMENT_NODE || tagOf(n) !== 'p') return undefined;
  const m = /mso-list\s*:\s*l\d+\s+level(\d+)/i.exec(n.getAttribute('style') ?? '');
  return m ? Number(m[1]) : undefined;
}

/**
 * A Word list paragraph's words: its bullet glyph (Symbol's "·", Wingdings' "§", "o") left out, as
 * mammoth leaves Word's bullets out; a number or letter ("1.", "a)") kept, as the item's ref.
 */
function wordListItem(n: HTMLElement): { text: string; ordered: boolean } {
  const text = n.text.replace(/[\s\u00a0]+/g, ' ').trim();
  const marker = /^(?:[·•§▪■□◦o\-–]|\uF0B7|\uF0A7)\s+/.exec(text);
  if (marker) return { text: text.slice(marker[0].length), ordered: false };
  return { text, ordered: /^(?:\d+(?:\.\d+)*|[a-z]|[ivx]+)[.)]\s/i.test(text) };
}

/**
 * Writes a page's elements as mammoth's HTML. Words outside any paragraph (a cell's text, a div's)
 * become a paragraph of their own; a line break starts a new one, as a browser shows it on a new line.
 */
class PageWriter {
  private out: string[] = [];
  private run = '';
  /** Each top-level table's cell shading, per row, per cell as written (the shape mammoth's fills have). */
  readonly fills: Fill[][][] = [];
  private tableDepth = 0;

  page(body: HTMLElement): string {
    this.blocks(body, false);
    this.flush();
    return this.out.join('');
  }

  private flush() {
    const words = this.run.replace(/\s+/g, ' ').trim();
    if (words) this.out.push(`<p>${escapeHtml(words)}</p>`);
    this.run = '';
  }

  /** The children of a block: its words gathered into paragraphs, its blocks written as such. */
  private blocks(el: HTMLElement, inTable: boolean) {
    const nodes = el.childNodes as HTMLElement[];
    for (let i = 0; i < nodes.length; i++) {
      const node = nodes[i]!;
      const level = wordListLevel(node);
      if (level) {
        // Word's list paragraphs, one after another (blank text between them aside), are one list.
        const items: { level: number; text: string; ordered: boolean }[] = [];
        for (let j = i; j < nodes.length; j++) {
          const n = nodes[j]!;
          const l = wordListLevel(n);
          if (l) {
            items.push({ level: l, ...wordListItem(n) });
            i = j;
          } else if (n.nodeType !== NodeType.TEXT_NODE || n.text.trim()) break;
        }
        this.flush();
        this.wordList(items);
        continue;
      }
      if (node.nodeType === NodeType.TEXT_NODE) {
        this.run += node.text;
        continue;
      }
      if (node.nodeType !== NodeType.ELEMENT_NODE) continue;
      const tag = tagOf(node);
      if (SKIPPED.has(tag) || hidden(node) || (!inTable && furniture(node))) continue;
      if (tag === 'br') {
        this.flush();
        continue;
      }
      const isBlock = BLOCKS.has(tag) || HEADINGS.has(tag) || ['ul', 'ol', 'li', 'table', 'tr'].includes(tag);
      if (!isBlock) {
        // Inline (a link, bold, Word's spans): its words join the paragraph.
        this.blocks(node, inTable);
        continue;
      }
      this.flush();
      if (HEADINGS.has(tag)) {
        const words = node.text.replace(/\s+/g, ' ').trim();
        if (words) this.out.push(`<${tag}>${escapeHtml(words)}</${tag}>`);
      } else if (tag === 'ul' || tag === 'ol') this.list(node, tag, inTable);
      else if (tag === 'table') this.table(node);
      else this.blocks(node, inTable);
      this.flush();
    }
  }

  /** Word's list paragraphs as mammoth writes a list: a deeper item in a list inside the item above it. */
  private wordList(items: { level: number; text: string; ordered: boolean }[]) {
    const open: string[] = [];
    for (const it of items) {
      const level = Math.min(it.level, open.length + 1);
      if (level > open.length) {
        const tag = it.ordered ? 'ol' : 'ul';
        this.out.push(`<${tag}>`);
        open.push(tag);
      } else {
        this.out.push('</li>');
        while (open.length > level) this.out.push(`</${open.pop()}></li>`);
      }
      this.out.push(`<li>${escapeHtml(it.text)}`);
    }
    this.out.push('</li>');
    while (open.length) {
      this.out.push(`</${open.pop()}>`);
      if (open.length) this.out.push('</li>');
    }
  }

  /** A list as mammoth writes one: each item's own words, its sub-lists inside it. */
  private list(el: HTMLElement, tag: string, inTable: boolean) {
    this.out.push(`<${tag}>`);
    for (const li of el.childNodes as HTMLElement[]) {
      const t = tagOf(li);
      if (t === 'ul' || t === 'ol') {
        this.list(li, t, inTable);
        continue;
      }
      if (t !== 'li' || hidden(li)) continue;
      const own = (li.childNodes as HTMLElement[])
        .filter(
          (c) =>
            !['ul', 'ol'].includes(tagOf(c)) &&
            !(c.nodeType === NodeType.ELEMENT_NODE && SKIPPED.has(tagOf(c))),
        )
        .map((c) => c.text)
        .join(' ')
        .replace(/\s+/g, ' ')
        .trim();
      this.out.push(`<li>${escapeHtml(own)}`);
      for (const sub of li.childNodes as HTMLElement[]) {
        const s = tagOf(sub);
        if (s === 'ul' || s === 'ol') this.list(sub, s, inTable);
      }
      this.out.push('</li>');
    }
    this.out.push(`</${tag}>`);
  }

  /** A table's rows (in its head, bodies and foot alike) and cells, with their spans. */
  private table(el: HTMLElement) {
    this.out.push('<table>');
    // A table inside a cell is that cell's text, never one of the document's tables.
    const fills: Fill[][] | undefined = this.tableDepth === 0 ? [] : undefined;
    if (fills) this.fills.push(fills);
    this.tableDepth++;
    const rows = el.querySelectorAll('tr').filter((tr) => tr.closest('table') === el);
    for (const tr of rows) {
      if (hidden(tr)) continue;
      this.out.push('<tr>');
      const rowFills: Fill[] = [];
      fills?.push(rowFills);
      for (const cell of tr.childNodes as HTMLElement[]) {
        const tag = tagOf(cell);
        if (!CELLS.has(tag)) continue;
        rowFills.push(htmlCellFill(cell));
        const span = ['colspan', 'rowspan']
          .map((a) => (Number(cell.getAttribute(a)) > 1 ? ` ${a}="${Number(cell.getAttribute(a))}"` : ''))
          .join('');
        this.out.push(`<${tag}${span}>`);
        this.blocks(cell, true);
        this.flush();
        this.out.push(`</${tag}>`);
      }
      this.out.push('</tr>');
    }
    this.tableDepth--;
    this.out.push('</table>');
  }
}
