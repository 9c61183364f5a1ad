import { Stack, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type { NagPack } from 'cdk-nag';
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

export interface NagFinding {
  /** Rule id, with the finding for rules that report several (`AwsSolutions-IAM5[Resource::*]`). */
  rule: string;
  /** Construct path of the CloudFormation resource. */
  path: string;
}

export interface PlacedAcknowledgement extends Acknowledgement {
  /** Construct path the acknowledgement is attached to (it covers that construct and its children). */
  path: string;
}

/** Every acknowledgement in the tree (rule ids as cdk-nag compares them, without `Annotation::`). */
export function acknowledgementsIn(scope: IConstruct): PlacedAcknowledgement[] {
  return scope.node.findAll().flatMap((c) =>
    c.node.metadata
      .filter((m) => m.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
      .flatMap((m) =>
        Object.entries(m.data as Record<string, string>).map(([id, reason]) => ({
          id: id.replace(/^annotation::/i, ''),
          reason,
          path: c.node.path,
        })),
      ),
  );
}

/**
 * What the packs would report if nothing were acknowledged. cdk-nag 3 offers no such mode: its private
 * acknowledgement check is shadowed on each pack instance for the duration of the call, then restored.
 */
export function findingsIgnoringAcknowledgements(scope: IConstruct, packs: NagPack[]): NagFinding[] {
  return packs.flatMap((pack) => {
    Object.defineProperty(pack, 'isAcknowledged', { value: () => false, configurable: true });
    try {
      return pack.validateScope(scope).violations.flatMap((v) =>
        // cdk-nag always names the construct path.
        v.violatingResources.map((r) => ({ rule: v.ruleName, path: r.constructPath ?? '' })),
      );
    } finally {
      delete (pack as unknown as Record<string, unknown>).isAcknowledged;
    }
  });
}

/**
 * Acknowledgements of the given packs' rules (by id prefix, e.g. `AwsSolutions-`) that match no finding
 * on their construct or below it: left behind by a change, they would silently excuse a future finding.
 * Acknowledgements written by aws-cdk-lib itself (other prefixes) are not ours to judge.
 */
export function unusedAcknowledgements(scope: IConstruct, packs: NagPack[]): PlacedAcknowledgement[] {
  const findings = findingsIgnoringAcknowledgements(scope, packs);
  const prefixes = packs.map((p) => `${p.readPackName}-`);
  return acknowledgementsIn(scope)
    .filter((a) => prefixes.some((p) => a.id.startsWith(p)))
    .filter(
      (a) => !findings.some((f) => f.rule === a.id && (f.path === a.path || f.path.startsWith(`${a.path}/`))),
    );
}
