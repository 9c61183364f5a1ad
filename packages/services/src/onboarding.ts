import type { IdentityAdmin } from '@peopleplan/auth';
import {
  COUNCIL_ROLES,
  type CouncilCreate,
  type CouncilRole,
  conflict,
  councilGroup,
  DomainError,
  londonToday,
  type MemberInvite,
  type MemberPatch,
  type Membership,
  notFound,
  OPERATOR_GROUP,
  type Person,
  unprocessable,
} from '@peopleplan/core';
import {
  type CouncilData,
  type CouncilEntry,
  type DirectoryRepo,
  type PartnershipsRepo,
  provisionCouncil,
} from '@peopleplan/db';
import { assertNotOperator, assertOneAddress } from './onboarding-addresses.js';
import { endSessionsIfNothingLeft } from './sessions.js';

export { addPartnerReader, createPartnership, removePartnerReader } from './partnership-onboarding.js';

/**
 * Onboarding, member management and offboarding of councils, the same way locally and in AWS: the
 * API's operator and admin routes, the `npm run council` CLI and the demo data all come through here.
 * Identity (who may sign in, in which groups) is `IdentityAdmin`: Cognito in AWS, the local identity
 * provider's user list on this machine. The council's own records are written through its own session.
 */
export interface OnboardingDeps {
  directory: DirectoryRepo;
  identity: IdentityAdmin;
  /** A council's data through its own session, as a system actor (in AWS the tenant role tagged with it). */
  council: (councilId: string) => Promise<CouncilData>;
  partnerships: PartnershipsRepo;
}

export interface Actor {
  sub: string;
  name: string;
}

/**
 * Invitations a council may send a day: more than any onboarding needs (the page invites up to 200 at a
 * time), few enough that a misused admin account cannot turn the service into a sender of mass mail.
 */
export const INVITATIONS_PER_DAY = 500;

const ROLE_DESCRIPTIONS: Record<CouncilRole, string> = {
  admin: 'users, settings and everything in the council',
  editor: 'plans, actions, milestones and imports',
  contributor: 'progress on the actions they lead, and marking their milestones done',
  viewer: 'reading (councillors, management teams)',
};

/**
 * A new council: its directory entry (which also claims the id: an id in use answers 409), its role
 * groups, its settings record, and its first admin, invited by email. Each step can be taken again, so
 * an operator whose request failed part-way (Cognito throttled, a timeout) sends the same request again
 * and it finishes: a council with no member yet is unfinished (a finished one always has its admin,
 * and the last admin cannot be removed), and the same id and name resume it.
 */
export async function createCouncil(
  deps: OnboardingDeps,
  input: CouncilCreate,
  actor: Actor,
): Promise<{ council: CouncilEntry; admin: Membership }> {
  // Checked before anything is made: a council whose first admin cannot be invited would be left with
  // no admin and no way on but another request.
  assertOneAddress(input.adminEmail, 'adminEmail');
  await assertNotOperator(deps, input.adminEmail, 'council members', 'adminEmail');
  const entry = await claimCouncilId(deps, input, actor);
  for (const role of COUNCIL_ROLES) {
    await deps.identity.ensureGroup(
      councilGroup(input.id, role),
      `${input.name}: ${ROLE_DESCRIPTIONS[role]}`,
    );
  }
  const data = await deps.council(input.id);
  if (!(await councilRecord(data))) {
    await provisionCouncil(data.store.doc, data.store.tableName, {
      id: input.id,
      name: input.name,
      financialYearStartMonth: input.financialYearStartMonth,
      ...(input.ragRules ? { ragRules: input.ragRules } : {}),
      ...(input.alertSettings ? { alertSettings: input.alertSettings } : {}),
      actor,
    });
  }
  const admin = await firstAdmin(deps, data, input, actor);
  await deps.directory.audit({
    actorSub: actor.sub,
    actorName: actor.name,
    operation: 'create-council',
    target: input.id,
    detail: { name: input.name, admin: input.adminEmail },
  });
  return { council: { ...entry, counts: { ...entry.counts, members: 1 } }, admin };
}

const councilRecord = (data: CouncilData) =>
  data.council.get().catch((e: unknown) => {
    if (e instanceof DomainError && e.code === 'not-found') return undefined;
    throw e;
  });

/** The council's directory entry: made, or an unfinished one of the same name taken up again. */
async function claimCouncilId(
  deps: OnboardingDeps,
  input: CouncilCreate,
  actor: Actor,
): Promise<CouncilEntry> {
  try {
    return await deps.directory.addCouncil({
      id: input.id,
      name: input.name,
      status: 'active',
      financialYearStartMonth: input.financialYearStartMonth,
      createdAt: new Date().toISOString(),
      createdBy: actor.name,
    });
  } catch (e) {
    if (!(e instanceof DomainError && e.code === 'conflict')) throw e;
    const found = await deps.directory.council(input.id);
    if (found?.status !== 'active' || found.counts.members !== 0) throw e;
    if (found.name === input.name) return found;
    // Unfinished under another name: say which, so the operator can finish it (or choose another id).
    throw conflict(
      `A council with the id "${input.id}" was started as "${found.name}" and not finished: give that name to finish it, or choose another id`,
    );
  }
}

