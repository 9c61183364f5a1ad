import { z } from '@hono/zod-openapi';
import { deriveRag, Id, type RagResult, type RagRules, Slug } from '@peopleplan/core';

export const json = <T extends z.ZodType>(schema: T, description = 'OK') => ({
  content: { 'application/json': { schema } },
  description,
});
export const body = <T extends z.ZodType>(schema: T) => ({
  body: { content: { 'application/json': { schema } }, required: true },
});

export const ErrorSchema = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }),
});
export const errors = {
  400: json(ErrorSchema, 'Invalid request: details lists each field'),
  401: json(ErrorSchema, 'No or invalid token'),
  403: json(ErrorSchema, 'Role too low'),
  404: json(ErrorSchema, 'Not found (also for another council’s resources)'),
};
export const conflictError = { 409: json(ErrorSchema, 'Stale version: reload and try again') };
/** Writes into a plan: an archived plan is kept as it is (docs/architecture.md, section 6). */
export const archivedError = {
  409: json(ErrorSchema, 'The plan is archived (`plan-archived`): nothing was written'),
};
export const planConflictError = {
  409: json(
    ErrorSchema,
    'Stale version (`conflict`): reload and try again; or the plan is archived (`plan-archived`). Nothing was written',
  ),
};

export const CouncilParam = z.object({ c: Slug });
/** Every item id in a path is a ULID: anything else (a `#`, a traversal) is refused before any read. */
export const ItemId = Id;
export const PlanParams = CouncilParam.extend({ planId: ItemId });
/** The version the person last read, for a delete (which has no body to carry it). */
export const VersionQuery = z.object({
  // Missing, it would read as NaN ("expected number, received NaN"): say what to send instead.
  version: z.coerce
    .number({ error: 'required: the version you last read, as ?version=<number>' })
    .int()
    .min(1),
});
export const ListQuery = z.object({
  cursor: z.string().max(2048).optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
});
export const listOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().optional() });

export const RagResultSchema = z.object({
  rag: z.enum(['red', 'amber', 'green', 'blue', 'grey']),
  reasons: z.array(z.string()),
  overridden: z.boolean(),
});

/** Today's civil date in Europe/London, where councils keep their deadlines. */
export function londonToday(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(now);
}

/** One item's own rating (no roll-up: see core ratings.ts for a plan's actions). */
export function withRag<
  T extends {
    status: Parameters<typeof deriveRag>[0]['status'];
    due?: unknown;
    ragOverride?: { rag: RagResult['rag']; reason: string };
  },
>(
  item: T,
  today: string,
  rules: RagRules,
  baselineDue?: unknown,
  subject = 'This action',
): T & { rag: RagResult } {
  return {
    ...item,
    rag: deriveRag(
      {
        status: item.status,
        due: item.due as never,
        baselineDue: baselineDue as never,
        override: item.ragOverride,
      },
      today,
      rules,
      subject,
    ),
  };
}
