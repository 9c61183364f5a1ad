import fc from 'fast-check';
import {
  COUNCIL_OWNED,
  type CouncilRole,
  DATE_PATTERN,
  fieldKind,
  ID_PATTERN,
  type IdKind,
  isCouncilRole,
  type JsonSchema,
  minimalValue,
  type Operation,
  type Param,
  paramKind,
  rolesBelow,
  SLUG_PATTERN,
  violation,
} from './openapi.js';
import { CLOSED_PERIOD, type Council, other, PARTNER } from './world.js';

/**
 * Request generators of the fuzzed API (issue 12), from the operations of the served OpenAPI
 * document. Each request is valid by the schema except in one place, its *focus* (a path parameter,
 * the query, the body, or nothing), which is made hostile; the caller is any kind of user or none.
 * One hostile thing at a time keeps most requests deep enough to reach the data, and says what a
 * failure was caused by. Values are symbolic (`IdRef`: "the n-th plan of kent"), resolved when the
 * request is sent (fuzz.ts), so ids made by earlier requests are used too and a seed replays exactly.
 */

// ---------- symbolic values ----------

export type PoolKind = IdKind | 'cursor';
/** The n-th id of a kind in a council, as it is when the request is sent. */
export class IdRef {
  constructor(
    readonly kind: PoolKind,
    readonly council: Council,
    readonly n: number,
  ) {}
}
/** The version last seen of the resource the request is about (so edits reach the write). */
export class VersionRef {}
export class Concat {
  constructor(readonly parts: (string | IdRef)[]) {}
}
export type Sym = string | IdRef | Concat;

export type Encoding = 'component' | 'double' | 'raw';

export interface PathValue {
  value: Sym;
  encoding: Encoding;
}

export type BodySpec =
  | { kind: 'none' }
  /** A JSON value (may hold IdRef/VersionRef leaves), sent as JSON text, optionally with bad bytes spliced in. */
  | { kind: 'json'; value: unknown; contentType: string | undefined; spliceBytes?: number }
  | { kind: 'text'; text: string; contentType: string | undefined }
  | { kind: 'bytes'; bytes: Uint8Array; contentType: string | undefined };

export interface FuzzRequest {
  op: Operation;
  caller: string | undefined;
  path: Record<string, PathValue>;
  query: Array<[string, Sym | VersionRef, Encoding]>;
  body: BodySpec;
  /** Why the API must not accept this request (it carries a value the schema or issue 12 rules out). */
  refuse: string[];
  /** What is hostile in it, to group failures by cause. */
  tags: string[];
}

/** A generated part of a request: its value, and what makes it hostile. */
interface Part<T> {
  v: T;
  refuse: string[];
  tags: string[];
}
const part = <T>(v: T, refuse: string[] = [], tags: string[] = []): Part<T> => ({ v, refuse, tags });

/** `fc.oneof` over the entries whose weight is above zero. */
function weighted<T>(...entries: Array<{ arbitrary: fc.Arbitrary<T>; weight: number }>): fc.Arbitrary<T> {
  return fc.oneof(...entries.filter((e) => e.weight > 0));
}

// ---------- callers ----------

/** Who sends requests: harrow's four roles, kent's editor, a partner reader, and no one. */
export const CALLERS: Array<{ as: string | undefined; weight: number }> = [
  { as: 'admin@harrow.test', weight: 3 },
  { as: 'editor@harrow.test', weight: 3 },
  { as: 'contributor@harrow.test', weight: 2 },
  { as: 'viewer@harrow.test', weight: 2 },
  { as: 'editor@kent.test', weight: 2 },
  { as: PARTNER, weight: 1 },
  { as: undefined, weight: 1 },
];

// ---------- hostile values ----------

export const REAL_DATES = ['2026-03-31', '2027-03-31', '2026-12-31', '2028-02-29', '2026-04-01'];
/** Impossible calendar dates: issue 12 wants each refused wherever a date is taken. */
export const IMPOSSIBLE_DATES = [
  '2026-11-31',
  '2026-02-30',
  '2026-02-29',
  '2026-13-45',
  '2026-13-01',
  '0000-01-01',
  '2026-00-10',
  '2026-04-31',
  '9999-99-99',
  '2026-06-00',
];
const REAL_PERIODS = [
  CLOSED_PERIOD,
  CLOSED_PERIOD,
  CLOSED_PERIOD,
  'mid-year',
  'year-end',
  'mid-year:2026-27',
  '2026-05',
  '2026-Q1',
];
const IMPOSSIBLE_PERIODS = [
  '0000-01',
  '2026-13',
  '2026-00',
  '2026-Q0',
  '2026-Q5',
  'year-end:2026-13',
  '2026-02-30',
];
/** Percent-encodings no encoder produces: put into the URL as they are. */
const BAD_PERCENT = ['%', '%zz', '%E0%A4%A', '%C0%AF', '%FF', '%ED%A0%80', '%%32%33', '%u0023', '%0'];
/** The table's key separators and item prefixes (packages/db/src/keys.ts), to splice into ids. */
const KEY_SEGMENTS = [
  'ACTION',
  'THEME',
  'MS',
  'UPD',
  'SNAP',
  'PI',
  'RISK',
  'PERSON',
  'MEMBER',
  'AUDIT',
  'LOC',
];
const PROTO_WORDS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf'];

const HUGE = {
  ascii: 'A'.repeat(100_001),
  /** 3-byte UTF-8: 120 KB */
  euro: '€'.repeat(40_000),
  /** 4-byte UTF-8 (surrogate pairs in JSON): 120 KB */
  astral: '😀'.repeat(30_000),
  combining: 'e\u0301\u0327\u0308'.repeat(26_000),
};

const SEPARATORS = [
  '#',
  '%23',
  '/',
  '%2F',
  '..',
  '../..',
  '../../etc/passwd',
  '..%2F..%2F',
  '\\',
  '?',
  '&',
  '\u0000',
  '\u0001',
  '\u001f',
  '\u007f',
  '\n',
  '\r\n',
  '\t',
  '\u2028',
  '\u202e',
  '\ufeff',
  '\ud800',
  ' ',
  '',
  'C#kent',
  'C#harrow#PLAN#',
  'PLAN#',
  '*',
  '%',
  "' OR 1=1 --",
  '<script>alert(1)</script>',
  '=HYPERLINK("http://x")',
  // A log4j-style lookup, written so that it is not read as a template placeholder.
  `$${'{'}jndi:ldap://x}`,
  '{{7*7}}',
  '1e309',
  'NaN',
  '-1',
  '0x10',
];

