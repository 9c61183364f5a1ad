import { ROLE_WORDS } from './layouts/role-words.js';

/**
 * Areas of a council's work that leads cells name on their own ("Finance, Legal", "HR, Payroll"): a
 * list of such areas is several teams, never one person's "Surname, Forename". Data, not code: add
 * words here.
 */
export const AREA_WORDS: ReadonlySet<string> = new Set(
  [
    'finance legal procurement payroll pensions pension communications comms marketing audit estates',
    'property facilities housing planning highways transport waste revenues benefits customer customers',
    'digital ict it policy performance governance democratic elections recruitment resourcing training',
    'learning development wellbeing well-being safeguarding transformation strategy insight equalities',
    'equality diversity inclusion edi health safety people workforce organisational change projects',
    'programmes regeneration environment education schools adults children libraries leisure culture',
    'parks licensing unions union staff employees managers all everyone corporate operations business',
    'data analytics systems research quality compliance risk contracts commissioning design engineering',
    'fleet catering cleaning security reception admin administration support public',
  ]
    .join(' ')
    .split(' '),
);

/** A surname as written: "Price", "O’Neill", "Turner-Robinson", "McDonald", or in capitals, "SMITH". */
const SURNAME =
  /^(?:\p{Lu}[\p{Ll}'’]+(?:-\p{Lu}[\p{Ll}'’]+)?|Mc\p{Lu}\p{Ll}+|O['’]\p{Lu}\p{Ll}+|\p{Lu}{2,}(?:-\p{Lu}{2,})?)$/u;
/** Particles a surname may start with: "van der Berg", "De Souza". */
const PARTICLE = /^(?:van|von|der|de|da|di|du|le|la|st\.?)$/i;
/** A forename, and an initial or second name after it: "Helen", "Helen M.", "Mary Ann". */
const FORENAME = /^\p{Lu}\p{Ll}[\p{Ll}'’]*(?:-\p{Lu}\p{Ll}+)?$/u;
const INITIAL = /^\p{Lu}\.?$/u;

const isWordOfWork = (w: string) => {
  const l = w.toLowerCase().replace(/[.,]/g, '');
  return ROLE_WORDS.has(l) || AREA_WORDS.has(l);
};

/**
 * "Price, Helen" and "SMITH, John" as "Helen Price" and "John Smith": one person's name written surname
 * first, as trackers and HR systems export it. Only when the cell is exactly one surname (capitals read
 * as a name, not an area's initials, so with a vowel and no role or area word), a comma, and a forename
 * in ordinary case (an initial or second forename may follow); "HR, OD", "Finance, Legal" and "Head of
 * HR, Chief Exec" name teams or roles and are left to the list rule. Undefined when the label is not so.
 */
export function surnameFirst(label: string): string | undefined {
  const m = /^([^,()]+),\s*([^,()]+?)\s*(\([^()]*\))?$/u.exec(label.trim());
  if (!m) return undefined;
  const sur = m[1]!.trim().split(/\s+/);
  const fore = m[2]!.trim().split(/\s+/);
  if (sur.length > 3 || fore.length > 3 || [...sur, ...fore].some(isWordOfWork)) return undefined;
  const surname = sur.filter((w) => !PARTICLE.test(w));
  if (surname.length !== 1 || !sur.slice(0, -1).every((w) => PARTICLE.test(w))) return undefined;
  const last = surname[0]!;
  if (!SURNAME.test(last) || (/^\p{Lu}+$/u.test(last) && !/[AEIOUY]/.test(last))) return undefined;
  if (!FORENAME.test(fore[0]!) || !fore.slice(1).every((w) => FORENAME.test(w) || INITIAL.test(w)))
    return undefined;
  const cased = (w: string) =>
    /^\p{Lu}{2,}(?:-\p{Lu}{2,})?$/u.test(w)
      ? w.toLowerCase().replace(/(^|-)\p{Ll}/gu, (c) => c.toUpperCase())
      : w;
  const name = `${fore.join(' ')} ${sur.map(cased).join(' ')}`;
  return m[3] ? `${name} ${m[3]}` : name;
}
