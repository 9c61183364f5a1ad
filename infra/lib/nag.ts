import { Stack, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { flattenCfnReference } from 'cdk-nag/lib/utils/flatten-cfn-reference.js';
import type { IConstruct } from 'constructs';

export interface Acknowledgement {
  id: string;
  reason: string;
}

/**
 * Acknowledge a cdk-nag finding on a construct (and its children), with the reason written next to the
 * code it excuses. `id` is a rule (`AwsSolutions-COG2`) or one finding (`AwsSolutions-IAM5[Action::s3:List*]`).
 */
export function acknowledge(construct: IConstruct, ...rules: Acknowledgement[]): void {
  for (const rule of rules) {
    if (rule.reason.trim().length < 20) throw new Error(`nag acknowledgement ${rule.id} needs a real reason`);
  }
  Validations.of(construct).acknowledge(...rules);
}

export interface ExpectedWildcards {
  /** Wildcard actions we accept, exactly as written in the policy (`s3:GetObject*`). */
  actions: string[];
  /** Wildcard resources we accept, matched against cdk-nag's flattened form (`<SiteE53D7754.Arn>/*`). */
  resources: RegExp[];
  reason: string;
}

/**
 * For policies written by CDK itself (e.g. BucketDeployment's handler), acknowledge the AwsSolutions-IAM5
 * findings that match an explicit allow-list. The finding ids embed logical ids and, once an account is
 * known, the account number, so they are computed the way cdk-nag computes them rather than hard-coded.
 * Anything outside the allow-list is left to fail the synth.
 */
export function acknowledgeExpectedWildcards(scope: IConstruct, expected: ExpectedWildcards): void {
  const stack = Stack.of(scope);
  for (const node of scope.node.findAll()) {
    if (!(node instanceof iam.CfnPolicy)) continue;
    const doc = stack.resolve(node.policyDocument) as { Statement?: Record<string, unknown>[] };
    const ids = new Set<string>();
    for (const st of doc.Statement ?? []) {
      if (st.Effect !== 'Allow') continue;
      for (const action of ([] as unknown[]).concat(st.Action ?? [])) {
        if (typeof action === 'string' && action.includes('*') && expected.actions.includes(action)) {
          ids.add(`AwsSolutions-IAM5[Action::${action}]`);
        }
      }
      for (const resource of ([] as unknown[]).concat(st.Resource ?? [])) {
        const flat = flattenCfnReference(resource);
        if (flat.includes('*') && expected.resources.some((re) => re.test(flat))) {
          ids.add(`AwsSolutions-IAM5[Resource::${flat}]`);
        }
      }
    }
    for (const id of ids) acknowledge(node, { id, reason: expected.reason });
  }
}
