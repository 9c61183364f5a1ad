import { TABLE } from '@peopleplan/db/table';
import { Duration } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';

/** The session tag the API sets from the caller's verified membership (see packages/db tenant-credentials). */
export const COUNCIL_TAG = 'council';

/**
 * IAM policy variable for the council tag on the assumed-role session. It is a literal `${...}`: IAM, not
 * JavaScript or CloudFormation, substitutes it at request time.
 */
// biome-ignore lint/suspicious/noTemplateCurlyInString: an IAM policy variable, not a template literal
export const COUNCIL_PARTITION = 'C#${aws:PrincipalTag/council}';

export const ITEM_READ_ACTIONS = ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query'];
export const ITEM_WRITE_ACTIONS = [
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
  'dynamodb:BatchWriteItem',
  'dynamodb:ConditionCheckItem',
];

/**
 * Every key in the request must be in the session's council partition. `ForAllValues` alone is also true
 * when the request names no key at all, so `Null: false` insists that it does (Scan is never granted).
 */
export function leadingKeysCondition(partitions: string | string[], operator = 'ForAllValues:StringEquals') {
  return {
    [operator]: { 'dynamodb:LeadingKeys': ([] as string[]).concat(partitions) },
    Null: { 'dynamodb:LeadingKeys': 'false' },
  };
}

export interface TenantDataRolesProps {
  table: dynamodb.ITable;
  /** Execution roles that may assume the read-write tenant data role (with a council tag). */
  tenantAssumedBy: iam.IRole[];
  /** Execution roles that may assume the read-only partner-reader role (with a council tag). */
  partnerAssumedBy: iam.IRole[];
  /**
   * A role the post-deploy smoke test (infra/smoke/smoke.ts) runs as: it may also assume the tenant data role,
   * under the same session-tag conditions, to prove that a session for one council cannot read another.
   */
  smokeTestRoleArn?: string;
}

/** Several roles as one trust principal, so the trust policy stays a single statement. */
class RolesPrincipal extends iam.PrincipalBase {
  constructor(private readonly roles: iam.IRole[]) {
    super();
  }
  get policyFragment(): iam.PrincipalPolicyFragment {
    return new iam.PrincipalPolicyFragment({ AWS: this.roles.map((r) => r.roleArn) });
  }
  override toString() {
    return `RolesPrincipal(${this.roles.map((r) => r.node.path).join(', ')})`;
  }
  override dedupeString() {
    return undefined;
  }
}

/**
 * The two roles every council read or write goes through, each confined by IAM to one council's partition
 * (docs/architecture.md, "Tenant isolation"):
 * - tenant data role: read and write the council's items (table and the per-council `council` index);
 * - partner-reader role: read only, assumed once per council that consented to a partnership.
 * Neither can touch the cross-council `due` index or any partition other than `C#<council>`. Each caller
 * gets `sts:AssumeRole`/`sts:TagSession` on exactly the roles it is trusted for.
 */
export class TenantDataRoles extends Construct {
  readonly tenantRole: iam.Role;
  readonly partnerRole: iam.Role;

  constructor(scope: Construct, id: string, props: TenantDataRolesProps) {
    super(scope, id);
    const { table, smokeTestRoleArn } = props;
    const resources = [table.tableArn, `${table.tableArn}/index/${TABLE.indexes.council.name}`];

    const smoke = smokeTestRoleArn
      ? [iam.Role.fromRoleArn(this, 'SmokeTestRole', smokeTestRoleArn, { mutable: false })]
      : [];
    this.tenantRole = this.role(
      'TenantDataRole',
      'PeoplePlan: read/write one council (session tag council)',
      [...props.tenantAssumedBy, ...smoke],
    );
    this.tenantRole.addToPolicy(
      new iam.PolicyStatement({
        sid: 'CouncilItemsReadWrite',
        actions: [...ITEM_READ_ACTIONS, ...ITEM_WRITE_ACTIONS],
        resources,
        conditions: leadingKeysCondition(COUNCIL_PARTITION),
      }),
    );

    this.partnerRole = this.role(
      'PartnerReaderRole',
      'PeoplePlan: read one consenting council for a partnership',
      props.partnerAssumedBy,
    );
    this.partnerRole.addToPolicy(
      new iam.PolicyStatement({
        sid: 'CouncilItemsRead',
        actions: ITEM_READ_ACTIONS,
        resources,
        conditions: leadingKeysCondition(COUNCIL_PARTITION),
      }),
    );

    const callers = new Set([...props.tenantAssumedBy, ...props.partnerAssumedBy]);
    for (const role of callers) {
      const targets = [
        ...(props.tenantAssumedBy.includes(role) ? [this.tenantRole.roleArn] : []),
        ...(props.partnerAssumedBy.includes(role) ? [this.partnerRole.roleArn] : []),
      ];
      role.addToPrincipalPolicy(
        new iam.PolicyStatement({
          sid: 'AssumeTenantRoles',
          actions: ['sts:AssumeRole', 'sts:TagSession'],
          resources: targets,
        }),
      );
    }
  }

  private role(id: string, description: string, assumedBy: iam.IRole[]): iam.Role {
    if (assumedBy.length === 0) throw new Error('TenantDataRoles: no principal may assume the roles');
    return new iam.Role(this, id, {
      description,
      // Chained role sessions last at most one hour anyway.
      maxSessionDuration: Duration.hours(1),
      // The session must carry exactly one tag, `council`, with a value: without it the policy variable
      // above would have nothing to match.
      assumedBy: new RolesPrincipal(assumedBy).withSessionTags().withConditions({
        StringLike: { [`aws:RequestTag/${COUNCIL_TAG}`]: '?*' },
        'ForAllValues:StringEquals': { 'aws:TagKeys': [COUNCIL_TAG] },
      }),
    });
  }
}
