/**
 * Credentials for one council's data, enforced by IAM as well as by code.
 *
 * In AWS the API Lambda's own role cannot read tenant items. For each request it assumes the tenant data
 * role (read-write) or the partner-reader role (read-only) with the session tag `council=<id>`; those
 * roles only allow DynamoDB keys whose partition is `C#${aws:PrincipalTag/council}`. A bug that builds
 * another council's key therefore fails with AccessDenied instead of leaking data.
 *
 * Locally (no role ARNs configured) there is nothing to assume: the provider returns no credentials, so
 * the default client is used, but the session tags are still computed so they can be logged.
 */
import { AssumeRoleCommand, type AssumeRoleCommandOutput, STSClient } from '@aws-sdk/client-sts';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@aws-sdk/types';
import { SLUG_PATTERN } from '@peopleplan/core';

export type TenantAccessMode = 'readwrite' | 'read';

export interface TenantCredentialsRequest {
  councilId: string;
  mode: TenantAccessMode;
}

/** The session tag key the IAM policies read (`aws:PrincipalTag/council`). */
export const COUNCIL_TAG_KEY = 'council';

/** Council ids are slugs; anything else never reaches STS (a tag value is a policy input). */
export const COUNCIL_ID_PATTERN = SLUG_PATTERN;

/** Renew this long before expiry, so a request never starts with credentials about to lapse. */
const DEFAULT_REFRESH_MARGIN_MS = 5 * 60_000;
/** One hour: the maximum STS allows when a Lambda role chains into another role. */
const DEFAULT_SESSION_SECONDS = 3600;
/** Sessions kept; each is one council × mode, so this only bounds memory in a very long-lived process. */
const DEFAULT_MAX_CACHED = 1000;

/** The one STS call this module makes; injectable so tests need no network. */
export type AssumeRole = (
  command: AssumeRoleCommand,
) => Promise<Pick<AssumeRoleCommandOutput, 'Credentials'>>;

export interface TenantCredentialsOptions {
  /** ARN of the read-write tenant data role (env TENANT_ROLE_ARN). Unset locally. */
  tenantRoleArn?: string | undefined;
  /** ARN of the read-only partner-reader role (env PARTNER_ROLE_ARN). Unset locally. */
  partnerRoleArn?: string | undefined;
  /** Defaults to an STSClient's `send` (created on first use). */
  send?: AssumeRole;
  refreshMarginMs?: number;
  sessionSeconds?: number;
  maxCached?: number;
  now?: () => number;
}

export interface TenantCredentials {
  councilId: string;
  mode: TenantAccessMode;
  /** Session tags as sent to STS (also when nothing is assumed), for logging. */
  sessionTags: Record<string, string>;
  /** The role that will be assumed; undefined on the local stack. */
  roleArn: string | undefined;
  /** Pass as `credentials` to a DynamoDBClient; undefined means "use the default credentials". */
  provider: AwsCredentialIdentityProvider | undefined;
}

export class InvalidCouncilIdError extends Error {
  constructor(councilId: string) {
    super(`Invalid council id ${JSON.stringify(councilId.slice(0, 80))}: expected a lower-case slug`);
    this.name = 'InvalidCouncilIdError';
  }
}

interface CacheEntry {
  credentials?: AwsCredentialIdentity;
  inFlight?: Promise<AwsCredentialIdentity>;
}

export class TenantCredentialsProvider {
  private readonly cache = new Map<string, CacheEntry>();
  private readonly refreshMarginMs: number;
  private readonly sessionSeconds: number;
  private readonly maxCached: number;
  private readonly now: () => number;
  private sendFn: AssumeRole | undefined;

  constructor(private readonly options: TenantCredentialsOptions = {}) {
    this.refreshMarginMs = options.refreshMarginMs ?? DEFAULT_REFRESH_MARGIN_MS;
    this.sessionSeconds = options.sessionSeconds ?? DEFAULT_SESSION_SECONDS;
    this.maxCached = options.maxCached ?? DEFAULT_MAX_CACHED;
    this.now = options.now ?? Date.now;
    this.sendFn = options.send;
  }

