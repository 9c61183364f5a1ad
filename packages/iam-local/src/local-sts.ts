/**
 * A local stand-in for STS AssumeRole. It refuses what AWS would refuse (the target role's trust policy
 * and the caller's own policy must allow `sts:AssumeRole`, and `sts:TagSession` when tags are passed) and
 * issues credentials whose access key id names an in-memory session (role, session name, tags), which
 * the evaluating DynamoDB layer (with-iam-evaluation.ts) looks up to know who signs a request.
 */
import { randomBytes } from 'node:crypto';
import type { AssumeRoleCommand, AssumeRoleCommandOutput } from '@aws-sdk/client-sts';
import type { AppPolicies, RoleName } from './app-policies.js';
import { stsAccessDenied, stsValidationError } from './aws-errors.js';
import { PROCESS_SESSION_NAME } from './environment.js';
import { assumedRoleArn, authorize, denialMessage, type SessionPrincipal } from './evaluate.js';

export interface LocalCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  expiration: Date;
}

export interface LocalSession {
  principal: SessionPrincipal;
  expiration: Date;
  /** Who assumed it. */
  source: SessionPrincipal;
}

/** Sessions by access key id. One per process by default, shared by localAssumeRole and withIamEvaluation. */
export class SessionRegistry {
  private readonly sessions = new Map<string, LocalSession>();

  add(accessKeyId: string, session: LocalSession): void {
    this.sessions.set(accessKeyId, session);
  }

  get(accessKeyId: string): LocalSession | undefined {
    return this.sessions.get(accessKeyId);
  }

  get size(): number {
    return this.sessions.size;
  }
}

export const defaultSessions = new SessionRegistry();

/** AWS limits a session assumed by another role's session (role chaining) to one hour. */
const CHAINED_MAX_SECONDS = 3600;

export interface AssumeRoleOptions {
  policies: AppPolicies;
  /** The role to assume, by stable name (`tenant`) or ARN. */
  roleName: RoleName;
  sessionTags?: Record<string, string>;
  /**
   * Who calls STS: a role by name (its session is the process's own, as a Lambda function's execution
   * role is), or a session principal for a chained call.
   */
  sourceRole: RoleName | SessionPrincipal;
  sessionName?: string;
  durationSeconds?: number;
  transitiveTagKeys?: string[];
  sessions?: SessionRegistry;
  now?: () => number;
}

const SAFE = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const accessKeyId = () => `ASIA${[...randomBytes(16)].map((b) => SAFE[b % 32]).join('')}`;

