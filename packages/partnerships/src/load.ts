import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { type Council, notFound, type Partnership, type Plan, type PlanKind } from '@peopleplan/core';
import {
  type Actor,
  BoardsRepo,
  type ConsentRecord,
  ConsentRepo,
  CouncilRepo,
  inConsentScope,
  PartnershipsRepo,
  PlansRepo,
  type PlanTree,
  SnapshotsRepo,
  sk,
  TenantStore,
  tenantContext,
} from '@peopleplan/db';
import pLimit from 'p-limit';
import type { BoardPlan, CouncilBoards, SharedCouncil, SharedPlan } from './types.js';

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
}

/**
 * The council's consent, read now (consistent read, never cached: a revocation counts from the next
 * request), if it has granted. Undefined for invited, revoked or missing. Nothing else of the council
 * is read before this says yes.
 */
async function grantedCouncil(
  src: PartnershipSource,
  partnership: Partnership,
  councilId: string,
  actor: Actor,
): Promise<Granted | undefined> {
  const store = await readerStore(src, councilId, actor);
  const consent = await new ConsentRepo(store).granted(partnership.id);
  return consent && { store, consent };
}

async function sharedPlanHeaders(g: Granted, kind: PlanKind | undefined): Promise<Plan[]> {
  const out = await new PlansRepo(g.store).listAll();
  // Archived plans are the council's record, not current work: never shared.
  return out.filter(
    (p) => p.status !== 'archived' && inConsentScope(g.consent, p.id) && (!kind || p.kind === kind),
  );
}

/**
 * The attributes the combined lists use. Long texts (narratives, current positions, descriptions) are
 * left out: they are most of an item's bytes, and only the single-plan view shows them (read whole).
 */
const SUMMARY_ATTRIBUTES = [
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
  'version',
  'createdAt',
  'updatedAt',
];

/**
 * A plan's themes, actions and milestones: one paginated query of the plan's children in the
 * council's partition (through its read-only session), summary attributes only.
 */
async function sharedPlan(store: TenantStore, plan: Plan): Promise<SharedPlan> {
  const out: SharedPlan = { plan, themes: [], actions: [], milestones: [] };
  const items = await store.queryAll<Record<string, unknown>>(sk.planChildren(plan.id), {
    types: ['theme', 'action', 'milestone'],
    attributes: SUMMARY_ATTRIBUTES,
  });
  for (const { type, ...rest } of items) {
    if (type === 'theme') out.themes.push(rest as never);
    else if (type === 'action') out.actions.push(rest as never);
    else out.milestones.push(rest as never);
  }
  return out;
}

/**
 * A plan's board (or, for a plan written before boards, the same facts from its items) and the RAGs
 * of its last closed reporting period: all the overview needs to count it, in a few small reads.
 */
async function boardPlan(store: TenantStore, plan: Plan): Promise<BoardPlan> {
  const [states, last] = await Promise.all([
    new BoardsRepo(store).states(plan.id),
    new SnapshotsRepo(store).latest(plan.id),
  ]);
  return {
    plan,
    actions: states.actions,
    milestones: states.milestones,
    from: states.from,
    ...(last && {
      lastPeriod: {
        key: last.key,
        label: last.label,
        rags: Object.fromEntries(Object.entries(last.entries).map(([id, e]) => [id, e.rag])),
      },
    }),
  };
}

/**
 * For every member that has granted, read through its own read-only session, `read` its shared
 * plans; councils in parallel (at most `concurrency` at once), each council's plans in parallel.
 * Members that have not granted contribute nothing, not even their name.
 */
async function eachGranted<P>(
  src: PartnershipSource,
  partnership: Partnership,
  actor: Actor,
  kind: PlanKind | undefined,
  read: (store: TenantStore, plan: Plan) => Promise<P>,
): Promise<Array<{ councilId: string; councilName: string; ragRules: Council['ragRules']; plans: P[] }>> {
  const limit = pLimit(src.concurrency ?? DEFAULT_COUNCIL_CONCURRENCY);
  const councils = await Promise.all(
    partnership.memberCouncilIds.map((councilId) =>
      limit(async () => {
        const g = await grantedCouncil(src, partnership, councilId, actor);
        if (!g) return undefined;
        const [council, headers] = await Promise.all([
          new CouncilRepo(g.store).get(),
          sharedPlanHeaders(g, kind),
        ]);
        const plans = await Promise.all(headers.map((p) => read(g.store, p)));
        return { councilId, councilName: council.name, ragRules: council.ragRules, plans };
      }),
    ),
  );
  return councils.filter((c) => c !== undefined);
}

/** Every consenting council's shared plans with their items' summaries (combined lists, side by side). */
export function loadSharedCouncils(
  src: PartnershipSource,
  partnership: Partnership,
  actor: Actor,
  opts: { kind?: PlanKind | undefined } = {},
): Promise<SharedCouncil[]> {
  return eachGranted(src, partnership, actor, opts.kind, sharedPlan);
}

/** Every consenting council's shared plans as boards: what the combined dashboard counts. */
export function loadCouncilBoards(
  src: PartnershipSource,
  partnership: Partnership,
  actor: Actor,
): Promise<CouncilBoards[]> {
  return eachGranted(src, partnership, actor, undefined, boardPlan);
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
  const [council, tree] = await Promise.all([
    new CouncilRepo(g.store).get(),
    new PlansRepo(g.store).tree(planId),
  ]);
  if (tree.plan.status === 'archived') throw notFound('Plan');
  return { council: { id: council.id, name: council.name, ragRules: council.ragRules }, tree };
}
