import type {
  ContinuityFunction,
  CouncilRole,
  Dashboard,
  Decision,
  Dependency,
  Indicator,
  Rag,
  Risk,
  Status,
  Timescale,
} from '@peopleplan/core';
import type { ParsedPlan } from '@peopleplan/importer';
import type { Client, ClientPathsWithMethod, MethodResponse } from 'openapi-fetch';
import type { paths } from './api-schema.js';

/**
 * NARROWINGS: the only response types the web states itself. Each is a route whose OpenAPI document is
 * looser than what the route sends (a `z.unknown()` or a plain `z.string()` for an enum), narrowed to
 * the type of the code that computes it. `Narrowed` checks that each one still fits the generated
 * type, so a route that changes its schema breaks the build here. Delete an entry once its route
 * documents the shape: the generated type then takes over unchanged.
 *
 * One request is sent past the document: POST /api/v1/councils/{c}/imports declares no request body (the
 * route reads multipart `file`, `kind`, `mapping`, or JSON `{ text, kind?, mapping? }` itself), so the
 * import page passes its body with a cast.
 */
type Narrowed<Generated, Narrow extends Generated> = Narrow;

type Verb = 'get' | 'post' | 'put' | 'patch' | 'delete';
type Generated<M extends Verb, P extends ClientPathsWithMethod<Client<paths>, M>> = MethodResponse<
  Client<paths>,
  M,
  P
>;

type MeGenerated = Generated<'get', '/api/v1/me'>;
/** GET /api/v1/me: `councils[].role` is a plain string in the document. */
export type Me = Omit<MeGenerated, 'councils'> & {
  councils: Array<MeGenerated['councils'][number] & { role: CouncilRole }>;
};

type CombinedGenerated = Generated<'get', '/api/v1/partnerships/{p}/milestones'>['items'][number];
/** GET /api/v1/partnerships/{p}/milestones: `status` and `rag` are plain strings, `due` and `baselineDue` unknown. */
export type CombinedMilestone = Omit<CombinedGenerated, 'status' | 'rag' | 'due' | 'baselineDue'> & {
  status: Status;
  rag: Rag;
  due?: Timescale | undefined;
  baselineDue?: Timescale | undefined;
};

/**
 * POST /api/v1/councils/{c}/imports: the 201 is `z.unknown()` (the parsed plan's schema is recursive).
 * The fields of the import service's preview that the web reads (packages/services/src/imports.ts and
 * import-people.ts); the plan is the importer's own type.
 */
export interface ImportPreview {
  id: string;
  plan: ParsedPlan;
  planStart?: string | undefined;
  mapping: Record<string, string>;
  unresolvedLeads: string[];
  acknowledgements: Array<{ key: string; code: string; where: string; message: string }>;
  people: {
    leads: Array<{
      label: string;
      actions: number;
      person?: { id: string; name: string; roleLabel?: string; via: 'directory' | 'merged' };
      /** Someone by that name or role who has left the council: not matched, see import-people.ts. */
      left?: { name: string; leftOn: string };
    }>;
    suggestions: Array<{
      label: string;
      candidates: Array<{ label: string; personId?: string; reason: string; explanation: string }>;
    }>;
  };
}

/** POST /api/v1/councils/{c}/imports/{id}/commit: the 200 is `z.unknown()`. */
export interface ImportCommitted {
  planId: string;
  status: string;
  unresolvedLeads: string[];
  counts: Record<string, number>;
}

/** A plan's other tables, each `z.array(z.unknown())` in the document: core's entities as stored. */
interface PlanTables {
  indicators: Indicator[];
  risks: Risk[];
  continuity: ContinuityFunction[];
  decisions: Decision[];
  dependencies: Dependency[];
}
type ContentsGenerated = Generated<'get', '/api/v1/councils/{c}/plans/{planId}/contents'>;
type SharedGenerated = Generated<'get', '/api/v1/partnerships/{p}/councils/{c}/plans/{planId}'>;

/** Keyed `method path`, as `api` and `useApi` look them up. */
export interface Narrowings {
  'get /api/v1/me': Narrowed<MeGenerated, Me>;
  /** The 200 is `z.unknown()`: the body is core's `buildDashboard` result. */
  'get /api/v1/councils/{c}/dashboard': Narrowed<
    Generated<'get', '/api/v1/councils/{c}/dashboard'>,
    Dashboard
  >;
  'get /api/v1/partnerships/{p}/milestones': Narrowed<
    Generated<'get', '/api/v1/partnerships/{p}/milestones'>,
    { items: CombinedMilestone[] }
  >;
  'post /api/v1/councils/{c}/imports': Narrowed<
    Generated<'post', '/api/v1/councils/{c}/imports'>,
    ImportPreview
  >;
  'post /api/v1/councils/{c}/imports/{id}/commit': Narrowed<
    Generated<'post', '/api/v1/councils/{c}/imports/{id}/commit'>,
    ImportCommitted
  >;
  'get /api/v1/councils/{c}/plans/{planId}/contents': Narrowed<
    ContentsGenerated,
    Omit<ContentsGenerated, keyof PlanTables> & PlanTables
  >;
  'get /api/v1/partnerships/{p}/councils/{c}/plans/{planId}': Narrowed<
    SharedGenerated,
    Omit<SharedGenerated, keyof PlanTables> & PlanTables
  >;
}
