import { matchHeader } from '../header-mapping.js';
import type { SourceItem } from '../source.js';
import { ACTION_VERBS } from './action-verbs.js';
import { actionHeader } from './header-cells.js';
import { type LayoutRule, row } from './rule.js';
import { refRowsOf, runOnRowCells } from './run-on-rows.js';

/**
 * A table run into one paragraph: a web page or PDF printed the header's cells and then every row's
 * cells one after another with no breaks ("… Key priority Area Outcome Activity Actions 2017–18
 * Actions 2018–19 Measure the uptake … Assess and report on …"). The header is a dense run of column
 * names (refs, years and numbered headings may sit among them); after it, an action starts with the
 * paragraph's first words and at each sentence that starts with a verb ("Assess and report …",
 * "…for them.Implement …"); other sentences carry on the action before. The same action printed again
 * in a later year's column is read once. Nothing here can be sure of the columns, so a warning says
 * how the paragraph was split.
 */
interface Word {
  text: string;
  at: number;
}

const REFLIKE = /^(?:\d{1,3}(?:\.\d{1,3}){0,3}\.?|(?:19|20)\d\d\s*[–-]\s*\d{2,4}|(?:19|20)\d\d)$/;
const isCap = (w: string | undefined) => !!w && /^[A-Z]/.test(w);

/** Column names matched at word `k`: how many words the longest name there takes. */
function headerAt(words: Word[], k: number): number {
  for (let n = 3; n >= 1; n--) {
    if (k + n > words.length) continue;
    const phrase = words.slice(k, k + n).map((w) => w.text);
    if (!phrase.every(isCap) && n > 1 && !phrase.slice(1).every((w) => /^[a-z]+$/.test(w))) continue;
    // "Measure the uptake …" starts a sentence; a column name is not followed by "the" or "and".
    if (/^(?:the|a|an|and|or|with|to|of|on|for|in|by)$/.test(words[k + n]?.text ?? '')) continue;
    const m = matchHeader(phrase.join(' '))[0];
    if (m && m.confidence >= 0.9 && m.table === 'actions' && m.field !== 'ignore') return n;
  }
  return 0;
}

/** The densest run of column names: ≥ 3 names, with only refs, years and numbered headings between. */
function findHeaderRun(words: Word[]): { from: number; to: number; headings: string[] } | undefined {
  let best: { from: number; to: number; hits: number; headings: string[] } | undefined;
  for (let k = 0; k < words.length; k++) {
    if (!headerAt(words, k) || !isCap(words[k]!.text)) continue;
    let j = k;
    let hits = 0;
    let end = k;
    const headings: string[] = [];
    while (j < words.length) {
      const n = headerAt(words, j);
      if (n && isCap(words[j]!.text)) {
        hits++;
        j += n;
        end = j;
        continue;
      }
      if (REFLIKE.test(words[j]!.text)) {
        // "1. Leadership and Governance": a numbered heading among the refs.
        let h = j + 1;
        while (
          h < words.length &&
          h - j <= 5 &&
          (isCap(words[h]!.text) || /^(?:and|of|&|the)$/.test(words[h]!.text)) &&
          !headerAt(words, h)
        )
          h++;
        if (/\.$/.test(words[j]!.text) && h > j + 1)
          headings.push(
            words
              .slice(j, h)
              .map((w) => w.text)
              .join(' '),
          );
        j = h > j + 1 && /\.$/.test(words[j]!.text) ? h : j + 1;
        end = j;
        continue;
      }
      break;
    }
    if (hits >= 3 && (!best || hits > best.hits)) best = { from: k, to: end, hits, headings };
  }
  return best;
}

/** Splits the rows' text where a sentence ends or where a verb starts a new action. */
function splitActions(text: string): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  const out: string[][] = [];
  let cur: string[] = [];
  for (let k = 0; k < words.length; k++) {
    let w = words[k]!;
    // "them.Implement": a sentence end with its space lost.
    const glued = /^(.*[a-z)])\.([A-Z][a-z]+)$/.exec(w);
    if (glued && ACTION_VERBS.has(glued[2]!.toLowerCase())) {
      cur.push(`${glued[1]}.`);
      w = glued[2]!;
      out.push(cur);
      cur = [];
    }
    const prev = cur.at(-1);
    const startsAction =
      prev !== undefined &&
      ACTION_VERBS.has(w.toLowerCase()) &&
      isCap(w) &&
      /^[a-z'‘]/.test(words[k + 1] ?? '') &&
      !/^(?:to|and|or|the|a|an|of|for|with|by|will|shall|should)$/i.test(prev);
    if (startsAction) {
      out.push(cur);
      cur = [];
    }
    cur.push(w);
  }
  if (cur.length) out.push(cur);
  return out.map((ws) => ws.join(' ')).filter((t) => t !== '');
}

