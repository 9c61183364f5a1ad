import {
  DomainError,
  dateWords,
  type Plan,
  type PlanKind,
  type Timescale,
  unprocessable,
} from '@peopleplan/core';
import { type CouncilData, ImportsRepo, newId, nowIso } from '@peopleplan/db';
import {
  correctedTimescale,
  ImportError,
  type ImportErrorCode,
  type LeadChoice,
  type MappingOverride,
  normaliseLabel,
  ParsedPlan,
  parsePlanFile,
  toEntities,
  UNTITLED_PLAN,
  unacknowledgedWarnings,
  warningKey,
} from '@peopleplan/importer';
import pLimit from 'p-limit';
import { withPastMilestonesWarning } from './import-past-milestones.js';
import {
  checkLeadChoices,
  type Directory,
  directoryOf,
  labelsToRemember,
  type PreviewPeople,
  previewPeople,
} from './import-people.js';

/** Import errors in the API's vocabulary (mapped to HTTP in one place, errors.ts). */
/** The council's import records: only this service and its routes read or write them. */
const importsOf = (data: CouncilData) => new ImportsRepo(data.store);

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

/** A warning a person must acknowledge before the plan is committed, with the key that acknowledges it. */
export interface Acknowledgement {
  key: string;
  code: string;
  where: string;
  message: string;
}

export interface ImportPreview {
  id: string;
  filename?: string | undefined;
  /** "The plan starts on", as given: relative deadlines were counted from it. */
  planStart?: string | undefined;
  /** The column choices this preview was read with (header as written → field). */
  mapping: MappingOverride;
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
  /** Leads matched to the directory, and likely duplicates offered for merging. */
  people: PreviewPeople;
  /** Warnings that stop the commit until acknowledged (never silently empty). */
  acknowledgements: Acknowledgement[];
}

interface StoredPreview {
  plan: ParsedPlan;
  filename?: string | undefined;
  planStart?: string | undefined;
  mapping?: MappingOverride | undefined;
}

export interface PreviewOptions {
  filename?: string | undefined;
  kind?: PlanKind | undefined;
  mapping?: MappingOverride | undefined;
  planStart?: string | undefined;
  /** Today, London (`YYYY-MM-DD`): milestones dated before it and not done are said in the preview. */
  today?: string | undefined;
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
  opts: PreviewOptions = {},
): Promise<ImportPreview> {
  if (parses.pendingCount >= MAX_WAITING_PARSES) {
    throw new DomainError('unavailable', 'Other plans are being read right now: try again in a minute.');
  }
  // A commit abandoned part way (over an hour ago) is removed before anything new is added.
  await importsOf(data).cleanupAbandoned();
  const dir = directoryOf(await data.people.list({ includeMerged: true }));
  let plan: ParsedPlan;
  try {
    plan = await parses(() =>
      parsePlanFile(input, {
        ...(opts.filename ? { filename: opts.filename } : {}),
        ...(opts.kind ? { kindHint: opts.kind } : {}),
        ...(opts.mapping ? { mappingOverride: opts.mapping } : {}),
        ...(opts.planStart ? { planStart: opts.planStart } : {}),
        knownLeads: [
          ...dir.kept.flatMap((p) => [p.name, p.roleLabel ?? '']),
          ...dir.aliases.map((a) => a.label),
        ].filter(Boolean),
      }),
    );
  } catch (e) {
    if (e instanceof ImportError)
      throw new DomainError(IMPORT_CODES[e.code], e.message, { importError: e.code }, { cause: e.cause });
    throw e;
  }
  plan = withDuplicateWarning(plan, await data.plans.listAll());
  if (opts.today) plan = withPastMilestonesWarning(plan, opts.today);
  const id = newId();
  const stored: StoredPreview = {
    plan,
    filename: opts.filename,
    planStart: opts.planStart,
    mapping: opts.mapping,
  };
  await importsOf(data).savePreview(id, stored, {
    ...(opts.filename ? { filename: opts.filename } : {}),
  });
  return describe(id, stored, dir);
}