export const hostileStringArb: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.constantFrom(...SEPARATORS, ...PROTO_WORDS), weight: 6 },
  { arbitrary: fc.constantFrom(...Object.values(HUGE)), weight: 2 },
  { arbitrary: fc.constantFrom(...IMPOSSIBLE_DATES), weight: 1 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 30 }), weight: 2 },
  {
    arbitrary: fc.string({
      unit: fc.constantFrom('#', '/', '%', '.', '\\', '\u0000', '\n', 'a', '0', 'é', '😀'),
      minLength: 1,
      maxLength: 20,
    }),
    weight: 2,
  },
);

/** An object with own `__proto__` and `constructor` keys, as JSON.parse makes them on the server. */
const pollutedObject = () =>
  JSON.parse('{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}');

/** Values of the wrong JSON type, deep nesting, big arrays, prototype keys. */
const wrongTypeArb: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(null, true, false, 0, -1, 1.5, 1e308, '1', 'true', 'null', [], {}, [null], [[]]),
  fc.constant(null).map(() => pollutedObject()),
  fc.constant(null).map(() => JSON.parse(`${'['.repeat(1500)}${']'.repeat(1500)}`)),
  fc.constant(null).map(() => Array.from({ length: 5000 }, () => 'x')),
);

const idArb = (kind: PoolKind, council: Council) => fc.nat(1000).map((n) => new IdRef(kind, council, n));

// ---------- values from a schema ----------

/** Council deadlines as text and parsed (packages/core timescales): its rules span fields, so valid ones are listed. */
const VALID_TIMESCALES = [
  { text: 'March 2027', kind: 'date', due: '2027-03-31', precision: 'month' },
  { text: '2026-27', kind: 'range', start: '2026-04-01', due: '2027-03-31', precision: 'financial-year' },
  { text: 'Ongoing', kind: 'ongoing' },
  { text: 'tbc', kind: 'tbc' },
  { text: '31/12/2026', kind: 'date', due: '2026-12-31', precision: 'day' },
];
const isTimescale = (s: JsonSchema) =>
  !!s.properties?.text && !!s.properties?.kind && !!s.properties?.precision;

/** A valid value of `schema` (by what the schema says; refinements it cannot state may still refuse it). */
export function validValue(
  schema: JsonSchema,
  field: string | undefined,
  home: Council,
  depth = 0,
): fc.Arbitrary<unknown> {
  const alts = (schema.anyOf ?? schema.oneOf) as JsonSchema[] | undefined;
  if (alts?.length) return fc.oneof(...alts.map((s) => validValue(s, field, home, depth)));
  if (schema.enum) return fc.constantFrom(...(schema.enum as unknown[]));
  const types: string[] = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  if (types.length > 1) {
    return fc.oneof(
      ...types.map((t) => ({
        arbitrary: t === 'null' ? fc.constant(null) : validValue({ ...schema, type: t }, field, home, depth),
        weight: t === 'null' ? 1 : 4,
      })),
    );
  }
  switch (types[0]) {
    case 'object': {
      const props = Object.entries<JsonSchema>(schema.properties ?? {});
      if (!props.length || depth > 4) {
        return fc
          .dictionary(fc.constantFrom('a', 'b'), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 2 })
          .map((d) => ({ ...d }));
      }
      const timescale = isTimescale(schema);
      if (timescale) return fc.constantFrom(...VALID_TIMESCALES);
      const required = new Set<string>(schema.required ?? []);
      // Optional properties one time in three: each one is another chance of a cross-field rule
      // (refinements the schema cannot state) refusing an otherwise valid body.
      const ABSENT = Symbol('absent');
      return fc
        .tuple(
          ...props.map(([k, s]) => {
            const v = validValue(s, k, home, depth + 1);
            return (
              required.has(k)
                ? v
                : fc.oneof({ arbitrary: fc.constant(ABSENT), weight: 2 }, { arbitrary: v, weight: 1 })
            ).map((x) => [k, x] as const);
          }),
        )
        .map((entries) => Object.fromEntries(entries.filter(([, x]) => x !== ABSENT)));
    }
    case 'array': {
      const min = schema.minItems ?? 0;
      return fc.array(validValue(schema.items ?? {}, field, home, depth + 1), {
        minLength: min,
        maxLength: Math.min(schema.maxItems ?? min + 2, min + 2),
      });
    }
    case 'string': {
      if (schema.pattern === ID_PATTERN) return idArb(fieldKind(field), home);
      if (schema.pattern === DATE_PATTERN) return fc.constantFrom(...REAL_DATES);
      if (schema.pattern === SLUG_PATTERN) return fc.constantFrom('harrow', 'kent', 'shared-hr');
      if (schema.format === 'email') return fc.constantFrom('someone@example.test', 'viewer@harrow.test');
      if (schema.example !== undefined) return fc.constant(schema.example);
      const min = Math.max(schema.minLength ?? 0, 1);
      const max = Math.max(min, Math.min(schema.maxLength ?? 40, min + 40));
      return (
        fc
          .oneof(
            { arbitrary: fc.string({ minLength: min, maxLength: max }), weight: 4 },
            { arbitrary: fc.string({ unit: 'grapheme', minLength: min, maxLength: max }), weight: 1 },
          )
          // Refinements such as trim().min(1) are not in the schema: keep valid values plainly valid.
          .filter((s) => s.trim().length >= min && [...s].length <= max)
      );
    }
    case 'integer':
    case 'number': {
      if (field === 'version') return fc.constant(new VersionRef());
      const min = schema.minimum ?? -1000;
      const max = schema.maximum ?? 1000;
      // Plain numbers here; the extremes a table cannot store are the hostile ones (hostileFor).
      return types[0] === 'integer'
        ? fc.integer({ min, max })
        : fc.integer({ min: min * 100, max: max * 100 }).map((n) => n / 100);
    }
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

/** Stands for a string of `n` characters, filled in by `fill` once the character is chosen. */
class Long {
  constructor(readonly n: number) {}
}
const fill = (v: unknown, ch: string): unknown =>
  v instanceof Long
    ? ch.repeat(v.n)
    : Array.isArray(v)
      ? v.map((x) => fill(x, ch))
      : v &&
          typeof v === 'object' &&
          !(v instanceof IdRef) &&
          !(v instanceof VersionRef) &&
          !(v instanceof Concat)
        ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, fill(x, ch)]))
        : v;

