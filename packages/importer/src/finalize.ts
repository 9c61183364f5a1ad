import {
  MAX_SECTION_CHARS,
  MAX_SECTIONS,
  PLAN_KIND_NAMES,
  type PlanKind,
  type Timescale,
} from '@peopleplan/core';
import type { ActionDraft, Drafts, ThemeDraft } from './build-plan.js';
import { excerpt } from './cells.js';
import { numericDateOrder } from './date-order.js';
import { ImportError } from './errors.js';
import { toThemes } from './finalize/actions.js';
import { coverageWarnings } from './finalize/coverage.js';
import { resolveCrossRefs } from './finalize/cross-refs.js';
import { toIndicator } from './finalize/indicators.js';
import { detectKind } from './finalize/kind.js';
import { expandLeads, keyLineWarning, leadLabels, readLeadKey } from './finalize/lead-key.js';
import { continuity, decisions, dependencies, keyMilestones, risks } from './finalize/tables.js';
import { councilThemeNoun } from './finalize/theme-noun.js';
import { readCover, readMeta } from './finalize/title.js';
import type { Candidate } from './match.js';
import type { ImportWarning, ParsedPlan, SourceFormat } from './parsed-plan.js';
import { findPeriod, type PlanPeriod } from './period.js';
import type { ParseTimescale } from './timescale-adapter.js';

export interface FinalizeOptions {
  format: SourceFormat;
  filename?: string;
  kindHint?: PlanKind;
  parseTimescale: ParseTimescale;
  /** The plan's start as the person gave it (`YYYY-MM-DD`): what "within 6 months" counts from. */
  planStart?: string;
  /** Lead labels that are one person or role ("HR/OD Manager"), from the directory. */
  knownLeads?: ReadonlySet<string>;
  /** All the document's text, to tell how much of it was placed, and the lines it spans ("lines 1–40"). */
  source: { text: string; lines: string };
}

type PlanSection = ParsedPlan['sections'][number];

/**
 * A section longer than a plan's section holds is kept whole, as parts ("Cover (part 2)"), split at the
 * last line break that fits; a document with more text outside its tables than a plan keeps is refused.
 */
export function withinSectionLimits(sections: PlanSection[]): PlanSection[] {
  const out: PlanSection[] = [];
  for (const s of sections) {
    let rest = s.body;
    for (let part = 1; ; part++) {
      let cut = rest.length;
      if (cut > MAX_SECTION_CHARS) {
        const lineEnd = rest.lastIndexOf('\n', MAX_SECTION_CHARS);
        cut = lineEnd > 0 ? lineEnd : MAX_SECTION_CHARS;
      }
      out.push(
        part === 1
          ? { ...s, body: rest.slice(0, cut) }
          : {
              key: `${s.key}-${part}`.slice(0, 60),
              title: `${s.title} (part ${part})`.slice(0, 300),
              body: rest.slice(0, cut),
            },
      );
      rest = rest.slice(cut).replace(/^\n/, '');
      if (!rest) break;
    }
  }
  const packed = out.length > MAX_SECTIONS ? packSections(out) : out;
  if (packed.length > MAX_SECTIONS) {
    const chars = sections.reduce((n, s) => n + s.body.length, 0);
    throw new ImportError(
      'too-large',
      `This document has ${chars.toLocaleString('en-GB')} characters of text outside its tables, more than a plan keeps ` +
        `(${MAX_SECTIONS} sections of ${MAX_SECTION_CHARS.toLocaleString('en-GB')}). Import the part with the plan's actions.`,
    );
  }
  return packed;
}

/**
 * More sections than a plan has room for, but short ones (a document with many headings): neighbours
 * share a section, each keeping its heading as its first line, as long as the text fits.
 */
function packSections(sections: PlanSection[]): PlanSection[] {
  const out: PlanSection[] = [];
  for (const s of sections) {
    const last = out.at(-1);
    const text = `${s.title}\n${s.body}`;
    if (last && last.body.length + 1 + text.length <= MAX_SECTION_CHARS) {
      last.body = `${last.body}\n${text}`;
      last.title = `${last.title.replace(/ and more$/, '')} and more`.slice(0, 300);
    } else out.push({ ...s });
  }
  return out;
}