/** A title as compared for duplicates: case, punctuation and spacing aside. */
const titleKey = (t: string) =>
  t
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/**
 * A plan already in the council with the same title: most likely the same file imported again, which
 * would double every action and alert. Said before the commit, which waits for it to be acknowledged.
 */
function withDuplicateWarning(plan: ParsedPlan, existing: readonly Plan[]): ParsedPlan {
  // Text pasted with no title is called UNTITLED_PLAN: the same name says nothing then.
  if (plan.title === UNTITLED_PLAN) return plan;
  const key = titleKey(plan.title);
  const same = existing.filter((p) => p.status !== 'archived' && titleKey(p.title) === key);
  if (!same.length) return plan;
  const when = same[0]!.createdAt ? ` (added ${dateWords(same[0]!.createdAt)})` : '';
  return {
    ...plan,
    warnings: [
      ...plan.warnings,
      {
        code: 'possible-duplicate',
        where: 'plan',
        message:
          `This council already has a plan called “${same[0]!.title}”${when}. Importing this adds a second plan with ` +
          'its own actions and alerts: check this is not the same plan imported again.',
        requiresAcknowledgement: true,
      },
    ],
  };
}

export async function getImport(
  data: CouncilData,
  id: string,
): Promise<(ImportPreview & { status: 'preview' }) | { id: string; status: 'committed'; planId: string }> {
  const { record, payload } = await importsOf(data).get(id);
  if (record.status === 'committed') return { id, status: 'committed', planId: record.planId! };
  const dir = directoryOf(await data.people.list({ includeMerged: true }));
  return { ...describe(id, payload as StoredPreview, dir), status: 'preview' };
}

/** Where an import stands (`preview` or `committed`): the route counts a plan on its first commit. */
export async function importStatus(data: CouncilData, id: string) {
  return (await importsOf(data).get(id)).record.status;
}

/** A person's correction of one deadline: where it is in the plan, and the date in their words. */
export interface DeadlineCorrection {
  path: Array<string | number>;
  text: string;
}

export interface CommitOptions {
  /** The whole plan as the person corrected it (validated again). */
  plan?: ParsedPlan | undefined;
  /** Keys (`code@where`) of the warnings the person has seen. */
  acknowledge?: string[] | undefined;
  /** The plan's title as the person gave it, when the one read is not the plan's name. */
  title?: string | undefined;
  deadlines?: DeadlineCorrection[] | undefined;
  /** Per new lead label: an existing person, or the same person as another new label. */
  people?: Record<string, LeadChoice> | undefined;
}

/**
 * Commit a preview, optionally with the person's corrections (the whole corrected plan, validated
 * again). Safe to retry: the same import id always writes the same records once.
 */