/**
 * A valid value with every property present, every free-text string at its maxLength and up to
 * five items in each array: what a request may carry at most, within the JSON body limit.
 */
function maximalValue(
  schema: JsonSchema,
  field: string | undefined,
  home: Council,
  depth = 0,
): fc.Arbitrary<unknown> {
  const alts = (schema.anyOf ?? schema.oneOf) as JsonSchema[] | undefined;
  if (alts?.length)
    return maximalValue(alts.find((a) => a.properties) ?? (alts[0] as JsonSchema), field, home, depth);
  const types: string[] = (
    Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : []
  ).filter((t: string) => t !== 'null');
  if (schema.enum || schema.pattern || schema.format || depth > 5)
    return validValue(schema, field, home, depth);
  switch (types[0]) {
    case 'object': {
      if (isTimescale(schema))
        return fc.constant({
          ...VALID_TIMESCALES[0],
          text: new Long(schema.properties.text.maxLength ?? 1000),
        });
      const props = Object.entries<JsonSchema>(schema.properties ?? {});
      if (!props.length) return validValue(schema, field, home, depth);
      return fc
        .tuple(...props.map(([k, sub]) => maximalValue(sub, k, home, depth + 1).map((v) => [k, v] as const)))
        .map((e) => Object.fromEntries(e));
    }
    case 'array': {
      const max = Math.max(schema.minItems ?? 0, Math.min(schema.maxItems ?? 5, 5));
      return fc.array(maximalValue(schema.items ?? {}, field, home, depth + 1), {
        minLength: Math.min(max, Math.max(schema.minItems ?? 1, 1)),
        maxLength: max,
      });
    }
    case 'string':
      return fc.constant(new Long(schema.maxLength ?? 1000));
    case 'integer':
    case 'number':
      if (field === 'version') return fc.constant(new VersionRef());
      return fc.constant(schema.maximum ?? 1_000_000_000);
    default:
      return validValue(schema, field, home, depth);
  }
}

/** A node of a schema: where it is (object keys, `0` for array items) and what it says. */
interface SchemaNode {
  path: Array<string | 0>;
  schema: JsonSchema;
  field: string | undefined;
}

/** Every node of a body schema, to make one of them hostile. */
function schemaNodes(
  schema: JsonSchema,
  path: Array<string | 0> = [],
  field?: string,
  depth = 0,
): SchemaNode[] {
  const out: SchemaNode[] = [{ path, schema, field }];
  if (depth > 5) return out;
  const objectBranch = ((schema.anyOf ?? schema.oneOf) as JsonSchema[] | undefined)?.find(
    (s) => s.properties,
  );
  const s = objectBranch ?? schema;
  for (const [k, sub] of Object.entries<JsonSchema>(s.properties ?? {}))
    out.push(...schemaNodes(sub, [...path, k], k, depth + 1));
  if (s.items) out.push(...schemaNodes(s.items, [...path, 0], field, depth + 1));
  return out;
}

/** Ids for smallest valid forms: the first of each kind in the council. */
const idForMinimal = (home: Council) => (kind: IdKind) => new IdRef(kind, home, 0);

/** `value` with the node at `path` set to `v`; missing objects and arrays on the way get their smallest valid form. */
function setAt(
  value: unknown,
  root: JsonSchema,
  path: Array<string | 0>,
  v: unknown,
  home: Council,
): unknown {
  if (!path.length) return v;
  const [head, ...rest] = path as [string | 0, ...Array<string | 0>];
  const objectBranch = ((root.anyOf ?? root.oneOf) as JsonSchema[] | undefined)?.find((s) => s.properties);
  const s = objectBranch ?? root;
  const idFor = idForMinimal(home);
  if (head === 0) {
    const arr = Array.isArray(value) ? [...value] : [];
    const items = s.items ?? {};
    arr[0] = setAt(arr.length ? arr[0] : minimalValue(items, idFor), items, rest, v, home);
    return arr;
  }
  const obj: Record<string, unknown> =
    value && typeof value === 'object' && !Array.isArray(value) ? { ...value } : {};
  const sub = s.properties?.[head] ?? {};
  obj[head] = setAt(
    Object.hasOwn(obj, head) ? obj[head] : minimalValue(sub, idFor, head),
    sub,
    rest,
    v,
    home,
  );
  return obj;
}

/** A hostile replacement for a value of `schema`: refused when it breaks what the schema says. */
function hostileFor(
  schema: JsonSchema,
  at: string,
  home: Council,
  field?: string,
): fc.Arbitrary<Part<unknown>> {
  const judge = (v: unknown, tag: string) => {
    const why = violation(schema, v, at);
    return part(v, why ? [why] : [], [`${at}:${tag}`]);
  };
  const isDate = schema.pattern === DATE_PATTERN;
  const isId = schema.pattern === ID_PATTERN;
  const isString = schema.type === 'string' || (Array.isArray(schema.type) && schema.type.includes('string'));
  return weighted(
    { arbitrary: hostileStringArb.map((v) => judge(v, 'hostile-string')), weight: isString ? 4 : 2 },
    {
      arbitrary: fc.constantFrom(...Object.values(HUGE)).map((v) => judge(v, 'huge-string')),
      weight: isString && !isDate && !isId ? 2 : 0,
    },
    {
      arbitrary: fc.constantFrom(...IMPOSSIBLE_DATES).map((v) => judge(v, 'impossible-date')),
      weight: isDate ? 12 : 0,
    },
    { arbitrary: wrongTypeArb.map((v) => judge(v, 'wrong-type')), weight: 3 },
    {
      arbitrary: fc
        .constantFrom(1e126, -1e126, 2.5e-323, -1e-131, Number.MAX_SAFE_INTEGER + 2)
        .map((v) => judge(v, 'extreme-number')),
      weight:
        schema.type === 'number' || (Array.isArray(schema.type) && schema.type.includes('number')) ? 3 : 0,
    },
    {
      arbitrary: fc
        .tuple(idArb(fieldKind(field), other(home)))
        .map(([r]) => part<unknown>(r, [], [`${at}:other-council-id`])),
      weight: isId ? 3 : 0,
    },
    {
      arbitrary: fc
        .tuple(idArb('plan', home), fc.constantFrom(...KEY_SEGMENTS), idArb('action', home))
        .map(([a, seg, b]) => judge(new Concat([a, `#${seg}#`, b]), 'key-splice')),
      weight: isId ? 3 : 0,
    },
  );
}

