import { appendFileSync } from 'node:fs';
import fc from 'fast-check';
import {
  Concat,
  type Encoding,
  type FuzzRequest,
  IdRef,
  requestArb,
  type Sym,
  VersionRef,
} from './fuzz-gen.js';
import type { IdKind, Operation } from './openapi.js';
import { diffPartition, type PartitionState, partitionKeys, readPartition } from './partitions.js';
import { notePlans, OTHER_PARTNER, PARTNER, type World } from './world.js';

/**
 * Sending and checking the fuzzed API's requests (generated in fuzz-gen.ts). Each answer is checked
 * for every `Problem` below; partitions the caller may not write are read straight from the table
 * before and after.
 */

/** Bytes that are not UTF-8 (bad lead bytes, an overlong form, a surrogate, a cut-off sequence). */
const INVALID_UTF8 = [0xff, 0xfe, 0xc3, 0x28, 0xc0, 0xaf, 0xed, 0xa0, 0x80, 0xe2, 0x82];

export type Problem =
  /** A 5xx answer. */
  | '5xx'
  /** A 4xx whose body is not `{error:{code,message}}`. */
  | 'error-shape'
  /** 2xx to a request carrying a value the API must refuse. */
  | 'accepted-invalid'
  /** A partition the caller may not write changed. */
  | 'isolation'
  /** `/health` stopped answering 200. */
  | 'health'
  /** Object.prototype or Array.prototype gained a property in this process. */
  | 'prototype-pollution'
  /** A partition no council or partnership owns appeared. */
  | 'new-partition'
  /** The request could not even be sent (harness) or threw out of the app. */
  | 'exception';

export interface Violation {
  problem: Problem;
  op: string;
  caller: string;
  request: string;
  status?: number;
  response?: string;
  detail: string;
  tags: string[];
  /** The unhandled error the app logged for a 5xx, when the logger says. */
  cause?: string;
}

export interface FuzzState {
  world: World;
  versions: Map<string, number>;
  cache: Map<string, PartitionState | undefined>;
  knownPartitions: Set<string>;
  /** Errors the app logged since the last request (see `captureAppErrors`). */
  appErrors: string[];
  /** Requests sent, for the summary. */
  sent: number;
  statuses: Map<string, number>;
}

export const PARTITIONS = ['C#harrow', 'C#kent', 'P#shared-hr', 'P#other-service'];

/** Who may write what: a partition is compared before and after each request of anyone else. */
export function writeScope(caller: string | undefined, pk: string): 'any' | 'own-preferences' | 'none' {
  if (!caller) return 'none';
  if (pk === 'C#harrow') {
    if (/^(admin|editor|contributor)@harrow\.test$/.test(caller)) return 'any';
    // Anyone with a role may set their own alert emails (routes/alerts.ts): that person item, and its audit event.
    if (caller === 'viewer@harrow.test') return 'own-preferences';
    return 'none';
  }
  if (pk === 'C#kent') return caller === 'editor@kent.test' ? 'any' : 'none';
  if (pk === 'P#shared-hr') return caller === PARTNER ? 'any' : 'none';
  if (pk === 'P#other-service') return caller === OTHER_PARTNER ? 'any' : 'none';
  return 'none';
}

/** What a symbolic value is resolved against: the resource a version is of, the plan ids are scoped to. */
interface Ctx {
  target?: string | undefined;
  plan?: string | undefined;
}

/** Kinds that live under a plan: resolved to one of the request's plan when it names one. */
const PLAN_SCOPED = new Set(['theme', 'action', 'milestone', 'indicator', 'risk']);