const NAME = 'table-run-into-paragraph';

export const runOnTable: LayoutRule = {
  name: NAME,
  read(lines, i, ctx) {
    const l = lines[i]!;
    if (l.text.length < 300) return undefined;
    const words: Word[] = [...l.text.matchAll(/\S+/g)].map((m) => ({ text: m[0], at: m.index }));
    const run = findHeaderRun(words);
    if (!run || run.to >= words.length - 5) return undefined;
    const headerText = words.slice(run.from, run.to).map((w) => w.text);
    const before = l.text.slice(0, words[run.from]!.at).trim();
    const rest = l.text.slice(words[run.to]!.at).trim();
    // The header may end in a column name the vocabulary does not hold ("… R/A/G Monitoring and
    // Evaluation 1. 21. …"): a few capitalised words right before the first ref.
    const restWords = rest.split(/\s+/);
    const lead = restWords.findIndex(
      (_w, k) => k <= 4 && refRowsOf(restWords.slice(k).join(' ')) !== undefined,
    );
    const unnamed = lead > 0 && restWords.slice(0, lead).every((w) => /^(?:[A-Z][\w/&-]*|and|of|&)$/.test(w));
    const byRef = lead === 0 || unnamed ? refRowsOf(restWords.slice(lead).join(' ')) : undefined;
    if (byRef) {
      const names: string[] = [];
      for (let k = run.from; k < run.to; ) {
        const n = headerAt(words, k);
        if (n)
          names.push(
            words
              .slice(k, k + n)
              .map((w) => w.text)
              .join(' '),
          );
        k += Math.max(n, 1);
      }
      if (unnamed) names.push(restWords.slice(0, lead).join(' '));
      const read = runOnRowCells(byRef, actionHeader(names), ctx.known);
      const items: SourceItem[] = [{ type: 'para', text: before || headerText.join(' '), line: l.line }];
      for (const h of run.headings) items.push({ type: 'heading', text: h, line: l.line });
      items.push(row(read.header, l.line, NAME, true));
      for (const r of read.rows) items.push(row(r, l.line, NAME));
      const split = read.header.length > 2;
      return {
        items,
        next: i + 1,
        warnings: [
          {
            code: 'columns-run-together',
            message: `A table was run into one paragraph (its header "${headerText.slice(0, 12).join(' ')}…"): ${read.rows.length} rows were read, one from each ref (${byRef.map((r) => r.ref).join(', ')}); ${split ? "each row's lead, deadline and status were read from its end, and its other columns were kept together as its text" : "its columns could not be told apart, so each row's words are kept whole as its text"}. Check each action before committing.`,
            where: `line ${l.line}`,
          },
        ],
      };
    }
    // Rows that start with their numbers ("2 (i) Directors of Services Agreed …") ran together with
    // their other columns in between: splitting at verbs would read officers and updates as actions.
    const lastHeaderWord = words[run.to - 1]!.text;
    if (
      /^(?:\d{1,3}(?:\.\d{1,3})*\.?|\d{1,3}\s*\([ivx]{1,5}\)|\([ivx]{1,5}\))\s/.test(rest) ||
      /^\d{1,3}$/.test(lastHeaderWord)
    )
      return undefined;
    const actions: string[] = [];
    let repeats = 0;
    for (const a of splitActions(rest)) {
      // The same action printed again in a later year's column, or cut off while being printed again.
      if (actions.some((x) => x === a || (a.length >= 20 && x.startsWith(a)))) {
        repeats++;
        continue;
      }
      actions.push(a);
    }
    if (actions.length < 2) return undefined;
    const items: SourceItem[] = [];
    // The text before the header is the page's own (a title); the header's words are quoted in the warning.
    items.push({ type: 'para', text: before || headerText.join(' '), line: l.line });
    for (const h of run.headings) items.push({ type: 'heading', text: h, line: l.line });
    items.push(row(['Action'], l.line, NAME, true));
    for (const a of actions) items.push(row([a], l.line, NAME));
    return {
      items,
      next: i + 1,
      warnings: [
        {
          code: 'columns-run-together',
          message: `A table was run into one paragraph (its header "${headerText.slice(0, 12).join(' ')}…"): ${actions.length} actions were read by splitting the text where a sentence starts with a verb${repeats ? `, and ${repeats} repeats of the same action (one per year column) were read once` : ''}. Other columns' values could not be told apart. Check each action before committing.`,
          where: `line ${l.line}`,
        },
      ],
    };
  },
};
