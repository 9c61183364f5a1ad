import type { Lead, PlanKind, Status, Timescale } from '@peopleplan/core';
import type { ActionDraft, Drafts, RowDraft, ThemeDraft } from './build-plan.js';
import { excerpt } from './cells.js';
import { parseLeads } from './leads.js';
import { bestMatch, type Candidate, sharedWords, tokens } from './match.js';
import type {
  ParsedAction,
  ParsedActionMilestone,
  ParsedCrossRef,
  ParsedDependency,
  ParsedIndicator,
  ParsedPlan,
  ParsedTheme,
  SourceFormat,
} from './parsed-plan.js';
import { findPeriod, type PlanPeriod } from './period.js';
import { LEAD_FIELD_ROLES, TITLE_KIND_CUES } from './synonyms.js';
import { financialYear, type ParseTimescale } from './timescale-adapter.js';
import { splitYearActions } from './years.js';

export interface FinalizeOptions {
  format: SourceFormat;
  filename?: string;
  kindHint?: PlanKind;
  parseTimescale: ParseTimescale;
}

const TITLE_MAX = 500;
const META_LINES: { re: RegExp; field: 'directorate' | 'division' | 'ownerLabel' }[] = [
  { re: /^directorate(?:\s+name)?\s*:\s*(.+)$/i, field: 'directorate' },
  {
    re: /^(?:division|business\s+unit|division\/business\s+unit)(?:\s+name)?\s*:\s*(.+)$/i,
    field: 'division',
  },
  { re: /^(?:responsible\s+(?:corporate\s+)?director|plan\s+owner|owner)\s*:\s*(.+)$/i, field: 'ownerLabel' },
];
/** Cover lines that are not the plan's title: committee agenda items and dates. */
const NOT_TITLE = /^(?:item\s+\S+|.*\bcommittee\b.*\d{4}|\.+.*|\d{4}\s*[-–—]\s*\d{2,4}|action\s+plan)$/i;