  /** Reads TENANT_ROLE_ARN and PARTNER_ROLE_ARN (set by the CDK api stack; absent locally). */
  /** From a process's validated configuration (packages/config): the role ARNs, unset locally. */
  static fromConfig(
    config: { TENANT_ROLE_ARN?: string | undefined; PARTNER_ROLE_ARN?: string | undefined },
    extra: Omit<TenantCredentialsOptions, 'tenantRoleArn' | 'partnerRoleArn'> = {},
  ) {
    return new TenantCredentialsProvider({
      ...extra,
      tenantRoleArn: config.TENANT_ROLE_ARN || undefined,
      partnerRoleArn: config.PARTNER_ROLE_ARN || undefined,
    });
  }

  /** Session tags for a council; throws InvalidCouncilIdError for anything that is not a slug. */
  static sessionTags(councilId: string): Record<string, string> {
    if (!COUNCIL_ID_PATTERN.test(councilId)) throw new InvalidCouncilIdError(councilId);
    return { [COUNCIL_TAG_KEY]: councilId };
  }

  /** Everything needed to build a council-scoped client, plus what to log about it. */
  forCouncil(request: TenantCredentialsRequest): TenantCredentials {
    const { councilId, mode } = request;
    const sessionTags = TenantCredentialsProvider.sessionTags(councilId);
    const roleArn = mode === 'read' ? this.options.partnerRoleArn : this.options.tenantRoleArn;
    const provider = roleArn ? () => this.credentials(roleArn, councilId, mode, sessionTags) : undefined;
    return { councilId, mode, sessionTags, roleArn, provider };
  }

  /** Shorthand for `forCouncil(request).provider`. */
  provider(request: TenantCredentialsRequest): AwsCredentialIdentityProvider | undefined {
    return this.forCouncil(request).provider;
  }

  private async credentials(
    roleArn: string,
    councilId: string,
    mode: TenantAccessMode,
    sessionTags: Record<string, string>,
  ): Promise<AwsCredentialIdentity> {
    const key = `${mode}\u0000${councilId}`;
    const entry = this.cache.get(key);
    if (entry?.credentials && this.isFresh(entry.credentials)) return entry.credentials;
    // Concurrent requests for the same council share one AssumeRole call.
    if (entry?.inFlight) return entry.inFlight;

    const inFlight = this.assume(roleArn, councilId, mode, sessionTags);
    this.remember(key, { credentials: entry?.credentials, inFlight });
    try {
      const credentials = await inFlight;
      this.remember(key, { credentials });
      return credentials;
    } catch (e) {
      // Never cache a failure: the next request tries STS again.
      this.cache.delete(key);
      throw e;
    }
  }

  private isFresh(credentials: AwsCredentialIdentity): boolean {
    const expiry = credentials.expiration?.getTime();
    return expiry !== undefined && expiry - this.refreshMarginMs > this.now();
  }

  private remember(key: string, entry: CacheEntry): void {
    this.cache.delete(key); // re-insert so Map order is least-recently-refreshed first
    this.cache.set(key, entry);
    while (this.cache.size > this.maxCached) {
      const oldest = this.cache.keys().next().value;
      if (oldest === undefined) break;
      this.cache.delete(oldest);
    }
  }

  private async assume(
    roleArn: string,
    councilId: string,
    mode: TenantAccessMode,
    sessionTags: Record<string, string>,
  ): Promise<AwsCredentialIdentity> {
    const send = this.sendFn ?? this.defaultSend();
    const out = await send(
      new AssumeRoleCommand({
        RoleArn: roleArn,
        // Shows in CloudTrail: who acted for which council. Slug chars are all valid session-name chars.
        RoleSessionName: `pp-${mode}-${councilId}`.slice(0, 64),
        DurationSeconds: this.sessionSeconds,
        Tags: Object.entries(sessionTags).map(([Key, Value]) => ({ Key, Value })),
        // Kept on any further role chaining, so the council scope cannot be dropped downstream.
        TransitiveTagKeys: Object.keys(sessionTags),
      }),
    );
    const c = out.Credentials;
    if (!c?.AccessKeyId || !c.SecretAccessKey || !c.SessionToken || !c.Expiration) {
      throw new Error(`AssumeRole for council ${councilId} (${mode}) returned no credentials`);
    }
    return {
      accessKeyId: c.AccessKeyId,
      secretAccessKey: c.SecretAccessKey,
      sessionToken: c.SessionToken,
      expiration: new Date(c.Expiration),
    };
  }

  private defaultSend(): AssumeRole {
    const client = new STSClient({});
    this.sendFn = (command) => client.send(command);
    return this.sendFn;
  }
}