function resolveSym(s: Sym | VersionRef, st: FuzzState, ctx: Ctx): string {
  if (typeof s === 'string') return s;
  if (s instanceof VersionRef) return String((ctx.target && st.versions.get(ctx.target)) ?? 1);
  if (s instanceof Concat) return s.parts.map((p) => resolveSym(p, st, ctx)).join('');
  if (s.kind === 'cursor') {
    const pool = st.world.cursors[s.council];
    return pool[s.n % pool.length] ?? '';
  }
  const all = st.world.ids[s.council][s.kind];
  const scoped =
    ctx.plan && PLAN_SCOPED.has(s.kind) ? all.filter((id) => st.world.planOf.get(id) === ctx.plan) : [];
  const pool = scoped.length ? scoped : all;
  // An empty pool gives an id that exists nowhere (well-formed, so the request still gets past validation).
  return pool.length ? (pool[s.n % pool.length] as string) : '01ZZZZZZZZZZZZZZZZZZZZZZZZ';
}

function resolveValue(v: unknown, st: FuzzState, ctx: Ctx): unknown {
  if (v instanceof IdRef || v instanceof Concat || v instanceof VersionRef) {
    const s = resolveSym(v, st, ctx);
    return v instanceof VersionRef ? Number(s) : s;
  }
  if (Array.isArray(v)) return v.map((x) => resolveValue(x, st, ctx));
  if (v && typeof v === 'object') {
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, resolveValue(x, st, ctx)]));
  }
  return v;
}

/** Lone surrogates cannot be percent-encoded; a URL carries them as U+FFFD, as browsers do. */
const wellFormed = (s: string) =>
  s.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
const encode = (raw: string, e: Encoding) => {
  const s = wellFormed(raw);
  return e === 'raw' ? s : e === 'double' ? encodeURIComponent(encodeURIComponent(s)) : encodeURIComponent(s);
};
export interface Built {
  url: string;
  init: { method: string; headers: Record<string, string>; body?: string | Uint8Array<ArrayBuffer> };
  council: string | undefined;
}

export async function build(
  req: FuzzRequest,
  st: FuzzState,
  tokenOf: (email: string) => Promise<string>,
): Promise<Built> {
  const resolved: Record<string, string> = {};
  const ctx: Ctx = {};
  for (const p of req.op.pathParams) {
    resolved[p.name] = resolveSym(req.path[p.name]?.value ?? '', st, ctx);
    // Ids after a plan (or an action) are picked among that plan's, so that they belong together.
    if (p.name === 'planId') ctx.plan = resolved[p.name];
    if (p.name === 'actionId') ctx.plan = st.world.planOf.get(resolved[p.name] ?? '');
    // The resource a version belongs to: the last path parameter (the council for its settings).
    ctx.target = resolved[p.name];
  }
  let url = req.op.path.replace(/\{(\w+)\}/g, (_m, name: string) =>
    encode(resolved[name] ?? '', req.path[name]?.encoding ?? 'component'),
  );
  if (req.query.length) {
    url += `?${req.query.map(([k, v, e]) => `${encodeURIComponent(k)}=${encode(resolveSym(v, st, ctx), e)}`).join('&')}`;
  }
  const headers: Record<string, string> = {};
  if (req.caller) headers.authorization = `Bearer ${await tokenOf(req.caller)}`;
  let body: string | Uint8Array<ArrayBuffer> | undefined;
  const b = req.body;
  if (b.kind === 'json') {
    const text = JSON.stringify(resolveValue(b.value, st, ctx)) ?? 'null';
    const splice = b.spliceBytes;
    if (splice !== undefined) {
      // Invalid UTF-8 at the start of the first string value (or at the end when there is none).
      const first = text.indexOf('":"');
      const at = first >= 0 ? first + 3 : text.length;
      const bytes = INVALID_UTF8.slice(splice % 4, (splice % 4) + 3 + (splice % 5));
      body = new Uint8Array(
        Buffer.concat([Buffer.from(text.slice(0, at)), Buffer.from(bytes), Buffer.from(text.slice(at))]),
      );
    } else body = text;
    if (b.contentType) headers['content-type'] = b.contentType;
  } else if (b.kind === 'text') {
    body = b.text;
    if (b.contentType) headers['content-type'] = b.contentType;
  } else if (b.kind === 'bytes') {
    body = new Uint8Array(b.bytes);
    if (b.contentType) headers['content-type'] = b.contentType;
  }
  const councilParam = req.op.pathParams.find((p) => p.name === 'c' || p.name === 'councilId');
  return {
    url,
    init: { method: req.op.method, headers, ...(body !== undefined ? { body } : {}) },
    council: councilParam ? resolved[councilParam.name] : undefined,
  };
}