export function finalize(d: Drafts, o: FinalizeOptions): ParsedPlan {
  const warnings = [...d.warnings];
  const warn = (code: string, message: string, where: string) => warnings.push({ code, message, where });

  // Title and cover: an explicit label ("Service area under review") wins, else the first real line.
  const cover = [...d.preamble];
  let titleIndex = cover.findIndex(
    (_l, i) => i > 0 && /^service\s+area\s+under\s+review:?$/i.test(cover[i - 1]!),
  );
  if (titleIndex < 0) titleIndex = cover.findIndex((l) => !NOT_TITLE.test(l) && !/:/.test(l.slice(0, 40)));
  const title =
    (titleIndex >= 0 ? cover.splice(titleIndex, 1)[0] : undefined) ??
    o.filename?.replace(/\.[^.]+$/, '') ??
    'Imported plan';
  const period = findPeriod([title, ...cover]);
  const sections = d.sections.map((s) => ({ key: s.key, title: s.title, body: s.lines.join('\n') }));
  if (cover.length > 0) sections.unshift({ key: 'cover', title: 'Cover', body: cover.join('\n') });

  const meta: Partial<Record<'directorate' | 'division' | 'ownerLabel', string>> = {};
  for (const line of [...d.preamble, ...d.sections.flatMap((s) => s.lines)]) {
    for (const m of META_LINES) {
      const hit = m.re.exec(line);
      if (hit && !meta[m.field]) meta[m.field] = hit[1]!.trim();
    }
  }

  const kind = detectKind(d, title, o.kindHint);
  if (!kind.confident)
    warn('kind-guessed', `Plan kind not clear from the headers: read as ${kind.kind}.`, 'plan');

  const tsOpts = period ? { period: { start: period.start, end: period.end }, anchor: period.start } : {};
  const ts = (text: string): Timescale => o.parseTimescale(text, tsOpts);

  // Actions: generated refs number top-level actions through the plan, sub-actions under them.
  let seq = 0;
  const taken = new Set<string>();
  for (const t of d.themes) for (const a of t.actions) if (a.ref) taken.add(a.ref);
  const toAction = (a: ActionDraft, parentRef: string | undefined, n: number): ParsedAction => {
    let ref = a.ref;
    let generatedRef = false;
    if (!ref) {
      generatedRef = true;
      if (parentRef) ref = `${parentRef}.${n}`;
      else {
        do ref = String(++seq);
        while (taken.has(ref));
      }
    }
    const f = a.fields;
    const unplaced = [...a.unplaced];
    let title = f.title?.trim() ?? '';
    let description = a.description;
    if (!title) {
      title = '(untitled)';
      warn('no-title', 'An action has no title.', a.where);
    }
    if (title.length > TITLE_MAX) {
      const cut = title.lastIndexOf(' ', TITLE_MAX - 1);
      description = [title.slice(cut + 1), description].filter(Boolean).join('\n');
      title = `${title.slice(0, cut)}…`;
      warn(
        'long-title',
        `Title over ${TITLE_MAX} characters: the rest is kept in the description.`,
        `action ${ref}`,
      );
    }
    const leads: Lead[] = Object.entries(LEAD_FIELD_ROLES).flatMap(([field, role]) =>
      parseLeads(f[field as keyof typeof LEAD_FIELD_ROLES], role),
    );
    const milestones: ParsedActionMilestone[] = [];
    if (f.yearActions) {
      for (const chunk of splitYearActions(f.yearActions)) {
        if (!chunk.year) {
          unplaced.push(chunk.text);
          warn('no-year', `Text before the first year kept aside: "${excerpt(chunk.text)}"`, `action ${ref}`);
        } else if (!chunk.text) {
          unplaced.push(chunk.written ?? chunk.year);
          warn('empty-year', `Year ${chunk.year} has no action written against it.`, `action ${ref}`);
        } else {
          let mref = chunk.year;
          for (let k = 2; milestones.some((m) => m.ref === mref); k++) mref = `${chunk.year}#${k}`;
          const due = ts(chunk.year);
          milestones.push({
            ref: mref,
            title: chunk.text,
            due: { ...due, text: chunk.written ?? chunk.year },
          });
        }
      }
    }
    const start = f.start ? ts(f.start) : undefined;
    const due = f.due ? ts(f.due) : undefined;
    let status: Status | undefined = a.status ?? readStatus(f.status);
    if (!status && due?.kind === 'completed') status = 'completed';
    if (!status && due?.kind === 'ongoing') status = 'ongoing';
    const out: ParsedAction = {
      ref: ref!,
      generatedRef,
      title,
      ...(description ? { description } : {}),
      ...(f.outcome ? { outcome: f.outcome } : {}),
      ...(f.currentPosition ? { currentPosition: f.currentPosition } : {}),
      ...(f.constraints ? { constraints: f.constraints } : {}),
      ...(f.measureOfSuccess ? { measureOfSuccess: f.measureOfSuccess } : {}),
      leads,
      ...(start ? { start } : {}),
      ...(due ? { due } : {}),
      ...(status ? { status } : {}),
      ...(f.progress ? { progress: f.progress } : {}),
      ...(f.status && !readStatus(f.status)
        ? { progress: [f.progress, f.status].filter(Boolean).join('\n') }
        : {}),
      crossRefs: [],
      subActions: [],
      milestones,
      unplaced,
    };
    out.subActions = a.subActions.map((s, i) => toAction(s, ref, i + 1));
    return out;
  };

  const themes: ParsedTheme[] = d.themes.map((t: ThemeDraft) => ({
    ref: t.ref,
    title: t.title || t.label || `Theme ${t.ref}`,
    ...(t.label ? { label: t.label } : {}),
    ...(t.description ? { description: t.description } : {}),
    actions: t.actions.map((a, i) => toAction(a, undefined, i + 1)),
  }));

  const all = themes.flatMap((t) => t.actions.flatMap((a) => [a, ...a.subActions]));
  const candidates: Candidate[] = all.map((a) => ({ ref: a.ref, title: a.title }));
  resolveCrossRefs(themes, all, candidates, warn);

  const milestones = d.tables.milestones.map((r, i) => {
    const titleText = r.fields.title ?? '';
    const cited = [...titleText.matchAll(/\(([^)]*)\)/g)].flatMap((m) =>
      /^[\d.,\s&and]+$/.test(m[1]!) ? (m[1]!.match(/\d+(?:\.\d+)*/g) ?? []) : [],
    );
    for (const ref of cited) {
      if (!all.some((a) => a.ref === ref))
        warn('unknown-ref', `Milestone cites action ${ref}, not in the plan.`, r.where);
    }
    if (cited.length === 0) warn('milestone-without-action', `Key milestone cites no action.`, r.where);
    return {
      ref: r.fields.ref ?? String.fromCharCode(65 + (i % 26)),
      ...(r.themeRef ? { themeRef: r.themeRef } : {}),
      title: titleText || '(untitled)',
      due: ts(r.fields.due ?? ''),
      actionRefs: cited,
    };
  });

  const risks = d.tables.risks
    .filter((r) => r.fields.title)
    .map((r) => ({
      description: r.fields.title!,
      ...(r.fields.mitigation ? { mitigation: r.fields.mitigation } : {}),
      ...(r.fields.likelihood ? { likelihood: r.fields.likelihood } : {}),
      ...(r.fields.impact ? { impact: r.fields.impact } : {}),
      ...(r.fields.owner ? { ownerLabel: r.fields.owner } : {}),
    }));
  const continuity = d.tables.continuity
    .filter((r) => r.fields.title)
    .map((r) => ({
      name: r.fields.title!,
      ...(r.fields.timescale ? { timescale: r.fields.timescale } : {}),
      ...(r.fields.minimumServiceLevel ? { minimumServiceLevel: r.fields.minimumServiceLevel } : {}),
    }));
  const decisions = d.tables.decisions.flatMap((r) => {
    const t = r.fields.title;
    if (!t || /^(?:n\/?a|none|nil|no|-)$/i.test(t)) return [];
    return [
      {
        ...(r.fields.ref ? { ref: r.fields.ref } : {}),
        ...(r.themeRef ? { themeRef: r.themeRef } : {}),
        title: t,
        ...(r.fields.decisionMaker ? { decisionMaker: r.fields.decisionMaker } : {}),
        ...(r.fields.due ? { due: ts(r.fields.due) } : {}),
        ...(r.fields.forwardPlan ? { inForwardPlan: r.fields.forwardPlan } : {}),
      },
    ];
  });
  const dependencies: ParsedDependency[] = d.tables.dependencies
    .filter((r) => r.fields.title)
    .map((r) => {
      // Activities are named loosely: link only a close match, a wrong link is worse than none.
      const hit = bestMatch(r.fields.title!, candidates, { strict: true });
      return {
        fromUnit: r.fields.fromUnit ?? '',
        description: r.fields.title!,
        actionRefs: hit ? [hit.ref] : [],
        ...(r.fields.due ? { expected: ts(r.fields.due) } : {}),
      };
    });
  const indicators = d.tables.indicators.filter((r) => r.fields.title).map((r) => toIndicator(r, period));

  return {
    format: o.format,
    kind: kind.kind,
    title,
    ...(period ? { period } : {}),
    ...meta,
    sections,
    themes,
    milestones,
    risks,
    indicators,
    continuity,
    decisions,
    dependencies,
    unplaced: d.unplaced,
    mapping: { tables: d.mappings, headings: d.headings },
    warnings,
  };
}

