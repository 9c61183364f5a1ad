import { type DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { type Council, notFound, type Partnership, type Plan, type PlanKind } from '@peopleplan/core';
import {
  type Actor,
  type ConsentRecord,
  ConsentRepo,
  CouncilRepo,
  inConsentScope,
  PartnershipsRepo,
  PlansRepo,
  type PlanTree,
  sk,
  TenantStore,
  tenantContext,
} from '@peopleplan/db';
import pLimit from 'p-limit';
import type { SharedCouncil, SharedPlan, UpdateMark } from './types.js';

/** Where partner reads come from. The API builds one per request from its deps. */
export interface PartnershipSource {
  tableName: string;
  /** The partnership directory (`P#` partitions). In AWS: the API's own role, which may read only those. */
  directory: DynamoDBDocumentClient;
  /** One council's read-only tenant session (in AWS the partner-reader role tagged `council=<id>`). */
  readFor(councilId: string): Promise<DynamoDBDocumentClient>;
  /** Councils read at once: bounds the connections and tenant sessions one request opens. */
  concurrency?: number | undefined;
}

/** Who is reading, from the verified token. */
export interface PartnerPrincipal extends Actor {
  partnerships: Record<string, string>;
}

/** Enough councils at once to hide latency, few enough not to open a storm of role sessions. */
export const DEFAULT_COUNCIL_CONCURRENCY = 8;

/**
 * The partnership, when the caller is one of its partner readers. Anyone else gets the same 404 whether
 * it exists or not, so a partnership's existence never leaks.
 */
export async function openPartnership(
  src: PartnershipSource,
  principal: PartnerPrincipal,
  partnershipId: string,
): Promise<Partnership> {
  if (principal.partnerships[partnershipId] !== 'partner-reader') throw notFound('Partnership');
  const p = await new PartnershipsRepo(src.directory, src.tableName).get(partnershipId);
  if (!p) throw notFound('Partnership');
  return p;
}

/** A council's partition seen by a partner reader: read-only tenant session, writes refused in code too. */
async function readerStore(src: PartnershipSource, councilId: string, actor: Actor): Promise<TenantStore> {
  const doc = await src.readFor(councilId);
  const who: Actor = { sub: actor.sub, name: actor.name, email: actor.email };
  return new TenantStore(doc, src.tableName, tenantContext(councilId, 'partner-reader', who));
}

interface Granted {
  store: TenantStore;
  consent: ConsentRecord;
  council: Council;
}

/**
 * The council's consent, read now (consistent read, never cached: a revocation counts from the next
 * request), and the council if it has granted. Undefined for invited, revoked or missing.
 */
async function grantedCouncil(
  src: PartnershipSource,
  partnership: Partnership,
  councilId: string,
  actor: Actor,
): Promise<Granted | undefined> {
  const store = await readerStore(src, councilId, actor);
  const consent = await new ConsentRepo(store).granted(partnership.id);
  if (!consent) return undefined;
  return { store, consent, council: await new CouncilRepo(store).get() };
}

async function sharedPlanHeaders(g: Granted, kind: PlanKind | undefined): Promise<Plan[]> {
  const out = await new PlansRepo(g.store).listAll();
  // Archived plans are the council's record, not current work: never shared.
  return out.filter(
    (p) => p.status !== 'archived' && inConsentScope(g.consent, p.id) && (!kind || p.kind === kind),
  );
}

/**
 * The attributes the combined views use. Long texts (narratives, current positions, descriptions) are
 * left out: they are most of an item's bytes, and only the single-plan view shows them (read whole).
 */
const SUMMARY_ATTRIBUTES = [
  'type',
  'id',
  'planId',
  'actionId',
  'themeId',
  'parentId',
  'ref',
  'title',
  'order',
  'leads',
  'start',
  'due',
  'baselineDue',
  'completedOn',
  'status',
  'rag',
  'ragOverride',
  'latestUpdate.at',
  'latestUpdate.status',
  'at',
  'version',
  'createdAt',
  'updatedAt',
];
const PROJECTION = SUMMARY_ATTRIBUTES.map((a) =>
  a
    .split('.')
    .map((part) => `#${part}`)
    .join('.'),
).join(', ');
const PROJECTION_NAMES = Object.fromEntries(
  SUMMARY_ATTRIBUTES.flatMap((a) => a.split('.')).map((part) => [`#${part}`, part]),
);

/**
 * A plan's themes, actions, milestones and progress marks: one paginated query of the plan's children
 * in the council's partition (the store's key, through its read-only session), summary attributes only.
 */
async function sharedPlan(store: TenantStore, plan: Plan): Promise<SharedPlan> {
  const out: SharedPlan = { plan, themes: [], actions: [], milestones: [], updates: [] };
  let start: Record<string, unknown> | undefined;
  do {
    const r = await store.doc.send(
      new QueryCommand({
        TableName: store.tableName,
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
        ExpressionAttributeValues: { ':pk': store.pk, ':prefix': sk.planChildren(plan.id) },
        ProjectionExpression: PROJECTION,
        ExpressionAttributeNames: PROJECTION_NAMES,
        ConsistentRead: true,
        ExclusiveStartKey: start,
      }),
    );
    for (const { type, ...rest } of r.Items ?? []) {
      if (type === 'theme') out.themes.push(rest as never);
      else if (type === 'action') out.actions.push(rest as never);
      else if (type === 'milestone') out.milestones.push(rest as never);
      else if (type === 'update') out.updates.push(rest as unknown as UpdateMark);
    }
    start = r.LastEvaluatedKey;
  } while (start);
  return out;
}

/**
 * Every member that has granted, read through its own read-only session, councils in parallel (at most
 * `concurrency` at once). Members that have not granted contribute nothing, not even their name.
 */
export async function loadSharedCouncils(
  src: PartnershipSource,
  partnership: Partnership,
  actor: Actor,
  opts: { kind?: PlanKind | undefined } = {},
): Promise<SharedCouncil[]> {
  const limit = pLimit(src.concurrency ?? DEFAULT_COUNCIL_CONCURRENCY);
  const councils = await Promise.all(
    partnership.memberCouncilIds.map((councilId) =>
      limit(async (): Promise<SharedCouncil | undefined> => {
        const g = await grantedCouncil(src, partnership, councilId, actor);
        if (!g) return undefined;
        const headers = await sharedPlanHeaders(g, opts.kind);
        const plans = await Promise.all(headers.map((p) => sharedPlan(g.store, p)));
        return { councilId, councilName: g.council.name, ragRules: g.council.ragRules, plans };
      }),
    ),
  );
  return councils.filter((c): c is SharedCouncil => c !== undefined);
}

/**
 * One shared plan, whole (without progress history), read-only. A council that is not a member, has not
 * granted, or did not include this plan in its scope answers 404, the same as a plan that does not exist.
 */
export async function loadSharedPlan(
  src: PartnershipSource,
  partnership: Partnership,
  actor: Actor,
  councilId: string,
  planId: string,
): Promise<{ council: Pick<Council, 'id' | 'name' | 'ragRules'>; tree: PlanTree }> {
  if (!partnership.memberCouncilIds.includes(councilId)) throw notFound('Plan');
  const g = await grantedCouncil(src, partnership, councilId, actor);
  if (!g || !inConsentScope(g.consent, planId)) throw notFound('Plan');
  const tree = await new PlansRepo(g.store).tree(planId);
  if (tree.plan.status === 'archived') throw notFound('Plan');
  return { council: { id: g.council.id, name: g.council.name, ragRules: g.council.ragRules }, tree };
}