export async function commitImport(
  data: CouncilData,
  id: string,
  opts: CommitOptions = {},
): Promise<{ planId: string; status: string; unresolvedLeads: string[]; counts: Record<string, number> }> {
  const { record, payload } = await importsOf(data).get(id);
  if (record.status === 'committed') {
    return { planId: record.planId!, status: 'committed', unresolvedLeads: [], counts: {} };
  }
  const stored = payload as StoredPreview;
  // Never silently empty: the warnings are the preview's own, whatever plan the request sends.
  const open = unacknowledgedWarnings(stored.plan, opts.acknowledge ?? []);
  if (open.length) {
    throw unprocessable(
      `Acknowledge ${open.length === 1 ? 'this warning' : `these ${open.length} warnings`} before importing: ${open.map((w) => w.message).join(' ')}`,
      open.map((w) => ({ path: 'acknowledge', message: `${warningKey(w)}: ${w.message}` })),
    );
  }
  const read = ParsedPlan.parse(opts.plan ?? stored.plan);
  // A title changed at commit is checked against the council's plans as the preview's was.
  if (opts.title && opts.title !== stored.plan.title) {
    const renamed = withDuplicateWarning(
      { ...stored.plan, title: opts.title, warnings: [] },
      await data.plans.listAll(),
    );
    const unseen = unacknowledgedWarnings(renamed, opts.acknowledge ?? []);
    if (unseen.length) {
      throw unprocessable(
        `Acknowledge this warning before importing: ${unseen[0]!.message}`,
        unseen.map((w) => ({ path: 'acknowledge', message: `${warningKey(w)}: ${w.message}` })),
      );
    }
  }
  const plan = withCorrections(
    opts.title ? { ...read, title: opts.title } : read,
    opts.deadlines ?? [],
    stored.planStart,
  );
  const dir = directoryOf(await data.people.list({ includeMerged: true }));
  const bundle = toEntities(plan, {
    councilId: data.ctx.councilId,
    importId: id,
    actor: { sub: data.ctx.actor.sub, name: data.ctx.actor.name },
    people: dir.active,
    aliases: dir.aliases,
    ...(opts.people ? { leadChoices: checkLeadChoices(plan, dir, opts.people) } : {}),
    now: nowIso(),
  });
  const done = await importsOf(data).commit(id, bundle);
  if (opts.people) await rememberLabels(data, labelsToRemember(dir, opts.people));
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

/**
 * The person's deadline corrections written into a copy of the plan: each path must lead to a deadline
 * of the plan; the date is read from their words, the council's wording kept (correctedTimescale).
 */
function withCorrections(plan: ParsedPlan, fixes: DeadlineCorrection[], planStart?: string): ParsedPlan {
  if (!fixes.length) return plan;
  const copy = structuredClone(plan) as unknown as Record<string | number, unknown>;
  const period = plan.period?.start || plan.period?.end ? plan.period : undefined;
  fixes.forEach((f, n) => {
    let at: unknown = copy;
    for (const k of f.path.slice(0, -1)) at = isObject(at) ? at[k] : undefined;
    const last = f.path[f.path.length - 1];
    const original = isObject(at) && last !== undefined ? at[last] : undefined;
    if (!isObject(original) || typeof original.text !== 'string' || typeof original.kind !== 'string') {
      throw unprocessable('A corrected deadline does not point at a deadline of this plan', [
        { path: `deadlines.${n}.path`, message: 'not a deadline of this plan' },
      ]);
    }
    const value = correctedTimescale(original as unknown as Timescale, f.text, {
      planStart,
      ...(period
        ? {
            period: {
              ...(period.start ? { start: period.start } : {}),
              ...(period.end ? { end: period.end } : {}),
            },
          }
        : {}),
    });
    if (!value) {
      throw unprocessable(`“${f.text}” has no date PeoplePlan can read: write it like “March 2027”`, [
        { path: `deadlines.${n}.text`, message: 'no date understood' },
      ]);
    }
    (at as Record<string | number, unknown>)[last!] = value;
  });
  return ParsedPlan.parse(copy);
}

const isObject = (v: unknown): v is Record<string | number, unknown> => typeof v === 'object' && v !== null;

function describe(id: string, stored: StoredPreview, dir: Directory): ImportPreview {
  const { plan } = stored;
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
    for (const l of a.leads) if (!dir.byKey.has(normaliseLabel(l.label))) unresolved.add(l.label);
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
    filename: stored.filename,
    planStart: stored.planStart,
    mapping: stored.mapping ?? {},
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
    people: previewPeople(plan, dir),
    acknowledgements: plan.warnings
      .filter((w) => w.requiresAcknowledgement)
      .map((w) => ({ key: warningKey(w), code: w.code, where: w.where, message: w.message })),
  };
}

/**
 * Each label to remember written as the person form would write it (versioned, audited, searchable).
 * A convenience after the plan is in: someone who edited the person meanwhile keeps their edit (409),
 * and a write that fails otherwise leaves them without it (the next import asks again), never an
 * answer that the import failed when its plan is in (a retry would only say it is committed).
 */
async function rememberLabels(
  data: CouncilData,
  labels: ReadonlyArray<{ person: { id: string; version: number }; label: string }>,
): Promise<void> {
  for (const { person, label } of labels) {
    await data.people.update(person.id, { version: person.version, roleLabel: label }).catch(() => undefined);
  }
}
