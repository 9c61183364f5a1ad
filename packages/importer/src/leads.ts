import type { Lead, LeadRole } from '@peopleplan/core';
import { ROLE_WORDS } from './layouts/role-words.js';
import { AREA_WORDS, surnameFirst } from './lead-names.js';

/**
 * Role labels with a slash or "and" inside that name one role or team, as councils write them. The
 * directory's labels (passed in as `known`) count the same way. Data, not code: add labels here.
 */
export const KNOWN_ROLE_LABELS: readonly string[] = [
  'HR/OD',
  'OD/HR',
  'HR/OD Manager',
  'Head of HR/OD',
  'HR/Payroll',
  'HR & OD',
  'HR and OD',
  'L&D',
  'Learning and Development',
  'Learning & Development',
  'Health and Safety',
  'Health & Safety',
  'Equality and Diversity',
  'Equality & Diversity',
  'Chief Executive/Head of Paid Service',
];

const KNOWN = new Set(KNOWN_ROLE_LABELS.map((l) => l.toLowerCase()));

const PERSON_ROLE = new Set(
  'officer officers manager managers director directors head heads chief executive lead coordinator co-ordinator advisor adviser partner dean pro-dean nurse secretary assistant deputy principal cllr councillor mayor leader chair holder specialist consultant analyst administrator owner sponsor custodian champion member'.split(
    ' ',
  ),
);
const UNIT = new Set(
  'team teams unit service services department directorate division branch section office committee board group forum panel network partnership cabinet council'.split(
    ' ',
  ),
);
const ACRONYM = /^[A-Z][A-Za-z&-]{0,7}$/;
const NAME = /^(?:[A-Z][a-z'’]+(?:-[A-Z][a-z'’]+)?|[A-Z]\.?|Mc[A-Z][a-z]+)$/;

type LabelType = 'name' | 'initials' | 'role' | 'unit' | 'other';

function typeOf(label: string): LabelType {
  const words = label.trim().split(/\s+/);
  const lower = words.map((w) => w.toLowerCase().replace(/[^a-z&-]/g, ''));
  if (lower.some((w) => PERSON_ROLE.has(w))) return 'role';
  if (lower.some((w) => UNIT.has(w))) return 'unit';
  // "Finance", "Legal Services": an area of the council's work stands for its team.
  if (lower.every((w) => AREA_WORDS.has(w) || w === 'and' || w === '&' || w === '')) return 'unit';
  // "HR & OD" is an area's initials, as "HR" is.
  const initials = words.filter((w) => w !== '&' && w.toLowerCase() !== 'and');
  if (
    initials.every(
      (w) => /^[A-Z][A-Z&-]{0,7}$/.test(w.replace(/[(),.]/g, '')) || /^[A-Z][a-z]?[A-Z]+$/.test(w),
    )
  )
    return 'initials';
  if (words.length >= 2 && words.length <= 3 && words.every((w) => NAME.test(w))) return 'name';
  return ROLE_WORDS.has(lower[0] ?? '') ? 'role' : 'other';
}

const isKnown = (label: string, known: ReadonlySet<string>) => {
  const l = label.trim().toLowerCase();
  return KNOWN.has(l) || known.has(l);
};

/** "HR/OD Manager": an acronym pair qualifying the role after it is one role, not two people. */
function slashJoinsOneRole(left: string, right: string): boolean {
  const r = right.trim().split(/\s+/);
  return (
    ACRONYM.test(left.trim()) &&
    !/\s/.test(left.trim()) &&
    r.length > 1 &&
    ACRONYM.test(r[0]!) &&
    r.slice(1).some((w) => PERSON_ROLE.has(w.toLowerCase()) || UNIT.has(w.toLowerCase()))
  );
}

function splitSlashes(part: string, known: ReadonlySet<string>): string[] {
  if (isKnown(part, known)) return [part];
  const pieces = part.split(/(?<![:/])\/(?!\/)/);
  const out: string[] = [];
  for (const piece of pieces) {
    const prev = out.at(-1);
    const tight = prev !== undefined && !/\s$/.test(prev) && !/^\s/.test(piece);
    if (prev !== undefined && tight && (isKnown(`${prev}/${piece}`, known) || slashJoinsOneRole(prev, piece)))
      out[out.length - 1] = `${prev}/${piece}`;
    else out.push(piece);
  }
  return out.map((p) => p.trim()).filter((p) => p !== '');
}

/**
 * Several people in one list, split on ",", " and ", " & " only when the parts are all of one sort
 * (names, initials, roles or teams): "Angela Woodhouse, Head of Policy" is one person with a title, and
 * "Program Manager, People Services Branch" one role in its branch.
 */
