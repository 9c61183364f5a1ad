import { createApp } from '../../functions/api/src/app.js';
import type { AppDeps } from '../../functions/api/src/context.js';
import { routeModules } from '../../functions/api/src/routes/index.js';

/**
 * The least role that may call an operation, as each route declares it with `x-min-role` in the
 * OpenAPI document. The security matrix (test/api/security-matrix.test.ts) refuses an operation
 * without one, so a new route cannot be added without saying who may call it.
 */
export const MIN_ROLES = {
  public: 'no token: the URL itself is the credential (calendar feeds)',
  authenticated: 'any valid token, whatever its groups (/me)',
  viewer: 'viewer or higher in the council in the path; anyone else 404, a lower role 403',
  contributor: 'contributor or higher in the council in the path (some also check what the caller leads)',
  editor: 'editor or higher in the council in the path',
  admin: 'admin of the council in the path',
  'partner-reader':
    'partner reader of the partnership in the path; anyone else gets 404, as for a missing partnership',
  operator: 'the service operator (platform:operator group and an operator record); anyone else 403',
} as const;

/** Council roles, lowest first. */
export const COUNCIL_ROLES = ['viewer', 'contributor', 'editor', 'admin'] as const;
export type CouncilRole = (typeof COUNCIL_ROLES)[number];
export const isCouncilRole = (r: string): r is CouncilRole =>
  (COUNCIL_ROLES as readonly string[]).includes(r);
export const rolesBelow = (r: CouncilRole): CouncilRole[] => COUNCIL_ROLES.slice(0, COUNCIL_ROLES.indexOf(r));

export type JsonSchema = Record<string, any>;

export interface Param {
  name: string;
  in: 'path' | 'query';
  required: boolean;
  schema: JsonSchema;
}

export interface Operation {
  /** `GET /api/v1/councils/{c}/plans`: how failures name the route. */
  name: string;
  method: string;
  path: string;
  minRole: string | undefined;
  pathParams: Param[];
  queryParams: Param[];
  /** The JSON body's schema, when the document gives one. */
  body?: JsonSchema;
  bodyRequired: boolean;
  /** Documented answers (status codes as strings). */
  responses: string[];
}

export function operationsOf(doc: any): Operation[] {
  const ops: Operation[] = [];
  for (const [path, item] of Object.entries<Record<string, JsonSchema>>(doc.paths)) {
    for (const [method, op] of Object.entries(item)) {
      const params: Param[] = (op.parameters ?? []).map((p: JsonSchema) => ({
        name: p.name,
        in: p.in,
        required: !!p.required,
        schema: p.schema ?? {},
      }));
      const json = op.requestBody?.content?.['application/json'];
      ops.push({
        name: `${method.toUpperCase()} ${path}`,
        method: method.toUpperCase(),
        path,
        minRole: op['x-min-role'],
        pathParams: params.filter((p) => p.in === 'path'),
        queryParams: params.filter((p) => p.in === 'query'),
        ...(json ? { body: json.schema ?? {} } : {}),
        bodyRequired: !!op.requestBody?.required,
        responses: Object.keys(op.responses ?? {}),
      });
    }
  }
  return ops;
}

/**
 * The operations of the OpenAPI document the app serves, without a table (the document needs none):
 * test files list their cases from it before any data exists.
 */
export async function servedOperations(): Promise<Operation[]> {
  const deps = {
    config: { TABLE_NAME: 'unused', MAX_BODY_BYTES: 1024, WEB_BASE_URL: 'http://127.0.0.1', STAGE: 'test' },
    logger: { resetKeys() {}, appendKeys() {}, error() {} },
    verifier: { verify: async () => Promise.reject(new Error('unused')) },
    docFor: async () => Promise.reject(new Error('unused')),
    partnershipDirectory: async () => Promise.reject(new Error('unused')),
  } as unknown as AppDeps;
  const res = await createApp(deps, await routeModules()).request('/api/v1/openapi.json');
  return operationsOf(await res.json());
}

/** What a path parameter names: the pools of real ids and the matrix pick values by it. */
export type IdKind =
  | 'council'
  | 'partnership'
  | 'plan'
  | 'theme'
  | 'action'
  | 'milestone'
  | 'person'
  | 'indicator'
  | 'risk'
  | 'continuity'
  | 'decision'
  | 'import'
  | 'mapping'
  | 'member'
  | 'period'
  | 'feed-council'
  | 'feed-file';

/** Kinds whose ids belong to one council (another council's id must never resolve). */
export const COUNCIL_OWNED: readonly IdKind[] = [
  'plan',
  'theme',
  'action',
  'milestone',
  'person',
  'indicator',
  'risk',
  'continuity',
  'decision',
  'import',
  'mapping',
  'member',
];

const BY_NAME: Record<string, IdKind> = {
  c: 'council',
  p: 'partnership',
  planId: 'plan',
  themeId: 'theme',
  actionId: 'action',
  milestoneId: 'milestone',
  personId: 'person',
  memberId: 'member',
  mappingId: 'mapping',
  periodKey: 'period',
  councilId: 'feed-council',
  file: 'feed-file',
};
const BY_COLLECTION: Record<string, IdKind> = {
  indicators: 'indicator',
  risks: 'risk',
  continuity: 'continuity',
  decisions: 'decision',
  imports: 'import',
};

/** The kind of a path parameter; throws for one it does not know, so a new route gets a kind here. */
export function paramKind(op: Operation, name: string): IdKind {
  const direct = BY_NAME[name];
  if (direct) return direct;
  const segments = op.path.split('/');
  const at = segments.indexOf(`{${name}}`);
  const kind = BY_COLLECTION[segments[at - 1] ?? ''];
  if (!kind) throw new Error(`${op.name}: no id kind for path parameter {${name}} (test/support/openapi.ts)`);
  return kind;
}

