import { notFound, partnershipGroup } from '@peopleplan/core';
import type { Actor, OnboardingDeps } from './onboarding.js';
import { assertNotOperator, assertOneAddress } from './onboarding-addresses.js';
import { endSessionsIfNothingLeft } from './sessions.js';

/*
 * Partnerships (shared services) and their partner readers: the operator's side of onboarding
 * (onboarding.ts, which also offers these).
 */

/**
 * A partnership (a shared service): its directory record, an invitation to each member council (each
 * still gives consent itself), and its partner readers, invited by email.
 */
export async function createPartnership(
  deps: OnboardingDeps,
  input: {
    id: string;
    name: string;
    leadCouncilId: string;
    memberCouncilIds: string[];
    readers: Array<{ email: string; name?: string | undefined }>;
  },
  actor: Actor,
): Promise<void> {
  for (const c of new Set([input.leadCouncilId, ...input.memberCouncilIds])) {
    const entry = await deps.directory.council(c);
    if (!entry || entry.status === 'deleted') throw notFound(`Council ${c}`);
  }
  for (const r of input.readers) assertOneAddress(r.email, 'readers');
  for (const r of input.readers) await assertNotOperator(deps, r.email, 'partner readers');
  await deps.partnerships.create({ id: input.id, name: input.name, leadCouncilId: input.leadCouncilId });
  // Each invitation is written in the member council's own partition, through its own session.
  for (const c of input.memberCouncilIds) {
    await deps.partnerships.invite(input.id, c, actor, (await deps.council(c)).store);
  }
  await deps.identity.ensureGroup(partnershipGroup(input.id), `${input.name}: partner readers`);
  for (const r of input.readers) await recordReader(deps, input.id, r);
  await deps.directory.audit({
    actorSub: actor.sub,
    actorName: actor.name,
    operation: 'create-partnership',
    target: input.id,
    detail: { members: input.memberCouncilIds, readers: input.readers.map((r) => r.email) },
  });
}

/** A partner reader: their sign-in, the partnership's group, and the record read on every request. */
async function recordReader(
  deps: OnboardingDeps,
  partnershipId: string,
  r: { email: string; name?: string | undefined },
): Promise<void> {
  const name = r.name ?? r.email.split('@')[0]!;
  const { user } = await deps.identity.ensureUser(r.email, name);
  await deps.identity.addToGroup(user.username, partnershipGroup(partnershipId));
  await deps.partnerships.putReader({
    partnershipId,
    userSub: user.sub,
    email: r.email.toLowerCase(),
    name,
    weeklyDigest: true,
  });
}

/** Add a partner reader to a partnership (also how a reader recorded by group alone gets their record). */
export async function addPartnerReader(
  deps: OnboardingDeps,
  partnershipId: string,
  reader: { email: string; name?: string | undefined },
  actor: Actor,
): Promise<void> {
  const p = await deps.partnerships.get(partnershipId);
  if (!p) throw notFound('Partnership');
  assertOneAddress(reader.email, 'email');
  await assertNotOperator(deps, reader.email, 'partner readers');
  await deps.identity.ensureGroup(partnershipGroup(partnershipId), `${p.name}: partner readers`);
  await recordReader(deps, partnershipId, reader);
  await deps.directory.audit({
    actorSub: actor.sub,
    actorName: actor.name,
    operation: 'add-reader',
    target: partnershipId,
    detail: { email: reader.email },
  });
}

/**
 * Remove a partner reader: their record (access ends with their next request), group, and sessions
 * unless they have another role (sessions.ts).
 */
export async function removePartnerReader(
  deps: OnboardingDeps,
  partnershipId: string,
  email: string,
  actor: Actor,
): Promise<void> {
  const user = await deps.identity.findUser(email);
  if (!user) throw notFound('Reader');
  await deps.partnerships.removeReader(partnershipId, user.sub);
  await deps.identity.removeFromGroup(user.username, partnershipGroup(partnershipId));
  await endSessionsIfNothingLeft(deps.identity, email);
  await deps.directory.audit({
    actorSub: actor.sub,
    actorName: actor.name,
    operation: 'remove-reader',
    target: partnershipId,
    detail: { email },
  });
}