const clip = (s: string, n = 300) => (s.length > n ? `${s.slice(0, n)}… (${s.length} chars)` : s);

function describe(built: Built): string {
  const b = built.init.body;
  const body = b === undefined ? '' : typeof b === 'string' ? b : Buffer.from(b).toString('latin1');
  const type = built.init.headers['content-type'];
  return `${built.init.method} ${clip(built.url, 240)}${type ? ` [${type}]` : ''}${body ? ` ${clip(JSON.stringify(body), 300)}` : ''}`;
}

/** Ids the API answered with, so later requests use them (and versions, so edits are not all 409). */
function harvest(req: FuzzRequest, built: Built, status: number, body: unknown, st: FuzzState) {
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (typeof o.id === 'string' && typeof o.version === 'number') st.versions.set(o.id, o.version);
      Object.values(o).forEach(walk);
    }
  };
  walk(body);
  notePlans(body, st.world.planOf);
  if (status !== 201 && !(status === 200 && req.op.path.endsWith('/commit'))) return;
  const c = built.council;
  if (c !== 'harrow' && c !== 'kent') return;
  const pools = st.world.ids[c];
  const o = (body ?? {}) as Record<string, unknown>;
  const add = (kind: IdKind, id: unknown) => {
    if (typeof id === 'string' && !pools[kind].includes(id)) pools[kind].push(id);
  };
  const last = req.op.path.split('/').pop();
  const kinds: Record<string, IdKind> = {
    plans: 'plan',
    actions: 'action',
    milestones: 'milestone',
    people: 'person',
    indicators: 'indicator',
    risks: 'risk',
    continuity: 'continuity',
    decisions: 'decision',
    imports: 'import',
    'import-mappings': 'mapping',
    themes: 'theme',
  };
  if (last && kinds[last]) add(kinds[last], o.id);
  if (last === 'commit') add('plan', o.planId);
  if (Array.isArray(o.themes)) for (const t of o.themes) add('theme', (t as { id?: unknown }).id);
  if (last === 'calendar-feed' && typeof o.url === 'string') add('feed-file', o.url.split('/').pop());
}