/** A valid body with one node made hostile (date nodes most often), or an own `__proto__` key added. */
function mutatedBodyArb(schema: JsonSchema, home: Council): fc.Arbitrary<Part<unknown>> {
  const nodes = schemaNodes(schema);
  const objects = nodes.filter((n) => n.schema.properties);
  const pick = fc.oneof(
    ...nodes.map((n) => ({
      arbitrary: fc.constant(n),
      weight: n.schema.pattern === DATE_PATTERN ? 10 : n.path.length ? 2 : 1,
    })),
  );
  const replace = fc.tuple(validValue(schema, undefined, home), pick).chain(([base, n]) => {
    const at = ['body', ...n.path.map((p) => (p === 0 ? '[0]' : p))].join('.').replace('.[0]', '[0]');
    return hostileFor(n.schema, at, home, n.field).map((h) =>
      part(setAt(base, schema, n.path, h.v, home), h.refuse, h.tags),
    );
  });
  const protoKey = fc
    .tuple(
      validValue(schema, undefined, home),
      fc.constantFrom(...objects),
      fc.constantFrom(...PROTO_WORDS.slice(0, 3)),
    )
    .map(([base, n, key]) => {
      // An own key, as JSON.parse makes it on the server (not the object's prototype).
      const add = (obj: unknown) => ({
        ...((obj ?? minimalValue(n.schema, idForMinimal(home))) as object),
        ...Object.fromEntries([[key, pollutedObject()]]),
      });
      const withKey = n.path.length ? setAt(base, schema, n.path, add(getAt(base, n.path)), home) : add(base);
      return part<unknown>(withKey, [], [`body${n.path.length ? '.' : ''}${n.path.join('.')}:proto-key`]);
    });
  return objects.length
    ? fc.oneof({ arbitrary: replace, weight: 8 }, { arbitrary: protoKey, weight: 1 })
    : replace;
}

function getAt(value: unknown, path: Array<string | 0>): unknown {
  let v = value;
  for (const p of path)
    v = v && typeof v === 'object' ? (v as Record<string | number, unknown>)[p] : undefined;
  return v;
}

// ---------- path parameters ----------

const CHILD_KEYS: Partial<Record<IdKind, Array<[string, IdKind]>>> = {
  plan: [
    ['ACTION', 'action'],
    ['THEME', 'theme'],
    ['PI', 'indicator'],
    ['RISK', 'risk'],
    ['BC', 'continuity'],
    ['DEC', 'decision'],
  ],
  action: [['MS', 'milestone']],
};

const hostileEncoding = fc.oneof(
  { arbitrary: fc.constant<Encoding>('component'), weight: 5 },
  { arbitrary: fc.constant<Encoding>('double'), weight: 1 },
);
const pv = (value: Sym, encoding: Encoding = 'component'): PathValue => ({ value, encoding });

/** Another kind of id for each kind, to send where it does not belong. */
const OTHER_KIND: Partial<Record<IdKind, IdKind>> = {
  plan: 'action',
  action: 'milestone',
  milestone: 'action',
  person: 'plan',
  indicator: 'risk',
  risk: 'indicator',
  continuity: 'decision',
  decision: 'continuity',
  import: 'plan',
  theme: 'plan',
};

function validPathArb(kind: IdKind, home: Council): fc.Arbitrary<PathValue> {
  if (kind === 'period') return fc.constantFrom(...REAL_PERIODS).map((v) => pv(v));
  if (kind === 'partnership')
    return weighted(
      { arbitrary: fc.constant(pv('shared-hr')), weight: 5 },
      { arbitrary: fc.constant(pv('other-service')), weight: 1 },
    );
  if (kind === 'council' || kind === 'feed-council') return fc.constant(pv(home));
  return idArb(kind, home).map((r) => pv(r));
}

