import { type Council, notFound, type Partnership, type Plan, type PlanKind } from '@peopleplan/core';
import {
  type Actor,
  type ConsentRecord,
  type CouncilData,
  EVENTUAL,
  entityOf,
  inConsentScope,
  type PartnershipsRepo,
  type PlanTree,
  planBoardFacts,
  sk,
} from '@peopleplan/db';
import pLimit from 'p-limit';
import type { CouncilBoards, SharedCouncil, SharedPlan } from './types.js';

/** Where partner reads come from. The API (and the alert job) build one from their clients. */
export interface PartnershipSource {
  /** The partnership directory (`P#` partitions). In AWS: the function's own role, which may read only those. */
  directory: PartnershipsRepo;
  /**
   * One council's data as a partner reader sees it: a read-only session (in AWS the partner-reader role
   * tagged `council=<id>`), writes refused in code too.
   */
  readerFor(councilId: string, actor: Actor): Promise<CouncilData>;
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
 * The partnership, when the caller is one of its partner readers: the token's group says so, and so
 * does the reader record, read on every request (as a council's member record is), so that a reader
 * removed from the partnership loses access from their next request, not when their token expires.
 * Anyone else gets the same 404 whether it exists or not, so a partnership's existence never leaks.
 */
export async function openPartnership(
  src: PartnershipSource,
  principal: PartnerPrincipal,
  partnershipId: string,
): Promise<Partnership> {
  if (principal.partnerships[partnershipId] !== 'partner-reader') throw notFound('Partnership');
  const [p, reader] = await Promise.all([
    src.directory.get(partnershipId),
    src.directory.getReader(partnershipId, principal.sub),
  ]);
  if (!p || !reader) throw notFound('Partnership');
  return p;
}

interface Granted {
  data: CouncilData;
  consent: ConsentRecord;
}

/**
 * The council's consent, read now with the council's own record (one consistent read, never cached: a
 * revocation or a suspension counts from the next request), if it has granted and is not suspended.
 * Undefined for invited, revoked or missing, and for a suspended council, whose data no one reads
 * (docs/architecture.md, "Tenant isolation"). Nothing else of the council is read before this says yes.
 */
async function grantedCouncil(
  src: PartnershipSource,
  partnership: Partnership,
  councilId: string,
  actor: Actor,
): Promise<Granted | undefined> {
  const data = await src.readerFor(councilId, { sub: actor.sub, name: actor.name, email: actor.email });
  const found = await data.store.getMany([sk.consent(partnership.id), sk.council()]);
  const consent = found.get(sk.consent(partnership.id));
  const council = found.get(sk.council());
  if (consent?.status !== 'granted' || !council || council.status === 'suspended') return undefined;
  // Its name and RAG rules, to show, as read here.
  data.council.prime(entityOf<Council>(council));
  return { data, consent: entityOf<ConsentRecord>(consent) };
}

async function sharedPlanHeaders(g: Granted, kind: PlanKind | undefined): Promise<Plan[]> {
  // Plan headers come from the council index, which is eventually consistent whatever is asked.
  const out = await g.data.plans.listAll();
  // Archived plans are the council's record, not current work: never shared.
  return out.filter(
    (p) => p.status !== 'archived' && inConsentScope(g.consent, p.id) && (!kind || p.kind === kind),
  );
}

/** A plan's themes, actions and milestones in summary (one query, long texts left out). */
async function sharedPlan(data: CouncilData, plan: Plan): Promise<SharedPlan> {
  return { plan, ...(await data.plans.summaries(plan.id, EVENTUAL)) };
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
  read: (data: CouncilData, plan: Plan) => Promise<P>,
): Promise<Array<{ councilId: string; councilName: string; ragRules: Council['ragRules']; plans: P[] }>> {
  const limit = pLimit(src.concurrency ?? DEFAULT_COUNCIL_CONCURRENCY);
  const councils = await Promise.all(
    partnership.memberCouncilIds.map((councilId) =>
      limit(async () => {
        const g = await grantedCouncil(src, partnership, councilId, actor);
        if (!g) return undefined;
        const [council, headers] = await Promise.all([
          g.data.council.get(EVENTUAL),
          sharedPlanHeaders(g, kind),
        ]);
        const plans = await Promise.all(headers.map((p) => read(g.data, p)));
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
  // The board and last closed period of each plan, read as the council dashboard reads them.
  return eachGranted(src, partnership, actor, undefined, planBoardFacts);
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
    g.data.council.get(EVENTUAL),
    g.data.plans.tree(planId, EVENTUAL),
  ]);
  if (tree.plan.status === 'archived') throw notFound('Plan');
  return { council: { id: council.id, name: council.name, ragRules: council.ragRules }, tree };
}