/**
 * The council's first admin: invited, or, when an earlier try invited them and stopped before counting
 * them, the member it made.
 */
async function firstAdmin(
  deps: OnboardingDeps,
  data: CouncilData,
  input: CouncilCreate,
  actor: Actor,
): Promise<Membership> {
  const made = await data.members.byEmail(input.adminEmail);
  if (made?.role !== 'admin') {
    return inviteMember(
      deps,
      data,
      { email: input.adminEmail, role: 'admin', ...(input.adminName ? { name: input.adminName } : {}) },
      actor,
    );
  }
  await deps.directory.count(data.ctx.councilId, 'members', 1);
  return made;
}

/** Suspend (members cannot reach it; data kept) or reactivate a council. */
export async function setCouncilStatus(
  deps: OnboardingDeps,
  councilId: string,
  status: 'active' | 'suspended',
  actor: Actor,
): Promise<CouncilEntry> {
  const entry = await deps.directory.council(councilId);
  if (!entry || entry.status === 'deleted') throw notFound('Council');
  const data = await deps.council(councilId);
  for (let attempt = 0; ; attempt++) {
    const council = await data.council.get();
    try {
      await data.council.setStatus(council.version, status);
      break;
    } catch (e) {
      if (!(e instanceof DomainError && e.code === 'conflict') || attempt >= 3) throw e;
    }
  }
  const updated = await deps.directory.setStatus(councilId, status);
  await deps.directory.audit({
    actorSub: actor.sub,
    actorName: actor.name,
    operation: status === 'suspended' ? 'suspend' : 'reactivate',
    target: councilId,
  });
  return updated;
}

/**
 * Invite someone to a council with a role: their sign-in (created, and sent an invitation, if they are
 * new to PeoplePlan: a shared-service officer may already belong to another council), the council's
 * group for the role, and their member record.
 */
export async function inviteMember(
  deps: OnboardingDeps,
  data: CouncilData,
  input: MemberInvite,
  invitedBy: Actor,
  /**
   * Find or add the person they are in the plans when none is named (`personFor`): an admin inviting
   * colleagues (the members route). A council's first admin and the demo users are linked to no one.
   */
  opts: { findPerson?: boolean } = {},
): Promise<Membership> {
  assertOneAddress(input.email, 'email');
  if (await data.members.byEmail(input.email)) {
    throw conflict(`${input.email} is already a member of this council`);
  }
  await assertNotOperator(deps, input.email, 'council members', 'email');
  // Before anything is made or mailed: each invitation may send an email (Cognito's), so a council's are
  // capped a day (429), whoever sends them (members.ts countInvitation).
  await data.members.countInvitation(londonToday(), INVITATIONS_PER_DAY);
  const councilId = data.ctx.councilId;
  const name = input.name ?? input.email.split('@')[0]!;
  const person = input.personId
    ? await data.people.get(input.personId)
    : opts.findPerson
      ? await personFor(data, input)
      : undefined;
  const { user } = await deps.identity.ensureUser(input.email, name);
  const group = councilGroup(councilId, input.role);
  await deps.identity.addToGroup(user.username, group);
  let member: Membership;
  try {
    member = await data.members.add(
      {
        councilId,
        userSub: user.sub,
        email: input.email,
        name,
        role: input.role,
        ...(person ? { personId: person.id } : {}),
        invitedBy: invitedBy.name,
      },
      // An admin's invitation is written only while they still are one (members.ts adminCheck).
      data.ctx.role === 'admin' ? data.ctx.actor.sub : undefined,
    );
  } catch (e) {
    // Refused (the inviting admin removed meanwhile), or another invitation of them went in: the group
    // given here stays only if it is the role their record says. Left, it would outlive their removal
    // (their sessions kept: sessions.ts) and name a council they may not be in.
    const winner = await data.members.get(user.sub);
    if (winner?.role !== input.role) await deps.identity.removeFromGroup(user.username, group);
    throw winner && e instanceof DomainError && e.code === 'conflict'
      ? conflict(`${input.email} is already a member of this council`)
      : e;
  }
  await deps.directory.count(councilId, 'members', 1);
  if (person) await giveEmail(data, person, input.email);
  return member;
}

const nameKey = (name: string) =>
  name
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/**
 * Who an invited member is in the plans when the admin names no one, so that what they lead reaches
 * them and they can be chosen as a lead: the one person in the directory with their email, else the one
 * of their name with no email yet (an imported lead); else, for anyone but a viewer (a councillor reads,
 * and leads nothing), a new person. Two people of one email or name are left for the admin to choose.
 */