/** A path value that names nothing the caller may reach, so it must be refused (400 or 404). */
function hostilePathArb(kind: IdKind, name: string, home: Council): fc.Arbitrary<Part<PathValue>> {
  const at = `{${name}}`;
  const bad = (tag: string) => (value: PathValue) => part(value, [`${at}: ${tag}`], [`${at}:${tag}`]);
  const common = weighted(
    {
      arbitrary: fc.tuple(hostileStringArb, hostileEncoding).map(([v, e]) => bad('hostile')(pv(v, e))),
      weight: 3,
    },
    {
      arbitrary: fc
        .tuple(fc.constantFrom(...BAD_PERCENT))
        .map(([p]) => bad('bad-percent')(pv(`${kind === 'council' ? home : 'x'}${p}`, 'raw'))),
      weight: 1,
    },
  );
  if (kind === 'council' || kind === 'feed-council') {
    return weighted(
      {
        arbitrary: fc
          .constantFrom('ghost-council', 'harrow-', ...PROTO_WORDS.map((w) => w.toLowerCase()))
          .map((v) => bad('not a council')(pv(v))),
        weight: 3,
      },
      { arbitrary: common, weight: 2 },
    );
  }
  if (kind === 'period') {
    return weighted(
      {
        arbitrary: fc.constantFrom(...IMPOSSIBLE_PERIODS).map((v) => bad('impossible period')(pv(v))),
        weight: 3,
      },
      {
        arbitrary: fc
          .constantFrom(...KEY_SEGMENTS)
          .map((s) => bad('key-splice')(pv(`${CLOSED_PERIOD}#${s}#x`))),
        weight: 1,
      },
      { arbitrary: common, weight: 2 },
    );
  }
  if (kind === 'partnership') return common;
  // The sort keys of the item's own children (packages/db/src/keys.ts), so a spliced id names a real item.
  const children = CHILD_KEYS[kind] ?? [];
  const splice = fc.oneof(
    fc
      .tuple(idArb(kind, home), fc.constantFrom(...KEY_SEGMENTS), idArb(OTHER_KIND[kind] ?? 'action', home))
      .map(([a, seg, b]) => new Concat([a, `#${seg}#`, b])),
    ...(children.length
      ? [
          fc
            .tuple(idArb(kind, home), fc.constantFrom(...children))
            .chain(([a, [seg, child]]) => idArb(child, home).map((b) => new Concat([a, `#${seg}#`, b]))),
        ]
      : []),
    // A closed period's frozen snapshot: `PLAN#<planId>#SNAP#<key>`.
    idArb(kind, home).map((a) => new Concat([a, `#SNAP#${CLOSED_PERIOD}`])),
    idArb(kind, home).map((a) => new Concat([a, '#'])),
  );
  return weighted(
    {
      arbitrary: idArb(kind, other(home)).map((r) => bad('another council’s id')(pv(r))),
      weight: COUNCIL_OWNED.includes(kind) ? 3 : 0,
    },
    {
      arbitrary: idArb(OTHER_KIND[kind] ?? 'plan', home).map((r) => bad('id of another kind')(pv(r))),
      weight: OTHER_KIND[kind] ? 1 : 0,
    },
    { arbitrary: fc.tuple(splice, hostileEncoding).map(([v, e]) => bad('key-splice')(pv(v, e))), weight: 3 },
    { arbitrary: common, weight: 3 },
  );
}

// ---------- query parameters ----------

const b64 = (v: unknown) => Buffer.from(typeof v === 'string' ? v : JSON.stringify(v)).toString('base64url');
/** Cursors no API issued: incomplete keys, another partition, not JSON, not an object. */
const FORGED_CURSORS = [
  'eyJQSyI6IkMjaGFycm93In0',
  b64({ PK: 'C#harrow' }),
  b64({ PK: 'C#kent', SK: 'PLAN#01AAAAAAAAAAAAAAAAAAAAAAAA' }),
  b64({ PK: 'C#harrow', SK: { S: 'PLAN#x' } }),
  b64({ PK: 'C#harrow', SK: 7 }),
  b64({ SK: 'PLAN#x' }),
  b64([]),
  b64('null'),
  b64('"C#harrow"'),
  b64('{"PK":"C#harrow"'),
  'not a cursor',
  '!!!',
];

type Q = Part<{ value: Sym | VersionRef; encoding: Encoding }>;
const q = (
  value: Sym | VersionRef,
  refuse: string[] = [],
  tags: string[] = [],
  encoding: Encoding = 'component',
): Q => part({ value, encoding }, refuse, tags);

function validQueryArb(param: Param, home: Council): fc.Arbitrary<Q> {
  const s = param.schema;
  if (param.name === 'cursor') return idArb('cursor', home).map((r) => q(r));
  if (param.name === 'period' || param.name === 'compareWith')
    return fc.constantFrom(...REAL_PERIODS).map((v) => q(v));
  if (param.name === 'council') return fc.constantFrom('harrow', 'kent', 'harrow,kent').map((v) => q(v));
  if (s.pattern === DATE_PATTERN) return fc.constantFrom(...REAL_DATES).map((v) => q(v));
  if (s.enum) return fc.constantFrom(...(s.enum as string[])).map((v) => q(v));
  if (s.type === 'integer' || s.type === 'number') {
    if (param.name === 'version') return fc.constant(q(new VersionRef()));
    return fc.integer({ min: s.minimum ?? 0, max: s.maximum ?? 100 }).map((n) => q(String(n)));
  }
  return validValue({ ...s, type: 'string' }, param.name, home).map((x) => q(String(x)));
}

function hostileQueryArb(param: Param, home: Council): fc.Arbitrary<Q> {
  const at = `?${param.name}`;
  const s = param.schema;
  const bad = (tag: string, refuse: boolean) => (v: Sym) =>
    q(v, refuse ? [`${at}: ${tag}`] : [], [`${at}:${tag}`]);
  const judged = (tag: string) => (v: string) => {
    const why = violation(s, v, at);
    return q(v, why ? [why] : [], [`${at}:${tag}`]);
  };
  const rawBad = fc.constantFrom(...BAD_PERCENT).map((v) => q(v, [], [`${at}:bad-percent`], 'raw'));
  if (param.name === 'cursor') {
    return fc.oneof(
      { arbitrary: idArb('cursor', other(home)).map(bad('another council’s cursor', true)), weight: 2 },
      { arbitrary: fc.constantFrom(...FORGED_CURSORS).map(bad('forged cursor', true)), weight: 4 },
      {
        arbitrary: fc
          .uint8Array({ minLength: 3, maxLength: 48 })
          .map((b) => Buffer.from(b).toString('base64url'))
          .map(bad('garbled cursor', true)),
        weight: 2,
      },
      { arbitrary: hostileStringArb.map(bad('hostile', false)), weight: 1 },
    );
  }
  if (param.name === 'period' || param.name === 'compareWith') {
    return fc.oneof(
      { arbitrary: fc.constantFrom(...IMPOSSIBLE_PERIODS).map(bad('impossible period', true)), weight: 3 },
      { arbitrary: hostileStringArb.map(bad('hostile', true)), weight: 1 },
    );
  }
  if (s.pattern === DATE_PATTERN) {
    return fc.oneof(
      { arbitrary: fc.constantFrom(...IMPOSSIBLE_DATES).map(bad('impossible date', true)), weight: 3 },
      { arbitrary: hostileStringArb.map(judged('hostile')), weight: 1 },
    );
  }
  if (s.type === 'integer' || s.type === 'number') {
    const inRange = (n: number) =>
      Number.isInteger(n) &&
      n >= (s.minimum ?? Number.NEGATIVE_INFINITY) &&
      n <= (s.maximum ?? Number.POSITIVE_INFINITY);
    // The API coerces query numbers as `Number(v)` does: only what no coercion makes valid must be refused.
    const coerced = (v: string) =>
      q(v, inRange(Number(v)) ? [] : [`${at}: ${JSON.stringify(v).slice(0, 40)} is not allowed`], [
        `${at}:hostile`,
      ]);
    return fc.oneof(
      {
        arbitrary: fc
          .constantFrom('0', '-1', '201', '366', '1.5', '1e3', '1e309', 'NaN', '0x10', '', ' ', '٣')
          .map(coerced),
        weight: 3,
      },
      { arbitrary: hostileStringArb.map(coerced), weight: 1 },
      { arbitrary: rawBad, weight: 1 },
    );
  }
  if (s.enum) return fc.oneof(hostileStringArb, fc.constantFrom(...PROTO_WORDS)).map(judged('hostile'));
  return weighted(
    { arbitrary: hostileStringArb.map(judged('hostile')), weight: 3 },
    {
      arbitrary: fc.constantFrom('ghost-council', 'harrow,,,', 'HARROW', '__proto__').map(judged('hostile')),
      weight: param.name === 'council' ? 2 : 0,
    },
    { arbitrary: rawBad, weight: 1 },
  );
}

