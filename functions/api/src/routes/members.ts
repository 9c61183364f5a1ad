import { createRoute, z } from '@hono/zod-openapi';
import { MemberInvite, MemberPatch, Membership, UserSub } from '@peopleplan/core';
import type { AppDeps } from '../context.js';
import { onboardingFor } from '../onboarding.js';
import { councilData } from '../tenant.js';
import type { App } from '../types.js';
import { body, CouncilParam, conflictError, ErrorSchema, errors, json, listOf } from './common.js';

const MemberParams = CouncilParam.extend({ memberId: UserSub });
const MemberView = Membership;

/**
 * A council's members, managed by its admins: invite by email with a role (a sign-in is created and
 * an invitation sent when the person is new to PeoplePlan), change a role, link to a person in the
 * plans, remove a leaver (refused from their very next request).
 */
/** Inviting, changing and removing members loads with its first use, not at a cold start (docs/architecture.md, section 9). */
const onboarding = () => import('@peopleplan/services/onboarding');

export function registerMemberRoutes(app: App, deps: AppDeps) {
  app.openapi(
    createRoute({
      method: 'get',
      'x-min-role': 'admin',
      path: '/api/v1/councils/{c}/members',
      operationId: 'listMembers',
      tags: ['Members'],
      summary: 'The council’s members and their roles',
      request: { params: CouncilParam },
      responses: { 200: json(listOf(MemberView)), ...errors },
    }),
    async (c) => {
      const data = await councilData(c, deps, c.req.valid('param').c, 'admin');
      return c.json({ items: await data.members.list() }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      'x-min-role': 'admin',
      path: '/api/v1/councils/{c}/members',
      operationId: 'inviteMember',
      tags: ['Members'],
      summary: 'Invite someone by email with a role',
      description: 'A council may send 500 invitations a day (429 past that: nothing made, nobody mailed).',
      request: { params: CouncilParam, ...body(MemberInvite) },
      responses: {
        201: json(MemberView, 'Invited'),
        ...errors,
        ...conflictError,
        429: json(ErrorSchema, 'The council’s invitations for today are used up'),
      },
    }),
    async (c) => {
      const data = await councilData(c, deps, c.req.valid('param').c, 'admin');
      const member = await (await onboarding()).inviteMember(
        onboardingFor(deps),
        data,
        c.req.valid('json'),
        data.ctx.actor,
        { findPerson: true },
      );
      return c.json(member, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'patch',
      'x-min-role': 'admin',
      path: '/api/v1/councils/{c}/members/{memberId}',
      operationId: 'updateMember',
      tags: ['Members'],
      summary: 'Change a member’s role or name, or the person they are in the plans',
      request: { params: MemberParams, ...body(MemberPatch) },
      responses: {
        200: json(MemberView),
        ...errors,
        ...conflictError,
        422: json(z.unknown(), 'Not allowed'),
      },
    }),
    async (c) => {
      const p = c.req.valid('param');
      const data = await councilData(c, deps, p.c, 'admin');
      return c.json(
        await (await onboarding()).changeMember(onboardingFor(deps), data, p.memberId, c.req.valid('json')),
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'delete',
      'x-min-role': 'admin',
      path: '/api/v1/councils/{c}/members/{memberId}',
      operationId: 'removeMember',
      tags: ['Members'],
      summary: 'Remove a leaver: their access ends with their next request',
      request: { params: MemberParams },
      responses: { 200: json(MemberView, 'Removed'), ...errors, 422: json(z.unknown(), 'Not allowed') },
    }),
    async (c) => {
      const p = c.req.valid('param');
      const data = await councilData(c, deps, p.c, 'admin');
      return c.json(await (await onboarding()).removeMember(onboardingFor(deps), data, p.memberId), 200);
    },
  );
}
