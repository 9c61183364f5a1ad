import { THEME_PATTERNS } from '../heading-words.js';
import { alignCells } from './align.js';
import { isLeadCell, isRefCell } from './cell-kinds.js';
import { actionHeader, type LayoutHeader } from './header-cells.js';
import { isBlank, type Line } from './lines.js';
import { type LayoutRule, row } from './rule.js';

/**
 * Text tables whose cells are separated by pipes ("a | b | c |") or by " / " ("Ref / Action / Lead"),
 * as web pages and PDF converters leave them. A cell may run over several lines (bullets inside a
 * cell); a row ends when it has as many separators as its header, when a line ends on the separator
 * in tables written that way, or when the next line starts a row of its own. Rows with a separator
 * inside a cell, or a cell missing, are put back under their columns by what the cells look like
 * (align.ts). Lines between rows that name a group ("Goal 3", "Actions held over from …") become
 * headings.
 */
interface Style {
  name: string;
  /** Splits a line into cells. */
  split: (text: string) => string[];
  count: (text: string) => number;
  startsWith: (text: string) => boolean;
  endsWith: (text: string) => boolean;
}

const pipe: Style = {
  name: 'pipe-table',
  split: (t) => t.split('|'),
  count: (t) => (t.match(/\|/g) ?? []).length,
  startsWith: (t) => /^\s*\|/.test(t),
  endsWith: (t) => /\|\s*$/.test(t),
};

// A slash with a space on either side: "BOD 60/17(h)" and "1/4/2012" are not separators.
const SLASH = /(?:^|\s)\/(?:\s|$)/g;
const slash: Style = {
  name: 'slash-separated-table',
  split: (t) => t.split(SLASH),
  count: (t) => (t.match(SLASH) ?? []).length,
  startsWith: (t) => /^\s*\/(?:\s|$)/.test(t),
  endsWith: (t) => /(?:^|\s)\/\s*$/.test(t),
};

const BULLET = /^[-–•▪●◦■➢·*]\s/;

const isHeading = (t: string) => THEME_PATTERNS.some((p) => p.re.test(t.trim()));

/** "Actions held over from previous meetings on 26 April 2017": a line naming the rows below. */
const isGroupLine = (t: string, known: ReadonlySet<string>) =>
  /^[A-Z]/.test(t) && !/[.:;,]$/.test(t) && t.split(/\s+/).length >= 4 && !isLeadCell(t, known);

function readHeader(style: Style, text: string): { header: LayoutHeader; trailing: boolean } | undefined {
  if (style.count(text) < 1) return undefined;
  const parts = style.split(text);
  const trailing = style.endsWith(text);
  const cells = parts.filter((c, k) => c.trim() !== '' || (k > 0 && k < parts.length - 1));
  // "Action Target date Person / body responsible": a slash inside one column's name, not between names.
  if (style === slash && cells.slice(1).some((c) => /^[a-z]/.test(c.trim()))) return undefined;
  const header = actionHeader(cells);
  return header ? { header, trailing } : undefined;
}