/** Parameters nobody declared, some named to pollute prototypes or to override the path. */
const JUNK_QUERY: Array<[string, string]> = [
  ['__proto__[polluted]', 'true'],
  ['constructor[prototype][polluted]', 'true'],
  ['__proto__', 'x'],
  ['limit', '-5'],
  ['filename', '../../etc/passwd'],
  ['kind', '__proto__'],
  ['c', 'kent'],
  ['council', 'kent'],
];

// ---------- bodies ----------

const JSON_TYPES = ['application/json', 'application/json; charset=utf-8', 'APPLICATION/JSON'];
const WRONG_TYPES = [
  undefined,
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/xml',
  'text/json',
];
const MALFORMED_JSON = [
  '{',
  '{"a":',
  '{"title":"x",}',
  "{'title':'x'}",
  'NaN',
  '\u0000',
  '{"a":1}{"b":2}',
  '[',
  'undefined',
  '',
  ' ',
  '{"title":"\\x41"}',
  '{"title":"\\u12"}',
];

type B = Part<BodySpec>;

function validJsonBodyArb(schema: JsonSchema, home: Council): fc.Arbitrary<B> {
  return validValue(schema, undefined, home).map((x) =>
    part<BodySpec>({ kind: 'json', value: x, contentType: 'application/json' }),
  );
}

function hostileJsonBodyArb(op: Operation, schema: JsonSchema, home: Council): fc.Arbitrary<B> {
  const objectBody = (schema.type ?? 'object') === 'object';
  return fc.oneof(
    {
      // Valid, and as big as the schema allows: the item must still be stored, or refused with a 4xx.
      arbitrary: fc
        .tuple(maximalValue(schema, undefined, home), fc.constantFrom('x', '€', 'é'))
        .map(([v, ch]) =>
          part<BodySpec>(
            { kind: 'json', value: fill(v, ch), contentType: 'application/json' },
            [],
            [`body:maximal-${ch}`],
          ),
        ),
      weight: 2,
    },
    {
      arbitrary: fc
        .tuple(mutatedBodyArb(schema, home), fc.constantFrom(...JSON_TYPES))
        .map(([x, ct]) => part<BodySpec>({ kind: 'json', value: x.v, contentType: ct }, x.refuse, x.tags)),
      weight: 8,
    },
    {
      arbitrary: wrongTypeArb.map((v) => {
        const why = violation(schema, v, 'body');
        return part<BodySpec>({ kind: 'json', value: v, contentType: 'application/json' }, why ? [why] : [], [
          'body:wrong-type',
        ]);
      }),
      weight: 1,
    },
    {
      arbitrary: fc.constantFrom(...MALFORMED_JSON).map((text) =>
        part<BodySpec>(
          { kind: 'text', text, contentType: 'application/json' },
          // An empty body is "no body": refused only where a body is required.
          text.trim() === '' && !op.bodyRequired ? [] : objectBody ? ['body: malformed JSON'] : [],
          ['body:malformed-json'],
        ),
      ),
      weight: 2,
    },
    {
      arbitrary: fc
        .tuple(validJsonBodyArb(schema, home), fc.constantFrom(...WRONG_TYPES))
        .map(([x, ct]) =>
          part<BodySpec>(
            { ...(x.v as { kind: 'json'; value: unknown }), contentType: ct },
            [`body: sent as ${ct ?? 'no content type'}`],
            ['body:wrong-content-type'],
          ),
        ),
      weight: 1,
    },
    {
      arbitrary: fc
        .tuple(validJsonBodyArb(schema, home), fc.nat())
        .map(([x, n]) =>
          part<BodySpec>(
            { ...(x.v as { kind: 'json'; value: unknown; contentType: string }), spliceBytes: n },
            [],
            ['body:invalid-utf8'],
          ),
        ),
      weight: 1,
    },
  );
}

const TSV_PLAN =
  'Ref\tAction\tLead\tDeadline\n1\tRefresh the workforce strategy\tHead of HR\tMarch 2027\n1.1\tConsult\tGM (HR)\t2026-02-30\n';
const fileContentArb: fc.Arbitrary<{ bytes: Uint8Array; tag: string }> = fc.oneof(
  fc.constant({ bytes: Buffer.from(TSV_PLAN), tag: 'tsv' }),
  fc.uint8Array({ maxLength: 2000 }).map((b) => ({ bytes: b, tag: 'random-bytes' })),
  fc
    .uint8Array({ maxLength: 600 })
    .map((b) => ({ bytes: Buffer.concat([Buffer.from('PK\u0003\u0004'), b]), tag: 'fake-zip' })),
  fc.constant({ bytes: new Uint8Array(0), tag: 'empty' }),
  fc.constant({ bytes: Buffer.from('Ref\tAction\n'.concat('1\tx\n'.repeat(60_000))), tag: 'huge-tsv' }),
  fc.constant({ bytes: Buffer.from(`\ufeff${TSV_PLAN}`, 'utf16le'), tag: 'utf16' }),
  hostileStringArb.map((s) => ({ bytes: Buffer.from(s), tag: 'hostile-text' })),
);