/** The kind of id a body field holds (fields with the id pattern). */
export function fieldKind(field: string | undefined): IdKind {
  if (!field) return 'plan';
  if (/^themeIds?$/.test(field)) return 'theme';
  if (/^(parentId|linkedActionIds|actionIds?)$/.test(field)) return 'action';
  if (/personId$/i.test(field) || field === 'into' || field === 'to') return 'person';
  return 'plan';
}

export const ID_PATTERN = '^[0-9A-HJKMNP-TV-Z]{26}$';
export const DATE_PATTERN = '^\\d{4}-\\d{2}-\\d{2}$';
export const SLUG_PATTERN = '^[a-z0-9][a-z0-9-]{1,63}$';

/** Whether a `YYYY-MM-DD` string is a day that exists. */
export function isRealDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1 || mo < 1 || mo > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, mo, 0)).getUTCDate();
}

const types = (s: JsonSchema): string[] => (Array.isArray(s.type) ? s.type : s.type ? [s.type] : []);
const jsonType = (v: unknown): string =>
  v === null
    ? 'null'
    : Array.isArray(v)
      ? 'array'
      : typeof v === 'number'
        ? Number.isInteger(v)
          ? 'integer'
          : 'number'
        : typeof v;

/**
 * Why `value` breaks what the schema itself says (so the API must refuse it), or undefined. Only
 * what JSON Schema states is checked, plus impossible calendar dates in date fields: rules the schema
 * cannot state (refinements) never make a request "must refuse".
 */
export function violation(schema: JsonSchema, value: unknown, at = 'body'): string | undefined {
  const alts = (schema.anyOf ?? schema.oneOf) as JsonSchema[] | undefined;
  if (alts) {
    const reasons = alts.map((s) => violation(s, value, at));
    return reasons.every(Boolean) ? reasons[0] : undefined;
  }
  const t = types(schema);
  const vt = jsonType(value);
  if (t.length && !t.includes(vt) && !(vt === 'integer' && t.includes('number'))) {
    return `${at}: ${vt} where the schema says ${t.join('|')}`;
  }
  if (schema.enum && !schema.enum.includes(value)) return `${at}: not one of the enum`;
  if (typeof value === 'string') {
    // Counted so that every reading of a limit agrees: code points of the trimmed text for the
    // maximum (a schema may trim first), UTF-16 units for the minimum.
    if (schema.maxLength !== undefined && [...value.trim()].length > schema.maxLength)
      return `${at}: over maxLength`;
    if (schema.minLength !== undefined && value.length < schema.minLength) return `${at}: under minLength`;
    if (schema.pattern && !new RegExp(schema.pattern, 'u').test(value))
      return `${at}: does not match its pattern`;
    if (schema.pattern === DATE_PATTERN && !isRealDate(value)) return `${at}: impossible date ${value}`;
  }
  if (typeof value === 'number') {
    if (schema.minimum !== undefined && value < schema.minimum) return `${at}: under minimum`;
    if (schema.maximum !== undefined && value > schema.maximum) return `${at}: over maximum`;
  }
  if (Array.isArray(value)) {
    if (schema.maxItems !== undefined && value.length > schema.maxItems) return `${at}: over maxItems`;
    if (schema.minItems !== undefined && value.length < schema.minItems) return `${at}: under minItems`;
    if (schema.items) {
      for (const [i, v] of value.entries()) {
        const r = violation(schema.items, v, `${at}[${i}]`);
        if (r) return r;
      }
    }
  }
  if (vt === 'object' && schema.properties) {
    const obj = value as Record<string, unknown>;
    for (const req of schema.required ?? []) {
      if (!Object.hasOwn(obj, req)) return `${at}.${req}: required, missing`;
    }
    for (const [k, s] of Object.entries<JsonSchema>(schema.properties)) {
      if (Object.hasOwn(obj, k)) {
        const r = violation(s, obj[k], `${at}.${k}`);
        if (r) return r;
      }
    }
  }
  return undefined;
}

/**
 * The smallest value the schema accepts: required properties only, the first enum value, the
 * example where there is one; ids from `idFor` (real ids, so the request reaches the data).
 */
export function minimalValue(schema: JsonSchema, idFor: (kind: IdKind) => unknown, field?: string): unknown {
  if (schema.example !== undefined) return schema.example;
  const alts = (schema.anyOf ?? schema.oneOf) as JsonSchema[] | undefined;
  if (alts?.[0]) return minimalValue(alts[0], idFor, field);
  if (schema.enum) return schema.enum[0];
  const t = types(schema).filter((x) => x !== 'null')[0];
  switch (t) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const req of schema.required ?? []) {
        out[req] = minimalValue(schema.properties?.[req] ?? {}, idFor, req);
      }
      return out;
    }
    case 'array':
      return Array.from({ length: schema.minItems ?? 0 }, () =>
        minimalValue(schema.items ?? {}, idFor, field),
      );
    case 'integer':
    case 'number':
      return schema.minimum ?? 1;
    case 'boolean':
      return true;
    case 'string':
      if (schema.pattern === ID_PATTERN) return idFor(fieldKind(field));
      if (schema.pattern === DATE_PATTERN) return '2027-03-31';
      if (schema.pattern === SLUG_PATTERN) return 'harrow';
      if (schema.format === 'email') return 'someone@example.test';
      return 'x'.repeat(Math.max(1, schema.minLength ?? 1));
    default:
      return {};
  }
}
