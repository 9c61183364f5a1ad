/**
 * IAM in the loop, locally and in tests: the CDK app's own policies (synthesised once, cached), a local
 * STS that issues tagged role sessions, and a DynamoDB client layer that authorizes every command as AWS
 * would. Local and test use only: never bundled into a Lambda.
 */
export { AppPolicies, loadAppPolicies, type RoleName } from './app-policies.js';
export type { AppPolicySet, NamedPolicy, PolicyDocument, RoleRecord, TableRecord } from './app-roles.js';
export { ROLE_NAMES } from './app-roles.js';
export { type EvaluationCost, measureEvaluationCost } from './cost.js';
export { type DynamoAuthorization, dynamoAuthorizations } from './dynamodb-requests.js';
export { EVALUATION_SWITCH, evaluationEnabled, FAKE_ACCOUNT, FAKE_REGION } from './environment.js';
export { authorize, type Decision, IamSimulationError, type SessionPrincipal } from './evaluate.js';
export { localIamClients } from './local-clients.js';
export {
  type AssumeRoleOptions,
  type AssumeRoleSend,
  assumeRole,
  defaultSessions,
  type LocalCredentials,
  localAssumeRole,
  localTenantCredentials,
  SessionRegistry,
} from './local-sts.js';
export {
  DEFAULT_CACHE_DIR,
  type LoadPoliciesOptions,
  loadPolicySet,
  policySourceHash,
} from './policy-cache.js';
export { evaluateCommand, type IamEvaluationOptions, withIamEvaluation } from './with-iam-evaluation.js';