function multipart(
  parts: Array<{ name: string; filename?: string; type?: string; data: Uint8Array | string }>,
  boundary: string,
) {
  const chunks: Buffer[] = [];
  for (const p of parts) {
    const filename = p.filename !== undefined ? `; filename="${p.filename}"` : '';
    const type = p.type ? `Content-Type: ${p.type}\r\n` : '';
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${p.name}"${filename}\r\n${type}\r\n`,
      ),
    );
    chunks.push(Buffer.from(p.data));
    chunks.push(Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return new Uint8Array(Buffer.concat(chunks));
}

const MB = 'fuzzBoundary7MA4YWxk';
const validImportArb: fc.Arbitrary<B> = fc.oneof(
  fc.constant(
    part<BodySpec>({
      kind: 'json',
      value: { text: TSV_PLAN, filename: 'plan.txt' },
      contentType: 'application/json',
    }),
  ),
  fc.constant(
    part<BodySpec>({
      kind: 'bytes',
      bytes: multipart([{ name: 'file', filename: 'plan.txt', type: 'text/plain', data: TSV_PLAN }], MB),
      contentType: `multipart/form-data; boundary=${MB}`,
    }),
  ),
);

/** The import upload takes multipart, a raw file or JSON text (its description): each broken every way. */
const hostileImportArb: fc.Arbitrary<B> = (() => {
  const kindArb = fc.option(fc.oneof(fc.constantFrom('business-plan', 'peer-review'), hostileStringArb), {
    nil: undefined,
  });
  const mappingArb = fc.option(
    fc.oneof(
      fc.constant('{"Action":"title"}'),
      fc.constant('{"__proto__":{"polluted":true}}'),
      fc.constantFrom(...MALFORMED_JSON),
      hostileStringArb,
    ),
    { nil: undefined },
  );
  const filenameArb = fc.oneof(
    fc.constantFrom(
      'plan.txt',
      'plan.docx',
      'plan.xlsx',
      '../../etc/passwd',
      'a\u0000b.txt',
      '',
      'x'.repeat(300),
    ),
    hostileStringArb,
  );
  const wellFormed = fc
    .tuple(fileContentArb, filenameArb, kindArb, mappingArb)
    .map(([file, filename, kind, mapping]) =>
      part<BodySpec>(
        {
          kind: 'bytes',
          bytes: multipart(
            [
              { name: 'file', filename, type: 'application/octet-stream', data: file.bytes },
              ...(kind !== undefined ? [{ name: 'kind', data: kind }] : []),
              ...(mapping !== undefined ? [{ name: 'mapping', data: mapping }] : []),
            ],
            MB,
          ),
          contentType: `multipart/form-data; boundary=${MB}`,
        },
        [],
        [
          `multipart:${file.tag}`,
          // A quote, CR, LF or NUL in the filename breaks the part's header itself.
          ...(['"', '\r', '\n', '\u0000'].some((ch) => filename.includes(ch))
            ? ['multipart:header-breaking filename']
            : []),
          ...(kind !== undefined ? ['multipart:kind'] : []),
          ...(mapping !== undefined ? ['multipart:mapping'] : []),
        ],
      ),
    );
  const good = multipart([{ name: 'file', filename: 'plan.txt', data: TSV_PLAN }], MB);
  const ct = `multipart/form-data; boundary=${MB}`;
  const malformed = fc
    .constantFrom<[string, Uint8Array, string | undefined]>(
      ['no boundary parameter', good, 'multipart/form-data'],
      ['empty boundary', good, 'multipart/form-data; boundary='],
      ['boundary differs from the body', good, 'multipart/form-data; boundary=other'],
      ['truncated mid-part', good.slice(0, 60), ct],
      ['no closing boundary', good.slice(0, good.length - MB.length - 6), ct],
      [
        'no blank line after headers',
        Buffer.from(
          `--${MB}\r\nContent-Disposition: form-data; name="file"; filename="a"\r\nabc\r\n--${MB}--\r\n`,
        ),
        ct,
      ],
      ['file part without a filename', multipart([{ name: 'file', data: TSV_PLAN }], MB), ct],
      ['no parts at all', Buffer.from(`--${MB}--\r\n`), ct],
      ['empty body', new Uint8Array(0), ct],
      ['garbage', Buffer.from('this is not multipart at all'), ct],
      [
        '300-character boundary',
        multipart([{ name: 'file', filename: 'a.txt', data: TSV_PLAN }], 'b'.repeat(300)),
        `multipart/form-data; boundary=${'b'.repeat(300)}`,
      ],
      [
        'part without a name',
        Buffer.from(`--${MB}\r\nContent-Disposition: form-data\r\n\r\nx\r\n--${MB}--\r\n`),
        ct,
      ],
      ['quoted boundary with a quote inside', good, 'multipart/form-data; boundary="a"b"'],
    )
    .map(([tag, bytes, contentType]) =>
      part<BodySpec>({ kind: 'bytes', bytes, contentType }, [], [`multipart:${tag}`]),
    );
  const rawFile = fc
    .tuple(
      fileContentArb,
      fc.constantFrom(undefined, 'application/octet-stream', 'text/plain', 'application/zip'),
    )
    .map(([file, contentType]) =>
      part<BodySpec>({ kind: 'bytes', bytes: file.bytes, contentType }, [], [`raw-file:${file.tag}`]),
    );
  const textSchema: JsonSchema = {
    type: 'object',
    properties: { text: { type: 'string', minLength: 1 }, filename: { type: 'string', maxLength: 200 } },
    required: ['text'],
  };
  const jsonText = fc.oneof(
    fc
      .tuple(fc.oneof(fc.constant(TSV_PLAN), hostileStringArb), fc.option(filenameArb, { nil: undefined }))
      .map(([text, filename]) => {
        const value = { text, ...(filename !== undefined ? { filename } : {}) };
        const why = violation(textSchema, value, 'body');
        return part<BodySpec>({ kind: 'json', value, contentType: 'application/json' }, why ? [why] : [], [
          'json-text:hostile',
        ]);
      }),
    wrongTypeArb.map((v) =>
      part<BodySpec>(
        { kind: 'json', value: v, contentType: 'application/json' },
        ['body: not a JSON object'],
        ['json-text:wrong-type'],
      ),
    ),
    fc
      .constantFrom(...MALFORMED_JSON)
      .map((text) =>
        part<BodySpec>(
          { kind: 'text', text, contentType: 'application/json' },
          ['body: malformed JSON'],
          ['json-text:malformed'],
        ),
      ),
  );
  return fc.oneof(
    { arbitrary: wellFormed, weight: 3 },
    { arbitrary: malformed, weight: 3 },
    { arbitrary: rawFile, weight: 2 },
    { arbitrary: jsonText, weight: 3 },
  );
})();