/** Send one request and check every invariant; the violations found. */
export async function exercise(
  req: FuzzRequest,
  st: FuzzState,
  tokenOf: (email: string) => Promise<string>,
): Promise<Violation[]> {
  const { api } = st.world;
  const out: Violation[] = [];
  let built: Built;
  try {
    built = await build(req, st, tokenOf);
  } catch (e) {
    return [
      {
        problem: 'exception',
        op: req.op.name,
        caller: req.caller ?? 'no token',
        request: '(could not build)',
        detail: String(e),
        tags: req.tags,
      },
    ];
  }
  const base = {
    op: req.op.name,
    caller: req.caller ?? 'no token',
    request: describe(built),
    tags: req.tags,
  };
  const guarded = PARTITIONS.filter((pk) => writeScope(req.caller, pk) !== 'any');
  for (const pk of guarded)
    if (!st.cache.get(pk)) st.cache.set(pk, await readPartition(api.doc, api.tableName, pk));
  st.appErrors.length = 0;

  let status: number;
  let text: string;
  try {
    const res = await api.app.request(built.url, built.init);
    status = res.status;
    text = await res.text();
  } catch (e) {
    out.push({ ...base, problem: 'exception', detail: `threw out of the app: ${String(e)}` });
    return out;
  }
  st.sent++;
  if (process.env.FUZZ_LOG)
    appendFileSync(
      process.env.FUZZ_LOG,
      `${status} as ${base.caller}: ${base.request}\n    ${clip(text, 200)}\n`,
    );
  st.statuses.set(String(status), (st.statuses.get(String(status)) ?? 0) + 1);
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  const response = clip(text, 400);
  const err = (body as { error?: { code?: unknown; message?: unknown } } | undefined)?.error;
  if (status >= 500) {
    out.push({
      ...base,
      problem: '5xx',
      status,
      response,
      detail: `answered ${status}`,
      ...(st.appErrors[0] ? { cause: st.appErrors[0] } : {}),
    });
  } else if (status >= 400 && !(err && typeof err.code === 'string' && typeof err.message === 'string')) {
    out.push({
      ...base,
      problem: 'error-shape',
      status,
      response,
      detail: 'a 4xx without {error:{code,message}}',
    });
  } else if (status < 400 && req.refuse.length) {
    out.push({ ...base, problem: 'accepted-invalid', status, response, detail: req.refuse.join('; ') });
  }
  if (status < 300) harvest(req, built, status, body, st);

  const health = await api.app.request('/health');
  if (health.status !== 200)
    out.push({
      ...base,
      problem: 'health',
      status: health.status,
      detail: '/health did not answer 200 afterwards',
    });
  for (const proto of [Object.prototype, Array.prototype]) {
    const own = Object.getOwnPropertyNames(proto).filter((k) => k === 'polluted');
    if (own.length) {
      out.push({
        ...base,
        problem: 'prototype-pollution',
        status,
        detail: `${proto === Object.prototype ? 'Object' : 'Array'}.prototype.polluted was set`,
      });
      delete (proto as Record<string, unknown>).polluted;
    }
  }

  for (const pk of PARTITIONS) {
    const scope = writeScope(req.caller, pk);
    if (scope === 'any') {
      st.cache.set(pk, undefined);
      continue;
    }
    const before = st.cache.get(pk) as PartitionState;
    const after = await readPartition(api.doc, api.tableName, pk);
    st.cache.set(pk, after);
    const d = diffPartition(before, after);
    let { added, removed, changed } = d;
    if (scope === 'own-preferences') {
      // The caller's own entry is the one linked to them or, failing that, one with their email
      // (routes/alerts.ts): any person carrying the caller's email may be theirs.
      const mine = (sk: string) =>
        sk.startsWith('PERSON#') &&
        String(JSON.parse(after.get(sk) ?? '{}').email).toLowerCase() === req.caller;
      added = added.filter((sk) => !sk.startsWith('AUDIT#'));
      changed = changed.filter((sk) => !mine(sk));
    }
    if (added.length || removed.length || changed.length) {
      out.push({
        ...base,
        problem: 'isolation',
        status,
        response,
        detail: `${pk} changed: added ${added.join(', ') || '-'}; removed ${removed.join(', ') || '-'}; changed ${changed.join(', ') || '-'}`,
      });
    }
  }
  return out;
}

/** After a batch: no partition appeared that no council or partnership owns. */
export async function checkNewPartitions(st: FuzzState): Promise<Violation[]> {
  const now = await partitionKeys(st.world.api.doc, st.world.api.tableName);
  const fresh = [...now].filter((pk) => !st.knownPartitions.has(pk));
  for (const pk of fresh) st.knownPartitions.add(pk);
  // A calendar feed or alert link made by a permitted request adds its secret's lookup partition
  // (`S#<sha256>`, docs/architecture.md): expected, as long as it names a council of this world.
  const unexpected = [];
  for (const pk of fresh) {
    if (/^S#[0-9a-f]{64}$/.test(pk)) {
      const link = await readPartition(st.world.api.doc, st.world.api.tableName, pk);
      const items = [...link.values()].map((v) => JSON.parse(v) as { councilId?: string; kind?: string });
      if (
        items.every(
          (i) =>
            ['harrow', 'kent'].includes(String(i.councilId)) &&
            /^(calendar-feed|alert-link)$/.test(String(i.kind)),
        )
      )
        continue;
    }
    unexpected.push(pk);
  }
  return unexpected.map((pk) => ({
    problem: 'new-partition' as const,
    op: '(batch)',
    caller: '-',
    request: '-',
    detail: `partition ${JSON.stringify(pk)} appeared`,
    tags: [],
  }));
}