/**
 * The plan's period with the start the person gave at import ("The plan starts on"): their date wins
 * over one read from the title, and is kept on the plan, not only used to read "within 6 months".
 */
function startingOn(period: PlanPeriod | undefined, planStart: string | undefined): PlanPeriod | undefined {
  if (!planStart) return period;
  // A start after the period read ends means the title's years were not this plan's span.
  const kept = period?.end && period.end > planStart ? period : undefined;
  return { ...kept, start: planStart };
}

/** Turns drafts into the ParsedPlan the preview shows: titles, kinds, dates and leads read. */
export function finalize(d: Drafts, o: FinalizeOptions): ParsedPlan {
  const warnings = [...d.warnings];
  const warn = (code: string, message: string, where: string) => warnings.push({ code, message, where });

  const cover = readCover(d.preamble, o.filename);
  warnings.push(...cover.warnings);
  const title = cover.title;
  const period = startingOn(findPeriod([title, ...cover.rest]), o.planStart);
  const sections = withinSectionLimits([
    ...(cover.rest.length > 0 ? [{ key: 'cover', title: 'Cover', body: cover.rest.join('\n') }] : []),
    ...d.sections.map((s) => ({ key: s.key, title: s.title, body: s.lines.join('\n') })),
  ]);
  const meta = readMeta([...d.preamble.map((p) => p.text), ...d.sections.flatMap((s) => s.lines)]);

  const kind = detectKind(d, title, o.kindHint);
  if (!kind.confident)
    warn(
      'kind-guessed',
      `The document does not say what kind of plan it is: it was read as a ${PLAN_KIND_NAMES[kind.kind].toLowerCase()}. Choose the kind above if that is wrong.`,
      'plan',
    );

  const anchor = o.planStart ?? period?.start;
  const order = numericDateOrder(datesWritten(d.themes));
  if (order.monthFirst)
    warn(
      'month-first-dates',
      `Dates such as "${order.example}" show this file writes dates month first, as US software exports them: all its dates were read that way (check one or two).`,
      'plan',
    );
  const tsOpts = {
    ...(period ? { period: { start: period.start, end: period.end } } : {}),
    ...(anchor ? { anchor } : {}),
    ...(order.monthFirst ? { monthFirst: true } : {}),
  };
  const ts = (text: string): Timescale => o.parseTimescale(text, tsOpts);

  const themes = toThemes(d.themes, { ts, warn, known: o.knownLeads ?? new Set() });
  const all = themes.flatMap((t) => t.actions.flatMap((a) => [a, ...a.subActions]));
  const leadKey = readLeadKey(
    [
      ...d.preamble.map((p) => p.text),
      ...d.sections.flatMap((s) => s.lines),
      ...d.unplaced,
      ...all.flatMap((a) => a.unplaced),
    ],
    leadLabels(themes),
  );
  if (leadKey.names.size > 0) {
    const taken = expandLeads(themes, leadKey);
    const read = keyLineWarning([...leadKey.lines, ...taken], excerpt);
    warnings.splice(0, warnings.length, ...warnings.filter((w) => !read(w)));
    const said = [...leadKey.names].map(([short, long]) => `${short} is "${long}"`);
    warn(
      'lead-key',
      `Leads written short were read by the document's key: ${said.slice(0, 3).join(', ')}${said.length > 3 ? ` and ${said.length - 3} more` : ''}. Each keeps its short form in brackets.`,
      'plan',
    );
  }
  const candidates: Candidate[] = all.map((a) => ({ ref: a.ref, title: a.title }));
  resolveCrossRefs(themes, all, candidates, warn);

  const themeNoun = councilThemeNoun(themes);
  const plan: Omit<ParsedPlan, 'warnings'> = {
    format: o.format,
    kind: kind.kind,
    ...(themeNoun ? { themeNoun } : {}),
    title,
    ...(period ? { period } : {}),
    ...meta,
    sections,
    themes,
    milestones: keyMilestones(d, all, ts, warn),
    risks: risks(d),
    indicators: d.tables.indicators.filter((r) => r.fields.title).map((r) => toIndicator(r, period)),
    continuity: continuity(d),
    decisions: decisions(d, ts),
    dependencies: dependencies(d, candidates, ts),
    unplaced: d.unplaced,
    mapping: { tables: d.mappings, headings: d.headings },
  };
  const inCover = d.preamble.filter((p) => cover.rest.includes(p.text));
  const coverLines = inCover.filter((p) => !p.detail).map((p) => p.where);
  const coverDetails = inCover.filter((p) => p.detail).map((p) => p.text);
  const coverage = coverageWarnings(
    plan,
    { ...o.source, coverLines: lineRanges(coverLines), coverDetails },
    warnings,
  );
  return { ...plan, warnings: [...coverage, ...groupLineWarnings(warnings)] };
}

