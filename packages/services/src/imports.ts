import { DomainError, type PlanKind } from '@peopleplan/core';
import { type CouncilData, newId, nowIso } from '@peopleplan/db';
import {
  ImportError,
  type ImportErrorCode,
  type MappingOverride,
  normaliseLabel,
  ParsedPlan,
  parsePlanFile,
  toEntities,
} from '@peopleplan/importer';
import pLimit from 'p-limit';

/** Import errors in the API's vocabulary (mapped to HTTP in one place, errors.ts). */
const IMPORT_CODES: Record<ImportErrorCode, DomainError['code']> = {
  empty: 'unprocessable',
  'too-large': 'payload-too-large',
  'unsupported-format': 'unsupported-media-type',
  'no-header': 'unprocessable',
  'no-table': 'unprocessable',
};

export interface TimescaleIssue {
  where: string;
  field: 'start' | 'due';
  text: string;
  kind: string;
  note?: string | undefined;
}

export interface ImportPreview {
  id: string;
  filename?: string | undefined;
  plan: ParsedPlan;
  counts: {
    themes: number;
    actions: number;
    subActions: number;
    milestones: number;
    risks: number;
    indicators: number;
  };
  /** Deadlines a person should look at: not understood, or tied to an event rather than a date. */
  timescales: TimescaleIssue[];
  /** Lead labels matching nobody in the directory: they will be added as people without email. */
  unresolvedLeads: string[];
}

/**
 * Reading a plan file takes memory and CPU: at most two at once per instance, and a short queue, so
 * the API keeps answering everything else while imports run. Beyond that the caller is asked to wait.
 */
const parses = pLimit(2);
const MAX_WAITING_PARSES = 6;

export async function previewImport(
  data: CouncilData,
  input: Buffer | string,
  opts: { filename?: string; kind?: PlanKind; mapping?: MappingOverride } = {},
): Promise<ImportPreview> {
  if (parses.pendingCount >= MAX_WAITING_PARSES) {
    throw new DomainError('unavailable', 'Other plans are being read right now: try again in a minute.');
  }
  // A commit abandoned part way (over an hour ago) is removed before anything new is added.
  await data.imports.cleanupAbandoned();
  let plan: ParsedPlan;
  try {
    plan = await parses(() =>
      parsePlanFile(input, {
        ...(opts.filename ? { filename: opts.filename } : {}),
        ...(opts.kind ? { kindHint: opts.kind } : {}),
        ...(opts.mapping ? { mappingOverride: opts.mapping } : {}),
      }),
    );
  } catch (e) {
    if (e instanceof ImportError)
      throw new DomainError(IMPORT_CODES[e.code], e.message, { importError: e.code });
    throw e;
  }
  const id = newId();
  const preview = describe(id, plan, await data.people.list(), opts.filename);
  await data.imports.savePreview(
    id,
    { plan, filename: opts.filename },
    { ...(opts.filename ? { filename: opts.filename } : {}) },
  );
  return preview;
}

export async function getImport(
  data: CouncilData,
  id: string,
): Promise<(ImportPreview & { status: 'preview' }) | { id: string; status: 'committed'; planId: string }> {
  const { record, payload } = await data.imports.get(id);
  if (record.status === 'committed') return { id, status: 'committed', planId: record.planId! };
  const { plan } = payload as { plan: ParsedPlan };
  return { ...describe(id, plan, await data.people.list(), record.filename), status: 'preview' };
}

/**
 * Commit a preview, optionally with the person's corrections (the whole corrected plan, validated
 * again). Safe to retry: the same import id always writes the same records once.
 */
export async function commitImport(
  data: CouncilData,
  id: string,
  corrected?: ParsedPlan,
): Promise<{ planId: string; status: string; unresolvedLeads: string[]; counts: Record<string, number> }> {
  const { record, payload } = await data.imports.get(id);
  if (record.status === 'committed') {
    return { planId: record.planId!, status: 'committed', unresolvedLeads: [], counts: {} };
  }
  const plan = corrected ?? (payload as { plan: ParsedPlan }).plan;
  const bundle = toEntities(ParsedPlan.parse(plan), {
    councilId: data.ctx.councilId,
    importId: id,
    actor: { sub: data.ctx.actor.sub, name: data.ctx.actor.name },
    people: await data.people.list(),
    now: nowIso(),
  });
  const done = await data.imports.commit(id, bundle);
  return {
    planId: done.planId!,
    status: done.status,
    unresolvedLeads: bundle.unresolvedLeads,
    counts: {
      themes: bundle.themes.length,
      actions: bundle.actions.length,
      milestones: bundle.milestones.length,
      updates: bundle.updates.length,
      people: bundle.people.length,
      indicators: bundle.indicators.length,
      risks: bundle.risks.length,
    },
  };
}

function describe(
  id: string,
  plan: ParsedPlan,
  people: { name: string; roleLabel?: string | undefined }[],
  filename?: string,
): ImportPreview {
  const known = new Set(
    people.flatMap((p) => [normaliseLabel(p.name), ...(p.roleLabel ? [normaliseLabel(p.roleLabel)] : [])]),
  );
  const timescales: TimescaleIssue[] = [];
  const unresolved = new Set<string>();
  let actions = 0;
  let subActions = 0;
  let milestones = plan.milestones.length;
  const visit = (a: ParsedPlan['themes'][number]['actions'][number], depth: number) => {
    if (depth === 0) actions++;
    else subActions++;
    milestones += a.milestones.length;
    for (const field of ['start', 'due'] as const) {
      const t = a[field];
      if (t && (t.kind === 'unparsed' || t.kind === 'event')) {
        timescales.push({ where: `action ${a.ref}`, field, text: t.text, kind: t.kind, note: t.note });
      }
    }
    for (const l of a.leads) if (!known.has(normaliseLabel(l.label))) unresolved.add(l.label);
    for (const s of a.subActions) visit(s, depth + 1);
  };
  for (const t of plan.themes) for (const a of t.actions) visit(a, 0);
  for (const m of plan.milestones) {
    if (m.due.kind === 'unparsed' || m.due.kind === 'event') {
      timescales.push({
        where: `milestone ${m.ref}`,
        field: 'due',
        text: m.due.text,
        kind: m.due.kind,
        note: m.due.note,
      });
    }
  }
  return {
    id,
    filename,
    plan,
    counts: {
      themes: plan.themes.length,
      actions,
      subActions,
      milestones,
      risks: plan.risks.length,
      indicators: plan.indicators.length,
    },
    timescales,
    unresolvedLeads: [...unresolved],
  };
}