export async function assumeRole(opts: AssumeRoleOptions): Promise<LocalCredentials> {
  const { policies } = opts;
  const source: SessionPrincipal =
    typeof opts.sourceRole === 'string'
      ? { role: opts.sourceRole, sessionName: PROCESS_SESSION_NAME, tags: {} }
      : opts.sourceRole;
  const target = opts.roleName.startsWith('arn:')
    ? policies.roleByArn(opts.roleName)
    : policies.role(opts.roleName);
  const targetArn = target?.arn ?? opts.roleName;
  const tags = opts.sessionTags ?? {};
  const sessionName = opts.sessionName ?? `pp-local-${Date.now()}`;
  const duration = opts.durationSeconds ?? CHAINED_MAX_SECONDS;
  if (duration > CHAINED_MAX_SECONDS) {
    throw stsValidationError(
      'The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.',
    );
  }

  const context: Record<string, string | string[]> = { 'sts:RoleSessionName': sessionName };
  for (const [k, v] of Object.entries(tags)) context[`aws:RequestTag/${k}`] = v;
  if (Object.keys(tags).length > 0) context['aws:TagKeys'] = Object.keys(tags);
  if (opts.transitiveTagKeys?.length) context['sts:TransitiveTagKeys'] = opts.transitiveTagKeys;

  // Both actions are checked against the caller's policies and the target's trust policy, as STS does.
  const actions = Object.keys(tags).length > 0 ? ['sts:AssumeRole', 'sts:TagSession'] : ['sts:AssumeRole'];
  if (!target) {
    // AWS does not say whether the role exists: the refusal reads the same as a trust-policy refusal.
    throw stsAccessDenied(
      denialMessage(assumedRoleArn(policies, source), 'sts:AssumeRole', targetArn, 'ImplicitlyDenied', true),
    );
  }
  for (const action of actions) {
    const decision = await authorize(
      policies,
      source,
      { action, resource: target.arn, context },
      policies.trustPolicy(target.name),
    );
    if (!decision.allowed) throw stsAccessDenied(decision.message!);
  }

  // Tags a chained caller marked transitive carry over, as in AWS; the new call's tags win.
  const inherited = Object.fromEntries(
    Object.entries(source.tags).filter(([k]) => source.transitiveTagKeys?.includes(k)),
  );
  const principal: SessionPrincipal = {
    role: target.name,
    sessionName,
    tags: { ...inherited, ...tags },
    transitiveTagKeys: [...new Set([...(source.transitiveTagKeys ?? []), ...(opts.transitiveTagKeys ?? [])])],
  };
  const now = opts.now ?? Date.now;
  const credentials: LocalCredentials = {
    accessKeyId: accessKeyId(),
    secretAccessKey: randomBytes(30).toString('base64'),
    sessionToken: `IQoJ${randomBytes(96).toString('base64')}`,
    expiration: new Date(now() + duration * 1000),
  };
  (opts.sessions ?? defaultSessions).add(credentials.accessKeyId, {
    principal,
    expiration: credentials.expiration,
    source,
  });
  return credentials;
}

/** The `send` of packages/db's TenantCredentialsProvider (its `AssumeRole` type), answered locally. */
export type AssumeRoleSend = (
  command: AssumeRoleCommand,
) => Promise<Pick<AssumeRoleCommandOutput, 'Credentials'>>;

export function localAssumeRole(opts: {
  policies: AppPolicies;
  /** The identity calling STS (the API function's execution role: `api`). */
  sourceRole: RoleName | SessionPrincipal;
  sessions?: SessionRegistry;
  now?: () => number;
}): AssumeRoleSend {
  return async (command) => {
    const input = command.input;
    if (!input.RoleArn || !input.RoleSessionName) {
      throw stsValidationError('AssumeRole needs RoleArn and RoleSessionName');
    }
    const sessionTags: Record<string, string> = {};
    for (const t of input.Tags ?? []) if (t.Key) sessionTags[t.Key] = t.Value ?? '';
    const c = await assumeRole({
      ...opts,
      roleName: input.RoleArn,
      sessionName: input.RoleSessionName,
      sessionTags,
      ...(input.DurationSeconds ? { durationSeconds: input.DurationSeconds } : {}),
      ...(input.TransitiveTagKeys ? { transitiveTagKeys: input.TransitiveTagKeys } : {}),
    });
    return {
      Credentials: {
        AccessKeyId: c.accessKeyId,
        SecretAccessKey: c.secretAccessKey,
        SessionToken: c.sessionToken,
        Expiration: c.expiration,
      },
    };
  };
}

/**
 * Options for packages/db's `TenantCredentialsProvider` that make it assume the app's tenant and
 * partner-reader roles through this local STS, as the API function does in AWS.
 */
export function localTenantCredentials(opts: {
  policies: AppPolicies;
  /** Defaults to `api`, the API function's execution role. */
  sourceRole?: RoleName;
  sessions?: SessionRegistry;
}): { tenantRoleArn: string; partnerRoleArn: string; send: AssumeRoleSend } {
  const { policies } = opts;
  return {
    tenantRoleArn: policies.role('tenant').arn,
    partnerRoleArn: policies.role('partner-reader').arn,
    send: localAssumeRole({ ...opts, sourceRole: opts.sourceRole ?? 'api' }),
  };
}
