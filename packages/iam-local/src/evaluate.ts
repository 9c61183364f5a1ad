/**
 * One IAM decision with @cloud-copilot/iam-simulate: a principal (a role session and its tags), an
 * action, a resource and the request's context keys, against the role's identity policies (and, for
 * `sts:AssumeRole`, the target role's trust policy), with AWS's denial message.
 */
import { type EvaluationResult, runSimulation } from '@cloud-copilot/iam-simulate';
import type { AppPolicies, RoleName } from './app-policies.js';

/** A role session: who signs a request, as IAM sees it. */
export interface SessionPrincipal {
  role: RoleName;
  sessionName: string;
  /** Session tags (`aws:PrincipalTag/<key>`). */
  tags: Record<string, string>;
  /** Tag keys passed on when this session assumes another role. */
  transitiveTagKeys?: string[];
}

export interface AuthorizationRequest {
  action: string;
  resource: string;
  /** The resource as the denial message names it; defaults to `resource`. */
  shownResource?: string;
  context: Record<string, string | string[]>;
}

export interface Decision {
  allowed: boolean;
  result: EvaluationResult;
  /** `arn:aws:sts::<account>:assumed-role/<role name>/<session>` */
  principalArn: string;
  action: string;
  resource: string;
  /** AWS's wording of the refusal; undefined when allowed. */
  message: string | undefined;
}

export class IamSimulationError extends Error {
  constructor(action: string, details: unknown) {
    super(`iam-simulate could not evaluate ${action}: ${JSON.stringify(details)}`);
    this.name = 'IamSimulationError';
  }
}

export function assumedRoleArn(policies: AppPolicies, principal: SessionPrincipal): string {
  const r = policies.role(principal.role);
  return `arn:${policies.set.partition}:sts::${policies.account}:assumed-role/${r.roleName}/${principal.sessionName}`;
}

/** Global keys IAM fills in for every request a role session signs. */
export function principalContext(policies: AppPolicies, principal: SessionPrincipal): Record<string, string> {
  const ctx: Record<string, string> = {
    'aws:PrincipalArn': policies.role(principal.role).arn,
    'aws:PrincipalAccount': policies.account,
    'aws:PrincipalType': 'AssumedRole',
    'aws:RequestedRegion': policies.region,
    'aws:SecureTransport': 'true',
  };
  for (const [k, v] of Object.entries(principal.tags)) ctx[`aws:PrincipalTag/${k}`] = v;
  return ctx;
}

/**
 * The decision for one request. `resourcePolicy` is the target role's trust policy for `sts:*` calls;
 * DynamoDB tables carry no resource policy here.
 */
export function authorize(
  policies: AppPolicies,
  principal: SessionPrincipal,
  request: AuthorizationRequest,
  resourcePolicy?: unknown,
): Promise<Decision> {
  const key = JSON.stringify([principal, request, !!resourcePolicy]);
  return policies.remember(key, () => simulate(policies, principal, request, resourcePolicy));
}

async function simulate(
  policies: AppPolicies,
  principal: SessionPrincipal,
  request: AuthorizationRequest,
  resourcePolicy: unknown,
): Promise<Decision> {
  const principalArn = assumedRoleArn(policies, principal);
  const response = await runSimulation(
    {
      request: {
        principal: principalArn,
        action: request.action,
        resource: { resource: request.resource, accountId: policies.account },
        contextVariables: { ...principalContext(policies, principal), ...request.context },
      },
      identityPolicies: policies.identityPolicies(principal.role),
      serviceControlPolicies: [],
      resourceControlPolicies: [],
      ...(resourcePolicy ? { resourcePolicy } : {}),
    },
    {},
  );
  if (response.resultType === 'error') throw new IamSimulationError(request.action, response.errors);
  const result = response.overallResult;
  const shown = request.shownResource ?? request.resource;
  const allowed = result === 'Allowed';
  return {
    allowed,
    result,
    principalArn,
    action: request.action,
    resource: shown,
    message: allowed
      ? undefined
      : denialMessage(principalArn, request.action, shown, result, !!resourcePolicy),
  };
}

/** AWS's message for an identity-policy refusal (STS's AssumeRole refusal names no reason). */
export function denialMessage(
  principalArn: string,
  action: string,
  resource: string,
  result: EvaluationResult,
  trust: boolean,
): string {
  const head = `User: ${principalArn} is not authorized to perform: ${action} on resource: ${resource}`;
  if (trust) return head;
  return result === 'ExplicitlyDenied'
    ? `${head} with an explicit deny in an identity-based policy`
    : `${head} because no identity-based policy allows the ${action} action`;
}
