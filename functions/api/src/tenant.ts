import {
  type Council,
  CouncilRole,
  forbidden,
  type Membership,
  notFound,
  roleAtLeast,
  Slug,
} from '@peopleplan/core';
import { CouncilData, tenantContext } from '@peopleplan/db';
import type { Context, MiddlewareHandler } from 'hono';
import type { AppDeps, AppEnv } from './context.js';

/** Viewers read through a read-only session; everyone who may write, a read-write one. */
const modeOf = (role: CouncilRole) => (roleAtLeast(role, 'contributor') ? 'readwrite' : 'read');

export interface OpenCouncil {
  data: CouncilData;
  council: Council;
  member: Membership;
  role: CouncilRole;
}

/**
 * The council in the path, for this caller, checked on every request: the token must name the council,
 * the council must exist, and the caller must still be one of its members. The member record, not the
 * token, says the role: a removal or a role change counts from the very next request, not the next
 * token. Anything short of that answers 404 (it leaks nothing, not even existence).
 */
export function openCouncil(c: Context<AppEnv>, deps: AppDeps, councilId: string): Promise<OpenCouncil> {
  let opened = c.get('openCouncils');
  if (!opened) {
    opened = new Map();
    c.set('openCouncils', opened);
  }
  let open = opened.get(councilId);
  if (!open) {
    open = readCouncil(c, deps, councilId);
    opened.set(councilId, open);
  }
  return open;
}

async function readCouncil(c: Context<AppEnv>, deps: AppDeps, councilId: string): Promise<OpenCouncil> {
  const principal = c.get('principal');
  const tokenRole = Object.hasOwn(principal.councils, councilId) ? principal.councils[councilId] : undefined;
  if (!tokenRole) throw notFound('Council');
  const provisional = tenantContext(councilId, tokenRole, { sub: principal.sub, name: principal.name });
  const doc = await deps.docFor(councilId, modeOf(tokenRole));
  // Council and membership in one round trip: the cheapest read that makes removal immediate.
  const { council, member } = await new CouncilData(
    doc,
    deps.config.TABLE_NAME,
    provisional,
  ).council.withMember(principal.sub);
  if (!council || !member || council.status === 'suspended') throw notFound('Council');
  const role = member.role;
  const data = new CouncilData(
    // A member whose role changed since the token was issued gets the session of their role now.
    modeOf(role) === modeOf(tokenRole) ? doc : await deps.docFor(councilId, modeOf(role)),
    deps.config.TABLE_NAME,
    tenantContext(councilId, role, {
      sub: principal.sub,
      name: member.name || principal.name,
      email: member.email,
      ...(member.personId ? { personId: member.personId } : {}),
    }),
  );
  data.council.prime(council);
  return { data, council, member, role };
}

/**
 * A council route with its role checked before its input: `x-min-role` (the route's declared least role)
 * is checked by a middleware that runs before the route's validators, so a caller who may not use the
 * route hears 404 or 403, never what its body should have held. The handler's own `councilData` call
 * then reuses the council read here.
 */
export function roleBeforeInput<R extends { path: string; middleware?: unknown; 'x-min-role'?: unknown }>(
  route: R,
  deps: AppDeps,
): R {
  const min = CouncilRole.safeParse(route['x-min-role']);
  if (!min.success || !route.path.includes('/councils/{c}')) return route;
  const check: MiddlewareHandler<AppEnv> = async (c, next) => {
    // A council id that could be no council's is the path's own mistake: its validator says so (400).
    const councilId = c.req.param('c') ?? '';
    if (Slug.safeParse(councilId).success) await councilData(c, deps, councilId, min.data);
    await next();
  };
  const own =
    route.middleware === undefined
      ? []
      : Array.isArray(route.middleware)
        ? route.middleware
        : [route.middleware];
  return { ...route, middleware: [check, ...own] };
}

/**
 * The council's data for a request that needs at least `minRole` there. Not a member: 404. A role
 * too low: 403.
 */
export async function councilData(
  c: Context<AppEnv>,
  deps: AppDeps,
  councilId: string,
  minRole: CouncilRole,
): Promise<CouncilData> {
  const principal = c.get('principal');
  if (!Object.hasOwn(principal.councils, councilId)) {
    // Partner readers never write anywhere; saying so is clearer than a 404 and leaks nothing.
    if (minRole !== 'viewer' && Object.keys(principal.partnerships).length > 0) {
      throw forbidden('Partner readers can only read');
    }
    throw notFound('Council');
  }
  const open = await openCouncil(c, deps, councilId);
  if (!roleAtLeast(open.role, minRole)) throw forbidden();
  return open.data;
}
