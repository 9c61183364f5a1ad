/**
 * The security matrix (issue 12), derived from the served OpenAPI document: every operation against
 * another council's ids, no token, bad tokens, an unknown council, and each role below the one it
 * declares in `x-min-role` (test/support/openapi.ts `MIN_ROLES`). An operation without `x-min-role`
 * fails here, so no route is added without saying who may call it. Each operation also gets one
 * request from a caller with exactly its least role, which must get through: that is what makes
 * the refusals mean something.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_OPERATOR } from '../support/api.js';
import {
  COUNCIL_ROLES,
  type CouncilRole,
  type IdKind,
  isCouncilRole,
  MIN_ROLES,
  minimalValue,
  type Operation,
  operationsOf,
  paramKind,
  rolesBelow,
  servedOperations,
} from '../support/openapi.js';
import { diffPartition, isEmptyDiff, readPartition } from '../support/partitions.js';
import { badTokenHeaders } from '../support/tokens.js';
import {
  CLOSED_PERIOD,
  type Council,
  createWorld,
  OTHER_PARTNER,
  other,
  PARTNER,
  secretOf,
  type World,
} from '../support/world.js';

const OPS = await servedOperations();
// Every partition a refused request could write, with councils that do not exist (none may appear).
const PARTITIONS = [
  'C#harrow',
  'C#kent',
  'P#shared-hr',
  'P#other-service',
  'C#ghost-council',
  'C#constructor',
];

/**
 * Bodies the document cannot describe: a rule across fields (consent), a body the route reads itself
 * (import), or one that must not change what the other cases rely on (a merge or a hand-over of the
 * contributor's own person, sent with a stale version: 409, documented, and nothing moves).
 */
const BODY_OVERRIDES: Record<string, unknown> = {
  'POST /api/v1/councils/{c}/people/{personId}/merge': { version: 999_999 },
  'POST /api/v1/councils/{c}/people/{personId}/hand-over': { version: 999_999 },
  'POST /api/v1/councils': {
    id: 'matrix-new',
    name: 'New council',
    adminEmail: 'first-admin@matrix-new.test',
  },
  'PATCH /api/v1/councils/{c}': { status: 'active' },
  'POST /api/v1/partnerships': {
    id: 'matrix-partnership',
    name: 'Matrix partnership',
    leadCouncilId: 'harrow',
    memberCouncilIds: ['kent'],
    readers: [],
  },
  'POST /api/v1/councils/{c}/members': { email: 'newcomer@harrow.test', role: 'viewer' },
  'PATCH /api/v1/councils/{c}/members/{memberId}': { version: 1, role: 'editor' },
  'PUT /api/v1/councils/{c}/partnerships/{p}/consent': { status: 'granted', scope: 'all' },
  'POST /api/v1/councils/{c}/imports': {
    text: 'Ref\tAction\tLead\tDeadline\n1\tRefresh the workforce strategy\tHead of HR\tMarch 2027\n',
  },
};

interface Call {
  url: string;
  init: { method: string; headers: Record<string, string>; body?: string };
}

interface Case {
  label: string;
  call: Call;
  expect: number[];
  /** Text that must not appear in the answer (another council's). */
  secret?: string;
}

