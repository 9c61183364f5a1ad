/**
 * Welsh councils publish bilingually: a cell gives its text in Welsh and in English, split by " / " or
 * a line break ("Statws / Status", "Medi 2026 / September 2026", "Pennaeth AD / Head of HR"). It is
 * one value in two languages: read as its English half (one lead, one date, one status), while the text
 * a person reads stays as written.
 */

/**
 * Words found in Welsh and not in English, common in plans: structure words, months, statuses, roles.
 * Mutated forms ("gynllun", "chadw") are listed where plans use them.
 */
const WELSH = new Set(
  [
    // Structure and common words.
    'yn yr ac ar gyda ein eu mae hon wedi heb ddim pob yng ngweithle gweithle ar-lein',
    'cyngor sir cynllun gynllun cynllunio gweithredu cam camau thema nod amcan blaenoriaeth',
    'dyddiad targed arweinydd arweiniol statws cynnydd diweddariad sylwadau cyf cyfeirnod',
    // Roles and teams.
    'pennaeth rheolwr swyddog cyfarwyddwr prif weithredwr tîm adnoddau dynol busnes',
    'gwasanaethau gwasanaeth corfforaethol cymraeg gymraeg iaith safonau dysgu datblygu cyflogau',
    // Workforce themes.
    'recriwtio cadw chadw lles cydraddoldeb amrywiaeth hyfforddiant gweithlu gweithwyr',
    // Verbs actions open with, and their objects.
    'cyflwyno adolygu sicrhau darparu cynnal lleihau hyfforddi asesu gwella cefnogi creu polisi gweithio',
    // Statuses.
    'trywydd perygl oedi cwblhawyd cwblhau parhaus dechrau ddechrau gohiriwyd',
  ]
    .join(' ')
    .split(/\s+/),
);

/** Months and seasons: Welsh only beside a year ("Medi 2026"); alone they are first names too (Haf, Medi, Mai). */
const WELSH_MONTHS = new Set(
  'ionawr chwefror mawrth ebrill mai mehefin gorffennaf awst medi hydref tachwedd rhagfyr gwanwyn haf gaeaf'.split(
    ' ',
  ),
);

const words = (s: string) => s.toLowerCase().match(/[\p{L}'’-]+/gu) ?? [];

/** Share of a text's words that are Welsh (on the list above). */
function welshShare(s: string): number {
  const w = words(s);
  const dated = /\d{4}/.test(s);
  const welsh = (x: string) => WELSH.has(x) || (dated && WELSH_MONTHS.has(x));
  return w.length ? w.filter((x) => welsh(x.replace(/['’].*$/, ''))).length / w.length : 0;
}

/** The two halves of a bilingual cell, if it has exactly two. */
function halves(text: string): [string, string] | undefined {
  const t = text.trim();
  for (const sep of [/\s+\/\s+/, /\s*\n\s*/]) {
    const parts = t.split(sep).filter((p) => p.trim() !== '');
    if (parts.length === 2) return [parts[0]!.trim(), parts[1]!.trim()];
  }
  return undefined;
}

/**
 * The English half of a cell written in Welsh and English, or undefined when the cell is not: one half
 * must read as Welsh (a third or more of its words) and the other not at all.
 */
export function englishHalf(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const h = halves(text);
  if (!h) return undefined;
  const [a, b] = h.map(welshShare) as [number, number];
  if (a >= 1 / 3 && b === 0) return h[1];
  if (b >= 1 / 3 && a === 0) return h[0];
  return undefined;
}

/**
 * The cell as it reads in English: its English half when it is bilingual, else each line's or listed
 * part's ("Pennaeth AD / Head of HR, Rheolwr Cyflogau / Payroll Manager" is two leads, not four), else
 * itself.
 */
export const inEnglish = (text: string): string =>
  englishHalf(text) ??
  text
    .split(/(\s*[\n;,]\s*)/)
    .map((part, i) => (i % 2 === 0 ? (englishHalf(part) ?? part) : part))
    .join('');
