/**
 * IAM in the loop, locally and in tests: the CDK app's own policies (synthesised once, cached), a local
 * STS that issues tagged role sessions, and a DynamoDB client layer that authorizes every command as AWS
 * would. Local and test use only: never bundled into a Lambda.
 */
export type { AppPolicySet, NamedPolicy, PolicyDocument, RoleRecord, TableRecord } from './app-roles.js';
export { ROLE_NAMES } from './app-roles.js';
export { EVALUATION_SWITCH, evaluationEnabled, FAKE_ACCOUNT, FAKE_REGION } from './environment.js';
export {
  DEFAULT_CACHE_DIR,
  type LoadPoliciesOptions,
  loadPolicySet,
  policySourceHash,
} from './policy-cache.js';
