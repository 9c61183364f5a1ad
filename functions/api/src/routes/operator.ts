import { createRoute, z } from '@hono/zod-openapi';
import { CouncilCreate, CouncilStatusChange, Slug } from '@peopleplan/core';
import type { AppDeps } from '../context.js';
import { onboardingFor, requireOperator } from '../onboarding.js';
import type { App } from '../types.js';
import { body, CouncilParam, conflictError, errors, json, listOf } from './common.js';

const CouncilEntry = z
  .object({
    id: z.string(),
    name: z.string(),
    status: z.enum(['active', 'suspended', 'deleted']),
    financialYearStartMonth: z.number().int(),
    createdAt: z.string(),
    createdBy: z.string(),
    counts: z.object({ members: z.number().int(), plans: z.number().int() }),
    version: z.number().int(),
    updatedAt: z.string(),
  })
  .openapi('CouncilDirectoryEntry');

const PartnershipCreateBody = z.strictObject({
  id: Slug,
  name: z.string().trim().min(1).max(200),
  leadCouncilId: Slug,
  memberCouncilIds: z.array(Slug).min(1).max(50),
  readers: z
    .array(z.strictObject({ email: z.email().max(254), name: z.string().trim().min(1).max(200).optional() }))
    .max(100)
    .default([]),
});

/**
 * The service operator's routes: the council directory and counts (never a council's plans), creating
 * councils with their first admin, suspending and reactivating them, and creating partnerships.
 */
/** The operator's onboarding service loads with its first use, not at a cold start (docs/architecture.md, section 9). */
const onboarding = () => import('@peopleplan/services/onboarding');

export function registerOperatorRoutes(app: App, deps: AppDeps) {
  app.openapi(
    createRoute({
      method: 'get',
      'x-min-role': 'operator',
      path: '/api/v1/councils',
      operationId: 'listCouncils',
      tags: ['Operator'],
      summary: 'The council directory with counts (operators)',
      responses: { 200: json(listOf(CouncilEntry)), ...errors },
    }),
    async (c) => {
      await requireOperator(c, deps);
      return c.json({ items: await deps.directory.councils() }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      'x-min-role': 'operator',
      path: '/api/v1/councils',
      operationId: 'createCouncil',
      tags: ['Operator'],
      summary: 'Create a council and invite its first admin (operators)',
      request: body(CouncilCreate),
      responses: { 201: json(CouncilEntry, 'Created'), ...errors, ...conflictError },
    }),
    async (c) => {
      const actor = await requireOperator(c, deps);
      const { council } = await (await onboarding()).createCouncil(
        onboardingFor(deps, actor),
        c.req.valid('json'),
        actor,
      );
      return c.json(council, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'patch',
      'x-min-role': 'operator',
      path: '/api/v1/councils/{c}',
      operationId: 'setCouncilStatus',
      tags: ['Operator'],
      summary: 'Suspend or reactivate a council (operators)',
      request: { params: CouncilParam, ...body(CouncilStatusChange) },
      responses: { 200: json(CouncilEntry), ...errors },
    }),
    async (c) => {
      const actor = await requireOperator(c, deps);
      const { status } = c.req.valid('json');
      return c.json(
        await (await onboarding()).setCouncilStatus(
          onboardingFor(deps, actor),
          c.req.valid('param').c,
          status,
          actor,
        ),
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      'x-min-role': 'operator',
      path: '/api/v1/partnerships',
      operationId: 'createPartnership',
      tags: ['Operator'],
      summary: 'Create a partnership, invite its member councils and its partner readers (operators)',
      request: body(PartnershipCreateBody),
      responses: { 201: json(z.object({ id: z.string() }), 'Created'), ...errors, ...conflictError },
    }),
    async (c) => {
      const actor = await requireOperator(c, deps);
      const input = c.req.valid('json');
      await (await onboarding()).createPartnership(onboardingFor(deps, actor), input, actor);
      return c.json({ id: input.id }, 201);
    },
  );
}