/** A status column's text when it is one of the status words ("Completed", "On track", "Red" is not). */
function readStatus(text: string | undefined): Status | undefined {
  const t = text
    ?.trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-')
    .replace(/\.$/, '');
  const known: Record<string, Status> = {
    'not-started': 'not-started',
    'on-track': 'on-track',
    'at-risk': 'at-risk',
    'off-track': 'off-track',
    completed: 'completed',
    complete: 'completed',
    deferred: 'deferred',
    cancelled: 'cancelled',
    ongoing: 'ongoing',
    'on-going': 'ongoing',
  };
  return t ? known[t] : undefined;
}

function detectKind(d: Drafts, title: string, hint?: PlanKind): { kind: PlanKind; confident: boolean } {
  if (hint) return { kind: hint, confident: true };
  const score = new Map<PlanKind, number>();
  const add = (k: PlanKind, n: number) => score.set(k, (score.get(k) ?? 0) + n);
  for (const k of d.kindCues) add(k, 1);
  for (const line of [title, ...d.preamble.slice(0, 5)]) {
    for (const c of TITLE_KIND_CUES) if (c.re.test(line)) add(c.kind, 3);
  }
  const best = [...score.entries()].sort((a, b) => b[1] - a[1])[0];
  if (!best) return { kind: 'business-plan', confident: false };
  return { kind: best[0], confident: true };
}