describe('security matrix: every operation of the OpenAPI document', () => {
  let world: World;
  const token = new Map<string, string>();
  let bad: Record<string, string>;

  beforeAll(async () => {
    world = await createWorld();
    const emails = [
      ...['harrow', 'kent'].flatMap((c) => COUNCIL_ROLES.map((r) => `${r}@${c}.test`)),
      PARTNER,
      OTHER_PARTNER,
      TEST_OPERATOR.email,
    ];
    for (const e of emails) token.set(e, await world.api.token(e));
    token.set('fake-operator', await world.api.token('admin@harrow.test', { groups: ['platform:operator'] }));
    token.set(
      'ghost',
      await world.api.token('admin@harrow.test', { groups: ['council:ghost-council:admin'] }),
    );
    bad = badTokenHeaders(
      world.tokens,
      token.get('admin@harrow.test') as string,
      await world.api.token('admin@harrow.test', { expiresIn: '-1m' }),
    );
  });
  afterAll(() => world?.api.drop());

  /** The id a path parameter gets: real ids of `owner`'s first plan and its children. */
  const idFor = (op: Operation, kind: IdKind, owner: Council): string => {
    const ids = world.ids[owner];
    switch (kind) {
      case 'period':
        return CLOSED_PERIOD;
      case 'partnership':
        return 'shared-hr';
      case 'person':
        // The contributor's own entry: a contributor may manage only its own calendar feed.
        return world.contributorPerson[owner];
      case 'plan':
        // Archiving is kept off the plan every other case reads.
        return op.method === 'DELETE' && op.path.endsWith('/plans/{planId}')
          ? world.sparePlan[owner]
          : (ids.plan[0] as string);
      case 'feed-file':
        return world.feedFile;
      default:
        return ids[kind][0] as string;
    }
  };

  /**
   * A request that is valid in every way but who sends it: the council in the path, whose ids
   * (per parameter, so one id can come from elsewhere), and the authorization header.
   */
  const request = (
    op: Operation,
    opts: { council: string; ids?: (param: string) => Council; authorization?: string },
  ): Call => {
    const home: Council = opts.council === 'kent' ? 'kent' : 'harrow';
    const owner = opts.ids ?? (() => home);
    const url =
      op.path.replace(/\{(\w+)\}/g, (_m, name: string) => {
        const kind = paramKind(op, name);
        return encodeURIComponent(
          kind === 'council' || kind === 'feed-council' ? opts.council : idFor(op, kind, owner(name)),
        );
      }) +
      op.queryParams
        .filter((q) => q.required)
        .map(
          (q, i) =>
            `${i ? '&' : '?'}${q.name}=${encodeURIComponent(String(minimalValue(q.schema, () => '')))}`,
        )
        .join('');
    const headers: Record<string, string> = opts.authorization ? { authorization: opts.authorization } : {};
    const idOf = (kind: IdKind) => world.ids[home][kind][0];
    const minimal = op.body ? (minimalValue(op.body, idOf) as Record<string, unknown>) : undefined;
    const override = BODY_OVERRIDES[op.name];
    // An override of a merge or hand-over keeps the minimal body's real ids: only its version is stale.
    const body = /\/(merge|hand-over)$/.test(op.name)
      ? { ...minimal, ...(override as object) }
      : (override ?? minimal);
    if (body === undefined) return { url, init: { method: op.method, headers } };
    headers['content-type'] = 'application/json';
    return { url, init: { method: op.method, headers, body: JSON.stringify(body) } };
  };
  const as = (email: string) => `Bearer ${token.get(email)}`;

  function refusals(op: Operation): Case[] {
    const min = op.minRole ?? '';
    const cases: Case[] = [];
    if (min === 'public') {
      // The feed URL is the credential: the right token under another council, or a made-up one.
      cases.push(
        { label: 'harrow’s feed token under kent', call: request(op, { council: 'kent' }), expect: [404] },
        {
          label: 'a feed token nobody issued',
          call: { url: `/calendar/harrow/${'A'.repeat(43)}.ics`, init: { method: 'GET', headers: {} } },
          expect: [404],
        },
      );
      return cases;
    }
    cases.push({ label: 'no token', call: request(op, { council: 'harrow' }), expect: [401] });
    for (const [label, authorization] of Object.entries(bad)) {
      cases.push({
        label: `bad token: ${label}`,
        call: request(op, { council: 'harrow', authorization }),
        expect: [401],
      });
    }
    const ids = op.pathParams.filter((p) =>
      [
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
      ].includes(paramKind(op, p.name)),
    );
    if (min === 'partner-reader') {
      cases.push({
        label: 'a reader of another partnership',
        call: request(op, { council: 'harrow', authorization: as(OTHER_PARTNER) }),
        expect: [404],
      });
      for (const who of [...COUNCIL_ROLES.map((r) => `${r}@harrow.test`), 'admin@kent.test']) {
        cases.push({
          label: `${who}, no partnership role`,
          call: request(op, { council: 'harrow', authorization: as(who) }),
          expect: [404],
        });
      }
      if (op.pathParams.some((p) => p.name === 'c')) {
        for (const c of ['harrow', 'kent'] as const) {
          cases.push({
            label: `partner reader: ${other(c)}’s plan under ${c}`,
            call: request(op, { council: c, ids: () => other(c), authorization: as(PARTNER) }),
            expect: [404],
          });
        }
      }
      return cases;
    }
    if (min === 'authenticated') return cases;
    if (min === 'operator') {
      for (const who of [
        ...COUNCIL_ROLES.map((r) => `${r}@harrow.test`),
        'admin@kent.test',
        PARTNER,
        'ghost',
      ]) {
        cases.push({
          label: `${who}, not an operator`,
          call: request(op, { council: 'harrow', authorization: as(who) }),
          expect: [403],
        });
      }
      cases.push({
        label: 'a token claiming platform:operator with no operator record',
        call: request(op, { council: 'harrow', authorization: as('fake-operator') }),
        expect: [403],
      });
      return cases;
    }
    if (!isCouncilRole(min)) return cases;
    cases.push(
      {
        label: 'kent admin on harrow’s path with harrow’s ids',
        call: request(op, { council: 'harrow', authorization: as('admin@kent.test') }),
        expect: [404],
        secret: secretOf('harrow'),
      },
      {
        label: 'a token whose only group is council:ghost-council:admin, on ghost-council',
        call: request(op, { council: 'ghost-council', authorization: as('ghost') }),
        expect: [404],
      },
      {
        label: 'harrow admin on ghost-council (no such council)',
        call: request(op, { council: 'ghost-council', authorization: as('admin@harrow.test') }),
        expect: [404],
      },
      {
        label: 'harrow admin on council “constructor” (a name every object has)',
        call: request(op, { council: 'constructor', authorization: as('admin@harrow.test') }),
        expect: [404],
      },
      {
        label: 'a partner reader with no role in harrow',
        call: request(op, { council: 'harrow', authorization: as(PARTNER) }),
        expect: [403, 404],
        secret: secretOf('harrow'),
      },
    );
    if (ids.length) {
      for (const c of ['harrow', 'kent'] as const) {
        cases.push({
          label: `${c} admin on ${c}’s path with all of ${other(c)}’s ids`,
          call: request(op, { council: c, ids: () => other(c), authorization: as(`admin@${c}.test`) }),
          expect: [404],
          secret: secretOf(other(c)),
        });
      }
      if (ids.length > 1) {
        for (const p of ids) {
          cases.push({
            label: `harrow admin on harrow’s path with kent’s {${p.name}} only`,
            call: request(op, {
              council: 'harrow',
              ids: (name) => (name === p.name ? 'kent' : 'harrow'),
              authorization: as('admin@harrow.test'),
            }),
            expect: [404],
            secret: secretOf('kent'),
          });
        }
      }
    }
    for (const r of rolesBelow(min as CouncilRole)) {
      cases.push({
        label: `harrow ${r}, below ${min}`,
        call: request(op, { council: 'harrow', authorization: as(`${r}@harrow.test`) }),
        expect: [403],
      });
    }
    return cases;
  }

  /** The request of a caller with exactly the declared least role: it must get through. */
  async function allowed(op: Operation): Promise<{ label: string; call: Call }> {
    const min = op.minRole ?? '';
    if (min === 'public') {
      // A fresh feed: other cases may have revoked the seeded one.
      const r = await world.api.call(
        'POST',
        `/api/v1/councils/harrow/plans/${world.ids.harrow.plan[0]}/calendar-feed`,
        {
          as: 'editor@harrow.test',
          body: {},
        },
      );
      const file = new URL(r.body.url).pathname.split('/').pop();
      return {
        label: 'the feed URL itself',
        call: { url: `/calendar/harrow/${file}`, init: { method: 'GET', headers: {} } },
      };
    }
    const who =
      min === 'partner-reader'
        ? PARTNER
        : min === 'authenticated'
          ? 'viewer@harrow.test'
          : min === 'operator'
            ? TEST_OPERATOR.email
            : `${min}@harrow.test`;
    const call = request(op, { council: 'harrow', authorization: as(who) });
    if (op.method === 'DELETE' && op.path.endsWith('/calendar-feed')) {
      // There must be a feed to revoke, whatever the refused requests did.
      await world.api.call('POST', call.url, { as: 'editor@harrow.test', body: {} });
    }
    return { label: `${who} (exactly ${min})`, call };
  }

  const send = async (call: Call) => {
    const res = await world.api.app.request(call.url, call.init);
    const text = await res.text();
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {}
    return { status: res.status, text, body };
  };

  it('lists the same operations as the app it tests serves', async () => {
    const served = operationsOf((await world.api.call('GET', '/api/v1/openapi.json')).body);
    expect(served.map((o) => o.name)).toEqual(OPS.map((o) => o.name));
    expect(OPS.length).toBeGreaterThan(50);
  });

  it.each(OPS.map((op) => [op.name, op] as const))('%s', async (_name, op) => {
    expect(Object.keys(MIN_ROLES), `${op.name} declares no known x-min-role (got ${op.minRole})`).toContain(
      op.minRole,
    );
    const failures: string[] = [];
    const before = new Map<string, Map<string, string>>();
    for (const pk of PARTITIONS) before.set(pk, await readPartition(world.api.doc, world.api.tableName, pk));
    for (const c of refusals(op)) {
      const r = await send(c.call);
      const err = (r.body as { error?: { code?: unknown; message?: unknown } } | undefined)?.error;
      const problems = [
        !c.expect.includes(r.status) && `answered ${r.status}, expected ${c.expect.join(' or ')}`,
        r.status >= 400 &&
          !(err && typeof err.code === 'string' && typeof err.message === 'string') &&
          'not the {error:{code,message}} shape',
        c.secret && r.text.includes(c.secret) && `leaks ${c.secret}`,
      ].filter(Boolean);
      if (problems.length) {
        failures.push(
          `${c.label}: ${problems.join('; ')}\n      ${c.call.init.method} ${c.call.url} → ${r.text.slice(0, 300)}`,
        );
      }
    }
    // Nothing refused may have written anything anywhere.
    for (const pk of PARTITIONS) {
      const d = diffPartition(
        before.get(pk) as Map<string, string>,
        await readPartition(world.api.doc, world.api.tableName, pk),
      );
      if (!isEmptyDiff(d)) failures.push(`refused requests changed ${pk}: ${JSON.stringify(d)}`);
    }
    const ok = await allowed(op);
    const r = await send(ok.call);
    const documented = (s: number) => op.responses.includes(String(s)) && (s === 409 || s === 422);
    if (!((r.status >= 200 && r.status < 300) || documented(r.status))) {
      failures.push(
        `${ok.label} was not let through: answered ${r.status}\n      ${ok.call.init.method} ${ok.call.url} → ${r.text.slice(0, 300)}`,
      );
    }
    if (op.minRole === 'authenticated') {
      // A group for a council that does not exist gives no council at all.
      const me = await send(request(op, { council: 'harrow', authorization: as('ghost') }));
      if (me.status !== 200 || me.text.includes('ghost-council')) {
        failures.push(`council:ghost-council:admin token: ${me.status} ${me.text.slice(0, 300)}`);
      }
    }
    expect(failures).toEqual([]);
  });
});