function makeRule(style: Style): LayoutRule {
  return {
    name: style.name,
    read(lines, i, ctx) {
      const found = readHeader(style, lines[i]!.text);
      if (!found) return undefined;
      const { header } = found;
      // Rows end on the separator only where the rows below the header are written that way too.
      const below = lines
        .slice(i + 1, i + 40)
        .filter((l) => style.count(l.text) > 0 && !readHeader(style, l.text));
      const trailing =
        found.trailing && below.filter((l) => style.endsWith(l.text)).length * 2 >= Math.max(1, below.length);
      const width = header.cells.length;
      const headerSeps = style.count(lines[i]!.text);
      const brokenRow = (ls: Line[], at: number, sofar: number) => {
        if (sofar >= headerSeps) return false;
        const next = ls[at + 1];
        return (
          !!next &&
          !isBlank(next) &&
          !style.startsWith(next.text) &&
          !isRefCell(style.split(next.text)[0] ?? '') &&
          sofar + style.count(next.text) === headerSeps
        );
      };
      const leadAt = header.types.lastIndexOf('lead');
      const items = [row(header.cells, lines[i]!.line, style.name, true)];
      let rec: Line[] = [];
      let seps = 0;
      let lastFilled = -1;
      const flush = () => {
        if (rec.length === 0) return;
        const text = rec.map((l) => l.text).join('\n');
        // Leading and trailing separators only frame the row.
        const parts = style.split(text.replace(/^\s*\|/, '').replace(/\|\s*$/, '')).map((c) => c.trim());
        const joiner = style === slash ? ' / ' : '\n';
        const above = items.at(-1);
        // "- We report on progress … | September annually |": a bullet with fewer cells than the
        // header is the next line of a row whose first cell spans several (rowspan), not a row.
        if (above?.type === 'row' && !above.header && parts.length < width && BULLET.test(parts[0] ?? '')) {
          const more = alignCells(parts, header.types.slice(1), ctx.known, joiner);
          more.forEach((c, k) => {
            if (c) above.cells[k + 1] = above.cells[k + 1] ? `${above.cells[k + 1]}\n${c}` : c;
          });
          rec = [];
          seps = 0;
          return;
        }
        const cells = alignCells(parts, header.types, ctx.known, joiner);
        lastFilled = cells.reduce((last, c, k) => (c ? k : last), -1);
        items.push(row(cells, rec[0]!.line, style.name));
        rec = [];
        seps = 0;
      };
      let j = i + 1;
      for (; j < lines.length; j++) {
        const l = lines[j]!;
        if (isBlank(l)) {
          const next = lines.slice(j + 1).find((x) => !isBlank(x));
          if (!next || style.count(next.text) === 0) break;
          continue;
        }
        if (readHeader(style, l.text)) {
          // The header repeated after a page break.
          flush();
          continue;
        }
        const n = style.count(l.text);
        const complete = seps >= width - 1;
        if (n === 0 && (rec.length === 0 || complete)) {
          const t = l.text.trim();
          const lastCell =
            style
              .split(rec.map((x) => x.text).join('\n'))
              .at(-1)
              ?.trim() ?? '';
          const endsOnLead =
            leadAt >= 0 &&
            (rec.length === 0
              ? lastFilled === leadAt
              : leadAt === width - 1 && isLeadCell(lastCell, ctx.known));
          const atGroupPlace = items.length === 1 || endsOnLead;
          if (isHeading(t) || (atGroupPlace && isGroupLine(t, ctx.known))) {
            flush();
            items.push({ type: 'heading', text: t, line: l.line });
            continue;
          }
        }
        // Rows written "a | b | c |" end only on the separator: a cell running over lines is one cell.
        const refFirst = isRefCell(style.split(l.text)[0] ?? '');
        const startsRow =
          n > 0 &&
          !style.startsWith(l.text) &&
          rec.length > 0 &&
          (trailing ? refFirst : seps + n > width - 1 || complete || refFirst);
        if (startsRow || (!trailing && complete && n > 0)) flush();
        rec.push(l);
        seps += n;
        // Rows written "a | b | c |" end on the separator, unless the line broke inside the row: the next
        // line's separators make up exactly those the header has ("… | July 2026 |" then "Champion |").
        if (trailing && n > 0 && style.endsWith(l.text) && !brokenRow(lines, j, seps)) flush();
      }
      flush();
      return { items, next: j };
    },
  };
}

/** A line that heads a pipe or " / " table of actions ("| Deliverable | Timeline | Responsibility |"). */
export const isDelimitedHeader = (text: string): boolean =>
  !!(readHeader(pipe, text) ?? readHeader(slash, text));

export const pipeTable = makeRule(pipe);
export const slashSeparatedTable = makeRule(slash);