/** Codes warned once a line that read better as one warning over a run of lines. */
const PER_LINE = new Set(['orphan-text', 'unplaced-text', 'page-furniture']);

/**
 * "Text outside the table kept with the action above" for each of 80 lines of a page is one warning
 * naming the lines, with the first line's text as its example.
 */
function groupLineWarnings(warnings: ImportWarning[]): ImportWarning[] {
  const out: ImportWarning[] = [];
  let run: { w: ImportWarning; from: number; to: number; n: number } | undefined;
  const flush = () => {
    if (!run) return;
    // Outside the table, or the list of actions in a document with none (build/action-rows.ts).
    const outside = /^Text outside (the list of actions) /.exec(run.w.message)?.[1] ?? 'the table';
    if (run.n === 1) out.push(run.w);
    // A web page's footer links after the table: one warning, not one a link.
    else if (run.w.code === 'page-furniture')
      out.push({
        ...run.w,
        message: `${run.n} lines (${run.from}–${run.to}) were a page's own words, left out of the actions; the first: ${/"[\s\S]*"$/.exec(run.w.message)?.[0] ?? run.w.message}`,
        where: `lines ${run.from}–${run.to}`,
      });
    else
      out.push({
        ...run.w,
        message: `${run.n} lines (${run.from}–${run.to}) were kept as text outside ${outside}; the first: ${run.w.message}`,
        where: `lines ${run.from}–${run.to}`,
      });
    run = undefined;
  };
  for (const w of warnings) {
    const line = Number(/^line (\d+)$/.exec(w.where)?.[1]);
    if (PER_LINE.has(w.code) && line && run && run.w.code === w.code && line - run.to <= 3) {
      run.to = line;
      run.n++;
      continue;
    }
    flush();
    if (PER_LINE.has(w.code) && line) run = { w, from: line, to: line, n: 1 };
    else out.push(w);
  }
  flush();
  return out;
}

/** "line 3", "line 4", "line 5", "line 9" → "lines 3–5", "line 9". */
function lineRanges(wheres: string[]): string[] {
  const nums = wheres.map((w) => Number(/^line (\d+)$/.exec(w)?.[1])).filter((n) => n > 0);
  const out: string[] = [];
  for (let i = 0; i < nums.length; ) {
    let j = i;
    while (j + 1 < nums.length && nums[j + 1]! - nums[j]! <= 3) j++;
    out.push(i === j ? `line ${nums[i]}` : `lines ${nums[i]}–${nums[j]}`);
    i = j + 1;
  }
  return out;
}

/** Every date an action's cells give (start, deadline, milestones), sub-actions too. */
function* datesWritten(themes: ThemeDraft[]): Generator<string | undefined> {
  const walk = function* (a: ActionDraft): Generator<string | undefined> {
    yield a.fields.start;
    yield a.fields.due;
    yield a.fields.milestones;
    for (const m of a.milestones ?? []) yield m.due;
    for (const s of a.subActions) yield* walk(s);
  };
  for (const t of themes) for (const a of t.actions) yield* walk(a);
}