export async function newFuzzState(world: World): Promise<FuzzState> {
  return {
    world,
    versions: new Map(),
    cache: new Map(),
    knownPartitions: await partitionKeys(world.api.doc, world.api.tableName),
    appErrors: [],
    sent: 0,
    statuses: new Map(),
  };
}

/**
 * The property: for a batch holding one generated request per operation, sent in document order,
 * every invariant holds. Violations are collected (not thrown) so that one run lists them all; the
 * caller asserts there are none.
 */
export function fuzzProperty(
  ops: Operation[],
  st: FuzzState,
  found: Violation[],
  tokenOf: (email: string) => Promise<string>,
) {
  return fc.asyncProperty(fc.tuple(...ops.map(requestArb)), async (batch) => {
    for (const req of batch) found.push(...(await exercise(req, st, tokenOf)));
    found.push(...(await checkNewPartitions(st)));
    return true;
  });
}

/**
 * The app logs unhandled errors (errors.ts `onError`) through its JSON logger; with
 * POWERTOOLS_LOG_LEVEL=ERROR set before the app is made, this keeps those lines off the console and
 * hands their `error` (name, message, location) to the state, so each 5xx names its cause.
 */
export function captureAppErrors(st: { appErrors: string[] }): () => void {
  // Errors go to stderr (the logger's console.error).
  const stream = process.stderr;
  const write = stream.write.bind(stream);
  stream.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
    const s = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    if (!s.includes('"unhandled error"')) return (write as (...a: unknown[]) => boolean)(chunk, ...rest);
    for (const line of s.split('\n').filter(Boolean)) {
      try {
        const e = JSON.parse(line).error ?? {};
        // The first frame in the project's own code says where it failed.
        const at = /((?:packages|functions)\/[^\s:)]+:\d+)/.exec(e.stack ?? '');
        st.appErrors.push(
          `${e.name ?? 'Error'}: ${clip(String(e.message ?? ''), 160)}${at ? ` (at ${at[1]})` : ''}`,
        );
      } catch {
        st.appErrors.push(clip(line, 300));
      }
    }
    return true;
  }) as typeof stream.write;
  return () => {
    stream.write = write;
  };
}

/** Violations grouped by cause: one line per distinct (problem, route, status, code, cause, what was hostile). */
export function summarise(found: Violation[]): string[] {
  const groups = new Map<string, { n: number; v: Violation }>();
  for (const v of found) {
    let code = '';
    try {
      code = JSON.parse(v.response ?? '{}')?.error?.code ?? '';
    } catch {}
    const what =
      v.problem === 'accepted-invalid'
        ? v.detail.replace(/\d{4}-\d{2}-\d{2}|"[^"]*"/g, '…')
        : v.problem === 'isolation'
          ? v.detail.replace(/[0-9A-HJKMNP-TV-Z]{26}/g, '<id>')
          : (v.cause ??
            v.tags
              .map((t) => t.replace(/\[\d+\]/g, '[]'))
              .sort()
              .join(' '));
    const key = [v.problem, v.op, v.status ?? '', code, what].join(' | ');
    const g0 = groups.get(key);
    if (g0) g0.n++;
    else groups.set(key, { n: 1, v });
  }
  return [...groups.entries()].map(
    ([key, { n, v }]) =>
      `${key}  ×${n}\n    e.g. as ${v.caller}: ${v.request}` +
      `${v.tags.length ? `\n    hostile: ${v.tags.join(' ')}` : ''}\n    → ${v.status ?? ''} ${v.response ?? v.detail}`,
  );
}

export const DEFAULT_SEED = 20_261_112;
export const DEFAULT_RUNS = 8;