const CROSS_REF_WHOLE = /^\(?\s*(?:see|as\s+for|as\s+per|refer\s+to)\b/i;
const CROSS_REF_INNER = /\((?:see(?:\s+also)?|as\s+for)\b([^)]*)\)/gi;

/** "See Diversity", "(As for bringing values to life)", "(see also Priority 5 – Action 6)". */
function resolveCrossRefs(
  themes: ParsedTheme[],
  all: ParsedAction[],
  candidates: Candidate[],
  warn: (code: string, message: string, where: string) => void,
) {
  for (const theme of themes) {
    for (const action of theme.actions.flatMap((a) => [a, ...a.subActions])) {
      const texts = [action.title, action.outcome, action.currentPosition, action.description].filter(
        (x): x is string => !!x,
      );
      const refs: ParsedCrossRef[] = [];
      for (const text of texts) {
        // An aside like "(see above)" inside a longer text names nothing to link to.
        const cites = CROSS_REF_WHOLE.test(text)
          ? [text]
          : [...text.matchAll(CROSS_REF_INNER)].filter((m) => tokens(m[1]!).length > 0).map((m) => m[0]);
        for (const cite of cites) {
          const found = resolveOne(cite, action, themes, all, candidates);
          if (found.length === 0) {
            refs.push({ text: cite });
            warn(
              'unresolved-cross-ref',
              `Cross-reference not matched to an action: "${excerpt(cite)}"`,
              `action ${action.ref}`,
            );
          } else refs.push(...found.map((f) => ({ text: cite, ...f })));
        }
      }
      action.crossRefs = refs;
    }
  }
}

