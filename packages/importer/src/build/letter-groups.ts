import { cleanText } from '../cells.js';
import type { SourceItem } from '../source.js';
import type { BuildState, SectionDraft, ThemeDraft } from './drafts.js';

/**
 * Refs that say their group: a plan that numbers its actions per theme by a letter ("A1", "A2", "B1",
 * "HR3") and has no group rows or headings. The letter is the group, named by a key the document gives
 * ("A – Leadership and culture", "A: …", "A = …", a key table "A | Leadership and culture"), else
 * called by its letter. Only when every action has such a ref and there are two letters or more: a
 * document's own groups (headings, group rows, a group column) always come first.
 */
const LETTER_REF = /^([A-Za-z]{1,2})[-\s]?\d{1,3}[a-z]?$/;

/** One entry of a key: "A – Leadership and culture", "B: Skills", "HR = Human resources", "C) Pay". */
const KEY_ENTRY = /^([A-Z]{1,2})\s*(?:[–—:=)-]|\.(?=\s))\s*(\S.*)$/su;
/** An entry's start, where one paragraph holds several: "A – Leadership; B – Skills". */
const ENTRY_START = String.raw`[A-Z]{1,2}\s*(?:[–—:=)-]|\.\s)`;
const SPLIT = new RegExp(String.raw`\s*[;,|]\s*(?=${ENTRY_START})`, 'u');
/** A title before a one-line key: "Key: A – …", "Themes: A = …". */
const KEY_LABEL = new RegExp(String.raw`^[\p{L}][\p{L} ]{0,30}:\s*(?=${ENTRY_START})`, 'u');

interface KeyEntry {
  letter: string;
  name: string;
}

/** The entries a paragraph gives, or none when any part of it is not one. */
function paragraphEntries(text: string): KeyEntry[] {
  const parts = text.replace(KEY_LABEL, '').split(SPLIT);
  const entries = parts.map((p) => KEY_ENTRY.exec(p.trim()));
  if (entries.some((m) => !m)) return [];
  return entries.map((m) => ({ letter: m![1]!, name: m![2]!.replace(/[.;,]\s*$/, '').trim() }));
}

/** A key table's row: a letter and its name, "A | Leadership and culture". */
function rowEntry(cells: string[]): KeyEntry | undefined {
  const filled = cells.filter((c) => c !== '');
  if (filled.length !== 2) return undefined;
  const letter = /^([A-Z]{1,2})[.:)]?$/.exec(filled[0]!)?.[1];
  return letter ? { letter, name: filled[1]!.replace(/[.;,]\s*$/, '').trim() } : undefined;
}

interface Key {
  names: Map<string, string>;
  /** The key's lines as the reading may have kept them (the cover, a section, a note), to take out. */
  texts: Set<string>;
  lines: Set<number>;
}

/**
 * The first run of consecutive paragraphs or rows that names two of `letters` or more, every entry of
 * it one of them: a key. A line naming another letter, or anything else, ends a run.
 */
function findKey(items: readonly SourceItem[], letters: ReadonlySet<string>): Key | undefined {
  let run: Key = { names: new Map(), texts: new Set(), lines: new Set() };
  const found = () => run.names.size >= 2;
  for (const item of items) {
    let entries: KeyEntry[];
    let texts: string[];
    if (item.type === 'row') {
      const cells = item.cells.map(cleanText);
      const entry = rowEntry(cells);
      entries = entry ? [entry] : [];
      const [a, b] = cells.filter((c) => c !== '');
      // How the reading keeps such a row: an unknown table's line, a cover's, a key line.
      texts = [`${a} | ${b}`, `${a}: ${b}`, `${a} – ${b}`];
    } else {
      const text = cleanText(item.text);
      entries = paragraphEntries(text);
      texts = [text];
    }
    if (entries.length > 0 && entries.every((e) => letters.has(e.letter) && e.name.length <= 150)) {
      for (const e of entries) if (!run.names.has(e.letter)) run.names.set(e.letter, e.name);
      for (const t of texts) run.texts.add(t);
      run.lines.add(item.line);
      continue;
    }
    if (found()) return run;
    run = { names: new Map(), texts: new Set(), lines: new Set() };
  }
  return found() ? run : undefined;
}

/** Takes the key's lines out of where the reading kept them: they are the groups' names now. */
function takeOut(s: BuildState, key: Key) {
  const d = s.d;
  const kept = (l: string) => !key.texts.has(l);
  d.preamble = d.preamble.filter((p) => kept(p.text));
  // A section that held only the key (a key table kept as an unknown table's text) goes with it.
  const emptied = new Set<SectionDraft>();
  for (const sec of d.sections) {
    if (sec.lines.length === 0) continue;
    sec.lines = sec.lines.filter(kept);
    if (sec.lines.length === 0) emptied.add(sec);
  }
  d.sections = d.sections.filter((sec) => !emptied.has(sec));
  d.unplaced = d.unplaced.filter(kept);
  for (const t of d.themes) for (const a of t.actions) a.unplaced = a.unplaced.filter(kept);
  // The warnings that said those lines were not read.
  const unread = new Set(['unrecognised-table', 'orphan-text', 'unplaced-text']);
  d.warnings = d.warnings.filter(
    (w) => !(unread.has(w.code) && key.lines.has(Number(/^line (\d+)$/.exec(w.where)?.[1]))),
  );
}

/** Groups a plan's ungrouped actions by their refs' letters (see above); the drafts are changed in place. */
export function letterGroups(s: BuildState): void {
  const d = s.d;
  const withActions = d.themes.filter((t) => t.actions.length > 0);
  const ungrouped = withActions[0];
  // Only the group made for actions under no heading ("Actions", `defaultTheme`) is split.
  if (withActions.length !== 1 || !ungrouped || ungrouped.ref !== '') return;
  const letters = ungrouped.actions.map((a) => LETTER_REF.exec(a.ref ?? '')?.[1]?.toUpperCase());
  if (letters.some((l) => !l)) return;
  const distinct = [...new Set(letters as string[])];
  if (distinct.length < 2) return;
  const key = findKey(s.items, new Set(distinct));
  const themes = new Map<string, ThemeDraft>(
    distinct.map((l) => [l, { ref: l, title: key?.names.get(l) ?? l, actions: [] }]),
  );
  for (const [i, a] of ungrouped.actions.entries()) themes.get(letters[i]!)!.actions.push(a);
  d.themes.splice(d.themes.indexOf(ungrouped), 1, ...themes.values());
  if (s.theme === ungrouped) s.theme = undefined;
  // "Actions come before any priority or heading": they have their groups now.
  d.warnings = d.warnings.filter((w) => w.code !== 'no-theme');
  if (!key) return;
  takeOut(s, key);
  for (const [letter, name] of key.names)
    d.headings.push({ text: `${letter} – ${name}`, as: `theme ${letter}` });
}