function splitList(p: string, known: ReadonlySet<string>): string[] {
  if (isKnown(p, known)) return [p];
  const names = joinedAcronyms(p.split(/(\s*,\s*|\s+and\s+|\s+&\s+)/))
    .map((n) => n.trim())
    .filter((n) => n !== '');
  if (names.length < 2) return [p];
  if (names.every((n) => isKnown(n, known))) return names;
  // "All Directors and Heads of", "HR & Communications teams": one group, the words shared.
  if (/^all\b/i.test(p) || names.some((n) => /\b(?:of|for|to|the|and)$/i.test(n))) return [p];
  const types = names.map(typeOf);
  // "HR & Communications teams" shares its last word; "Head of Regulatory Services" is a role of its own.
  if (
    /\b(?:teams|services|departments|units|managers|officers)$/i.test(names.at(-1)!) &&
    names.length === 2 &&
    !(types[0] === 'role' && types[1] === 'role')
  )
    return [p];
  if (types.includes('other')) return [p];
  const kinds = new Set(types);
  if (kinds.size === 1) return names;
  // A person followed by their role or team, or a role followed by its team or its areas ("Assistant
  // Director, HR & OD"; "Director AS, AO" names two), is one lead. So is a role over two areas joined by
  // "&" or "and": "Head of Waste & Street Scene" (the second area reads like a name, not a person's).
  const overAreas =
    types[0] === 'role' && /\s(?:of|for)\s/i.test(names[0]!) && types[1] === 'name' && !/,/.test(p);
  if (
    names.length === 2 &&
    (types[0] === 'name' ||
      overAreas ||
      (types[0] === 'role' &&
        (types[1] === 'unit' || (types[1] === 'initials' && /\s(?:&|and)\s/.test(names[1]!)))))
  )
    return [p];
  return kinds.has('initials') || kinds.size <= 2 ? names : [p];
}

/**
 * Parts of a list (with their separators between) where "and" or "&" joins two acronyms into one area,
 * "Head of HR & OD", "HR and OD", or areas before the role they qualify, "HR Systems & Insight
 * Manager": those stay one part.
 */
function joinedAcronyms(pieces: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < pieces.length; i += 2) {
    const piece = pieces[i]!;
    const sep = pieces[i - 1];
    const prev = out.at(-1);
    const words = prev?.trim().split(/\s+/) ?? [];
    // Only areas' initials ("Head of HR & OD", "Assistant Director, HR & OD"): two people's initials
    // ("JS & TH") or two roles ("Head of HR & CEO") are two leads.
    const joins =
      sep &&
      /and|&/.test(sep) &&
      (((words.length > 1 || out.length > 1) &&
        ACRONYM_WORD.test(piece.trim()) &&
        ACRONYM_WORD.test(words.at(-1)!)) ||
        areasOfOneRole(words, piece));
    if (joins) out[out.length - 1] = `${prev}${sep}${piece}`;
    else out.push(piece);
  }
  return out;
}

/**
 * "HR Systems & Insight Manager", "HR & Payroll Manager", "OD & Wellbeing Team": the words before the
 * "&" name an area (no role, team or person of their own: not "Head of HR", "Jane Smith" or a person's
 * initials, "JS"), and those after it end in the role or team both qualify. One job title, one lead.
 */
function areasOfOneRole(before: string[], after: string): boolean {
  const next = after.trim().split(/\s+/);
  const last = next.at(-1)!.toLowerCase();
  if (next.length < 2 || before.length === 0 || !(PERSON_ROLE.has(last) || UNIT.has(last))) return false;
  const lower = before.map((w) => w.toLowerCase());
  if (lower.some((w) => PERSON_ROLE.has(w) || UNIT.has(w))) return false;
  if (before.length >= 2 && before.length <= 3 && before.every((w) => NAME.test(w))) return false;
  // Capitals alone are an area's initials only when councils use them so ("HR", "ICT"), not a person's.
  return before.every((w) => !/^[A-Z]{2,}$/.test(w) || ACRONYM_WORD.test(w)) && /^[A-Z]/.test(before[0]!);
}

/** Areas of work councils name by their initials: "HR & OD", "ICT and Digital" is not one. */
const ACRONYM_WORD = /^(?:HR|OD|ICT|IT|L&D|EDI|H&S|HSE|OH|ER|IR|DSE|HRD|HRBP|CX|PR)$/;

/**
 * Splits a "who" cell into labels without inventing any: on line breaks, ";" and "/" (except inside one role,
 * "HR/OD Manager", or a label the directory knows), after a closing bracket that is followed by another
 * label ("GM (HR) GM (OD)"), and on ",", " and ", " & " when the parts are all names, initials, roles or
 * teams. Anything else stays one label, exactly as written.
 */
/** "Head of HR; Occupational Health": two leads; "Head of Service (Adults; Children)" stays one. */
function splitSemicolons(p: string, known: ReadonlySet<string>): string[] {
  if (!p.includes(';') || isKnown(p, known)) return [p];
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < p.length; i++) {
    const ch = p[i];
    if (ch === '(' || ch === '[') depth++;
    else if ((ch === ')' || ch === ']') && depth > 0) depth--;
    else if (ch === ';' && depth === 0) {
      out.push(p.slice(start, i));
      start = i + 1;
    }
  }
  out.push(p.slice(start));
  return out;
}

export function splitLeadLabels(cell: string, known: ReadonlySet<string> = new Set()): string[] {
  const parts = cell
    .split('\n')
    .flatMap((p) => splitSemicolons(p, known))
    .flatMap((p) => splitSlashes(p, known))
    .flatMap((p) => p.split(/(?<=\))\s+(?=[A-Z])/))
    .map((p) => p.trim().replace(/^[-–]\s+/, ''))
    .filter((p) => p !== '' && p !== '-' && p !== '–');
  return parts.flatMap((p) => {
    const name = isKnown(p, known) ? undefined : surnameFirst(p);
    return name ? [name] : splitList(p, known);
  });
}

export function parseLeads(cell: string | undefined, role: LeadRole, known?: ReadonlySet<string>): Lead[] {
  if (!cell) return [];
  return splitLeadLabels(cell, known).map((label) => ({ role, label: label.slice(0, 200) }));
}