function resolveOne(
  cite: string,
  self: ParsedAction,
  themes: ParsedTheme[],
  all: ParsedAction[],
  candidates: Candidate[],
): { targetRef?: string; targetThemeRef?: string }[] {
  const explicitAction = /\baction\s+(\d+(?:\.\d+)*)/i.exec(cite)?.[1];
  const explicitTheme = /\b(?:priority|theme|heading)\s+(\d+)/i.exec(cite)?.[1];
  if (explicitAction || explicitTheme) {
    const out: { targetRef?: string; targetThemeRef?: string } = {};
    if (explicitAction && all.some((a) => a.ref === explicitAction)) out.targetRef = explicitAction;
    if (explicitTheme && themes.some((t) => t.ref === explicitTheme)) out.targetThemeRef = explicitTheme;
    return Object.keys(out).length > 0 ? [out] : [];
  }
  const others = candidates.filter((c) => c.ref !== self.ref);
  const parts = cite
    .replace(/^\(?\s*(?:see(?:\s+also)?|as\s+for|as\s+per|refer\s+to)\b/i, '')
    .split(/\((?:above|below)\)|;|\band\s+(?=see\b)/i)
    .map((p) =>
      p
        .replace(/^\s*(?:and|,)\s+/i, '')
        .replace(/\)\s*$/, '')
        .trim(),
    )
    .filter((p) => tokens(p).length > 0);
  const out: { targetRef?: string; targetThemeRef?: string }[] = [];
  for (const part of parts) {
    const hit = bestMatch(part, others);
    if (hit) {
      if (!out.some((o) => o.targetRef === hit.ref)) out.push({ targetRef: hit.ref });
      continue;
    }
    // "See Diversity": a theme; point at its action closest to this one.
    const words = tokens(part);
    const theme = themes.find((t) => {
      const tt = new Set(tokens(t.title));
      return words.every((w) => tt.has(w));
    });
    if (theme) {
      const ranked = theme.actions
        .filter((a) => a.ref !== self.ref)
        .map((a) => ({ a, n: sharedWords(a.title, self.title) }))
        .sort((x, y) => y.n - x.n)[0];
      out.push({
        targetThemeRef: theme.ref,
        ...(ranked && ranked.n >= 2 ? { targetRef: ranked.a.ref } : {}),
      });
    }
  }
  return out;
}

/** "100%" → 100 and unit "%"; text that is not a number keeps value null and the text as a note. */
function periodValue(
  period: string,
  text: string,
): { period: string; value: number | null; note?: string; unit?: string } {
  const m = /^(-?\d+(?:[.,]\d+)?)\s*(%|days?|hours?|weeks?)?$/i.exec(text.trim());
  if (m) return { period, value: Number(m[1]!.replace(',', '.')), ...(m[2] ? { unit: m[2] } : {}) };
  return { period, value: null, note: text.slice(0, 500) };
}

function toIndicator(r: RowDraft, period: PlanPeriod | undefined): ParsedIndicator {
  const y =
    period?.start && period.end && period.end < `${Number(period.start.slice(0, 4)) + 2}`
      ? Number(period.start.slice(0, 4))
      : undefined;
  const fy = y ? financialYear(`${y}-${String((y + 1) % 100).padStart(2, '0')}`) : undefined;
  const headerYear = (h: string) => {
    const m = /((?:19|20)\d{2})\s*[/-]\s*(\d{2,4})/.exec(h);
    return m ? financialYear(`${m[1]}-${m[2]}`)?.label : undefined;
  };
  let unit: string | undefined;
  const ind: ParsedIndicator = { name: r.fields.title!, targets: [], actuals: [] };
  const headers = r.byColumn.map((c) => c.col.header).join(' ');
  if (/quarter/i.test(headers) || r.byColumn.some((c) => /^Q[1-4]$/.test(c.col.period ?? '')))
    ind.frequency = 'quarterly';
  for (const { col, text } of r.byColumn) {
    const label =
      col.period && /^Q[1-4]$/.test(col.period)
        ? [fy?.label, col.period].filter(Boolean).join(' ')
        : (col.period ?? headerYear(col.header) ?? fy?.label ?? col.header);
    switch (col.field) {
      case 'floorStandard': {
        const v = periodValue('', text);
        ind.floorStandard = v.value;
        unit ??= v.unit;
        break;
      }
      case 'baseline': {
        const { unit: u, ...v } = periodValue(headerYear(col.header) ?? col.header, text);
        ind.baseline = v;
        unit ??= u;
        break;
      }
      case 'benchmark':
        ind.benchmark = text;
        break;
      case 'target':
      case 'actual': {
        const { unit: u, ...v } = periodValue(label, text);
        (col.field === 'target' ? ind.targets : ind.actuals).push(v);
        unit ??= u;
        break;
      }
      case 'unit':
        unit = text;
        break;
    }
  }
  if (unit) ind.unit = unit;
  return ind;
}