const NO_BODY = fc.constant(part<BodySpec>({ kind: 'none' }));

function bodyArbs(op: Operation, home: Council): { valid: fc.Arbitrary<B>; hostile?: fc.Arbitrary<B> } {
  if (op.body)
    return { valid: validJsonBodyArb(op.body, home), hostile: hostileJsonBodyArb(op, op.body, home) };
  if (op.method === 'POST' && op.path.endsWith('/imports'))
    return { valid: validImportArb, hostile: hostileImportArb };
  // GET cannot carry a body; other methods without one get an unexpected one.
  if (op.method === 'GET') return { valid: NO_BODY };
  return {
    valid: NO_BODY,
    hostile: fc.constant(
      part<BodySpec>(
        { kind: 'text', text: '{"__proto__":{"polluted":true}}', contentType: 'application/json' },
        [],
        ['body:unexpected'],
      ),
    ),
  };
}

// ---------- one request ----------

type Focus = { on: 'none' } | { on: 'path'; name: string } | { on: 'query'; index: number } | { on: 'body' };

/**
 * One request for `op`: a caller, its home council (mostly the caller's own), valid values
 * everywhere, and at most one hostile focus.
 */
export function requestArb(op: Operation): fc.Arbitrary<FuzzRequest> {
  const foci: Array<{ arbitrary: fc.Arbitrary<Focus>; weight: number }> = [
    { arbitrary: fc.constant<Focus>({ on: 'none' }), weight: 2 },
    ...op.pathParams.map((p) => ({ arbitrary: fc.constant<Focus>({ on: 'path', name: p.name }), weight: 2 })),
    ...op.queryParams.map((_p, index) => ({
      arbitrary: fc.constant<Focus>({ on: 'query', index }),
      weight: 2,
    })),
    // A parameter nobody declared (index past the declared ones).
    { arbitrary: fc.constant<Focus>({ on: 'query', index: op.queryParams.length }), weight: 1 },
    // Bodies have the most places to break.
    ...(bodyArbs(op, 'harrow').hostile ? [{ arbitrary: fc.constant<Focus>({ on: 'body' }), weight: 6 }] : []),
  ];
  // Callers who may call the operation (its x-min-role) four times as often, so that more
  // requests get past the role check to the data.
  const mayCall = (as: string | undefined) => {
    if (op.minRole === 'partner-reader') return as === PARTNER;
    const role = /^(\w+)@/.exec(as ?? '')?.[1] ?? '';
    return (
      isCouncilRole(role) &&
      isCouncilRole(op.minRole ?? '') &&
      !rolesBelow(op.minRole as CouncilRole).includes(role)
    );
  };
  const callerArb = fc.oneof(
    ...CALLERS.map((c) => ({ arbitrary: fc.constant(c.as), weight: c.weight * (mayCall(c.as) ? 4 : 1) })),
  );
  return fc.tuple(callerArb, fc.oneof(...foci), fc.nat(19)).chain(([caller, focus, homeRoll]) => {
    // Mostly the caller's own council; one time in seven the other one (another council's data).
    const own: Council = caller?.endsWith('@kent.test') ? 'kent' : 'harrow';
    const home: Council = homeRoll < 17 ? own : other(own);
    const paths = op.pathParams.map((p) => {
      const kind = paramKind(op, p.name);
      return focus.on === 'path' && focus.name === p.name
        ? hostilePathArb(kind, p.name, home).map((x) => [p.name, x] as const)
        : validPathArb(kind, home).map((v) => [p.name, part(v)] as const);
    });
    const queries = op.queryParams.map((p, i) => {
      if (focus.on === 'query' && focus.index === i)
        return hostileQueryArb(p, home).map((x) => [p.name, x] as const);
      const present = p.required ? fc.constant(true) : fc.boolean();
      return fc
        .tuple(present, validQueryArb(p, home))
        .map(([is, x]) => [p.name, is ? x : undefined] as const);
    });
    const junk =
      focus.on === 'query' && focus.index === op.queryParams.length
        ? fc.constantFrom(...JUNK_QUERY).map(([k, v]) => [[k, q(v, [], [`?junk:${k}`])] as const])
        : fc.constant([]);
    const bodies = bodyArbs(op, home);
    const body = focus.on === 'body' && bodies.hostile ? bodies.hostile : bodies.valid;
    return fc
      .tuple(fc.tuple(...paths), fc.tuple(...queries), junk, body)
      .map(([ps, qs, js, b]): FuzzRequest => {
        const req: FuzzRequest = {
          op,
          caller,
          path: {},
          query: [],
          body: b.v,
          refuse: [...b.refuse],
          tags: [...b.tags],
        };
        for (const [name, x] of ps) {
          req.path[name] = x.v;
          req.refuse.push(...x.refuse);
          req.tags.push(...x.tags);
        }
        for (const [name, x] of [...qs, ...js]) {
          if (!x) continue;
          req.query.push([name, x.v.value, x.v.encoding]);
          req.refuse.push(...x.refuse);
          req.tags.push(...x.tags);
        }
        return req;
      });
  });
}
