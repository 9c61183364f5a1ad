import type { ParsedTheme } from '../parsed-plan.js';

/**
 * Leads written short, that the document explains in a key: "Responsible officers: HoHR – Head of HR;
 * ODM – Organisational Development Manager", a line each, or a table "HoHR | Head of HR". Such a lead
 * reads "Head of HR (HoHR)": the preview offers the person or role the key names, and the committee paper
 * says who, while the label still shows what the plan wrote. Only a key that explains two of the plan's
 * leads or more counts: one line "HR – …" could be anything.
 */

/** A short form: one or two short words ("HoHR", "L&D", "H&W", "Reward", "AD People"). */
const SHORT = String.raw`[\p{L}\p{N}&/.'’]{1,12}(?: [\p{L}\p{N}&/.'’]{1,12})?`;
/** Between a short form and what it stands for: a dash with spaces, an en or em dash, "=", ":", a cell. */
const BETWEEN = String.raw`(?:\s*[–—=:]\s*|\s+-\s+|\s+\|\s+)`;
const ENTRY = new RegExp(String.raw`^(${SHORT})${BETWEEN}(\S.*)$`, 'u');
/** Where a line holding several entries parts: a semicolon, comma or bar before the next short form. */
const SPLIT = new RegExp(String.raw`\s*[;,|]\s*(?=${SHORT}${BETWEEN})`, 'u');
/** A title before a one-line key: "Responsible officers:", "Key:", "Abbreviations used:". */
const LABEL = new RegExp(String.raw`^[\p{L}][\p{L}' ]{0,40}:\s*(?=${SHORT}${BETWEEN})`, 'u');

const MAX_EXPANSION = 150;
/**
 * What a short form stands for is a name: it starts with a capital ("Head of HR") and is no sentence.
 * "Reward – we will review pay and grading in 2027, with the trade unions." is prose about pay, not a key.
 */
const NAME = /^[\p{Lu}\p{N}][^,;]*$/u;
/**
 * Or a person's name, a comma, and their role: "Jane Smith, Head of HR", "Cllr Priya Patel, Portfolio
 * Holder". The words before the comma are a name (two to four capitalised words, a title first
 * perhaps), so "Reward – We will review the role, with the unions" is still prose.
 */
const NAME_AND_ROLE =
  /^(?:(?:Cllr|Councillor|Dr|Mr|Mrs|Ms|Miss|Prof)\.?\s+)?\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){1,3},\s*\p{Lu}[^,;]*$/u;
const MAX_WORDS = 10;

/** The entries a line gives, short form → what it stands for; none when any part of it is not one. */
function lineEntries(line: string): [string, string][] {
  const parts = line.trim().replace(LABEL, '').split(SPLIT);
  const out: [string, string][] = [];
  for (const part of parts) {
    const m = ENTRY.exec(part.trim());
    if (!m) return [];
    const long = m[2]!.replace(/[.;,]\s*$/, '').trim();
    const words = long.split(/\s+/).length;
    const named = NAME.test(long) || NAME_AND_ROLE.test(long);
    if (long.length > MAX_EXPANSION || long.length <= m[1]!.length || !named || words > MAX_WORDS) return [];
    out.push([m[1]!, long]);
  }
  return out;
}

export interface LeadKey {
  /** What each short lead stands for, by the lead as written. */
  names: Map<string, string>;
  /** The lines that are the key (every entry in them explains a lead), to take out of an action's notes. */
  lines: Set<string>;
}

/**
 * What the key in `lines` (the text kept outside the plan's actions) says the plan's short leads stand
 * for; empty unless it explains two of `leads` or more.
 */
export function readLeadKey(lines: readonly string[], leads: ReadonlySet<string>): LeadKey {
  const key: LeadKey = { names: new Map(), lines: new Set() };
  for (const line of lines) {
    const all = lineEntries(line);
    const entries = all.filter(([short, long]) => leads.has(short) && !leads.has(long));
    if (entries.length === 0) continue;
    for (const [short, long] of entries) if (!key.names.has(short)) key.names.set(short, long);
    if (entries.length === all.length) key.lines.add(line);
  }
  return key.names.size >= 2 ? key : { names: new Map(), lines: new Set() };
}

/** Every lead label of the plan's actions and sub-actions. */
export function leadLabels(themes: readonly ParsedTheme[]): Set<string> {
  const out = new Set<string>();
  for (const t of themes)
    for (const a of t.actions)
      for (const x of [a, ...a.subActions]) for (const l of x.leads) out.add(l.label);
  return out;
}

/**
 * Writes each short lead the key explains as "Head of HR (HoHR)", and takes the key's lines out of the
 * notes of the action they were kept with (a key below the table); the themes are changed in place.
 * Answers the lines taken out.
 */
export function expandLeads(themes: ParsedTheme[], key: LeadKey): Set<string> {
  const taken = new Set<string>();
  if (key.names.size === 0) return taken;
  for (const t of themes)
    for (const a of t.actions)
      for (const x of [a, ...a.subActions]) {
        x.leads = x.leads.map((l) => {
          const long = key.names.get(l.label);
          return long ? { ...l, label: `${long} (${l.label})`.slice(0, 200) } : l;
        });
        const kept = withoutKey(x.unplaced, key.lines);
        for (const line of x.unplaced) if (!kept.includes(line)) taken.add(line);
        x.unplaced = kept;
      }
  return taken;
}

/** A key's own title: "Abbreviations", "Key to lead officers", "Glossary". */
const KEY_TITLE = /^(?=(?:\S+\s+){0,5}\S+$).*\b(key|abbreviations?|acronyms?|glossary)\b/iu;

/** The lines without the key's, and without the key's title on the line before it. */
function withoutKey(lines: readonly string[], keyLines: ReadonlySet<string>): string[] {
  return lines.filter((line, i) => {
    if (keyLines.has(line)) return false;
    const next = lines[i + 1];
    return !(next !== undefined && keyLines.has(next) && KEY_TITLE.test(line.trim()));
  });
}

/** The warnings that said the key's lines were kept as notes, or not placed: they are read now. */
export const keyLineWarning = (lines: Iterable<string>, excerpt: (s: string) => string) => {
  const quoted = [...lines].map((l) => `"${excerpt(l)}"`);
  return (w: { code: string; message: string }) =>
    (w.code === 'orphan-text' || w.code === 'unplaced-text') && quoted.some((q) => w.message.endsWith(q));
};