async function personFor(data: CouncilData, input: MemberInvite): Promise<Person | undefined> {
  const people = (await data.people.list()).filter((p) => !p.leftOn);
  const email = input.email.toLowerCase();
  const byEmail = people.filter((p) => p.email?.toLowerCase() === email);
  if (byEmail.length) return byEmail.length === 1 ? byEmail[0] : undefined;
  const byName = input.name ? people.filter((p) => !p.email && nameKey(p.name) === nameKey(input.name!)) : [];
  if (byName.length) return byName.length === 1 ? byName[0] : undefined;
  if (input.role === 'viewer' || !input.name) return undefined;
  return data.people.create({ name: input.name, email: input.email });
}

/**
 * Alerts go to the people named on actions, by the email in the people directory. A member linked to a
 * person with no email gives them the member's, so what they lead reaches them without typing it in
 * twice; an email already there (perhaps a shared inbox) is left as it is.
 */
async function giveEmail(data: CouncilData, person: Person, email: string): Promise<void> {
  if (person.email || person.mergedInto) return;
  try {
    await data.people.update(person.id, { email, version: person.version });
  } catch {
    // Best effort: the member and the link are made already (a retry would say "already a member"), and
    // a person changed by someone else at this moment keeps what they were given.
  }
}

/** Change a member's role (their group moves with it), name, or the person they are in the plans. */
export async function changeMember(
  deps: OnboardingDeps,
  data: CouncilData,
  userSub: string,
  patch: MemberPatch,
): Promise<Membership> {
  const person = patch.personId ? await data.people.get(patch.personId) : undefined;
  if (patch.role && patch.role !== 'admin' && userSub === data.ctx.actor.sub) {
    throw new DomainError('unprocessable', 'You cannot take away your own admin role: ask another admin');
  }
  // Made only while the admin making it still is one (members.ts adminCheck): a council keeps an admin.
  const { before, after } = await data.members.update(userSub, patch, data.ctx.actor.sub);
  if (before.role !== after.role) {
    await deps.identity.addToGroup(userSub, councilGroup(data.ctx.councilId, after.role));
    await leaveCouncilGroups(
      deps,
      data.ctx.councilId,
      { userSub, email: after.email, role: before.role },
      after.role,
    );
  }
  if (person) await giveEmail(data, person, after.email);
  return after;
}

/**
 * A leaver: the member record goes (the API refuses them from their very next request, whatever token
 * they hold), the council's group is taken away, and every session they have is ended unless they still
 * belong to another council, a partnership or the operators (sessions.ts).
 */
export async function removeMember(
  deps: OnboardingDeps,
  data: CouncilData,
  userSub: string,
): Promise<Membership> {
  if (userSub === data.ctx.actor.sub) {
    throw new DomainError('unprocessable', 'You cannot remove yourself: ask another admin');
  }
  const before = await data.members.remove(userSub, data.ctx.actor.sub);
  await leaveCouncilGroups(deps, data.ctx.councilId, before);
  await endSessionsIfNothingLeft(deps.identity, before.email);
  await deps.directory.count(data.ctx.councilId, 'members', -1);
  return before;
}

/**
 * Takes away the group of the role their record said, and any other group of this council they hold,
 * but `keep`'s. A group of another role (left by two invitations at once before the losing one took its
 * back, or by a role change and a removal at once) would keep their sessions past removal (sessions.ts).
 */
async function leaveCouncilGroups(
  deps: OnboardingDeps,
  councilId: string,
  member: Pick<Membership, 'userSub' | 'email' | 'role'>,
  keep?: CouncilRole,
): Promise<void> {
  const held = new Set((await deps.identity.findUser(member.email))?.groups ?? []);
  for (const role of COUNCIL_ROLES) {
    const group = councilGroup(councilId, role);
    if (role !== keep && (role === member.role || held.has(group)))
      await deps.identity.removeFromGroup(member.userSub, group);
  }
}

/** An operator of the service (the first one is bootstrapped after deploy: infra/README.md). */
export async function addOperator(
  deps: OnboardingDeps,
  email: string,
  name: string,
  actor: Actor,
): Promise<void> {
  assertOneAddress(email, 'email');
  const existing = await deps.identity.findUser(email);
  if (existing?.groups.some((g) => g.startsWith('partnership:')))
    throw unprocessable(
      `${email} reads a partnership's plans: operators never see council plans, so a partner reader cannot be one.`,
    );
  // Nor a council's member: they would be both (inviteMember refuses it the other way round).
  const councils = existing?.groups.filter((g) => g.startsWith('council:')) ?? [];
  if (councils.length)
    throw unprocessable(
      `${email} is a member of a council (${councils.map((g) => g.split(':')[1]).join(', ')}): operators never ` +
        'see council plans, so remove them from it first, or make the operator another address.',
    );
  await deps.identity.ensureGroup(OPERATOR_GROUP, 'The team that runs PeoplePlan');
  const { user } = await deps.identity.ensureUser(email, name);
  await deps.identity.addToGroup(user.username, OPERATOR_GROUP);
  await deps.directory.putOperator({ sub: user.sub, email: email.toLowerCase(), name });
  await deps.directory.audit({
    actorSub: actor.sub,
    actorName: actor.name,
    operation: 'add-operator',
    target: email,
  });
}
